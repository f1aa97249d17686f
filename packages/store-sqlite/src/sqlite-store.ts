import {
  GENESIS_HASH,
  KEYED_SCHEME,
  assertChainKey,
  chainKeyCheck,
  appendConflict,
  appendResultOf,
  assertImportContinues,
  assertImportOrigin,
  assertAppendArguments,
  assertAppendManyArguments,
  nextRecordedAt,
  priorAppendManyResults,
  catchUpSubscription,
  subscriptionRegistry,
  sealEvent,
  systemClock,
  type AppendConflict,
  type AppendResult,
  type ChainKey,
  type ChainMarker,
  type Clock,
  type EventStore,
  type LogOrigin,
  type StreamAppend,
  StoreUnavailableError,
  type RecordedEvent,
  STORED_COLUMNS,
  fromStoredRow,
  toStoredRow,
} from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { CHAIN_COLUMNS, toChainLink, type ChainRow } from './chain-link';
import type { EventRow } from './event-row';
import { groupCommit, type Settled } from './group-commit';
import { walSyncer } from './wal-sync';
import { ensureSchema, hasChainKeying } from './schema';
import { ensureStoreId } from './store-identity';

export interface SqliteEventStoreOptions {
  /** The database file (created if missing), or `':memory:'` for a private store that lives as long as it is open. */
  readonly path: string;
  /** Sets `recordedAt`; the system clock by default. */
  readonly clock?: Clock;
  /**
   * How long an append waits for another connection's write (another process on the same file) before it
   * fails with SQLITE_BUSY; default 5,000 ms. The wait blocks this process's event loop.
   */
  readonly busyTimeoutMs?: number;
  /**
   * How often subscriptions look for events appended by other processes; default 200 ms, 0 = never (then only
   * this store's own appends reach its subscribers). Appends through this store are delivered at once either way.
   */
  readonly pollIntervalMs?: number;
  /** Opens the file read-only: reads work, every append throws `StoreUnavailableError` (`readOnly`). */
  readonly readOnly?: boolean;
  /**
   * A ceiling on the file's size, in pages (SQLite's `max_page_count`): an append past it fails as on a
   * full disk (`StoreUnavailableError`, `full`). For a quota, and for testing a full disk.
   */
  readonly maxPageCount?: number;
  /** Called with the text of every SQL statement the store runs: for debugging and tests. */
  readonly trace?: (sql: string) => void;
  /**
   * Wraps each sync of the WAL that acknowledges appends (`sync` does it): for tests, to hold a sync and see
   * what waits for it. By default the sync runs at once.
   */
  readonly aroundWalSync?: (sync: () => Promise<void>) => Promise<void>;
  /**
   * The chain key (at least 32 random bytes, kept apart from this file): events are then hashed with
   * HMAC-SHA-256 under it. The first open with a key marks the log as keyed from the next position
   * (`chain_keying`), so the events written before keep their plain SHA-256 chain. Once marked, the log
   * refuses appends without the key, and opening it with another key throws.
   */
  readonly chainKey?: ChainKey;
  /**
   * The id a new log takes (a file without one); a random one by default. `xinfang migrate` gives its copy the
   * origin's, so that `importRecorded` takes the origin's events. A file that has an id keeps it.
   */
  readonly storeId?: string;
}

/** The connection settings that durability depends on, as SQLite reports them. */
export interface SqliteSettings {
  /** `wal` for a file (`memory` for `:memory:`). */
  readonly journalMode: string;
  /**
   * 1 = NORMAL for a file the store writes: SQLite then leaves the WAL unsynced at commit, and the store syncs
   * it itself (off the event loop) before any append of the commit resolves. 2 = FULL while it opens, and for
   * a read-only or in-memory store.
   */
  readonly synchronous: number;
  readonly busyTimeoutMs: number;
}

export interface SqliteEventStore extends EventStore {
  /** The file this store writes to (`:memory:` for an in-memory store). */
  readonly path: string;
  /** Reads the connection's durability settings back from SQLite (for `xinfang doctor` and tests). */
  readonly settings: () => Promise<SqliteSettings>;
}

interface MarkerRow {
  readonly from_position: number;
  readonly scheme: string;
  readonly key_check: string;
}

