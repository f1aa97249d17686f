import { describe, expect, it } from 'vitest';
import type { NewEvent } from './envelope';
import { createMemoryEventStore } from './memory-store';
import { createStateCache, foldStream } from './stream-state';

const folded = (revision: number, state = revision) => ({ revision, position: revision, hash: `h-${revision}`, state });

const added = (n: number): NewEvent => ({
  type: 'Added',
  data: { n },
  meta: { eventId: `e-${n}`, occurredAt: '2024-09-18T09:00:00+08:00', actor: { id: 'clerk-1', role: 'office' }, commandId: `c-${n}`, correlationId: 'x', causationId: 'x', schemaVersion: 1 },
});

/** A sum of the events' `n`. */
const sum = {
  decider: { initialState: 0, evolve: (total: number, event: { n: number }) => total + event.n },
  toEvent: (event: { data: unknown }) => event.data as { n: number },
};

describe('createStateCache', () => {
  it('drops the least recently used stream first', () => {
    const cache = createStateCache<number>({ maxStreams: 2 });
    cache.set('a', folded(1));
    cache.set('b', folded(1));
    expect(cache.get('a')).toEqual(folded(1));
    cache.set('c', folded(1));

    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([folded(1), undefined, folded(1)]);
  });

  it('keeps the later of two states of one stream, whatever order they come in', () => {
    const cache = createStateCache<number>();
    cache.set('a', folded(5));
    cache.set('a', folded(3));
    expect(cache.get('a')).toEqual(folded(5));
    cache.set('a', folded(6));
    expect(cache.get('a')).toEqual(folded(6));
  });

  it('forgets a stream, which may then be set at any revision', () => {
    const cache = createStateCache<number>();
    cache.set('a', folded(5));
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', folded(2));
    expect(cache.get('a')).toEqual(folded(2));
  });

  it('keeps 1,000 streams by default', () => {
    const cache = createStateCache<number>();
    for (let i = 0; i <= 1_000; i++) cache.set(`s-${i}`, folded(1, i));
    expect([cache.get('s-0'), cache.get('s-1'), cache.get('s-1000')]).toEqual([undefined, folded(1, 1), folded(1, 1000)]);
  });

  it('refuses a bound that is not a positive whole number', () => {
    expect(() => createStateCache({ maxStreams: 0 })).toThrow(RangeError);
    expect(() => createStateCache({ maxStreams: 1.5 })).toThrow(RangeError);
  });
});

describe('foldStream', () => {
  it('folds the whole stream once, then only what follows the cached state, to the same state as a full fold', async () => {
    const store = createMemoryEventStore();
    await store.append('s', [added(1), added(2)], { expectedRevision: 0 });
    const cache = createStateCache<number>();

    const hashAt = async (revision: number) => (await store.readStream('s', { fromRevision: revision }))[0]?.meta.hash;

    expect(await foldStream({ store, streamId: 's', ...sum, cache })).toEqual({ revision: 2, position: 2, hash: await hashAt(2), state: 3 });
    await store.append('s', [added(10)], { expectedRevision: 2 });
    const third = { revision: 3, position: 3, hash: await hashAt(3), state: 13 };
    expect(await foldStream({ store, streamId: 's', ...sum, cache })).toEqual(third);
    expect(cache.get('s')).toEqual(third);
    expect(await foldStream({ store, streamId: 's', ...sum })).toEqual(third);
    expect(await foldStream({ store, streamId: 'none', ...sum, cache })).toEqual({ revision: 0, position: 0, hash: '', state: 0 });
    expect(cache.get('none')).toBeUndefined();
  });

  it("folds with the decider's foldMany when it has one: once per read, with every event read, from the cached state", async () => {
    const store = createMemoryEventStore();
    await store.append('s', [added(1), added(2), added(3)], { expectedRevision: 0 });
    const cache = createStateCache<number>();
    const calls: { from: number; events: number[] }[] = [];
    const decider = {
      ...sum.decider,
      foldMany: (from: number, events: readonly { n: number }[]) => {
        calls.push({ from, events: events.map((e) => e.n) });
        return events.reduce(sum.decider.evolve, from);
      },
    };
    expect((await foldStream({ store, streamId: 's', decider, toEvent: sum.toEvent, cache })).state).toBe(6);
    await store.append('s', [added(10), added(20)], { expectedRevision: 3 });
    expect((await foldStream({ store, streamId: 's', decider, toEvent: sum.toEvent, cache })).state).toBe(36);
    expect(calls).toEqual([
      { from: 0, events: [1, 2, 3] },
      { from: 6, events: [10, 20] },
    ]);
  });
});


describe('foldStream with a seed', () => {
  const seeded = async () => {
    const store = createMemoryEventStore();
    await store.append('s', [added(1), added(2), added(3)], { expectedRevision: 0 });
    const hashAt = async (revision: number) => (await store.readStream('s', { fromRevision: revision }))[0]?.meta.hash ?? '';
    const reads: number[] = [];
    const counted = { ...store, readStream: (streamId: string, options?: { fromRevision?: number }) => (reads.push(options?.fromRevision ?? 1), store.readStream(streamId, options)) };
    return { store, counted, hashAt, reads };
  };

  it('starts from a seeded state whose last event this log holds, reading only from it, to the state a full fold gives', async () => {
    const { store, counted, hashAt, reads } = await seeded();
    await store.append('s', [added(10)], { expectedRevision: 3 });
    const cache = createStateCache<number>();
    // A state said to be at revision 2 (1 + 2): the seed's own state is taken, only events 2…4 are read.
    const seed = async () => ({ revision: 2, position: 2, hash: await hashAt(2), state: 3 });
    expect(await foldStream({ store: counted, streamId: 's', ...sum, cache, seed })).toEqual({ revision: 4, position: 4, hash: await hashAt(4), state: 16 });
    expect(reads).toEqual([2]);
    expect(cache.get('s')?.state).toBe(16);
    // Cached now: the seed is not asked again.
    expect((await foldStream({ store: counted, streamId: 's', ...sum, cache, seed: async () => expect.fail('asked again') })).state).toBe(16);
  });

  it('folds the whole stream when the seed is of another log (its last event has another hash), or has none', async () => {
    const { counted, reads } = await seeded();
    const other = async () => ({ revision: 2, position: 2, hash: 'not-this-log', state: 1_000 });
    expect((await foldStream({ store: counted, streamId: 's', ...sum, seed: other })).state).toBe(6);
    expect(reads).toEqual([2, 1]);
    expect((await foldStream({ store: counted, streamId: 's', ...sum, seed: async () => undefined })).state).toBe(6);
  });
});
