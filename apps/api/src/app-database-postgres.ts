import pg from 'pg';
import type { ChainKeying } from '@xinfang/event-store';
import { MATCHING_SECRET, newSecret, newToken, tokenHash, toTokenInfo, type AppDatabase, type TokenRow } from './app-database';
import { formatRole } from './roles';

/*
 * The app database in PostgreSQL, shared by every app server of one office: tables of their own in a schema
 * of their own (default `xinfang_app`), never beside the events, so that destroying a key never touches the
 * log. Every write is committed before its promise resolves. Tokens, secrets and the chain key are read from
 * PostgreSQL on every call (a token made or revoked on one server counts on the others at once).
 *
 * The personal-data keys are also kept in a mirror in memory, because `find` is synchronous (the ledgers are
 * rendered synchronously). How current it is:
 * - what this server writes is in its mirror when the write resolves (a destroyed key is gone from it
 *   before the erasure is acknowledged);
 * - what another server writes arrives on a NOTIFY sent at its commit, and at the latest on the next poll
 *   (every `pollMs`, default 250 ms): well within a second while PostgreSQL answers.
 * A poll reads only the rows changed since the previous one without ever skipping one committed late: each
 * row carries the id of the transaction that last changed it (`changed`, an xid8), and a poll reads the rows
 * with `changed` at or above the previous poll's horizon — the snapshot's xmin, below which every
 * transaction had finished. A transaction still running then has an id at or above it, so its rows are read
 * by a later poll however late it commits (some rows are read twice, which changes nothing).
 * A destroyed key's row is kept with `key` NULL (the bytes are gone; the row tells the other mirrors).
 */

// At most 58 characters, so that the channel of notifications (`<schema>_keys`) stays within PostgreSQL's 63.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,57}$/;

export interface PostgresAppDatabaseOptions {
  /** A pool of the caller's (left open by `close`), or a connection string (a pool of its own, ended by `close`). */
  readonly pool?: pg.Pool;
  readonly connectionString?: string;
  /** The schema of the app's tables (created if missing); default `xinfang_app`. Lower-case letters, digits, `_`. */
  readonly schema?: string;
  /** How often the mirror of keys looks for other servers' changes, besides their notifications; default 250 ms. */
  readonly pollMs?: number;
  /** Told when the mirror could not be brought up to date (it tries again at the next poll). */
  readonly onMirrorError?: (error: unknown) => void;
}