const toMarker = (row: MarkerRow): ChainMarker => {
  if (row.scheme !== KEYED_SCHEME) throw new Error(`store-sqlite: unknown chain scheme ${row.scheme}`);
  return { fromPosition: row.from_position, scheme: KEYED_SCHEME, keyCheck: row.key_check };
};

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_CHAIN_BATCH_SIZE = 1_000;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_POLL_INTERVAL_MS = 200;

/** SQLite's transient failures (its primary result codes): the store is busy, full or read-only, not broken. */
const UNAVAILABLE: Record<string, StoreUnavailableError['reason']> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'readOnly',
  SQLITE_CANTOPEN: 'readOnly',
};

const UNAVAILABLE_MESSAGE: Record<StoreUnavailableError['reason'], string> = {
  busy: 'another process holds the store’s write lock',
  full: 'the disk (or the store’s page limit) is full',
  readOnly: 'the store cannot be written (read-only file, folder or connection)',
};

/** A transient SQLite failure as a `StoreUnavailableError` (nothing was written), or undefined for any other error. */
const unavailable = (path: string, error: unknown): StoreUnavailableError | undefined => {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED, …) share their primary code's prefix.
  const primary = typeof code === 'string' ? Object.keys(UNAVAILABLE).find((c) => code === c || code.startsWith(`${c}_`)) : undefined;
  const reason = primary === undefined ? undefined : UNAVAILABLE[primary];
  if (reason === undefined) return undefined;
  return new StoreUnavailableError(`store-sqlite: ${path}: ${UNAVAILABLE_MESSAGE[reason]} (${String(code)})`, reason, { cause: error });
};

/** Runs `work`; a transient SQLite failure becomes a `StoreUnavailableError` (nothing was written), the rest is rethrown. */
const orUnavailable = <T>(path: string, work: () => T): T => {
  try {
    return work();
  } catch (error) {
    throw unavailable(path, error) ?? error;
  }
};

/**
 * Marks the log as keyed from its next position, in a write transaction (two processes opening it at once
 * agree on one marker), unless it is marked already — then the key must be the one it was marked with.
 */
const markKeyed = (db: Database.Database, keyCheck: string, readOnly: boolean): void => {
  const mark = (): void => {
    const row = db.prepare<[], MarkerRow>('SELECT from_position, scheme, key_check FROM chain_keying ORDER BY from_position LIMIT 1').get();
    if (row !== undefined) {
      if (row.key_check !== keyCheck) throw new Error(`store-sqlite: ${db.name} is keyed with another chain key (is the app database the one that belongs to this log?)`);
      return;
    }
    if (readOnly) return;
    const head = db.prepare<[], { position: number }>('SELECT position FROM events ORDER BY position DESC LIMIT 1').get();
    db.prepare('INSERT INTO chain_keying (from_position, scheme, key_check) VALUES (?, ?, ?)').run((head?.position ?? 0) + 1, KEYED_SCHEME, keyCheck);
  };
  if (readOnly) {
    if (hasChainKeying(db)) mark();
  } else {
    db.transaction(mark).immediate();
  }
};

const COLUMNS = STORED_COLUMNS;

