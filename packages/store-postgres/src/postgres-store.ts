import { randomUUID } from 'node:crypto';
import {
  GENESIS_HASH,
  KEYED_SCHEME,
  appendConflict,
  appendResultOf,
  assertAppendArguments,
  assertAppendManyArguments,
  assertChainKey,
  assertImportContinues,
  assertImportOrigin,
  catchUpSubscription,
  chainKeyCheck,
  chainLinkOf,
  nextRecordedAt,
  priorAppendManyResults,
  sealEvent,
  subscriptionRegistry,
  systemClock,
  type AppendConflict,
  type AppendResult,
  type ChainKey,
  type ChainMarker,
  type Clock,
  type EventStore,
  type RecordedEvent,
  type StreamAppend,
  fromStoredRow,
} from '@xinfang/event-store';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import pg from 'pg';
import { appendNotices, channelOf, sendAppendNotice } from './append-notices';
import { COLUMNS, insertSql, toColumns, type EventRow } from './event-row';
import { groupCommit, type Settled } from './group-commit';
import { ensureSchema, quotedSchema } from './schema';
import { orUnavailable, unavailable } from './unavailable';

export interface PostgresEventStoreOptions {
  /** Where the log is: `postgres://user:password@host:port/database`. The store makes (and ends) a pool. Or give `pool`. */
  readonly connectionString?: string;
  /** A pool of the caller's (then not ended by `close`), instead of `connectionString`. */
  readonly pool?: pg.Pool;
  /**
   * The PostgreSQL schema that holds the log's tables (created if missing); default `xinfang`. Several logs
   * (and tests) can share one database, each in a schema of its own.
   */
  readonly schema?: string;
  /** Sets `recordedAt`; the system clock by default. */
  readonly clock?: Clock;
  /** The chain key (at least 32 random bytes): as in store-sqlite, the first open with a key marks the log keyed. */
  readonly chainKey?: ChainKey;
  /** The id a new log takes (a random one by default); `xinfang migrate` gives its copy the origin's. */
  readonly storeId?: string;
  /**
   * How often subscriptions look for events appended by other processes (other servers, the CLI); default
   * 200 ms, 0 = never. This store's own appends reach its subscribers at once either way.
   */
  readonly pollIntervalMs?: number;
  /**
   * Whether subscriptions also LISTEN for the notices other processes' appends send (NOTIFY, at their COMMIT),
   * to read at once rather than at the next poll; default true. Takes one connection of the pool while this
   * store has subscriptions. Polling goes on either way (a notice can be lost while reconnecting).
   */
  readonly listen?: boolean;
  /** The size of the pool the store makes from `connectionString`; default 10. */
  readonly maxConnections?: number;
  /**
   * How long an append waits for another writer's transaction (another process appending to this log)
   * before it fails with `StoreUnavailableError` (`busy`); default 5,000 ms. The event loop runs on meanwhile.
   */
  readonly lockTimeoutMs?: number;
  /**
   * Wraps the COMMIT of every write transaction (appends, imports), which holds the append lock until it
   * returns: for tests, to hold a transaction open and see that nothing after it becomes visible meanwhile.
   */
  readonly aroundCommit?: (commit: () => Promise<void>) => Promise<void>;
}

export interface PostgresEventStore extends EventStore {
  /** The schema that holds the log. */
  readonly schema: string;
}

interface HeadRow {
  readonly position: string | null;
  readonly hash: string | null;
  readonly recorded_at: string | null;
  readonly from_position: string | null;
  readonly scheme: string | null;
  readonly key_check: string | null;
}

/** The log's head and marker, read under the append lock. */
interface LogState {
  position: number;
  hash: string;
  recordedAt: string | undefined;
  readonly marker: ChainMarker | undefined;
}

interface StreamHeadRow {
  readonly stream_id: string;
  readonly revision: string;
  readonly position: string;
}

/** The schema of a log whose options name none. */
export const DEFAULT_SCHEMA = 'xinfang';
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_CHAIN_BATCH_SIZE = 1_000;
const DEFAULT_POLL_INTERVAL_MS = 200;
const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
const DEFAULT_MAX_CONNECTIONS = 10;
/** How long the store's own pool waits for a connection (a server that does not answer) before failing as unavailable. */
const CONNECT_TIMEOUT_MS = 10_000;
/** How long a write transaction may sit idle (its process stopped) before the server ends it and frees the append lock. */
const IDLE_IN_TRANSACTION_MS = 60_000;

