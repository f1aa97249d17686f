import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from './app-database';

const dir = mkdtempSync(join(tmpdir(), 'xinfang-app-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const now = '2024-10-31T18:00:00+08:00';

describe('app database: personal-data keys', () => {
  it('makes each person’s key once, several at a time, and gives the same keys again', () => {
    const path = join(dir, 'keys.app.db');
    const database = openAppDatabase(path);
    const made = database.keys.keysFor(['p-1', 'p-2', 'p-3'], now);

    expect(made.map((key) => key.length)).toEqual([32, 32, 32]);
    expect(new Set(made.map((key) => key.toString('hex'))).size).toBe(3);
    expect(['p-1', 'p-2', 'p-3'].map((id) => database.keys.find(id))).toEqual(made);
    expect(database.keys.keysFor(['p-2', 'p-4'], now).slice(0, 1)).toEqual([made[1]]);
    expect(database.keys.keysFor([], now)).toEqual([]);
    database.close();

    const reopened = openAppDatabase(path);
    expect(reopened.keys.find('p-3')).toEqual(made[2]);
    expect(reopened.keys.find('p-4')).toHaveLength(32);
    reopened.close();
  });

  it('keeps the matching secret it made: the same in this process and in the next', () => {
    const path = join(dir, 'secret.app.db');
    const database = openAppDatabase(path);
    const secret = database.keys.matchingSecret();
    expect(secret).toHaveLength(32);
    expect(database.keys.matchingSecret()).toBe(secret);
    database.close();

    const reopened = openAppDatabase(path);
    expect(reopened.keys.matchingSecret()).toEqual(secret);
    reopened.close();
  });
});
