import pg from 'pg';
import type { ChainKeying } from '@xinfang/event-store';
import {
  MATCHING_SECRET,
  newSecret,
  newToken,
  recordedKeying,
  tokenHash,
  toTokenInfo,
  type AppDatabase,
  type AppDatabaseRows,
  type PersonKeys,
  type ReceiptRow,
  type TokenRow,
} from './app-database';
import { newReceiptCode, receiptHash } from './receipt-code';
import { createKeyMirror } from './person-key-mirror';
import { formatRole } from './roles';

/*
 * The app database in PostgreSQL, shared by every app server of one office: tables of their own in a schema
 * of their own (default `xinfang_app`; beside a log in schema S, `S_app`: app-database-place.ts), never beside
 * the events, so that destroying a key never touches the log. Every write is committed before its promise
 * resolves. Tokens, secrets and the chain key are read from PostgreSQL on every call (a token made or revoked
 * on one server counts on the others at once).
 *
 * The personal-data keys are read from a mirror in memory (person-key-mirror.ts), because `find` is
 * synchronous. What this server writes is in its mirror when the write resolves (a destroyed key is gone
 * from it before the erasure is acknowledged); what another server writes arrives on a NOTIFY sent at its
 * commit, at the latest on the next poll (every `pollMs`, default 250 ms), and in any case with `current`,
 * which every query awaits before it renders. A destroyed key's row is kept with `key` NULL (the bytes are
 * gone; the row tells the other mirrors).
 */

// At most 61 characters, so that the channel of notifications (`<schema>_k`) stays within PostgreSQL's 63
// (and `<log schema>_app` fits for every log schema store-postgres takes, at most 55).
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,60}$/;

/** The schema name, checked (identifiers cannot be parameters: only a checked name reaches SQL text), quoted. */
const quotedSchema = (schema: string): string => {
  if (!IDENTIFIER.test(schema)) throw new RangeError(`app database: bad schema name ${JSON.stringify(schema)} (lower-case letters, digits and _)`);
  return `"${schema}"`;
};

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
CREATE TABLE IF NOT EXISTS ${s}.receipts (hash text PRIMARY KEY, case_id text NOT NULL, issued_at text NOT NULL, revoked_at text);
CREATE INDEX IF NOT EXISTS receipts_by_case ON ${s}.receipts (case_id) WHERE revoked_at IS NULL;
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

/** Makes the tables when missing: two servers starting at once must not both (CREATE … IF NOT EXISTS races on the catalogue). */
const makeTables = (pool: pg.Pool, schema: string): Promise<void> =>
  inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`xinfang app database ${schema}`]);
    await client.query(tables(quotedSchema(schema)));
  });

const selectKeying = (s: string): string => `SELECT key, from_position FROM ${s}.chain_key WHERE id = 1`;

