import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryReadModels } from './memory-read-models';
import { CheckpointConflictError, type ReadModelStore } from './read-model-store';
import { createSqliteReadModels } from './sqlite-read-models';

/*
 * The read-model store port, the same checks on both adapters, then what only SQLite has: a file that
 * survives reopening, and a commit that fails half-way inside the database rolls back entirely.
 */

const dirs: string[] = [];
const dbs: Database.Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-read-models-'));
  dirs.push(dir);
  return join(dir, 'read-models.db');
};
const openDb = (file: string): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  dbs.push(db);
  return db;
};

const adapters: readonly { name: string; create: () => ReadModelStore }[] = [
  { name: 'memory', create: createMemoryReadModels },
  { name: 'sqlite', create: () => createSqliteReadModels(openDb(tempFile()), { pageSize: 3 }) },
];

const collect = async (readModels: ReadModelStore, projection: string): Promise<[string, unknown][]> => {
  const docs: [string, unknown][] = [];
  for await (const [key, doc] of readModels.all(projection)) docs.push([key, doc]);
  return docs;
};

describe.each(adapters)('read models in $name', ({ create }) => {
  it('starts empty', async () => {
    const readModels = create();
    expect(await readModels.checkpoint('p')).toBeUndefined();
    expect(await readModels.load('p', ['a'])).toEqual(new Map());
    expect(await collect(readModels, 'p')).toEqual([]);
  });

  it('commits documents with their checkpoint, and loads them by key', async () => {
    const readModels = create();
    const doc = { name: '张三', list: [1, 2, { deep: true }], nothing: null, 'emoji 𠀀': '🎉' };
    await readModels.commit('p', 1, new Map<string, unknown>([['a', doc], ['b', 2], ['c', 'text']]), 5);
    expect(await readModels.checkpoint('p')).toEqual({ position: 5, version: 1 });
    expect(await readModels.load('p', ['a', 'c', 'missing', 'a'])).toEqual(
      new Map<string, unknown>([['a', doc], ['c', 'text']]),
    );
    // Other projections are other tables.
    expect(await readModels.load('q', ['a'])).toEqual(new Map());
    expect(await readModels.checkpoint('q')).toBeUndefined();

    // Updates, deletions and a checkpoint-only commit.
    await readModels.commit('p', 1, new Map<string, unknown>([['a', { v: 2 }], ['b', undefined]]), 7);
    await readModels.commit('p', 1, new Map(), 9);
    expect(await collect(readModels, 'p')).toEqual([['a', { v: 2 }], ['c', 'text']]);
    expect(await readModels.checkpoint('p')).toEqual({ position: 9, version: 1 });
  });

  it('keeps the hash of the event at the checkpoint, and the id of the log the models were built from', async () => {
    const readModels = create();
    expect(await readModels.logId()).toBeUndefined();
    await readModels.commit('p', 1, new Map([['a', 1]]), 3, '01'.repeat(32));
    expect(await readModels.checkpoint('p')).toEqual({ position: 3, version: 1, hash: '01'.repeat(32) });
    await readModels.commit('p', 1, new Map(), 4, '02'.repeat(32));
    expect(await readModels.checkpoint('p')).toEqual({ position: 4, version: 1, hash: '02'.repeat(32) });
    await readModels.setLogId('log-a');
    await readModels.setLogId('log-b');
    expect(await readModels.logId()).toBe('log-b');
    await readModels.reset('p');
    expect(await readModels.checkpoint('p')).toBeUndefined();
  });

  it('hands out copies: changing a loaded document changes nothing stored', async () => {
    const readModels = create();
    await readModels.commit('p', 1, new Map([['a', { list: [1] }]]), 1);
    const loaded = (await readModels.load('p', ['a'])).get('a') as { list: number[] };
    loaded.list.push(2);
    expect((await readModels.load('p', ['a'])).get('a')).toEqual({ list: [1] });
  });

  it('lists every document in UTF-8 key order, across pages, including the empty key', async () => {
    const readModels = create();
    const keys = ['b', '', 'a', 'case-10', 'case-9', '社区', '\u{20000}', '\uffff', 'z', 'A'];
    await readModels.commit('p', 1, new Map(keys.map((key, i) => [key, { i }])), 1);
    const listed = await collect(readModels, 'p');
    const byUtf8 = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(listed.map(([key]) => key)).toEqual(byUtf8);
    expect(listed).toContainEqual(['社区', { i: 5 }]);
  });

  it('lists large read models completely', async () => {
    const readModels = create();
    const many = new Map(Array.from({ length: 1234 }, (_, i) => [`k${String(i).padStart(5, '0')}`, i]));
    await readModels.commit('p', 1, many, 1);
    const listed = await collect(readModels, 'p');
    expect(listed).toHaveLength(1234);
    expect(listed.at(-1)).toEqual(['k01233', 1233]);
  });

  it('resets a projection, documents and checkpoint, leaving the others', async () => {
    const readModels = create();
    await readModels.commit('p', 1, new Map([['a', 1]]), 3);
    await readModels.commit('q', 1, new Map([['a', 2]]), 4);
    await readModels.reset('p');
    expect(await readModels.checkpoint('p')).toBeUndefined();
    expect(await collect(readModels, 'p')).toEqual([]);
    expect(await collect(readModels, 'q')).toEqual([['a', 2]]);
    // After a reset, any version may start again from any position.
    await readModels.commit('p', 2, new Map([['b', 1]]), 1);
    expect(await readModels.checkpoint('p')).toEqual({ position: 1, version: 2 });
  });

  it('refuses a commit that does not follow the checkpoint, writing nothing', async () => {
    const readModels = create();
    await readModels.commit('p', 1, new Map([['a', 1]]), 10);
    const refused = [
      () => readModels.commit('p', 1, new Map([['a', 2]]), 9), // backwards
      () => readModels.commit('p', 1, new Map([['a', 2]]), 10), // the same batch again
      () => readModels.commit('p', 2, new Map([['a', 2]]), 11), // another version without a reset
    ];
    for (const commit of refused) await expect(commit()).rejects.toBeInstanceOf(CheckpointConflictError);
    await readModels.commit('p', 1, new Map(), 10); // nothing to write: harmless
    expect(await readModels.checkpoint('p')).toEqual({ position: 10, version: 1 });
    expect(await collect(readModels, 'p')).toEqual([['a', 1]]);
    await expect(readModels.commit('p', 1, new Map(), -1)).rejects.toBeInstanceOf(RangeError);
    await expect(readModels.commit('p', 0, new Map(), 11)).rejects.toBeInstanceOf(RangeError);
  });

  it('refuses a document that is not JSON, writing nothing', async () => {
    const readModels = create();
    await readModels.commit('p', 1, new Map([['a', 1]]), 1);
    const bad = new Map<string, unknown>([['a', 2], ['b', { n: 10n }], ['c', 3]]);
    await expect(readModels.commit('p', 1, bad, 2)).rejects.toThrow(/key "b": the document is not JSON/);
    await expect(readModels.commit('p', 1, new Map([['f', () => 1]]), 2)).rejects.toThrow(/not JSON/);
    expect(await readModels.checkpoint('p')).toEqual({ position: 1, version: 1 });
    expect(await collect(readModels, 'p')).toEqual([['a', 1]]);
  });
});

