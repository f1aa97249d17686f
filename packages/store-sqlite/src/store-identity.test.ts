import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './sqlite-store';
import { batch, expectRight, useTempStores } from './test/fixtures';

const stores = useTempStores();

describe('the store id of a SQLite log', () => {
  it('is made with the file and kept: after reopening, in a copy, read-only; a new file gets another', async () => {
    const first = stores.open();
    const id = await first.storeId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expectRight(await first.append('a', batch(3), { expectedRevision: 0 }));
    await first.close();

    copyFileSync(stores.path(), stores.path('copy.db'));
    const reopened = stores.open();
    const copy = createSqliteEventStore({ path: stores.path('copy.db'), readOnly: true });
    const other = createSqliteEventStore({ path: stores.path('other.db') });
    try {
      expect(await reopened.storeId()).toBe(id);
      expect(await copy.storeId()).toBe(id);
      expect(await other.storeId()).not.toBe(id);
    } finally {
      await copy.close();
      await other.close();
    }
  });

  it('is the one given for a new file (a copy takes its origin’s), and a file that has one keeps it', async () => {
    const given = '5c0ffee0-0000-4000-8000-000000000001';
    const created = createSqliteEventStore({ path: stores.path('given.db'), storeId: given });
    expect(await created.storeId()).toBe(given);
    await created.close();
    const reopened = createSqliteEventStore({ path: stores.path('given.db'), storeId: '5c0ffee0-0000-4000-8000-000000000002' });
    try {
      expect(await reopened.storeId()).toBe(given);
    } finally {
      await reopened.close();
    }
  });

  it('cannot be changed or deleted through SQL', async () => {
    const store = stores.open();
    const id = await store.storeId();
    const db = new Database(stores.path());
    try {
      expect(() => db.prepare("UPDATE store_identity SET store_id = 'x'").run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM store_identity').run()).toThrow(/cannot be deleted/);
      expect(db.prepare('SELECT store_id FROM store_identity').pluck().get()).toBe(id);
    } finally {
      db.close();
    }
  });

  it('is made for a log written before ids were kept when it is opened for writing; read-only, it has none', async () => {
    const store = stores.open();
    expectRight(await store.append('a', batch(2), { expectedRevision: 0 }));
    await store.close();
    // The log as an older version left it: no identity table.
    const db = new Database(stores.path());
    db.exec('DROP TABLE store_identity');
    db.close();

    const readOnly = createSqliteEventStore({ path: stores.path(), readOnly: true });
    try {
      expect(await readOnly.storeId()).toBeUndefined();
      expect(await readOnly.headPosition()).toBe(2);
    } finally {
      await readOnly.close();
    }
    const writable = stores.open();
    expect(await writable.storeId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await writable.headPosition()).toBe(2);
  });
});