const toMarker = (row: Pick<HeadRow, 'from_position' | 'scheme' | 'key_check'>): ChainMarker | undefined => {
  if (row.from_position === null) return undefined;
  if (row.scheme !== KEYED_SCHEME) throw new Error(`store-postgres: unknown chain scheme ${String(row.scheme)}`);
  return { fromPosition: Number(row.from_position), scheme: KEYED_SCHEME, keyCheck: row.key_check ?? '' };
};

const wholeNumber = (value: number, name: string, min: number): number => {
  if (!(Number.isSafeInteger(value) && value >= min)) throw new RangeError(`store-postgres: bad ${name} ${value}`);
  return value;
};

/**
 * The event store on PostgreSQL: one log per schema, which any number of processes (app servers on several
 * machines, the CLI) append to and read at once.
 *
 * **Positions are visible in order.** The known trap of event stores on PostgreSQL: positions taken from a
 * sequence (or max + 1 without a lock) are handed out when a transaction *starts* writing, but become visible
 * when it *commits*, and transactions commit in any order. A subscriber that has read position 7 and moves its
 * cursor there never goes back for position 6, which a slower transaction commits a moment later: the event is
 * skipped for good. Here every write transaction first locks the one row of `append_lock` (FOR UPDATE) and only
 * then reads the head and assigns head + 1, … — so writers of a log take turns, and the next one reads the head
 * only once the one before has committed. PostgreSQL makes a transaction visible to new snapshots before it
 * releases its locks (ProcArrayEndTransaction runs before the locks go), so whoever gets the lock next already
 * sees every lower position. Hence any snapshot sees a prefix of positions 1, 2, 3, … with no holes: a reader
 * that reads after its cursor never skips an event, and positions are gap-free (a rolled-back transaction used
 * no number). The head is read in a statement *after* the lock statement: under READ COMMITTED each statement
 * takes its snapshot when it starts, so a head read in the locking statement itself would be the stale one from
 * before the wait. The price is one writer at a time per log, which group commit (below) makes cheap.
 *
 * **Durability**: each transaction runs with `synchronous_commit = on` (whatever the server's default), so an
 * append resolves only after its COMMIT is flushed (and, with synchronous standbys, replicated). When the
 * connection drops during COMMIT the outcome is unknown: the append fails with `StoreUnavailableError`, and
 * retrying it with the same event ids is safe (appends are idempotent by event id).
 *
 * **Group commit**, as store-sqlite: concurrent appends share one transaction, and one that conflicts or cannot
 * be stored fails alone; each resolves only after the COMMIT. A group is decided in memory and inserted by one
 * statement (a few round trips whatever its size); only when the server refuses that INSERT is it redone append
 * by append, each in a savepoint of its own.
 *
 * Opening is asynchronous (the schema, the marker and the store id are read or made): await the result.
 */
