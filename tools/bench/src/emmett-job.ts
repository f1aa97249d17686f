import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { appendToStream, readMessagesBatch, sqliteConnection, type SQLiteConnection, getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import type { Event, ReadEvent } from '@event-driven-io/emmett';
import { aggregateOfStream } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { evolveStream } from '@xinfang/projections';
import type { EventRow } from '@xinfang/store-sqlite';

/*
 * The peer: Emmett (@event-driven-io/emmett 0.38.5, emmett-sqlite 0.38.5) folding the same events with the
 * same domain `evolve` as our `aggregates` projection, so that the difference is the machinery around it.
 *
 * - In memory: the events held as Emmett's in-memory event store holds them (a Map of stream name → its
 *   ReadEvents), and every stream aggregated as its `aggregateStream` does (read the stream — a copy — then
 *   `events.reduce(evolve, initialState())`). Emmett's own `getInMemoryEventStore` cannot be loaded with a
 *   benchmark-sized log: each appended event recounts every stream's length for its global position, so
 *   loading is O(events × streams); its aggregateStream is reproduced here over the same layout.
 * - SQLite: the events appended to an emmett-sqlite file (setup, not timed), then read back with its own
 *   reader (`readMessagesBatch`, 500 at a time, as its consumers pull) and folded in memory.
 */

type AnyEvent = Event<string, Record<string, unknown>>;
type Stored = ReadEvent<AnyEvent>;

/** The columns the emmett jobs read of our log. */
type Row = Pick<EventRow, 'position' | 'stream_id' | 'revision' | 'event_id' | 'type' | 'data' | 'meta'>;

const rowsOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  return { db, rows: db.prepare<[], Row>('SELECT position, stream_id, revision, event_id, type, data, meta FROM events ORDER BY position').iterate() };
};

/** Emmett's evolve over our domain: an Emmett event is `{type, data, metadata}`; evolveStream reads type and data. */
const evolveFor = (streamName: string) => {
  const aggregate = aggregateOfStream(streamName);
  return (state: unknown, event: Stored): unknown =>
    aggregate === undefined ? state : evolveStream(aggregate, state as never, { type: event.type, data: event.data, meta: event.metadata } as unknown as RecordedEvent);
};

export const emmettInMemoryFold = async (args: { path: string }) => {
  // Setup, not timed: the log in memory, as Emmett's in-memory store keeps it.
  const streams = new Map<string, Stored[]>();
  const { db, rows } = rowsOf(args.path);
  let count = 0;
  for (const row of rows) {
    const event = {
      type: row.type,
      data: row.data === null ? {} : (JSON.parse(row.data) as Record<string, unknown>),
      kind: 'Event',
      metadata: {
        ...(JSON.parse(row.meta) as Record<string, unknown>),
        streamName: row.stream_id,
        messageId: row.event_id,
        streamPosition: BigInt(row.revision),
        globalPosition: BigInt(row.position),
      },
    } as unknown as Stored;
    const list = streams.get(row.stream_id);
    if (list === undefined) streams.set(row.stream_id, [event]);
    else list.push(event);
    count += 1;
  }
  db.close();
  const started = performance.now();
  const states = new Map<string, unknown>();
  for (const [streamName, events] of streams) {
    // aggregateStream: readStream (a copy of the stream's events), then reduce from the initial state.
    const read = events.map((e) => e).slice(0, events.length);
    states.set(streamName, read.reduce(evolveFor(streamName), undefined));
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, count, streams: states.size };
};

/** Appends the log's events to an emmett-sqlite file, in transactions of 1,000 appends (setup for the fold). */
export const emmettSqliteLoad = async (args: { path: string; emmettPath: string }) => {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(args.emmettPath + suffix)) rmSync(args.emmettPath + suffix);
  // Creates the schema on first use.
  const store = getSQLiteEventStore({ fileName: args.emmettPath, schema: { autoMigration: 'CreateOrUpdate' } });
  await store.readStream('bench-schema');
  const connection: SQLiteConnection = sqliteConnection({ fileName: args.emmettPath });
  const started = performance.now();
  const { db, rows } = rowsOf(args.path);
  let count = 0;
  let batch: Row[] = [];
  const flush = async (): Promise<void> => {
    const events = batch;
    batch = [];
    await connection.withTransaction(async () => {
      for (const row of events) {
        const event = {
          type: row.type,
          data: row.data === null ? {} : (JSON.parse(row.data) as Record<string, unknown>),
          metadata: JSON.parse(row.meta) as Record<string, unknown>,
        } as AnyEvent;
        await appendToStream(connection, row.stream_id, aggregateOfStream(row.stream_id) ?? 'other', [event]);
      }
    });
  };
  for (const row of rows) {
    batch.push(row);
    count += 1;
    if (batch.length === 1000) await flush();
  }
  await flush();
  db.close();
  connection.close();
  return { seconds: (performance.now() - started) / 1000, count };
};

export const emmettSqliteFold = async (args: { emmettPath: string }) => {
  const connection = sqliteConnection({ fileName: args.emmettPath });
  const states = new Map<string, unknown>();
  const started = performance.now();
  let count = 0;
  let after = 0n;
  for (;;) {
    const batch = await readMessagesBatch<AnyEvent>(connection, { after, batchSize: 500 });
    for (const message of batch.messages as unknown as Stored[]) {
      const streamName = message.metadata.streamName;
      states.set(streamName, evolveFor(streamName)(states.get(streamName), message));
      count += 1;
    }
    if (batch.messages.length === 0 || !batch.areEventsLeft) break;
    after = batch.currentGlobalPosition;
  }
  const seconds = (performance.now() - started) / 1000;
  connection.close();
  return { seconds, count, streams: states.size };
};
