import type { ChainKey, Clock, EventStore } from '@xinfang/event-store';
import { createPostgresEventStore } from '@xinfang/store-postgres';
import { createSqliteEventStore } from '@xinfang/store-sqlite';

/*
 * Where the event log is, for every process and thread that opens it (the server, its query workers, a
 * rebuild beside): the SQLite file at `storePath`, or — with `postgres` — a log in PostgreSQL. The app's own
 * files (the read-model slots and their locks, the app database) are always beside `storePath`: with a
 * PostgreSQL log it is only an anchor in a local folder of this machine (no file is made at that path), so
 * every sibling file (siblingPath) has one place whichever store holds the log.
 */

/** A log in PostgreSQL: the connection string and the schema of its tables (the store's default: xinfang). */
export interface PostgresLog {
  readonly url: string;
  readonly schema?: string;
}

export interface OpenLogAtOptions {
  /** Only reads (a query worker, a rebuild): a SQLite file opened read-only; PostgreSQL gets few connections. */
  readonly readOnly?: boolean;
  readonly pollIntervalMs?: number;
  readonly clock?: Clock;
  readonly chainKey?: ChainKey;
  /** How long an append waits for another process's write lock (SQLite busy timeout, PostgreSQL lock timeout). */
  readonly busyTimeoutMs?: number;
}

/** Opens the log at `storePath`, or in PostgreSQL when `postgres` is given, as stored (see asOpened). */
export const openLogAt = async (storePath: string, postgres: PostgresLog | undefined, options: OpenLogAtOptions = {}): Promise<EventStore> => {
  const common = {
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
  };
  if (postgres !== undefined) {
    return createPostgresEventStore({
      connectionString: postgres.url,
      ...(postgres.schema === undefined ? {} : { schema: postgres.schema }),
      ...common,
      ...(options.busyTimeoutMs === undefined ? {} : { lockTimeoutMs: options.busyTimeoutMs }),
      // A reader never subscribes: no connection kept listening, two for its reads.
      ...(options.readOnly === true ? { listen: false, maxConnections: 2 } : {}),
    });
  }
  return createSqliteEventStore({
    path: storePath,
    ...common,
    ...(options.readOnly === true ? { readOnly: true } : {}),
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
};
