import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type EventStoreDBClient,
  type Filter,
  type ReadRevision,
} from '@eventstore/db-client';

/*
 * A stand-in for the server, in memory, with the few calls the adapter makes and the behaviour it relies on
 * as the client's documentation and types describe it: an append is all or nothing and checks the expected
 * revision, a repeat of events already at that place is a no-op, reading a missing stream fails with
 * StreamNotFoundError, `$all` subscriptions see appends to the streams their filter matches. It is NOT the
 * server (no cluster, no leader changes, no size limits, no link events): it lets the adapter's logic run in
 * `npm test`; the real proof is the conformance suite against XINFANG_ESDB_URL.
 */

interface Stored {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string | undefined;
}

export interface StandIn {
  readonly client: EventStoreDBClient;
  /** The names of the streams written, for tests. */
  readonly streamNames: () => string[];
  /**
   * Makes the next appends to streams whose names `match` fail as an unreachable server would (after
   * nothing was written): a process that dies between the log and its copies.
   */
  readonly failAppends: (match: (streamName: string) => boolean) => void;
}

const unavailable = (): Error => Object.assign(new Error('14 UNAVAILABLE: the stand-in was told to fail'), { type: 'unavailable' });

export const createStandIn = (): StandIn => {
  const streams = new Map<string, Stored[]>();
  const subscriptions = new Set<{ readonly emitter: EventEmitter; readonly filter: Filter | undefined }>();
  let failing: ((streamName: string) => boolean) | undefined;

  const matches = (filter: Filter | undefined, streamName: string): boolean => {
    if (filter === undefined) return true;
    if ('regex' in filter) return new RegExp(filter.regex).test(streamName);
    return filter.prefixes.some((p) => streamName.startsWith(p));
  };

  const toRecorded = (streamName: string, stored: Stored, revision: number) => ({
    event: {
      streamId: streamName,
      id: stored.id,
      isJson: true,
      revision: BigInt(revision),
      type: stored.type,
      created: new Date(0),
      data: JSON.parse(stored.data) as unknown,
      metadata: stored.metadata === undefined ? undefined : (JSON.parse(stored.metadata) as unknown),
    },
  });

  /** Whether `events` are already in the stream from index `from` on (the server's idempotent append). */
  const alreadyAt = (stream: readonly Stored[], from: number, events: readonly EventData[]): boolean =>
    from >= 0 && from + events.length <= stream.length && events.every((e, i) => stream[from + i]?.id === e.id);

  const appendToStream = async (streamName: string, input: EventData | EventData[], { expectedRevision = ANY }: { expectedRevision?: AppendExpectedRevision } = {}) => {
    await Promise.resolve();
    if (failing?.(streamName)) throw unavailable();
    const events = Array.isArray(input) ? input : [input];
    const stream = streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const next = () => ({ success: true, nextExpectedRevision: BigInt(stream.length - 1) });
    let ok: boolean;
    if (expectedRevision === ANY) {
      const first = stream.findIndex((s) => s.id === events[0]?.id);
      if (first >= 0 && alreadyAt(stream, first, events)) return next();
      ok = true;
    } else if (expectedRevision === NO_STREAM) {
      if (stream.length > 0 && alreadyAt(stream, 0, events)) return next();
      ok = stream.length === 0;
    } else if (typeof expectedRevision === 'bigint') {
      const at = Number(expectedRevision) + 1;
      if (at < stream.length && alreadyAt(stream, at, events)) return next();
      ok = Number(expectedRevision) === stream.length - 1;
    } else {
      ok = stream.length > 0;
    }
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedRevision, current });
    // Serialised first, as the client does, so that an event that cannot be written stops the whole append.
    const stored = events.map((e): Stored => ({ id: e.id, type: e.type, data: JSON.stringify(e.data), metadata: e.metadata === undefined ? undefined : JSON.stringify(e.metadata) }));
    const from = stream.length;
    stream.push(...stored);
    streams.set(streamName, stream);
    for (const { emitter, filter } of subscriptions) {
      if (matches(filter, streamName)) stored.forEach((s, i) => emitter.emit('data', toRecorded(streamName, s, from + i)));
    }
    return next();
  };

  const readStream = (streamName: string, { direction, fromRevision = direction === BACKWARDS ? END : START, maxCount = Number.MAX_SAFE_INTEGER }: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {}) => ({
    async *[Symbol.asyncIterator]() {
      await Promise.resolve();
      const stream = streams.get(streamName);
      if (stream === undefined) throw new StreamNotFoundError(undefined, streamName);
      const count = Number(maxCount);
      const last = stream.length - 1;
      if (direction === BACKWARDS) {
        const from = fromRevision === END ? last : fromRevision === START ? 0 : Math.min(Number(fromRevision), last);
        for (let r = from, n = 0; r >= 0 && n < count; r--, n++) yield toRecorded(streamName, stream[r] as Stored, r);
      } else {
        const from = fromRevision === START ? 0 : fromRevision === END ? stream.length : Number(fromRevision);
        for (let r = from, n = 0; r <= last && n < count; r++, n++) yield toRecorded(streamName, stream[r] as Stored, r);
      }
    },
  });

  const subscribeToAll = ({ filter }: { filter?: Filter } = {}) => {
    const emitter = new EventEmitter();
    const entry = { emitter, filter };
    subscriptions.add(entry);
    return Object.assign(emitter, {
      unsubscribe: async () => {
        subscriptions.delete(entry);
      },
    });
  };

  const client = { appendToStream, readStream, subscribeToAll, dispose: async () => undefined } as unknown as EventStoreDBClient;
  return {
    client,
    streamNames: () => [...streams.keys()],
    failAppends: (match) => {
      failing = match;
    },
  };
};