const tables = (s: string): string => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.tokens (
  id text PRIMARY KEY, hash text NOT NULL UNIQUE, role text NOT NULL, name text NOT NULL,
  created_at text NOT NULL, revoked_at text
);
CREATE TABLE IF NOT EXISTS ${s}.person_keys (
  person_id text PRIMARY KEY, key bytea, created_at text NOT NULL,
  changed xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX IF NOT EXISTS person_keys_by_change ON ${s}.person_keys (changed);
CREATE TABLE IF NOT EXISTS ${s}.secrets (name text PRIMARY KEY, value bytea NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.chain_key (
  id integer PRIMARY KEY CHECK (id = 1), key bytea NOT NULL, from_position bigint CHECK (from_position > 0)
);
`;

const inTransaction = async <T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
};

/** Opens (and on first use creates) the app database in PostgreSQL, its mirror of keys loaded. */
export const createPostgresAppDatabase = async (options: PostgresAppDatabaseOptions): Promise<AppDatabase> => {
  const schema = options.schema ?? 'xinfang_app';
  // Identifiers cannot be parameters: the name is checked instead, and only it reaches SQL text.
  if (!IDENTIFIER.test(schema)) throw new RangeError(`app database: bad schema name ${JSON.stringify(schema)} (lower-case letters, digits and _)`);
  const s = `"${schema}"`;
  const channel = `${schema}_keys`;
  const ownPool = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });

  // Two servers starting at once must not both create the tables (CREATE … IF NOT EXISTS races on the catalogue).
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`xinfang app database ${schema}`]);
    await client.query(tables(s));
  });

  // The mirror of keys, changed only by steps run one after another (see `mirrored`).
  const mirror = new Map<string, Buffer>();
  let horizon = '0';
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `step` after every step queued before it: a poll read before a destroy never puts the key back after it. */
  const mirrored = <T>(step: () => Promise<T> | T): Promise<T> => {
    const run = queue.then(step, step);
    queue = run.catch(() => undefined);
    return run;
  };
  const poll = (): Promise<void> =>
    mirrored(async () => {
      // One statement, so one snapshot: its xmin and the rows it sees belong together.
      const { rows } = await pool.query<{ horizon: string; person_id: string | null; key: Buffer | null }>(
        `SELECT h.horizon::text AS horizon, k.person_id, k.key
           FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) h
           LEFT JOIN ${s}.person_keys k ON k.changed >= $1::xid8`,
        [horizon],
      );
      for (const row of rows) {
        if (row.person_id === null) continue;
        if (row.key === null) mirror.delete(row.person_id);
        else mirror.set(row.person_id, row.key);
      }
      const next = rows[0]?.horizon;
      if (next !== undefined) horizon = next;
    });
  await poll();

  // Told at once of other servers' commits (and polled anyway, should a notification be lost).
  let closed = false;
  let listener: pg.PoolClient | undefined;
  const onMirrorError = options.onMirrorError ?? (() => undefined);
  const pollSafely = (): void => {
    if (!closed) poll().catch(onMirrorError);
  };
  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', pollSafely);
    client.on('error', (error) => {
      if (listener === client) listener = undefined;
      client.release(error);
      onMirrorError(error);
    });
    // LISTEN takes no parameters; the channel is the checked schema name.
    await client.query(`LISTEN "${channel}"`);
    listener = client;
  };
  await listen();
  const timer = setInterval(() => {
    if (listener === undefined && !closed) listen().catch(onMirrorError);
    pollSafely();
  }, options.pollMs ?? 250);
  timer.unref();
  const notify = (client: pg.PoolClient) => client.query('SELECT pg_notify($1, $2)', [channel, '']);

  const secrets = new Map<string, Buffer>();
  /** Made on first use by whichever server comes first: its insert wins, and every server reads the one stored. */
  const madeOnce = async (insert: string, insertParams: unknown[], select: string, selectParams: unknown[]): Promise<Buffer> => {
    await pool.query(insert, insertParams);
    const { rows } = await pool.query<{ value: Buffer }>(select, selectParams);
    const row = rows[0];
    if (row === undefined) throw new Error('app database: a value made once could not be stored');
    return row.value;
  };

  const tokenColumns = 'id, role, name, created_at, revoked_at';
  return {
    tokens: {
      create: async (role, name, now) => {
        const { id, token } = newToken();
        await pool.query(`INSERT INTO ${s}.tokens (id, hash, role, name, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, tokenHash(token), formatRole(role), name, now]);
        return { info: { id, role, name, createdAt: now, revokedAt: null }, token };
      },
      verify: async (token) => {
        const { rows } = await pool.query<TokenRow>(`SELECT ${tokenColumns} FROM ${s}.tokens WHERE hash = $1`, [tokenHash(token)]);
        const row = rows[0];
        return row === undefined || row.revoked_at !== null ? undefined : toTokenInfo(row);
      },
      list: async () => (await pool.query<TokenRow>(`SELECT ${tokenColumns} FROM ${s}.tokens ORDER BY created_at, id`)).rows.map(toTokenInfo),
      revoke: async (id, now) => ((await pool.query(`UPDATE ${s}.tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL`, [now, id])).rowCount ?? 0) > 0,
      count: async () => Number((await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${s}.tokens`)).rows[0]?.n ?? 0),
    },
    keys: {
      keysFor: async (personIds, now) => {
        if (personIds.length === 0) return [];
        const ids = [...new Set(personIds)];
        // Whichever server inserts first wins; the others keep its key (a destroyed one is made anew, as in SQLite).
        // In order of id: two servers making overlapping people lock their rows in the same order (no deadlock).
        const rows = await inTransaction(pool, async (client) => {
          await client.query(
            `INSERT INTO ${s}.person_keys (person_id, key, created_at)
               SELECT id, key, $3 FROM unnest($1::text[], $2::bytea[]) AS made(id, key) ORDER BY id
             ON CONFLICT (person_id) DO UPDATE SET key = EXCLUDED.key, created_at = EXCLUDED.created_at, changed = pg_current_xact_id()
               WHERE ${s}.person_keys.key IS NULL`,
            [ids, ids.map(() => newSecret()), now],
          );
          const found = await client.query<{ person_id: string; key: Buffer | null }>(`SELECT person_id, key FROM ${s}.person_keys WHERE person_id = ANY($1::text[])`, [ids]);
          await notify(client);
          return found.rows;
        });
        const byId = new Map(rows.map((row) => [row.person_id, row.key]));
        const keys = personIds.map((personId) => {
          const key = byId.get(personId);
          if (key === undefined || key === null) throw new Error(`key for ${personId} could not be stored`);
          return key;
        });
        await mirrored(() => {
          for (const [personId, key] of byId) if (key !== null) mirror.set(personId, key);
        });
        return keys;
      },
      find: (personId) => mirror.get(personId),
      destroy: async (personId) => {
        const destroyed = await inTransaction(pool, async (client) => {
          const result = await client.query(`UPDATE ${s}.person_keys SET key = NULL, changed = pg_current_xact_id() WHERE person_id = $1 AND key IS NOT NULL`, [personId]);
          await notify(client);
          return (result.rowCount ?? 0) > 0;
        });
        // After any poll that read the key before the commit: nothing puts it back.
        await mirrored(() => mirror.delete(personId));
        return destroyed;
      },
      matchingSecret: async () => {
        const known = secrets.get(MATCHING_SECRET);
        if (known !== undefined) return known;
        const value = await madeOnce(
          `INSERT INTO ${s}.secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
          [MATCHING_SECRET, newSecret()],
          `SELECT value FROM ${s}.secrets WHERE name = $1`,
          [MATCHING_SECRET],
        );
        secrets.set(MATCHING_SECRET, value);
        return value;
      },
    },
    chain: {
      key: () =>
        madeOnce(`INSERT INTO ${s}.chain_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [newSecret()], `SELECT key AS value FROM ${s}.chain_key WHERE id = 1`, []),
      keying: async (): Promise<ChainKeying | undefined> => {
        const { rows } = await pool.query<{ key: Buffer; from_position: string | null }>(`SELECT key, from_position FROM ${s}.chain_key WHERE id = 1`);
        const row = rows[0];
        return row === undefined || row.from_position === null ? undefined : { key: row.key, fromPosition: Number(row.from_position) };
      },
      recordFrom: async (position) => {
        await pool.query(`UPDATE ${s}.chain_key SET from_position = $1 WHERE id = 1 AND from_position IS NULL`, [position]);
      },
    },
    close: async () => {
      closed = true;
      clearInterval(timer);
      await queue;
      const client = listener;
      listener = undefined;
      if (client !== undefined) {
        await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        client.release();
      }
      if (ownPool) await pool.end();
    },
  };
};