/** Opens (and on first use creates) the app database in PostgreSQL, its mirror of keys loaded. */
export const createPostgresAppDatabase = async (options: PostgresAppDatabaseOptions): Promise<AppDatabase> => {
  const schema = options.schema ?? 'xinfang_app';
  const s = quotedSchema(schema);
  const channel = `${schema}_k`;
  const ownPool = options.pool === undefined;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  const onMirrorError = options.onMirrorError ?? (() => undefined);
  // An idle connection the server dropped: the next query takes a new one.
  if (ownPool) pool.on('error', onMirrorError);

  await makeTables(pool, schema);
  const mirror = await createKeyMirror(pool, `${s}.person_keys`);

  // Told at once of other servers' commits (and polled anyway, should a notification be lost).
  let closed = false;
  let listener: pg.PoolClient | undefined;
  const pollSafely = (): void => {
    if (!closed) mirror.current().catch(onMirrorError);
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
  const revokeReceipts = (client: pg.Pool | pg.PoolClient, caseId: string, now: string) =>
    client.query(`UPDATE ${s}.receipts SET revoked_at = $1 WHERE case_id = $2 AND revoked_at IS NULL`, [now, caseId]);
  return {
    receipts: {
      issue: async (caseId, now) =>
        inTransaction(pool, async (client) => {
          const code = newReceiptCode();
          await revokeReceipts(client, caseId, now);
          await client.query(`INSERT INTO ${s}.receipts (hash, case_id, issued_at) VALUES ($1, $2, $3)`, [receiptHash(code), caseId, now]);
          return { code };
        }),
      find: async (code) =>
        (await pool.query<{ case_id: string }>(`SELECT case_id FROM ${s}.receipts WHERE hash = $1 AND revoked_at IS NULL`, [receiptHash(code)])).rows[0]?.case_id,
      revoke: async (caseId, now) => (await revokeReceipts(pool, caseId, now)).rowCount ?? 0,
    },
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
        await mirror.apply((mirrored) => {
          for (const [personId, key] of byId) if (key !== null) mirrored.set(personId, key);
        });
        return keys;
      },
      find: mirror.find,
      current: mirror.current,
      destroy: async (personId) => {
        const destroyed = await inTransaction(pool, async (client) => {
          const result = await client.query(`UPDATE ${s}.person_keys SET key = NULL, changed = pg_current_xact_id() WHERE person_id = $1 AND key IS NOT NULL`, [personId]);
          await notify(client);
          return (result.rowCount ?? 0) > 0;
        });
        // After any poll that read the key before the commit: nothing puts it back.
        await mirror.apply((mirrored) => mirrored.delete(personId));
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
      keying: async () => recordedKeying((await pool.query<{ key: Buffer; from_position: string | null }>(selectKeying(s))).rows[0]),
      recordFrom: async (position) => {
        await pool.query(`UPDATE ${s}.chain_key SET from_position = $1 WHERE id = 1 AND from_position IS NULL`, [position]);
      },
    },
    close: async () => {
      closed = true;
      clearInterval(timer);
      await mirror.close();
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

/** Where an app database is in PostgreSQL. */
export interface PostgresAppPlace {
  readonly connectionString: string;
  readonly schema: string;
}

/**
 * A query worker's keys: a mirror of its own on one connection, brought up to date by `current` before each
 * query (no notifications, no polling: between queries nothing reads them).
 */
export const openPostgresPersonKeys = async (place: PostgresAppPlace): Promise<PersonKeys> => {
  const s = quotedSchema(place.schema);
  const pool = new pg.Pool({ connectionString: place.connectionString, max: 1 });
  // An idle connection the server dropped: the next `current` takes a new one (or fails its query).
  pool.on('error', () => undefined);
  try {
    const mirror = await createKeyMirror(pool, `${s}.person_keys`);
    return {
      find: mirror.find,
      current: mirror.current,
      close: async () => {
        await mirror.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
};

/** Runs `work` on a connection of its own, ended after. */
const withClient = async <T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const hasTables = async (client: pg.Client, s: string): Promise<boolean> =>
  (await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [`${s}.chain_key`])).rows[0]?.found !== null;

/** The chain key and its first position as recorded, making nothing (undefined where no app database was made). */
export const recordedPostgresChainKeying = (place: PostgresAppPlace): Promise<ChainKeying | undefined> =>
  withClient(place.connectionString, async (client) => {
    const s = quotedSchema(place.schema);
    if (!(await hasTables(client, s))) return undefined;
    return recordedKeying((await client.query<{ key: Buffer; from_position: string | null }>(selectKeying(s))).rows[0]);
  });

/** Everything the app database holds, read in one snapshot; undefined where none was made. */
export const readPostgresAppRows = (place: PostgresAppPlace): Promise<AppDatabaseRows | undefined> =>
  withClient(place.connectionString, async (client) => {
    const s = quotedSchema(place.schema);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      if (!(await hasTables(client, s))) return undefined;
      const tokens = await client.query<TokenRow & { hash: string }>(`SELECT id, hash, role, name, created_at, revoked_at FROM ${s}.tokens ORDER BY id`);
      // A schema made before receipts existed has none to copy.
      const receiptsMade = (await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [`${s}.receipts`])).rows[0]?.found !== null;
      const receipts = receiptsMade
        ? await client.query<ReceiptRow>(`SELECT hash, case_id, issued_at, revoked_at FROM ${s}.receipts ORDER BY hash`)
        : { rows: [] as ReceiptRow[] };
      const personKeys = await client.query<{ person_id: string; key: Buffer; created_at: string }>(
        `SELECT person_id, key, created_at FROM ${s}.person_keys WHERE key IS NOT NULL ORDER BY person_id`,
      );
      const secrets = await client.query<{ name: string; value: Buffer }>(`SELECT name, value FROM ${s}.secrets ORDER BY name`);
      const chainKey = await client.query<{ key: Buffer; from_position: string | null }>(selectKeying(s));
      const chain = chainKey.rows[0];
      return {
        tokens: tokens.rows,
        receipts: receipts.rows,
        personKeys: personKeys.rows,
        secrets: secrets.rows,
        chainKey: chain === undefined ? undefined : { key: chain.key, from_position: chain.from_position === null ? null : Number(chain.from_position) },
      };
    } finally {
      await client.query('COMMIT');
    }
  });

/**
 * Makes the app database hold exactly `rows` (what was there before is replaced), in one transaction: a
 * migration's copy, into a schema no server serves yet.
 */
export const writePostgresAppRows = async (place: PostgresAppPlace, rows: AppDatabaseRows): Promise<void> => {
  const pool = new pg.Pool({ connectionString: place.connectionString, max: 1 });
  try {
    await makeTables(pool, place.schema);
    const s = quotedSchema(place.schema);
    await inTransaction(pool, async (client) => {
      await client.query(`DELETE FROM ${s}.tokens; DELETE FROM ${s}.receipts; DELETE FROM ${s}.person_keys; DELETE FROM ${s}.secrets; DELETE FROM ${s}.chain_key`);
      const column = <R, K extends keyof R>(list: readonly R[], key: K): R[K][] => list.map((row) => row[key]);
      await client.query(
        `INSERT INTO ${s}.tokens (id, hash, role, name, created_at, revoked_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [...(['id', 'hash', 'role', 'name', 'created_at', 'revoked_at'] as const).map((key) => column(rows.tokens, key))],
      );
      await client.query(
        `INSERT INTO ${s}.receipts (hash, case_id, issued_at, revoked_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
        (['hash', 'case_id', 'issued_at', 'revoked_at'] as const).map((key) => column(rows.receipts, key)),
      );
      await client.query(`INSERT INTO ${s}.person_keys (person_id, key, created_at) SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[])`, [
        column(rows.personKeys, 'person_id'),
        column(rows.personKeys, 'key'),
        column(rows.personKeys, 'created_at'),
      ]);
      await client.query(`INSERT INTO ${s}.secrets (name, value) SELECT * FROM unnest($1::text[], $2::bytea[])`, [column(rows.secrets, 'name'), column(rows.secrets, 'value')]);
      if (rows.chainKey !== undefined) {
        await client.query(`INSERT INTO ${s}.chain_key (id, key, from_position) VALUES (1, $1, $2)`, [rows.chainKey.key, rows.chainKey.from_position]);
      }
    });
  } finally {
    await pool.end();
  }
};