export const createPostgresEventStore = async (options: PostgresEventStoreOptions): Promise<PostgresEventStore> => {
  const clock = options.clock ?? systemClock;
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = quotedSchema(schema);
  const pollIntervalMs = wholeNumber(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, 'pollIntervalMs', 0);
  const lockTimeoutMs = wholeNumber(options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, 'lockTimeoutMs', 1);
  const maxConnections = wholeNumber(options.maxConnections ?? DEFAULT_MAX_CONNECTIONS, 'maxConnections', 1);
  const around = options.aroundCommit ?? ((commit) => commit());
  const { chainKey } = options;
  if (chainKey !== undefined) assertChainKey(chainKey);
  const keyCheck = chainKey === undefined ? undefined : chainKeyCheck(chainKey);
  if ((options.pool === undefined) === (options.connectionString === undefined)) {
    throw new TypeError('store-postgres: give either connectionString or pool');
  }
  const ownPool = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: maxConnections, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection that the server drops emits 'error' on the pool; unheard, it would end the process.
  // The next query gets a fresh connection (or fails, and says so).
  if (ownPool) pool.on('error', () => undefined);

  const channel = channelOf(schema);
  const notices = options.listen === false ? undefined : appendNotices(pool, channel);

  const sql = {
    lock: `SELECT one FROM ${s}.append_lock WHERE one = 1 FOR UPDATE`,
    state: `SELECT h.position, h.hash, h.recorded_at, k.from_position, k.scheme, k.key_check
            FROM (SELECT 1) AS one
            LEFT JOIN LATERAL (SELECT position, hash, recorded_at FROM ${s}.events ORDER BY position DESC LIMIT 1) AS h ON true
            LEFT JOIN ${s}.chain_keying AS k ON true`,
    streamHeads: `SELECT DISTINCT ON (stream_id) stream_id, revision, position FROM ${s}.events
                  WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, revision DESC`,
    byEventIds: `SELECT ${COLUMNS} FROM ${s}.events WHERE event_id = ANY($1::text[]) ORDER BY position`,
    insert: insertSql(`${s}.events`),
    insertMarker: `INSERT INTO ${s}.chain_keying (from_position, scheme, key_check) VALUES ($1, $2, $3)`,
    marker: `SELECT from_position, scheme, key_check FROM ${s}.chain_keying WHERE one = 1`,
    readAfter: `SELECT ${COLUMNS} FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
    readStream: `SELECT ${COLUMNS} FROM ${s}.events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision`,
    head: `SELECT position FROM ${s}.events ORDER BY position DESC LIMIT 1`,
    streamRevision: `SELECT revision FROM ${s}.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`,
    byCommandId: `SELECT ${COLUMNS} FROM ${s}.events WHERE command_id = $1 ORDER BY position`,
    insertId: `INSERT INTO ${s}.store_identity (one, store_id) VALUES (1, $1) ON CONFLICT (one) DO NOTHING`,
    storeId: `SELECT store_id FROM ${s}.store_identity WHERE one = 1`,
  };

  /**
   * Runs `work` in a write transaction of its own connection: synchronous commit, a bounded wait for the lock,
   * the append lock taken, the log's state read after it. All or nothing; a transient failure becomes
   * `StoreUnavailableError`. A connection that failed is thrown away rather than returned to the pool.
   */
  const writeTransaction = async <T>(work: (client: pg.PoolClient, state: LogState) => Promise<T>): Promise<T> => {
    const client = await orUnavailable(() => pool.connect());
    // A checked-out client that loses its connection emits 'error' besides failing its query.
    const onError = (): void => undefined;
    client.on('error', onError);
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      // A writer that hangs while it holds the append lock (a stopped process: a dead one's connection closes
      // and its transaction rolls back) would stall every writer of the log: the server ends it after a while.
      await client.query(
        "SELECT set_config('synchronous_commit', 'on', true), set_config('lock_timeout', $1, true), set_config('idle_in_transaction_session_timeout', $2, true)",
        [`${lockTimeoutMs}ms`, `${IDLE_IN_TRANSACTION_MS}ms`],
      );
      await client.query(sql.lock);
      // After the lock, in a statement of its own (see above): the head as the previous writer left it.
      const row = (await client.query<HeadRow>(sql.state)).rows[0];
      const state: LogState = {
        position: Number(row?.position ?? 0),
        hash: row?.hash ?? GENESIS_HASH,
        recordedAt: row?.recorded_at ?? undefined,
        marker: row === undefined ? undefined : toMarker(row),
      };
      const result = await work(client, state);
      await around(async () => {
        await client.query('COMMIT');
      });
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw unavailable(error) ?? error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  };

  /** Opening: the tables, the encoding, the marker (a keyed store marks the log), the store id. */
  const open = async (): Promise<string> => {
    const client = await orUnavailable(() => pool.connect());
    const onError = (): void => undefined;
    client.on('error', onError);
    try {
      const encoding = (await client.query<{ server_encoding: string }>('SHOW server_encoding')).rows[0]?.server_encoding;
      // Events are text; another encoding would refuse (or mangle) some of what UTF-8 holds.
      if (encoding !== 'UTF8') throw new Error(`store-postgres: the database's encoding is ${String(encoding)}; the log needs UTF8`);
      await ensureSchema(client, schema);
    } finally {
      client.removeListener('error', onError);
      client.release();
    }
    if (keyCheck !== undefined) {
      // Under the append lock: two processes opening the log with a key at once agree on one marker.
      await writeTransaction(async (c, state) => {
        if (state.marker !== undefined) {
          if (state.marker.keyCheck !== keyCheck) throw new Error(`store-postgres: schema ${schema} is keyed with another chain key (is the app database the one that belongs to this log?)`);
          return;
        }
        await c.query(sql.insertMarker, [state.position + 1, KEYED_SCHEME, keyCheck]);
      });
    }
    await pool.query(sql.insertId, [options.storeId ?? randomUUID()]);
    const id = (await pool.query<{ store_id: string }>(sql.storeId)).rows[0]?.store_id;
    if (id === undefined) throw new Error(`store-postgres: schema ${schema} has no store id`);
    return id;
  };

  let storeId: string;
  try {
    storeId = await orUnavailable(open);
  } catch (error) {
    if (ownPool) await pool.end().catch(() => undefined);
    throw error;
  }

  /** The key to seal with, given the marker read under the lock (another process may have marked the log since). */
  const sealingKey = (marker: ChainMarker | undefined): ChainKey | undefined => {
    if (marker === undefined && chainKey === undefined) return undefined;
    if (marker === undefined) throw new Error(`store-postgres: schema ${schema} has lost its chain marker; run xinfang verify`);
    if (chainKey === undefined) throw new Error(`store-postgres: schema ${schema} is keyed from position ${marker.fromPosition}; open it with its chain key to append`);
    if (marker.keyCheck !== keyCheck) throw new Error(`store-postgres: schema ${schema} is keyed with another chain key`);
    return chainKey;
  };

  const streamHeads = async (client: pg.PoolClient | pg.Pool, streamIds: readonly string[]): Promise<Map<string, AppendResult>> => {
    const rows = (await client.query<StreamHeadRow>(sql.streamHeads, [streamIds])).rows;
    const heads = new Map<string, AppendResult>();
    for (const streamId of streamIds) heads.set(streamId, { streamId, revision: 0, position: 0, events: [] });
    for (const row of rows) heads.set(row.stream_id, { streamId: row.stream_id, revision: Number(row.revision), position: Number(row.position), events: [] });
    return heads;
  };

  /**
   * What one append (a one-stream `appendMany` or a real one) comes to, given the stored events with its ids
   * (`stored`), its streams' heads (`current`) and the log's head (`state`): no I/O, so both ways of writing a
   * group (below) decide alike, and every event is sealed here. Throws for an event that cannot be stored (not
   * JSON, a wrong type) or reused ids. Moves `state` on only when it returns events to write.
   */
  const decide = (
    appends: readonly StreamAppend[],
    stored: readonly RecordedEvent[],
    current: (streamId: string) => AppendResult,
    state: LogState,
  ): Either<AppendConflict, AppendResult[]> => {
    const prior = priorAppendManyResults(appends, stored, current);
    if (prior !== undefined) return right(prior);
    for (const { streamId, expectedRevision } of appends) {
      const { revision } = current(streamId);
      if (expectedRevision !== 'any' && expectedRevision !== revision) return left(appendConflict(streamId, expectedRevision, revision));
    }
    if (appends.every((a) => a.events.length === 0)) return right(appends.map((a) => current(a.streamId)));

    let { position, hash: prevHash } = state;
    const recordedAt = nextRecordedAt(clock, state.recordedAt);
    const key = sealingKey(state.marker);
    const results = appends.map(({ streamId, events }) => {
      const { revision } = current(streamId);
      const recorded = events.map((event, k) => {
        const sealed = sealEvent(event, { streamId, revision: revision + k + 1, position: ++position, recordedAt, prevHash }, key);
        prevHash = sealed.meta.hash;
        return sealed;
      });
      return recorded.length > 0 ? appendResultOf(streamId, recorded) : current(streamId);
    });
    // Checked here, not by the INSERT: a wrong type must fail this append alone (see `toColumns`).
    toColumns(results.flatMap((r) => r.events));
    Object.assign(state, { position, hash: prevHash, recordedAt });
    return right(results);
  };

  type Outcome = Settled<Either<AppendConflict, AppendResult[]>>;
  const zeroHead = (streamId: string): AppendResult => ({ streamId, revision: 0, position: 0, events: [] });
  const eventIdsOf = (appends: readonly StreamAppend[]): string[] => appends.flatMap((a) => a.events.map((e) => e.meta.eventId));
  const storedWithIds = async (client: pg.PoolClient, ids: readonly string[]): Promise<RecordedEvent[]> =>
    ids.length === 0 ? [] : (await client.query<EventRow>(sql.byEventIds, [ids])).rows.map(fromStoredRow);

  /**
   * A group the quick way: its streams' heads and the stored events with its ids read once, each append decided
   * in memory in turn (seeing what the ones before it wrote, as if they had been written one by one), and all
   * the new events inserted by one statement — a few round trips for the whole group, however large. Undefined
   * when the INSERT fails (something only the server refuses, such as a NUL character in a text): nothing of it
   * is kept, and the group is written the careful way.
   */
  const writeGroupAtOnce = async (client: pg.PoolClient, state: LogState, group: readonly (readonly StreamAppend[])[]): Promise<Outcome[] | undefined> => {
    const heads = await streamHeads(client, [...new Set(group.flatMap((appends) => appends.map((a) => a.streamId)))]);
    const byId = new Map((await storedWithIds(client, group.flatMap(eventIdsOf))).map((e) => [e.meta.eventId, e]));
    const current = (streamId: string): AppendResult => heads.get(streamId) ?? zeroHead(streamId);
    const before = { ...state };
    const written: RecordedEvent[] = [];
    const outcomes = group.map((appends): Outcome => {
      try {
        const stored = eventIdsOf(appends).flatMap((id) => byId.get(id) ?? []);
        const value = decide(appends, stored, current, state);
        if (value._tag === 'Right' && stored.length === 0) {
          for (const result of value.right) {
            if (result.events.length === 0) continue;
            heads.set(result.streamId, { ...result, events: [] });
            for (const e of result.events) byId.set(e.meta.eventId, e);
            written.push(...result.events);
          }
        }
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error };
      }
    });
    if (written.length === 0) return outcomes;
    await client.query('SAVEPOINT group_insert');
    try {
      await client.query(sql.insert, toColumns(written));
    } catch (error) {
      if (unavailable(error) !== undefined) throw error;
      await client.query('ROLLBACK TO SAVEPOINT group_insert');
      Object.assign(state, before);
      return undefined;
    }
    await client.query('RELEASE SAVEPOINT group_insert');
    return outcomes;
  };

  /** A group the careful way: each append reads and writes in a savepoint of its own, and fails alone. */
  const writeGroupOneByOne = async (client: pg.PoolClient, state: LogState, group: readonly (readonly StreamAppend[])[]): Promise<Outcome[]> => {
    const outcomes: Outcome[] = [];
    for (const appends of group) {
      await client.query('SAVEPOINT append');
      const before = { ...state };
      try {
        const heads = await streamHeads(client, appends.map((a) => a.streamId));
        const stored = await storedWithIds(client, eventIdsOf(appends));
        const value = decide(appends, stored, (streamId) => heads.get(streamId) ?? zeroHead(streamId), state);
        const events = value._tag === 'Right' && stored.length === 0 ? value.right.flatMap((r) => r.events) : [];
        if (events.length > 0) await client.query(sql.insert, toColumns(events));
        await client.query('RELEASE SAVEPOINT append');
        outcomes.push({ ok: true, value });
      } catch (error) {
        if (unavailable(error) !== undefined) throw error;
        Object.assign(state, before);
        await client.query('ROLLBACK TO SAVEPOINT append');
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  };

  const listeners = new Set<() => void>();
  const notify = (): void => {
    // In the next turn of the event loop: the appends' callers run on first (a server answers its requests
    // before its projection runner works).
    setImmediate(() => {
      for (const listener of listeners) listener();
    });
  };

  /**
   * Group commit: the appends of one group in one transaction, positions, the hash chain and recordedAt running
   * on across the group as if they had been appended one by one. One that conflicts or cannot be stored fails
   * alone. A transient failure fails the whole group (the transaction is rolled back or lost): nothing is written.
   */
  const writes = groupCommit(async (group: readonly (readonly StreamAppend[])[]) => {
    const outcomes = await writeTransaction(async (client, state) => {
      const head = state.position;
      const settled = (await writeGroupAtOnce(client, state, group)) ?? (await writeGroupOneByOne(client, state, group));
      if (state.position > head) await sendAppendNotice(client, channel, state.position);
      return settled;
    });
    if (outcomes.some((o) => o.ok && o.value._tag === 'Right' && o.value.right.some((r) => r.events.length > 0))) notify();
    return outcomes;
  });

  const subscriptions = subscriptionRegistry();
  let closed = false;
  let closing: Promise<void> | undefined;

  const assertOpen = (): void => {
    if (closed || closing !== undefined) throw new Error('The event store is closed');
  };

  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> =>
    orUnavailable(async () => (await pool.query<R>(text, values)).rows);

  const readAll: EventStore['readAll'] = ({ afterPosition = 0, batchSize = DEFAULT_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readAll: bad batchSize ${batchSize}`);
      // One query per batch, each its own snapshot; each sees a gap-free prefix of the log (see above), so the
      // cursor never passes an event that is not yet visible.
      for (let cursor = Math.max(0, afterPosition); ; ) {
        if (closed) throw new Error('The event store is closed');
        const rows = await query<EventRow>(sql.readAfter, [cursor, batchSize]);
        for (const row of rows) yield fromStoredRow(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < batchSize) return;
        cursor = Number(last.position);
      }
    },
  });

  const readChain: NonNullable<EventStore['readChain']> = ({ batchSize = DEFAULT_CHAIN_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readChain: bad batchSize ${batchSize}`);
      for (let cursor = 0; ; ) {
        if (closed) throw new Error('The event store is closed');
        const rows = await query<EventRow>(sql.readAfter, [cursor, batchSize]);
        // The envelope `readAll` gives, as a link: the same text hashed, by construction.
        yield rows.map((row) => chainLinkOf(fromStoredRow(row)));
        const last = rows.at(-1);
        if (last === undefined || rows.length < batchSize) return;
        cursor = Number(last.position);
      }
    },
  });

  return {
    schema,

    append: async (streamId, events, { expectedRevision }) => {
      assertOpen();
      assertAppendArguments(streamId, events, expectedRevision);
      const result = await writes.submit([{ streamId, expectedRevision, events }]);
      if (isLeft(result)) return result;
      return right(result.right[0] ?? { streamId, revision: 0, position: 0, events: [] });
    },

    appendMany: async (appends) => {
      assertOpen();
      assertAppendManyArguments(appends);
      return writes.submit(appends);
    },

    readStream: async (streamId, { fromRevision = 1 } = {}) => {
      assertOpen();
      return (await query<EventRow>(sql.readStream, [streamId, fromRevision])).map(fromStoredRow);
    },

    readAll,

    readChain,

    headPosition: async () => {
      assertOpen();
      return Number((await query<{ position: string }>(sql.head))[0]?.position ?? 0);
    },

    chainMarker: async () => {
      assertOpen();
      const [row] = await query<Pick<HeadRow, 'from_position' | 'scheme' | 'key_check'>>(sql.marker);
      return row === undefined ? undefined : toMarker(row);
    },

    storeId: async () => {
      assertOpen();
      return storeId;
    },

    streamRevision: async (streamId) => {
      assertOpen();
      return Number((await query<{ revision: string }>(sql.streamRevision, [streamId]))[0]?.revision ?? 0);
    },

    findByCommandId: async (commandId) => {
      assertOpen();
      return (await query<EventRow>(sql.byCommandId, [commandId])).map(fromStoredRow);
    },

    subscribe: (subscribeOptions, handler) => {
      assertOpen();
      return subscriptions.track(
        catchUpSubscription(
          {
            readAfter: (afterPosition) => readAll({ afterPosition }),
            onAppended: (listener) => {
              listeners.add(listener);
              const unlisten = notices?.listen(listener);
              return () => {
                listeners.delete(listener);
                unlisten?.();
              };
            },
            // Other processes append to the same log: look for their events too.
            ...(pollIntervalMs > 0 ? { pollIntervalMs } : {}),
          },
          subscribeOptions,
          handler,
        ),
      );
    },

    importRecorded: async (origin, events) => {
      assertOpen();
      // Appends already queued go first: the import continues the log as they leave it.
      await writes.drained();
      await writeTransaction(async (client, state) => {
        const heads = await streamHeads(client, [...new Set(events.map((e) => e.meta.streamId))]);
        const marker = assertImportOrigin({ storeId, chainMarker: state.marker, position: state.position }, origin);
        assertImportContinues({ position: state.position, hash: state.position === 0 ? undefined : state.hash }, (streamId) => heads.get(streamId)?.revision ?? 0, events);
        if (marker !== undefined) await client.query(sql.insertMarker, [marker.fromPosition, marker.scheme, marker.keyCheck]);
        if (events.length > 0) {
          await client.query(sql.insert, toColumns(events));
          await sendAppendNotice(client, channel, events.at(-1)?.meta.position ?? state.position);
        }
      });
      if (events.length > 0) notify();
    },

    close: () =>
      (closing ??= (async () => {
        // Appends already queued are committed (their callers are waiting); subscriptions are closed before
        // the pool goes (one may be reading a batch).
        await writes.drained();
        await subscriptions.closeAll();
        await notices?.close();
        closed = true;
        if (ownPool) await pool.end();
      })()),
  };
};
