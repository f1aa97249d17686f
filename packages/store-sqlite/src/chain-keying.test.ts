import { randomBytes } from 'node:crypto';
import { KEYED_SCHEME, chainKeyCheck, hashEvent, verifyChain } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './schema';
import { createSqliteEventStore } from './sqlite-store';
import { batch, collect, expectRight, useTempStores } from './test/fixtures';

const stores = useTempStores();
const KEY = randomBytes(32);

/** Turns a file written by this version back into a version 1 file: the layout before the marker. */
const downgradeToVersion1 = (path: string): void => {
  const db = new Database(path);
  try {
    db.exec('DROP TABLE chain_keying');
    db.pragma('user_version = 1');
  } finally {
    db.close();
  }
};

describe('the chain-version marker', () => {
  it('marks a new log as keyed from position 1, in the file (schema version 2)', async () => {
    const store = stores.open({ chainKey: KEY });
    expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
    const marker = { fromPosition: 1, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(KEY) } as const;

    expect(SCHEMA_VERSION).toBe(2);
    expect(await store.chainMarker()).toEqual(marker);
    const events = await collect(store.readAll());
    expect(events.map((e) => e.meta.hash)).toEqual(events.map((e) => hashEvent(e, KEY)));
    expect(await verifyChain(store.readAll(), { keying: { key: KEY, fromPosition: 1 }, marker })).toMatchObject({ ok: true, checked: 2 });
  });

  it('migrates a version 1 log, keeps its plain chain, and keys it from the next position', async () => {
    const old = stores.open();
    expectRight(await old.append('stream-a', batch(3), { expectedRevision: 0 }));
    const before = await collect(old.readAll());
    await old.close();
    downgradeToVersion1(stores.path());

    const readOnly = createSqliteEventStore({ path: stores.path(), readOnly: true });
    expect(await readOnly.chainMarker()).toBeUndefined();
    await readOnly.close();

    const upgraded = stores.open({ chainKey: KEY });
    expectRight(await upgraded.append('stream-a', batch(2), { expectedRevision: 3 }));
    const after = await collect(upgraded.readAll());
    const marker = await upgraded.chainMarker();

    expect(marker).toEqual({ fromPosition: 4, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(KEY) });
    expect(after.slice(0, 3)).toEqual(before);
    expect(after.slice(3).map((e) => e.meta.hash)).toEqual(after.slice(3).map((e) => hashEvent(e, KEY)));
    expect(await verifyChain(upgraded.readAll(), { keying: { key: KEY, fromPosition: 4 }, ...(marker === undefined ? {} : { marker }) })).toEqual({
      ok: true,
      checked: 5,
      headHash: after[4]?.meta.hash,
    });
    const file = new Database(stores.path(), { readonly: true });
    expect(file.pragma('user_version', { simple: true })).toBe(2);
    file.close();
  });

  it('refuses appends to a keyed log without its key, and opening it with another key', async () => {
    const keyed = stores.open({ chainKey: KEY });
    expectRight(await keyed.append('stream-a', batch(1), { expectedRevision: 0 }));
    const keyless = stores.open();

    await expect(keyless.append('stream-a', batch(1), { expectedRevision: 1 })).rejects.toThrow(/keyed from position 1; open it with its chain key/);
    expect(() => createSqliteEventStore({ path: stores.path(), chainKey: randomBytes(32) })).toThrow(/keyed with another chain key/);
    expect(await keyless.headPosition()).toBe(1);
    // Reading needs no key.
    expect((await collect(keyless.readAll())).length).toBe(1);
  });

  it('refuses a keyed store’s appends once the marker is gone', async () => {
    const keyed = stores.open({ chainKey: KEY });
    expectRight(await keyed.append('stream-a', batch(1), { expectedRevision: 0 }));
    const db = new Database(stores.path());
    db.exec('DROP TRIGGER chain_keying_is_not_deleted; DELETE FROM chain_keying');
    db.close();

    await expect(keyed.append('stream-a', batch(1), { expectedRevision: 1 })).rejects.toThrow(/lost its chain marker/);
    expect(await keyed.headPosition()).toBe(1);
  });

  it('gets one marker when two stores open a log with the key at once, and refuses a second marker', async () => {
    const unkeyed = stores.open();
    expectRight(await unkeyed.append('stream-a', batch(2), { expectedRevision: 0 }));
    const first = stores.open({ chainKey: KEY });
    const second = stores.open({ chainKey: KEY });

    expect(await first.chainMarker()).toEqual(await second.chainMarker());
    expect((await first.chainMarker())?.fromPosition).toBe(3);
    const db = new Database(stores.path());
    expect(() => db.prepare("INSERT INTO chain_keying VALUES (9, 'hmac-sha256', 'x')").run()).toThrow(/already keyed/);
    expect(() => db.prepare('UPDATE chain_keying SET from_position = 1').run()).toThrow(/cannot be changed/);
    db.close();
  });
});
