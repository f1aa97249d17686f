import { canonicalObjectSpans, chainLinkOf, isCanonicalJsonText, verifyChain, verifyChainLinks, type ChainLink } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { collect, newEvent, useTempStores } from './test/fixtures';

const stores = useTempStores();

const KEY = Buffer.alloc(32, 0x21);

/** Every link `readChain` gives, in order. */
const links = async (batches: AsyncIterable<Iterable<ChainLink>> | Iterable<Iterable<ChainLink>>): Promise<ChainLink[]> => {
  const all: ChainLink[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
};

/** Raw SQL on the file, the guarding trigger dropped: rows as another writer (or a tamperer) might leave them. */
const rewrite = (path: string, edits: readonly (readonly [column: 'data' | 'meta' | 'type' | 'stream_id', text: string | null, position: number])[]): void => {
  const db = new Database(path);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_are_not_updated');
    for (const [column, text, position] of edits) db.prepare(`UPDATE events SET ${column} = ? WHERE position = ?`).run(text, position);
  } finally {
    db.close();
  }
};

describe('readChain', () => {
  it('gives every row as the link readAll’s envelope makes, the text its hash covers the same, however the row is written', async () => {
    const store = stores.open({ chainKey: KEY });
    const payloads: unknown[] = [
      { 内容: '拖欠工资', n: 1 },
      { text: 'quote " backslash \\ newline \n tab \t del \u007f sep \u2028 emoji 😀', list: [1, 0.5, -2, 1e21, 1e-7, true, false, null, {}, []] },
      undefined,
      { b: { d: 1, c: [{ z: 1, a: 2 }] }, a: '' },
      { 10: 'ten', 9: 'nine', a: 'keys JSON.stringify writes out of order' },
      { n: 6 },
      { n: 7 },
      { n: 8 },
      { n: 9 },
      { n: 10 },
      { n: 11 },
    ];
    for (const [i, data] of payloads.entries()) {
      await store.append(`stream-${i % 3}`, [newEvent(data, {}, i === 5 ? '带中文的类型' : 'Tested')], { expectedRevision: 'any' });
    }
    const path = stores.path();
    const original = await collect(store.readAll());
    // As written, the store's text is canonical (the fast way); the integer keys are the exception.
    const db = new Database(path, { readonly: true });
    const rows = db.prepare<[], { position: number; data: string | null; meta: string }>('SELECT position, data, meta FROM events ORDER BY position').all();
    db.close();
    expect(rows.map((r) => (r.data === null || isCanonicalJsonText(r.data)) && canonicalObjectSpans(r.meta) !== undefined)).toEqual(payloads.map((_, i) => i !== 4));
    await store.close();

    // Rows written otherwise: whitespace, keys out of order, other escapes and number forms, meta keys the columns
    // override, a stored hash in the JSON part, nothing in data.
    rewrite(path, [
      ['data', '{ "n" : 6 }', 6],
      ['data', '{"n":7.0,"a":"\\u0041\\/"}', 7],
      ['meta', (rows[7]?.meta ?? '').replace('{', '{"position":99,"hash":"x","zz":1,'), 8],
      ['meta', (rows[8]?.meta ?? '').replace('{', '{ '), 9],
      ['data', null, 10],
      ['data', '{"n":1e400}', 11],
    ]);
    const reader = stores.open({ path, readOnly: true });
    const chain = await links(reader.readChain?.({ batchSize: 4 }) ?? []);
    const envelopes = await collect(reader.readAll());
    expect(chain.map((l) => l.position)).toEqual(envelopes.map((e) => e.meta.position));
    const texts = (all: readonly ChainLink[]) => all.map((l) => { try { return l.hashedText(); } catch (error) { return `throws ${String(error)}`; } });
    expect(texts(chain)).toEqual(texts(envelopes.map(chainLinkOf)));
    expect(chain.map(({ position, streamId, revision, prevHash, hash }) => ({ position, streamId, revision, prevHash, hash }))).toEqual(
      original.map((e) => ({ position: e.meta.position, streamId: e.meta.streamId, revision: e.meta.revision, prevHash: e.meta.prevHash, hash: e.meta.hash })),
    );
    // 1e400 is Infinity once parsed: canonicalJson throws on it, both ways.
    expect(texts(chain)[10]).toMatch(/^throws/);

    const options = { keying: { key: KEY, fromPosition: 1 }, marker: await reader.chainMarker() };
    const verified = await verifyChainLinks(reader.readChain?.() ?? [], options);
    expect(verified).toEqual(await verifyChain(reader.readAll(), options));
    // 6 and 7 are the same values written otherwise (the hash is over the values); 7.0 is 7, but "A/" was added.
    expect(verified).toMatchObject({ ok: false, checked: 6, firstBrokenPosition: 7, reason: 'hash' });
  });

  it('reads an empty log as no links', async () => {
    const store = stores.open();
    expect(await links(store.readChain?.() ?? [])).toEqual([]);
    expect(await verifyChainLinks(store.readChain?.() ?? [])).toEqual({ ok: true, checked: 0, headHash: '0'.repeat(64) });
  });
});
