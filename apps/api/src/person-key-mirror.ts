import type pg from 'pg';

/*
 * The personal-data keys of the app database in PostgreSQL (app-database-postgres.ts), mirrored in memory:
 * `find` is synchronous (the ledgers are rendered synchronously), so it cannot ask PostgreSQL. Each thread
 * that renders personal data keeps a mirror (the server's, each query worker's) and brings it up to date
 * (`current`) before it renders a query, so an erasure acknowledged before the query is never undone by a
 * stale key, whichever server acknowledged it.
 *
 * A read takes only the rows changed since the previous one, without ever skipping one committed late: each
 * row carries the id of the transaction that last changed it (`changed`, an xid8), and a read takes the rows
 * with `changed` at or above the previous read's horizon — its snapshot's xmin, below which every
 * transaction had finished. A transaction still running then has an id at or above it, so its rows are read
 * by a later read however late it commits (some rows are read twice, which changes nothing).
 * A destroyed key's row is kept with `key` NULL (the bytes are gone; the row tells the mirrors).
 */

export interface KeyMirror {
  readonly find: (personId: string) => Buffer | undefined;
  /** Reads every change committed before this call (several callers at once share one read that begins after all of them). */
  readonly current: () => Promise<void>;
  /** Applies this server's own committed write after every read queued before it (so none puts a destroyed key back). */
  readonly apply: (change: (keys: Map<string, Buffer>) => void) => Promise<void>;
  /** Waits for what is queued; reads nothing after. */
  readonly close: () => Promise<void>;
}

/** A mirror of `table` (the quoted `schema.person_keys`), loaded whole before it resolves. */
export const createKeyMirror = async (pool: pg.Pool, table: string): Promise<KeyMirror> => {
  const keys = new Map<string, Buffer>();
  let horizon = '0';
  let closed = false;
  // Every change to the mirror runs after the ones queued before it: a read begun before a destroy never puts the key back after it.
  let queue: Promise<unknown> = Promise.resolve();
  const queued = <T>(step: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (): Promise<void> => {
    if (closed) return;
    // One statement, so one snapshot: its xmin and the rows it sees belong together.
    const { rows } = await pool.query<{ horizon: string; person_id: string | null; key: Buffer | null }>(
      `SELECT h.horizon::text AS horizon, k.person_id, k.key
         FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h
         LEFT JOIN ${table} k ON k.changed >= $1::xid8`,
      [horizon],
    );
    for (const row of rows) {
      if (row.person_id === null) continue;
      if (row.key === null) keys.delete(row.person_id);
      else keys.set(row.person_id, row.key);
    }
    const next = rows[0]?.horizon;
    if (next !== undefined) horizon = next;
  };
  // A read queued and not yet begun: callers until it begins share it (it begins after each of their calls).
  let waiting: Promise<void> | undefined;
  const current = (): Promise<void> => {
    waiting ??= queued(() => {
      waiting = undefined;
      return read();
    });
    return waiting;
  };
  await current();
  return {
    find: (personId) => keys.get(personId),
    current,
    apply: (change) => queued(() => change(keys)),
    close: async () => {
      closed = true;
      await queue;
    },
  };
};
