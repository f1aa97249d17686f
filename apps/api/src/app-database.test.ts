import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from './app-database-sqlite';
import { describeAppDatabase } from './test-app-database';

const dir = mkdtempSync(join(tmpdir(), 'xinfang-app-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = '2024-10-31T18:00:00+08:00';

let files = 0;
describeAppDatabase('SQLite', async () => {
  files += 1;
  const path = join(dir, `shared-${files}.app.db`);
  return {
    open: async () => openAppDatabase(path),
    storedTokens: async () => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare<[], Record<string, string | null>>('SELECT id, hash, role, name, created_at, revoked_at FROM tokens').all();
      } finally {
        db.close();
      }
    },
    drop: async () => rmSync(path, { force: true }),
  };
});

describe('app database: personal-data keys', () => {
  it('makes each person’s key once, several at a time, and gives the same keys again', async () => {
    const path = join(dir, 'keys.app.db');
    const database = openAppDatabase(path);
    const made = await database.keys.keysFor(['p-1', 'p-2', 'p-3'], now);

    expect(made.map((key) => key.length)).toEqual([32, 32, 32]);
    expect(new Set(made.map((key) => key.toString('hex'))).size).toBe(3);
    expect(['p-1', 'p-2', 'p-3'].map((id) => database.keys.find(id))).toEqual(made);
    expect((await database.keys.keysFor(['p-2', 'p-4'], now)).slice(0, 1)).toEqual([made[1]]);
    expect(await database.keys.keysFor([], now)).toEqual([]);
    await database.close();

    const reopened = openAppDatabase(path);
    expect(reopened.keys.find('p-3')).toEqual(made[2]);
    expect(reopened.keys.find('p-4')).toHaveLength(32);
    await reopened.close();
  });

  it('keeps the matching secret it made: the same in this process and in the next', async () => {
    const path = join(dir, 'secret.app.db');
    const database = openAppDatabase(path);
    const secret = await database.keys.matchingSecret();
    expect(secret).toHaveLength(32);
    expect(await database.keys.matchingSecret()).toBe(secret);
    await database.close();

    const reopened = openAppDatabase(path);
    expect(await reopened.keys.matchingSecret()).toEqual(secret);
    await reopened.close();
  });
});