describe('read models in SQLite', () => {
  it('creates its tables and keeps the documents, checkpoints and log id across reopening', async () => {
    const file = tempFile();
    const first = openDb(file);
    const created = createSqliteReadModels(first);
    await created.commit('p', 3, new Map([['case-1', { status: 'accepted' }]]), 42, 'ab'.repeat(32));
    await created.setLogId('log-1');
    first.close();

    const again = openDb(file);
    const tables = again.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['checkpoints', 'read_model_log', 'read_models']);
    const readModels = createSqliteReadModels(again);
    expect(await readModels.checkpoint('p')).toEqual({ position: 42, version: 3, hash: 'ab'.repeat(32) });
    expect(await readModels.load('p', ['case-1'])).toEqual(new Map([['case-1', { status: 'accepted' }]]));
    expect(await readModels.logId()).toBe('log-1');
  });

  it('adds the hash column to a file written before it was kept; its old checkpoints have no hash', async () => {
    const file = tempFile();
    const old = openDb(file);
    old.exec(`
      CREATE TABLE read_models (projection TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (projection, key));
      CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL, version INTEGER NOT NULL);
      INSERT INTO checkpoints (projection, position, version) VALUES ('p', 41, 1);
    `);
    const readModels = createSqliteReadModels(old);
    expect(await readModels.checkpoint('p')).toEqual({ position: 41, version: 1 });
    expect(await readModels.logId()).toBeUndefined();
    await readModels.commit('p', 1, new Map([['a', 1]]), 42, 'cd'.repeat(32));
    expect(await readModels.checkpoint('p')).toEqual({ position: 42, version: 1, hash: 'cd'.repeat(32) });
  });

  it('shares a database with other tables (the event store’s) without touching them', async () => {
    const db = openDb(tempFile());
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, data TEXT)');
    db.prepare('INSERT INTO events (data) VALUES (?)').run('{}');
    const readModels = createSqliteReadModels(db);
    await readModels.commit('p', 1, new Map([['a', 1]]), 1);
    await readModels.reset('p');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
  });

  it('rolls back a commit that fails half-way in the database: documents and checkpoint stay as they were', async () => {
    const file = tempFile();
    const db = openDb(file);
    const readModels = createSqliteReadModels(db);
    await readModels.commit('p', 1, new Map<string, unknown>([['a', 1], ['b', 1]]), 5);
    // The disk "fails" on the third write of the next commit, after two documents were written.
    db.exec(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON read_models WHEN NEW.key = 'boom'
             BEGIN SELECT RAISE(ABORT, 'disk failure'); END`);
    const changes = new Map<string, unknown>([['a', 2], ['b', undefined], ['boom', 1], ['c', 1]]);
    await expect(readModels.commit('p', 1, changes, 9)).rejects.toThrow(/disk failure/);
    expect(db.inTransaction).toBe(false);

    // What another connection (a restarted process) sees: the previous commit, whole.
    const other = createSqliteReadModels(openDb(file));
    for (const view of [readModels, other]) {
      expect(await view.checkpoint('p')).toEqual({ position: 5, version: 1 });
      expect(await collect(view, 'p')).toEqual([['a', 1], ['b', 1]]);
    }

    // Once the disk is back, the same commit goes through.
    db.exec('DROP TRIGGER fail_on_boom');
    await readModels.commit('p', 1, changes, 9);
    expect(await collect(other, 'p')).toEqual([['a', 2], ['boom', 1], ['c', 1]]);
    expect(await other.checkpoint('p')).toEqual({ position: 9, version: 1 });
  });

  it('refuses a stale commit from a second connection on the same file', async () => {
    const file = tempFile();
    const one = createSqliteReadModels(openDb(file));
    const two = createSqliteReadModels(openDb(file));
    await one.commit('p', 1, new Map([['a', 1]]), 10);
    await expect(two.commit('p', 1, new Map([['a', 0]]), 8)).rejects.toBeInstanceOf(CheckpointConflictError);
    expect(await two.load('p', ['a'])).toEqual(new Map([['a', 1]]));
  });

  it('detached under iterations in progress, lets each end on what it began on, and the file can be replaced', async () => {
    const file = tempFile();
    const db = openDb(file);
    const readModels = createSqliteReadModels(db, { pageSize: 2 });
    const docs = new Map(['', 'a', 'b', 'c', 'd', 'e'].map((key) => [key, { key }]));
    await readModels.commit('p', 1, docs, 1);
    const expected = [...docs].map(([key, doc]) => [key, doc]);
    const begun = readModels.all('p')[Symbol.asyncIterator]();
    const first = await begun.next();
    const unstarted = readModels.all('p')[Symbol.asyncIterator]();
    readModels.detach();
    db.close();
    // The file goes: what the iterations read next was read before the database was closed.
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const rest: unknown[] = [];
    for (let next = await begun.next(); next.done !== true; next = await begun.next()) rest.push(next.value);
    expect([first.value, ...rest]).toEqual(expected);
    const all: unknown[] = [];
    for (let next = await unstarted.next(); next.done !== true; next = await unstarted.next()) all.push(next.value);
    expect(all).toEqual(expected);
    expect(() => readModels.all('p')[Symbol.asyncIterator]()).toThrow(/detached/);
  });

  it('refuses a bad page size', () => {
    expect(() => createSqliteReadModels(openDb(':memory:'), { pageSize: 0 })).toThrow(RangeError);
  });
});
