import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocCache } from './doc-cache';

/** What one cached document costs, as the cache counts it: its key, its JSON text and the entry. */
const cost = (key: string, text: string | undefined): number => 64 + key.length + (text?.length ?? 0);

const op = fc.oneof(
  fc.record({ kind: fc.constant('load' as const), projection: fc.constantFrom('a', 'b', 'c'), key: fc.integer({ min: 0, max: 30 }), size: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('set' as const), projection: fc.constantFrom('a', 'b', 'c'), key: fc.integer({ min: 0, max: 30 }), size: fc.integer({ min: -1, max: 400 }) }),
  fc.record({ kind: fc.constant('commit' as const) }),
);

describe('the document cache', () => {
  it('never holds more than its budget after a commit, counts exactly what it holds, and gives back the last document of each key', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000 }), fc.array(op, { maxLength: 120 }), (budget, ops) => {
        const cache = createDocCache(budget);
        /** The documents as last loaded or set, by projection and key (`undefined`: none). */
        const latest = new Map<string, Map<string, { text: string } | undefined>>();
        const committedText = new Map<string, string | undefined>();
        let dirty = new Map<string, Set<string>>();
        const id = (projection: string, key: string) => `${projection}/${key}`;
        for (const o of ops) {
          if (o.kind === 'commit') {
            for (const [projection, keys] of dirty) {
              // What a commit writes: every document changed since the last, serialized once.
              const changes = cache.of(projection).changes();
              expect([...changes.keys()].sort()).toEqual([...keys].sort());
              for (const key of keys) {
                const doc = latest.get(projection)?.get(key);
                expect(changes.get(key)).toBe(doc === undefined ? undefined : JSON.stringify(doc));
                committedText.set(id(projection, key), changes.get(key));
              }
            }
            dirty = new Map();
            cache.committed();
            expect(cache.bytes()).toBeLessThanOrEqual(budget);
            let held = 0;
            for (const [projection, docs] of latest)
              for (const key of docs.keys()) if (cache.of(projection).has(key)) held += cost(key, committedText.get(id(projection, key)));
            expect(cache.bytes()).toBe(held);
            continue;
          }
          const key = `k${o.key}`;
          const docs = cache.of(o.projection);
          const known = latest.get(o.projection) ?? new Map<string, { text: string } | undefined>();
          latest.set(o.projection, known);
          if (o.kind === 'load') {
            // The runner loads only what the cache does not have: the read models then hold what was committed.
            if (docs.has(key)) continue;
            const stored = committedText.get(id(o.projection, key)) ?? (o.size === 0 ? undefined : JSON.stringify({ text: 'x'.repeat(o.size) }));
            docs.loaded([key], stored === undefined ? new Map() : new Map([[key, stored]]));
            known.set(key, stored === undefined ? undefined : (JSON.parse(stored) as { text: string }));
            committedText.set(id(o.projection, key), stored);
          } else {
            if (!docs.has(key)) continue; // the runner sets only what it loaded
            const doc = o.size < 0 ? undefined : { text: 'y'.repeat(o.size) };
            docs.set(key, doc);
            known.set(key, doc);
            dirty.set(o.projection, (dirty.get(o.projection) ?? new Set()).add(key));
          }
          // Whatever was let go at a commit, a document held is the last one loaded or set.
          for (const [projection, held] of latest)
            for (const [k, doc] of held) if (cache.of(projection).has(k)) expect(cache.of(projection).get(k)).toEqual(doc);
        }
      }),
      { seed: 20241031, numRuns: 300 },
    );
  });

  it('lets the least recently used documents go first', () => {
    const text = JSON.stringify({ n: 1 });
    const one = cost('k1', text);
    const cache = createDocCache(2 * one);
    const docs = cache.of('p');
    docs.loaded(['k1', 'k2'], new Map([['k1', text], ['k2', text]]));
    cache.committed();
    expect(cache.bytes()).toBe(2 * one);
    docs.get('k1'); // k2 is now the least recently used
    docs.loaded(['k3'], new Map([['k3', text]]));
    cache.committed();
    expect(['k1', 'k2', 'k3'].filter((key) => docs.has(key))).toEqual(['k1', 'k3']);
    expect(cache.bytes()).toBe(2 * one);
  });

  it('keeps changed documents until they are committed, and forgets everything when cleared', () => {
    const cache = createDocCache(0);
    const docs = cache.of('p');
    docs.loaded(['k1'], new Map());
    docs.set('k1', { n: 2 });
    expect(docs.get('k1')).toEqual({ n: 2 });
    expect(docs.changes()).toEqual(new Map([['k1', '{"n":2}']]));
    cache.clear(); // the batch failed: its documents hold events never committed
    expect(cache.of('p').has('k1')).toBe(false);
    expect(cache.bytes()).toBe(0);
    expect(() => createDocCache(-1)).toThrow(RangeError);
  });
});
