import pg from 'pg';
import { createTestSchema, startTestPostgres, type TestPostgres } from '@xinfang/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appDatabasePlace, openAppDatabaseAt, readAppDatabaseRows, recordedChainKeyingAt, writeAppDatabaseRows } from './app-database-place';
import { createPostgresAppDatabase, openPostgresPersonKeys } from './app-database-postgres';
import { describeAppDatabase } from './test-app-database';

// One PostgreSQL for this file (XINFANG_PG_URL's, or an embedded one); a schema of its own for each test.
let server: TestPostgres | undefined;
const url = (): string => {
  if (server === undefined) throw new Error('the test PostgreSQL is not started');
  return server.url;
};
beforeAll(async () => {
  server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describeAppDatabase('PostgreSQL', async () => {
  const { schema, drop } = createTestSchema(url());
  return {
    // A pool of its own for each: two Pools, two servers.
    open: () => createPostgresAppDatabase({ connectionString: url(), schema }),
    storedTokens: async () => {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        // The schema name is createTestSchema's, made of [a-z0-9_].
        const { rows } = await client.query<Record<string, string | null>>(`SELECT id, hash, role, name, created_at, revoked_at FROM "${schema}".tokens`);
        return rows;
      } finally {
        await client.end();
      }
    },
    drop,
  };
});

describe('app database (PostgreSQL): its own tables', () => {
  it('keeps them in a schema of its own, and refuses a schema name that is not a plain identifier', async () => {
    const { schema, drop } = createTestSchema(url());
    const pool = new pg.Pool({ connectionString: url() });
    try {
      const database = await createPostgresAppDatabase({ pool, schema });
      await database.close();
      const { rows } = await pool.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
      expect(rows.map((row) => row.table_name)).toEqual(['chain_key', 'person_keys', 'receipts', 'secrets', 'tokens']);
      // The caller's pool is left open.
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await expect(createPostgresAppDatabase({ pool, schema: 'x"; DROP TABLE tokens; --' })).rejects.toThrow(/bad schema name/);
    } finally {
      await pool.end();
      await drop();
    }
  });

  it('never skips a key committed late by a transaction that began before keys the mirror has already read', async () => {
    const { schema, drop } = createTestSchema(url());
    const [a, b] = [await createPostgresAppDatabase({ connectionString: url(), schema }), await createPostgresAppDatabase({ connectionString: url(), schema })];
    const slow = new pg.Client({ connectionString: url() });
    await slow.connect();
    try {
      // A writer (without the app's notification) holds its transaction open: its id is below what follows.
      const late = Buffer.alloc(32, 7);
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO "${schema}".person_keys (person_id, key, created_at) VALUES ($1, $2, $3)`, ['p-late', late, '2024-10-31T18:00:00+08:00']);
      const [early] = await a.keys.keysFor(['p-early'], '2024-10-31T18:00:01+08:00');
      await vi.waitFor(() => expect(b.keys.find('p-early')).toEqual(early), { timeout: 1_000, interval: 10 });
      expect(b.keys.find('p-late')).toBeUndefined();

      await slow.query('COMMIT');
      await vi.waitFor(() => expect([a.keys.find('p-late'), b.keys.find('p-late')]).toEqual([late, late]), { timeout: 1_000, interval: 10 });
    } finally {
      await slow.end();
      await a.close();
      await b.close();
      await drop();
    }
  });
});

describe('app database (PostgreSQL): a query worker\'s keys and a migration\'s copy', () => {
  it('reads a query worker\'s keys (no notification, no polling) again only when a query asks: what any server committed before is then seen', async () => {
    const { schema, drop } = createTestSchema(url());
    const server = await createPostgresAppDatabase({ connectionString: url(), schema });
    try {
      const [kept, erased] = await server.keys.keysFor(['p-kept', 'p-erased'], '2024-10-31T18:00:00+08:00');
      const worker = await openPostgresPersonKeys({ connectionString: url(), schema });
      try {
        expect([worker.find('p-kept'), worker.find('p-erased')]).toEqual([kept, erased]);
        expect(await server.keys.destroy('p-erased')).toBe(true);
        const [later] = await server.keys.keysFor(['p-later'], '2024-10-31T18:00:01+08:00');
        // Nothing read yet: the mirror is as it was (which is why every query awaits `current` first).
        expect(worker.find('p-erased')).toEqual(erased);
        await worker.current();
        expect([worker.find('p-kept'), worker.find('p-erased'), worker.find('p-later')]).toEqual([kept, undefined, later]);
      } finally {
        await worker.close();
      }
    } finally {
      await server.close();
      await drop();
    }
  });

  it('copies every row SQLite → PostgreSQL → SQLite: tokens verify, keys and the chain key are the same, a destroyed key stays destroyed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinfang-app-copy-'));
    const { schema, drop } = createTestSchema(url());
    const origin = appDatabasePlace(join(dir, 'origin.db'), undefined);
    const there = appDatabasePlace(join(dir, 'pg', 'xinfang.db'), { url: url(), schema });
    const back = appDatabasePlace(join(dir, 'back.db'), undefined);
    try {
      expect(there).toEqual({ kind: 'postgres', connectionString: url(), schema: `${schema}_app` });
      // Nothing is made to find that there is nothing.
      expect(await recordedChainKeyingAt(there)).toBeUndefined();
      expect(await readAppDatabaseRows(there)).toBeUndefined();

      const first = await openAppDatabaseAt(origin);
      const { info, token } = await first.tokens.create({ kind: 'office' }, '信访办', '2024-10-31T18:00:00+08:00');
      const [zhang] = await first.keys.keysFor(['p-zhang', 'p-li'], '2024-10-31T18:00:00+08:00');
      const { code } = await first.receipts.issue('c-1', '2024-10-31T18:00:00+08:00');
      const { code: revoked } = await first.receipts.issue('c-2', '2024-10-31T18:00:00+08:00');
      await first.receipts.revoke('c-2', '2024-11-01T09:00:00+08:00');
      await first.keys.destroy('p-li');
      const [secret, chainKey] = [await first.keys.matchingSecret(), await first.chain.key()];
      await first.chain.recordFrom(3);
      await first.close();

      const rows = await readAppDatabaseRows(origin);
      await writeAppDatabaseRows(there, rows!);
      // A second copy replaces the first (a migration run again), it does not add to it.
      await writeAppDatabaseRows(there, rows!);
      expect(await readAppDatabaseRows(there)).toEqual(rows);
      expect(await recordedChainKeyingAt(there)).toEqual({ key: chainKey, fromPosition: 3 });
      await writeAppDatabaseRows(back, (await readAppDatabaseRows(there))!);
      expect(await readAppDatabaseRows(back)).toEqual(rows);

      for (const place of [there, back]) {
        const copy = await openAppDatabaseAt(place);
        try {
          expect(await copy.tokens.verify(token)).toEqual(info);
          expect([await copy.receipts.find(code), await copy.receipts.find(revoked)]).toEqual(['c-1', undefined]);
          expect([copy.keys.find('p-zhang'), copy.keys.find('p-li')]).toEqual([zhang, undefined]);
          expect(await copy.keys.matchingSecret()).toEqual(secret);
          expect(await copy.chain.keying()).toEqual({ key: chainKey, fromPosition: 3 });
        } finally {
          await copy.close();
        }
      }
    } finally {
      await drop(); // with `${schema}_app`
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