/**
 * The embedded default store: one SQLite file, which a server and the CLI may open at the same time.
 *
 * Durability: the file is in WAL mode. An append resolves only once the WAL holding its commit has been synced
 * to disk (fdatasync), so an append that has resolved survives a power cut. SQLite would sync the WAL inside
 * every commit (`synchronous = FULL`), blocking the event loop for the disk; the store commits with NORMAL
 * (no sync at commit; SQLite still syncs before checkpoints) and syncs the WAL file itself on the thread pool,
 * one sync for every commit made while the one before ran. A commit is visible to readers before that sync:
 * a read may show an event that a power cut then takes away, but no append is acknowledged before it is on
 * disk (what was derived from such an event, the read models, is rebuilt when they no longer follow the log). Appends run in `BEGIN IMMEDIATE` transactions: the write lock is
 * taken before the last position and the stream's revision are read, so two processes cannot both read the
 * same last position (the second waits up to `busyTimeoutMs`, then reads the first one's result).
 *
 * Group commit: appends made while the event loop is busy (concurrent requests) share one transaction and so
 * one sync, each in a savepoint of its own; each resolves only after that commit.
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const clock = options.clock ?? systemClock;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (!(Number.isSafeInteger(busyTimeoutMs) && busyTimeoutMs >= 0)) throw new RangeError(`store-sqlite: bad busyTimeoutMs ${busyTimeoutMs}`);
  if (!(Number.isSafeInteger(pollIntervalMs) && pollIntervalMs >= 0)) throw new RangeError(`store-sqlite: bad pollIntervalMs ${pollIntervalMs}`);

  const trace = options.trace;
  const readOnly = options.readOnly === true;
  const { chainKey } = options;
  if (chainKey !== undefined) assertChainKey(chainKey);
  const keyCheck = chainKey === undefined ? undefined : chainKeyCheck(chainKey);
  const db = new Database(options.path, {
    timeout: busyTimeoutMs,
    readonly: readOnly,
    fileMustExist: readOnly,
    ...(trace === undefined ? {} : { verbose: (sql: unknown) => trace(String(sql)) }),
  });
  let storeId: string | undefined;
  try {
    if (options.maxPageCount !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    const journalMode = db.pragma(readOnly ? 'journal_mode' : 'journal_mode = WAL', { simple: true });
    // SQLite keeps the old mode where WAL is not possible (some network file systems): refuse rather than guess.
    if (journalMode !== 'wal' && !db.memory) throw new Error(`store-sqlite: ${options.path} cannot be put in WAL mode (${String(journalMode)})`);
    // FULL while the store sets the file up (schema, identity, marker); then NORMAL, the appends' syncs the
    // store's own (see above).
    db.pragma('synchronous = FULL');
    ensureSchema(db, { readOnly });
    if (keyCheck !== undefined) markKeyed(db, keyCheck, readOnly);
    storeId = ensureStoreId(db, { readOnly, ...(options.storeId === undefined ? {} : { newId: options.storeId }) });
    if (!readOnly && !db.memory) db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error;
  }

  const statements = {
    insert: db.prepare<[EventRow]>(
      `INSERT INTO events (${COLUMNS}) VALUES (@position, @stream_id, @revision, @event_id, @type, @data, @meta,
        @recorded_at, @occurred_at, @command_id, @prev_hash, @hash)`,
    ),
    byEventIds: db.prepare<[string], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY position`,
    ),
    streamHead: db.prepare<[string], { revision: number; position: number }>(
      'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    logHead: db.prepare<[], { position: number; hash: string; recorded_at: string }>('SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
    readAfter: db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    readStream: db.prepare<[string, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
    ),
    readChainAfter: db.prepare<[number, number], ChainRow>(`SELECT ${CHAIN_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
    byCommandId: db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE command_id = ? ORDER BY position`),
    // A version 1 file opened read-only has no marker table, and so no marker.
    marker: hasChainKeying(db)
      ? db.prepare<[], MarkerRow>('SELECT from_position, scheme, key_check FROM chain_keying ORDER BY from_position LIMIT 1')
      : undefined,
  };

  const markerOf = (): ChainMarker | undefined => {
    const row = statements.marker?.get();
    return row === undefined ? undefined : toMarker(row);
  };

  /**
   * The key to seal the next events with, read inside the append transaction: another process may have
   * marked the log since this store opened it. A keyed log is never appended to without its key (the chain
   * would break at that event), and a keyed store refuses a log whose marker is gone or not its own.
   */
  const sealingKey = (): ChainKey | undefined => {
    const marker = markerOf();
    if (marker === undefined && chainKey === undefined) return undefined;
    if (marker === undefined) throw new Error(`store-sqlite: ${options.path} has lost its chain marker; run xinfang verify`);
    if (chainKey === undefined) throw new Error(`store-sqlite: ${options.path} is keyed from position ${marker.fromPosition}; open it with its chain key to append`);
    if (marker.keyCheck !== keyCheck) throw new Error(`store-sqlite: ${options.path} is keyed with another chain key`);
    return chainKey;
  };

  const currentOf = (streamId: string): AppendResult => {
    const head = statements.streamHead.get(streamId);
    return { streamId, revision: head?.revision ?? 0, position: head?.position ?? 0, events: [] };
  };

  /**
   * Everything an append reads and writes: all or nothing (a savepoint inside its group's transaction). Every
   * append goes through here (`append` is a one-stream `appendMany`), so every event is sealed in one place.
   */
  const appendTransaction = db.transaction((appends: readonly StreamAppend[]): Either<AppendConflict, AppendResult[]> => {
    const ids = appends.flatMap((a) => a.events.map((e) => e.meta.eventId));
    const stored = ids.length === 0 ? [] : statements.byEventIds.all(JSON.stringify(ids)).map(fromStoredRow);
    const prior = priorAppendManyResults(appends, stored, currentOf);
    if (prior !== undefined) return right(prior);

    const revisions = appends.map(({ streamId }) => orUnavailable(options.path, () => statements.streamHead.get(streamId)?.revision ?? 0));
    for (const [i, { streamId, expectedRevision }] of appends.entries()) {
      const revision = revisions[i] ?? 0;
      if (expectedRevision !== 'any' && expectedRevision !== revision) return left(appendConflict(streamId, expectedRevision, revision));
    }

    if (appends.every((a) => a.events.length === 0)) return right(appends.map((a) => currentOf(a.streamId)));

    const logHead = statements.logHead.get();
    let position = logHead?.position ?? 0;
    let prevHash = logHead?.hash ?? GENESIS_HASH;
    const recordedAt = nextRecordedAt(clock, logHead?.recorded_at);
    const key = sealingKey();
    // An event that cannot be stored (not JSON, a wrong type) throws, and the transaction rolls back.
    return right(appends.map(({ streamId, events }, i) => {
      const revision = revisions[i] ?? 0;
      const recorded = events.map((event, k) => {
        const sealed = sealEvent(event, { streamId, revision: revision + k + 1, position: ++position, recordedAt, prevHash }, key);
        statements.insert.run(toStoredRow(sealed));
        prevHash = sealed.meta.hash;
        return sealed;
      });
      return recorded.length > 0 ? appendResultOf(streamId, recorded) : currentOf(streamId);
    }));
  });

  /**
   * The appends of one group, each in a savepoint of its own inside one IMMEDIATE transaction: an append that
   * conflicts or cannot be stored leaves no trace and does not fail the others. Each reads the log head and its
   * stream's revision after the ones before it, so positions, the hash chain and recordedAt run on across the
   * group as if they had been written one by one. A transient failure (busy, full, read-only) fails the whole
   * group: SQLite may have rolled the transaction back, and nothing is written.
   */
  const groupTransaction = db.transaction((group: readonly (readonly StreamAppend[])[]): Settled<Either<AppendConflict, AppendResult[]>>[] =>
    group.map((appends) => {
      try {
        return { ok: true, value: appendTransaction(appends) };
      } catch (error) {
        if (unavailable(options.path, error) !== undefined) throw error;
        return { ok: false, error };
      }
    }),
  );

  /** `importRecorded`: checked and written in one IMMEDIATE transaction, all or nothing. */
  const importTransaction = db.transaction((origin: LogOrigin, events: readonly RecordedEvent[]): void => {
    const head = statements.logHead.get();
    const position = head?.position ?? 0;
    const marker = assertImportOrigin({ storeId, chainMarker: markerOf(), position }, origin);
    assertImportContinues({ position, hash: head?.hash }, (streamId) => statements.streamHead.get(streamId)?.revision ?? 0, events);
    if (marker !== undefined) db.prepare('INSERT INTO chain_keying (from_position, scheme, key_check) VALUES (?, ?, ?)').run(marker.fromPosition, marker.scheme, marker.keyCheck);
    for (const event of events) statements.insert.run(toStoredRow(event));
  });

  const wal = readOnly || db.memory ? undefined : walSyncer(`${db.name}-wal`, options.aroundWalSync);

  /** Concurrent appends share one transaction and one sync; each resolves after both (see `groupCommit`). */
  const writes = groupCommit((group: readonly (readonly StreamAppend[])[]) => {
    const outcomes = orUnavailable(options.path, () => groupTransaction.immediate(group));
    if (outcomes.some((o) => o.ok && o.value._tag === 'Right' && o.value.right.some((r) => r.events.length > 0))) {
      // Subscribers are told in the next turn of the event loop, after the appends' callers have run on: a
      // server answers its requests first, and its subscribers' work (the projection runner) does not delay them.
      setImmediate(() => {
        for (const listener of listeners) listener();
      });
    }
    return outcomes;
  }, wal === undefined ? {} : { durable: wal.sync });

  const listeners = new Set<() => void>();
  const subscriptions = subscriptionRegistry();
  let closed = false;
  let closing: Promise<void> | undefined;

  const assertOpen = (): void => {
    if (closed) throw new Error('The event store is closed');
  };

  const readAll: EventStore['readAll'] = ({ afterPosition = 0, batchSize = DEFAULT_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readAll: bad batchSize ${batchSize}`);
      // One query per batch, each in its own read snapshot. A commit is atomic and positions are assigned under
      // the write lock, so a batch never shows a later position without the earlier ones.
      for (let cursor = Math.max(0, afterPosition); ; ) {
        assertOpen();
        const rows = orUnavailable(options.path, () => statements.readAfter.all(cursor, batchSize));
        for (const row of rows) yield fromStoredRow(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < batchSize) return;
        cursor = last.position;
      }
    },
  });

  const readChain: NonNullable<EventStore['readChain']> = ({ batchSize = DEFAULT_CHAIN_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readChain: bad batchSize ${batchSize}`);
      for (let cursor = 0; ; ) {
        assertOpen();
        const rows = orUnavailable(options.path, () => statements.readChainAfter.all(cursor, batchSize));
        yield rows.map(toChainLink);
        const last = rows.at(-1);
        if (last === undefined || rows.length < batchSize) return;
        [cursor] = last;
        // Let the server answer other requests between batches: verifying a large log takes seconds.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  });

  return {
    path: options.path,

    append: async (streamId, events, { expectedRevision }) => {
      assertOpen();
      assertAppendArguments(streamId, events, expectedRevision);
      const result = await writes.submit([{ streamId, expectedRevision, events }]);
      return isLeft(result) ? result : right(result.right[0] ?? currentOf(streamId));
    },

    appendMany: async (appends) => {
      assertOpen();
      assertAppendManyArguments(appends);
      return writes.submit(appends);
    },

    readStream: async (streamId, { fromRevision = 1 } = {}) => {
      assertOpen();
      return orUnavailable(options.path, () => statements.readStream.all(streamId, fromRevision).map(fromStoredRow));
    },

    readAll,

    readChain,

    headPosition: async () => {
      assertOpen();
      return orUnavailable(options.path, () => statements.logHead.get()?.position ?? 0);
    },

    chainMarker: async () => {
      assertOpen();
      return orUnavailable(options.path, markerOf);
    },

    storeId: async () => {
      assertOpen();
      return storeId;
    },

    streamRevision: async (streamId) => {
      assertOpen();
      return statements.streamHead.get(streamId)?.revision ?? 0;
    },

    findByCommandId: async (commandId) => {
      assertOpen();
      return orUnavailable(options.path, () => statements.byCommandId.all(commandId).map(fromStoredRow));
    },

    subscribe: (subscribeOptions, handler) => {
      assertOpen();
      return subscriptions.track(catchUpSubscription(
        {
          readAfter: (afterPosition) => readAll({ afterPosition }),
          onAppended: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          // Other processes (the CLI while the server runs) append to the same file: look for their events too.
          ...(pollIntervalMs > 0 && !db.memory ? { pollIntervalMs } : {}),
        },
        subscribeOptions,
        handler,
      ));
    },

    importRecorded: async (origin, events) => {
      assertOpen();
      if (readOnly) throw new StoreUnavailableError(`store-sqlite: ${options.path}: ${UNAVAILABLE_MESSAGE.readOnly}`, 'readOnly');
      // Appends already queued go first: the import continues the log as they leave it.
      await writes.drained();
      orUnavailable(options.path, () => importTransaction.immediate(origin, events));
      // Durable before it resolves, as an append is; then subscribers hear of the events.
      await wal?.sync();
      if (events.length > 0) setImmediate(() => {
        for (const listener of listeners) listener();
      });
    },

    settings: async () => {
      assertOpen();
      return {
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        synchronous: Number(db.pragma('synchronous', { simple: true })),
        busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
      };
    },

    close: () =>
      (closing ??= (async () => {
        // Appends already queued are committed (their callers are waiting), and subscriptions are closed: one
        // may be reading a batch, and must finish before the connection goes.
        await writes.drained();
        await subscriptions.closeAll();
        closed = true;
        await wal?.close();
        db.close();
      })()),
  };
};
