import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compareUtf8, createLiveDocs, feedLiveDocs, loadLiveDocs, observeReadModels } from './live-docs';
import { createSqliteReadModels } from './sqlite-read-models';

describe('live documents', () => {
  it('publish a commit only once every projection kept has reached its position', () => {
    const live = createLiveDocs(['a', 'b']);
    expect(live.position()).toBeUndefined(); // nothing loaded yet
    live.commit('a', new Map([['k1', { n: 1 }]]), 5);
    expect(live.position()).toBeUndefined();
    expect(live.docs('a').size).toBe(0);
    live.commit('a', new Map([['k1', { n: 2 }]]), 9);
    live.commit('b', new Map([['x', { m: 1 }]]), 5);
    expect(live.position()).toBeUndefined(); // a is at 9, b at 5
    live.commit('b', new Map(), 9);
    expect(live.position()).toBe(9);
    expect(live.docs('a').get('k1')).toEqual({ n: 2 });
    expect(live.docs('b').get('x')).toEqual({ m: 1 });
  });

  it('are unpublished by a reset until the projection rebuilt has caught up; a delete removes the key', () => {
    const live = createLiveDocs(['a', 'b']);
    live.load('a', [['k1', 1], ['k2', 2]], 4);
    live.load('b', [['k1', 'x']], 4);
    expect(live.position()).toBe(4);
    live.reset('b');
    expect(live.position()).toBeUndefined();
    live.commit('b', new Map([['k9', 'y']]), 2);
    expect(live.position()).toBeUndefined();
    live.commit('b', new Map([['k8', 'z']]), 4);
    expect(live.position()).toBe(4);
    expect([...live.keys('b')]).toEqual(['k8', 'k9']);
    live.commit('a', new Map([['k1', undefined], ['k0', 0]]), 6);
    live.commit('b', new Map(), 6);
    expect([...live.keys('a')]).toEqual(['k0', 'k2']);
  });

  it('list keys in the order of their UTF-8 bytes, as SQLite does, also as keys are added', () => {
    const db = new Database(':memory:');
    const keys = ['b', 'a', '\uE000', '\u{1F600}', 'ab', '', 'A', '\u00e9', 'z\uFFFF', 'z\u{10000}'];
    const live = createLiveDocs(['p']);
    const stored = createSqliteReadModels(db);
    return (async () => {
      for (const [i, key] of keys.entries()) {
        await observeReadModels(stored, feedLiveDocs(live)).commit('p', 1, new Map([[key, i]]), i + 1);
        expect(live.keys('p')).toEqual([...keys.slice(0, i + 1)].sort(compareUtf8));
      }
      const fromSqlite: string[] = [];
      for await (const [key] of stored.all('p')) fromSqlite.push(key);
      expect(live.keys('p')).toEqual(fromSqlite);
      db.close();
    })();
  });

  it('hold what the store gives back (a JSON round trip), and load what it holds at its checkpoint', async () => {
    const db = new Database(':memory:');
    const stored = createSqliteReadModels(db);
    const live = createLiveDocs(['p', 'q']);
    const observed = observeReadModels(stored, feedLiveDocs(live));
    const doc = { a: 1, gone: undefined, list: [1, 2] };
    await observed.commit('p', 1, new Map([['k', doc]]), 3);
    await observed.commit('q', 1, new Map(), 3);
    expect(live.docs('p').get('k')).toEqual({ a: 1, list: [1, 2] });
    expect(Object.keys(live.docs('p').get('k') as object)).toEqual(['a', 'list']);
    expect(live.docs('p').get('k')).not.toBe(doc);

    const again = createLiveDocs(['p', 'q']);
    await loadLiveDocs(again, stored, { p: 1, q: 1 });
    expect(again.position()).toBe(3);
    expect([...again.docs('p')]).toEqual([...live.docs('p')]);
    const otherVersion = createLiveDocs(['p', 'q']);
    await loadLiveDocs(otherVersion, stored, { p: 2, q: 1 });
    expect(otherVersion.position()).toBeUndefined(); // p left at 0 for the runner to rebuild, q at 3
    expect(otherVersion.docs('p').size).toBe(0);
    db.close();
  });
});
