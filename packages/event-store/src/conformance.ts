import { randomUUID } from 'node:crypto';
import { isInstant } from '@xinfang/domain';
import { isLeft, isRight, type Either } from 'fp-ts/Either';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventIdReuseError } from './append-rules';
import type { NewEvent, NewEventMeta, RecordedEvent } from './envelope';
import type { Clock } from './capabilities';
import type { AppendConflict, AppendResult, EventStore, LogOrigin } from './event-store';
import { ImportError } from './import-rules';
import { GENESIS_HASH, KEYED_SCHEME, chainKeyCheck, hashEvent, verifyChain, type ChainKey } from './hash-chain';

/** A fresh, empty store for one test, and how to get rid of it afterwards. */
export interface StoreUnderTest {
  readonly store: EventStore;
  readonly dispose: () => Promise<void>;
}

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const newEvent = (data: unknown = {}, meta: Partial<NewEventMeta> = {}, type = 'Tested'): NewEvent => ({
  type,
  data,
  meta: {
    eventId: randomUUID(),
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: randomUUID(),
    correlationId: 'correlation-1',
    causationId: 'causation-1',
    schemaVersion: 1,
    ...meta,
  },
});

const batch = (count: number, first = 0, meta: Partial<NewEventMeta> = {}): NewEvent[] =>
  range(first, first + count - 1).map((n) => newEvent({ n }, meta));

const expectRight = (result: Either<AppendConflict, AppendResult>): AppendResult => {
  if (isLeft(result)) return expect.fail(`expected the append to succeed, got ${JSON.stringify(result.left)}`);
  return result.right;
};

const expectConflict = (result: Either<AppendConflict, AppendResult>): AppendConflict => {
  if (isRight(result)) return expect.fail(`expected an AppendConflict, got revision ${result.right.revision}`);
  return result.left;
};

const positions = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.meta.position);
const revisions = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.meta.revision);

/** What a test may ask of the store it makes: a clock for `recordedAt`, a key for the chain. */
export interface MakeStoreOptions {
  readonly clock?: Clock;
  readonly chainKey?: ChainKey;
  /** The id a new store takes (a copy's, for `importRecorded`: its origin's). */
  readonly storeId?: string;
}

export type MakeStore = (options: MakeStoreOptions) => Promise<StoreUnderTest>;

/**
 * The behaviour every `EventStore` adapter must show. Call it from a test file of the adapter:
 * `runEventStoreConformance('sqlite', async () => { … return { store, dispose } })`, and once more with
 * `{ chainKey }` for a keyed store (`makeStore` must then pass the key on). `makeStore` is called
 * before each test and must return an empty store, using `clock` (for `recordedAt`) when one is given.
 */
export const runEventStoreConformance = (name: string, makeStore: MakeStore, { chainKey }: { readonly chainKey?: ChainKey } = {}): void => {
  describe(`EventStore conformance: ${name}${chainKey === undefined ? '' : ' (keyed chain)'}`, () => {
    let subject: StoreUnderTest | undefined;
    let store: EventStore;
    /** The whole log checked as `verify` checks it: with the key and the store's marker when keyed. */
    const verifyStore = async (events = store.readAll()) =>
      verifyChain(events, chainKey === undefined ? {} : { keying: { key: chainKey, fromPosition: 1 }, marker: await store.chainMarker() });

    beforeEach(async () => {
      subject = await makeStore(chainKey === undefined ? {} : { chainKey });
      store = subject.store;
    });

    afterEach(async () => {
      await subject?.dispose();
      subject = undefined;
    });

    describe('append', () => {
      it('records a new stream from revision 1 and position 1 with the whole envelope', async () => {
        const input = [newEvent({ a: 1 }, { commandId: 'command-1' }), newEvent({ b: [2] }, { commandId: 'command-1' }, 'Other')];
        const result = expectRight(await store.append('stream-a', input, { expectedRevision: 0 }));

        expect(result.streamId).toBe('stream-a');
        expect(result.revision).toBe(2);
        expect(result.position).toBe(2);
        expect(result.events.map((e) => [e.type, e.data])).toEqual([['Tested', { a: 1 }], ['Other', { b: [2] }]]);
        result.events.forEach((event, i) => {
          const { meta } = event;
          expect(meta).toMatchObject({ ...input[i]?.meta, streamId: 'stream-a', revision: i + 1, position: i + 1 });
          expect(isInstant(meta.recordedAt)).toBe(true);
          expect(meta.hash).toMatch(/^[0-9a-f]{64}$/);
          expect(meta.hash).toBe(hashEvent(event, chainKey));
        });
        expect(result.events[0]?.meta.prevHash).toBe(GENESIS_HASH);
        expect(result.events[1]?.meta.prevHash).toBe(result.events[0]?.meta.hash);
        expect(await store.readStream('stream-a')).toEqual(result.events);
        expect(await store.streamRevision('stream-a')).toBe(2);
        expect(await store.headPosition()).toBe(2);
      });

      it('appends at the expected revision and chains onto the previous event of the store', async () => {
        const first = expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
        const other = expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));
        const second = expectRight(await store.append('stream-a', batch(2), { expectedRevision: 2 }));

        expect([first.revision, other.revision, second.revision]).toEqual([2, 1, 4]);
        expect(positions(second.events)).toEqual([4, 5]);
        expect(revisions(second.events)).toEqual([3, 4]);
        expect(second.events[0]?.meta.prevHash).toBe(other.events[0]?.meta.hash);
      });

      it('refuses expectedRevision 0 on an existing stream with the actual revision, writing nothing', async () => {
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
        const conflict = expectConflict(await store.append('stream-a', batch(1), { expectedRevision: 0 }));

        expect(conflict).toEqual({ _tag: 'AppendConflict', streamId: 'stream-a', expectedRevision: 0, actualRevision: 2 });
        expect(await store.headPosition()).toBe(2);
        expect(await store.streamRevision('stream-a')).toBe(2);
      });

      it('refuses a stale or future expected revision, and "any" appends at whatever revision', async () => {
        expectRight(await store.append('stream-a', batch(3), { expectedRevision: 'any' }));

        expect(expectConflict(await store.append('stream-a', batch(1), { expectedRevision: 2 })).actualRevision).toBe(3);
        expect(expectConflict(await store.append('stream-a', batch(1), { expectedRevision: 4 })).actualRevision).toBe(3);
        expect(expectConflict(await store.append('stream-new', batch(1), { expectedRevision: 1 })).actualRevision).toBe(0);
        expect(expectRight(await store.append('stream-a', batch(1), { expectedRevision: 'any' })).revision).toBe(4);
        expect(await store.headPosition()).toBe(4);
      });

      it('lets exactly one of two writers with the same expected revision win', async () => {
        expectRight(await store.append('stream-a', batch(1), { expectedRevision: 0 }));
        const [mine, theirs] = [batch(2, 100), batch(2, 200)];
        const results = await Promise.all([
          store.append('stream-a', mine, { expectedRevision: 1 }),
          store.append('stream-a', theirs, { expectedRevision: 1 }),
        ]);

        const winners = results.filter(isRight);
        const losers = results.filter(isLeft);
        expect(winners).toHaveLength(1);
        expect(losers.map((l) => l.left)).toEqual([
          { _tag: 'AppendConflict', streamId: 'stream-a', expectedRevision: 1, actualRevision: 3 },
        ]);
        const stream = await store.readStream('stream-a');
        expect(revisions(stream)).toEqual([1, 2, 3]);
        expect(stream.slice(1)).toEqual(winners[0]?.right.events);
        expect(await store.headPosition()).toBe(3);
      });

      it('lets exactly one of many writers create a stream', async () => {
        const results = await Promise.all(range(1, 10).map((n) => store.append('stream-a', batch(2, n * 10), { expectedRevision: 0 })));

        expect(results.filter(isRight)).toHaveLength(1);
        expect(results.filter(isLeft).map((l) => l.left.actualRevision)).toEqual(Array<number>(9).fill(2));
        expect(await store.headPosition()).toBe(2);
      });

      it('writes nothing and reports the current revision for an empty append', async () => {
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 1 }));

        const empty = expectRight(await store.append('stream-a', [], { expectedRevision: 2 }));
        expect(empty).toEqual({ streamId: 'stream-a', revision: 2, position: 3, events: [] });
        expect(expectConflict(await store.append('stream-a', [], { expectedRevision: 0 })).actualRevision).toBe(2);
        expect(await store.headPosition()).toBe(4);
      });

      it('writes none of the events of an append when one of them cannot be stored', async () => {
        const bad = [newEvent({ ok: true }), newEvent({ notJson: Number.NaN })];

        await expect(store.append('stream-a', bad, { expectedRevision: 0 })).rejects.toThrow();
        expect(await store.headPosition()).toBe(0);
        expect(await store.readStream('stream-a')).toEqual([]);
        expect(expectRight(await store.append('stream-a', batch(1), { expectedRevision: 0 })).position).toBe(1);
      });
    });

    describe('idempotent append by event id', () => {
      it('returns the original result and writes nothing when the same events are appended again', async () => {
        const events = batch(3);
        const original = expectRight(await store.append('stream-a', events, { expectedRevision: 0 }));
        const again = expectRight(await store.append('stream-a', events, { expectedRevision: 0 }));

        expect(again).toEqual(original);
        expect(await store.headPosition()).toBe(3);
      });

      it('returns the original result even after the stream has moved on', async () => {
        const events = batch(2);
        const original = expectRight(await store.append('stream-a', events, { expectedRevision: 0 }));
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 2 }));
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));

        expect(expectRight(await store.append('stream-a', events, { expectedRevision: 0 }))).toEqual(original);
        expect(expectRight(await store.append('stream-a', events, { expectedRevision: 'any' }))).toEqual(original);
        expect(await store.headPosition()).toBe(5);
      });

      it('gives every racing copy of one append the same result and stores it once', async () => {
        const events = batch(2);
        const results = await Promise.all(range(1, 5).map(() => store.append('stream-a', events, { expectedRevision: 0 })));

        const first = expectRight(results[0] ?? expect.fail('no result'));
        for (const result of results) expect(expectRight(result)).toEqual(first);
        expect(await store.headPosition()).toBe(2);
      });

      it('throws on a batch that mixes stored and new event ids, or reuses an id elsewhere, writing nothing', async () => {
        const [stored, fresh] = [newEvent({ n: 1 }), newEvent({ n: 2 })];
        expectRight(await store.append('stream-a', [stored], { expectedRevision: 0 }));

        await expect(store.append('stream-a', [stored, fresh], { expectedRevision: 'any' })).rejects.toThrow(EventIdReuseError);
        await expect(store.append('stream-b', [stored], { expectedRevision: 'any' })).rejects.toThrow(EventIdReuseError);
        await expect(store.append('stream-c', [fresh, fresh], { expectedRevision: 'any' })).rejects.toThrow(EventIdReuseError);
        expect(await store.headPosition()).toBe(1);
      });
    });

    describe('concurrent appends', () => {
      // Made at once, as a server's requests are: a store that commits in groups puts them in one transaction,
      // and must still treat each as if it were alone.
      it('fails only the append that conflicts or cannot be stored; the others are written, once, in one chain', async () => {
        const storedEvents = batch(2);
        const original = expectRight(await store.append('stream-a', storedEvents, { expectedRevision: 0 }));
        const [forB, forD, forE] = [batch(2, 10), batch(1, 20), batch(3, 30)];

        const [b, stale, broken, replay, d, dAgain, reused, e] = await Promise.allSettled([
          store.append('stream-b', forB, { expectedRevision: 0 }),
          store.append('stream-a', batch(1, 40), { expectedRevision: 0 }),
          store.append('stream-c', [newEvent({ ok: true }), newEvent({ notJson: Number.NaN })], { expectedRevision: 0 }),
          store.append('stream-a', storedEvents, { expectedRevision: 0 }),
          store.append('stream-d', forD, { expectedRevision: 0 }),
          store.append('stream-d', forD, { expectedRevision: 0 }),
          store.append('stream-e', [storedEvents[0] ?? expect.fail('no event')], { expectedRevision: 0 }),
          store.appendMany([{ streamId: 'stream-e', expectedRevision: 0, events: forE }]),
        ]);

        const value = <T>(settled: PromiseSettledResult<T> | undefined): T =>
          settled?.status === 'fulfilled' ? settled.value : expect.fail(`expected a result, got ${String(settled?.status === 'rejected' ? settled.reason : settled)}`);
        const many = value(e);
        const written = [expectRight(value(b)), expectRight(value(d)), ...(isLeft(many) ? expect.fail(`expected stream-e to be written, got ${JSON.stringify(many.left)}`) : many.right)];
        expect(written.map((r) => [r.streamId, revisions(r.events)])).toEqual([['stream-b', [1, 2]], ['stream-d', [1]], ['stream-e', [1, 2, 3]]]);
        expect(expectRight(value(dAgain))).toEqual(expectRight(value(d)));
        expect(expectConflict(value(stale))).toEqual({ _tag: 'AppendConflict', streamId: 'stream-a', expectedRevision: 0, actualRevision: 2 });
        expect(expectRight(value(replay))).toEqual(original);
        expect(broken.status).toBe('rejected');
        expect(reused.status === 'rejected' ? reused.reason : undefined).toBeInstanceOf(EventIdReuseError);

        // Positions 3–8 went to the six new events, whatever the order the store took them in, each once.
        expect(written.flatMap((r) => positions(r.events)).sort((x, y) => x - y)).toEqual(range(3, 8));
        const all = await collect(store.readAll());
        expect(all.map((event) => event.meta.eventId)).toEqual(
          [...original.events, ...written.flatMap((r) => r.events)].sort((x, y) => x.meta.position - y.meta.position).map((event) => event.meta.eventId),
        );
        expect(await store.readStream('stream-c')).toEqual([]);
        expect(await verifyStore()).toMatchObject({ ok: true, checked: 8 });
        const recordedAt = all.map((event) => Date.parse(event.meta.recordedAt));
        expect(recordedAt).toEqual([...recordedAt].sort((x, y) => x - y));
      });
    });

    describe('global order', () => {
      it('numbers events 1, 2, 3, … across many streams, also under concurrent appends', async () => {
        const appends = range(1, 20).flatMap((s) => range(1, 5).map((k) => ({ streamId: `stream-${s}`, size: ((s + k) % 3) + 1 })));
        const results = (
          await Promise.all(appends.map(({ streamId, size }) => store.append(streamId, batch(size), { expectedRevision: 'any' })))
        ).map(expectRight);
        const total = appends.reduce((sum, a) => sum + a.size, 0);

        // One append's events are contiguous: nothing is interleaved with them.
        for (const result of results) {
          expect(positions(result.events)).toEqual(range(result.position - result.events.length + 1, result.position));
        }
        const all = await collect(store.readAll());
        expect(positions(all)).toEqual(range(1, total));
        expect(await store.headPosition()).toBe(total);
        for (const s of range(1, 20)) {
          const stream = await store.readStream(`stream-${s}`);
          expect(revisions(stream)).toEqual(range(1, stream.length));
          expect(stream).toEqual(all.filter((e) => e.meta.streamId === `stream-${s}`));
        }
        expect((await verifyStore()).ok).toBe(true);
      });
    });

    describe('readStream', () => {
      it('reads from a revision (inclusive), and nothing for an unknown stream', async () => {
        expectRight(await store.append('stream-a', batch(3), { expectedRevision: 0 }));
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 3 }));

        expect(revisions(await store.readStream('stream-a'))).toEqual([1, 2, 3, 4, 5]);
        expect(revisions(await store.readStream('stream-a', { fromRevision: 3 }))).toEqual([3, 4, 5]);
        expect(positions(await store.readStream('stream-a', { fromRevision: 4 }))).toEqual([5, 6]);
        expect(await store.readStream('stream-a', { fromRevision: 6 })).toEqual([]);
        expect(await store.readStream('stream-unknown')).toEqual([]);
        expect(await store.streamRevision('stream-unknown')).toBe(0);
      });
    });

    describe('readAll', () => {
      it('reads after a position (exclusive), in the same order whatever the batch size', async () => {
        for (const s of range(1, 5)) expectRight(await store.append(`stream-${s % 2}`, batch(5), { expectedRevision: 'any' }));
        const all = await collect(store.readAll());

        expect(positions(all)).toEqual(range(1, 25));
        expect(positions(await collect(store.readAll({ afterPosition: 7 })))).toEqual(range(8, 25));
        expect(await collect(store.readAll({ afterPosition: 25 }))).toEqual([]);
        for (const batchSize of [1, 2, 5, 7, 25, 1000]) {
          expect(await collect(store.readAll({ batchSize }))).toEqual(all);
          expect(positions(await collect(store.readAll({ afterPosition: 3, batchSize })))).toEqual(range(4, 25));
        }
      });

      it('reads nothing from an empty store', async () => {
        expect(await collect(store.readAll())).toEqual([]);
        expect(await store.headPosition()).toBe(0);
      });
    });

    describe('findByCommandId', () => {
      it("returns a command's stored events in order, and nothing for an unknown command", async () => {
        expectRight(await store.append('stream-a', batch(1), { expectedRevision: 0 }));
        const result = expectRight(await store.append('stream-a', batch(3, 0, { commandId: 'command-42' }), { expectedRevision: 1 }));
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));

        expect(await store.findByCommandId('command-42')).toEqual(result.events);
        expect(await store.findByCommandId('command-unknown')).toEqual([]);
      });
    });

    describe('subscribe', () => {
      it('catches up, then goes live, delivering events appended during the catch-up exactly once, in order', async () => {
        for (const s of range(1, 3)) expectRight(await store.append(`stream-${s}`, batch(10), { expectedRevision: 0 }));
        const received: number[] = [];
        let duringCatchUp: Promise<unknown> | undefined;
        const subscription = store.subscribe({ afterPosition: 10 }, async (event) => {
          received.push(event.meta.position);
          // Appends land while the subscription is still working through the stored events.
          duringCatchUp ??= Promise.all(range(1, 10).map((n) => store.append(`stream-${n % 4}`, batch(1), { expectedRevision: 'any' })));
          await new Promise((resolve) => setTimeout(resolve, 1));
        });

        await expect.poll(() => received.length, { timeout: 10_000 }).toBe(30);
        for (const n of range(1, 5)) expectRight(await store.append('stream-live', batch(1), { expectedRevision: n - 1 }));
        await expect.poll(() => received.length, { timeout: 10_000 }).toBe(35);
        await subscription.close();

        expect(await duringCatchUp).toHaveLength(10);
        expect(received).toEqual(range(11, 45));
      });

      it('delivers to a subscriber of an empty store as events are appended', async () => {
        const received: RecordedEvent[] = [];
        const subscription = store.subscribe({ afterPosition: 0 }, (event) => {
          received.push(event);
        });
        const first = expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
        const second = expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));

        await expect.poll(() => received.length, { timeout: 10_000 }).toBe(3);
        await subscription.close();
        expect(received).toEqual([...first.events, ...second.events]);
      });

      it('stops delivering when closed', async () => {
        const received: number[] = [];
        const subscription = store.subscribe({ afterPosition: 0 }, (event) => {
          received.push(event.meta.position);
        });
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 }));
        await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);

        await subscription.close();
        expectRight(await store.append('stream-a', batch(2), { expectedRevision: 2 }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received).toEqual([1, 2]);
      });

      it('stops at a failing handler and reports its error, without skipping the event', async () => {
        expectRight(await store.append('stream-a', batch(5), { expectedRevision: 0 }));
        const attempted: number[] = [];
        const errors: unknown[] = [];
        const failure = new Error('handler failed');
        store.subscribe(
          {
            afterPosition: 0,
            onError: (error) => {
              errors.push(error);
            },
          },
          (event) => {
            attempted.push(event.meta.position);
            if (event.meta.position === 3) throw failure;
          },
        );

        await expect.poll(() => errors, { timeout: 10_000 }).toEqual([failure]);
        expectRight(await store.append('stream-a', batch(1), { expectedRevision: 5 }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(attempted).toEqual([1, 2, 3]);
      });
    });

    describe('large streams', () => {
      it('holds a 10,000-event stream, appended in batches and read back whole and in order', async () => {
        const size = 10_000;
        const batchSize = 500;
        for (let from = 0; from < size; from += batchSize) {
          expectRight(await store.append('stream-big', batch(batchSize, from), { expectedRevision: from }));
        }

        const stream = await store.readStream('stream-big');
        expect(stream).toHaveLength(size);
        expect(stream.every((e, i) => e.meta.revision === i + 1 && e.meta.position === i + 1)).toBe(true);
        expect(stream.every((e, i) => (e.data as { n: number }).n === i)).toBe(true);
        const all = await collect(store.readAll({ batchSize: 1000 }));
        expect(all).toEqual(stream);
        expect(await verifyStore()).toMatchObject({ ok: true, checked: size });
      });
    });

    describe('unicode', () => {
      it('returns payloads exactly as they were given', async () => {
        const data = {
          zh: '信访事项：大排查、大接访、大化解。“息诉息访”',
          emoji: '👨‍👩‍👧‍👦 🙂 🇨🇳',
          surrogatePairs: '\uD83D\uDE00 𠮷野家 𝄞',
          controls: '\u0001\u0007\b\t\n\v\f\r\u001b\u001f\u007f\u0085\u2028\u2029',
          escapes: '"\\/\' <script>',
          combining: 'e\u0301 ﬁ Å',
          rtl: 'مرحبا بالعالم',
          nested: { 深层: [{ 键: '值', 空: null }, ['a', 1, true, false, null]], empty: {}, list: [] },
          numbers: [0, -1, 1.5, -0.25, 1e21, 1e-7, Number.MAX_SAFE_INTEGER],
        };
        const meta = { actor: { id: '张三', role: '社区书记' }, correlationId: '关联-1', causationId: 'causation-🙂' };
        const appended = expectRight(
          await store.append('stream-unicode', [newEvent(data, meta, '信访事项已登记')], { expectedRevision: 0 }),
        );

        const [stored] = await store.readStream('stream-unicode');
        expect(stored?.type).toBe('信访事项已登记');
        expect(stored?.data).toEqual(data);
        expect(stored?.meta).toMatchObject(meta);
        expect(stored).toEqual(appended.events[0]);
        expect(await collect(store.readAll())).toEqual(appended.events);
        expect(await verifyStore()).toMatchObject({ ok: true, checked: 1 });
      });
    });

    describe('appendMany', () => {
      const expectAllRight = (result: Either<AppendConflict, AppendResult[]>): AppendResult[] => {
        if (isLeft(result)) return expect.fail(`expected appendMany to succeed, got ${JSON.stringify(result.left)}`);
        return result.right;
      };

      it('writes several streams as one append: positions in the order given, one recordedAt, one chain', async () => {
        expectRight(await store.append('stream-b', batch(1), { expectedRevision: 0 }));
        const results = expectAllRight(await store.appendMany([
          { streamId: 'stream-a', expectedRevision: 0, events: batch(2) },
          { streamId: 'stream-b', expectedRevision: 1, events: batch(1) },
          { streamId: 'stream-c', expectedRevision: 'any', events: [] },
        ]));

        expect(results.map((r) => [r.streamId, r.revision, r.position, r.events.length])).toEqual([
          ['stream-a', 2, 3, 2],
          ['stream-b', 2, 4, 1],
          ['stream-c', 0, 0, 0],
        ]);
        const all = await collect(store.readAll());
        expect(positions(all)).toEqual([1, 2, 3, 4]);
        expect(new Set(all.slice(1).map((e) => e.meta.recordedAt)).size).toBe(1);
        expect(revisions(await store.readStream('stream-b'))).toEqual([1, 2]);
        expect(await verifyStore()).toMatchObject({ ok: true, checked: 4 });
      });

      it('writes nothing when any one stream is not at its expected revision, naming that stream', async () => {
        expectRight(await store.append('stream-b', batch(2), { expectedRevision: 0 }));
        const conflict = await store.appendMany([
          { streamId: 'person-1', expectedRevision: 0, events: batch(1) },
          { streamId: 'person-2', expectedRevision: 0, events: batch(1) },
          { streamId: 'stream-b', expectedRevision: 1, events: batch(1) },
        ]);

        expect(isLeft(conflict) && conflict.left).toEqual({ _tag: 'AppendConflict', streamId: 'stream-b', expectedRevision: 1, actualRevision: 2 });
        expect(await store.headPosition()).toBe(2);
        expect(await store.readStream('person-1')).toEqual([]);
        expect(await store.streamRevision('person-2')).toBe(0);
      });

      it('writes nothing when one event of any stream cannot be stored', async () => {
        const bad = store.appendMany([
          { streamId: 'stream-a', expectedRevision: 0, events: batch(2) },
          { streamId: 'stream-b', expectedRevision: 0, events: [newEvent({ notJson: Number.NaN })] },
        ]);

        await expect(bad).rejects.toThrow();
        expect(await store.headPosition()).toBe(0);
        expect(await store.readStream('stream-a')).toEqual([]);
      });

      it('returns the original results for a repeat, and refuses a stream twice or a partly stored repeat', async () => {
        const appends = [
          { streamId: 'stream-a', expectedRevision: 0, events: batch(1) },
          { streamId: 'stream-b', expectedRevision: 0, events: batch(2) },
        ];
        const original = expectAllRight(await store.appendMany(appends));
        expectRight(await store.append('stream-a', batch(1), { expectedRevision: 1 }));

        expect(expectAllRight(await store.appendMany(appends))).toEqual(original);
        await expect(store.appendMany([...appends, { streamId: 'stream-c', expectedRevision: 0, events: batch(1) }])).rejects.toThrow(
          EventIdReuseError,
        );
        await expect(
          store.appendMany([
            { streamId: 'stream-d', expectedRevision: 0, events: batch(1) },
            { streamId: 'stream-d', expectedRevision: 'any', events: batch(1) },
          ]),
        ).rejects.toThrow(/stream-d appears twice/);
        expect(await store.headPosition()).toBe(4);
      });

      it('lets exactly one of two racing multi-stream appends on a shared stream win', async () => {
        const racers = await Promise.all(
          [1, 2].map((n) => store.appendMany([
            { streamId: `person-${n}`, expectedRevision: 0, events: batch(1) },
            { streamId: 'case-1', expectedRevision: 0, events: batch(1) },
          ])),
        );

        expect(racers.filter(isRight)).toHaveLength(1);
        expect(await store.headPosition()).toBe(2);
        expect((await store.readStream('person-1')).length + (await store.readStream('person-2')).length).toBe(1);
      });
    });

    describe('storeId', () => {
      it('is an id of its own, the same before and after appends', async () => {
        const id = await store.storeId();
        expect(id).toMatch(/^[0-9a-f-]{32,36}$/);
        expectRight(await store.append('a', batch(2), { expectedRevision: 0 }));
        expect(await store.storeId()).toBe(id);
        const other = await makeStore({});
        try {
          expect(await other.store.storeId()).not.toBe(id);
        } finally {
          await other.dispose();
        }
      });
    });

    describe('hash chain', () => {
      it('keeps the chain intact over everything that was appended', async () => {
        await Promise.all(range(1, 10).map((s) => store.append(`stream-${s % 3}`, batch((s % 4) + 1), { expectedRevision: 'any' })));
        const head = await store.headPosition();
        const all = await collect(store.readAll());

        expect(await verifyStore(store.readAll({ batchSize: 3 }))).toEqual({ ok: true, checked: head, headHash: all.at(-1)?.meta.hash });
        for (const event of all) expect(event.meta.hash).toBe(hashEvent(event, chainKey));
      });

      it(chainKey === undefined ? 'has no marker: the chain is plain SHA-256' : 'marks the log as keyed from position 1, and cannot be verified without its key', async () => {
        expectRight(await store.append('stream-1', batch(3), { expectedRevision: 0 }));
        if (chainKey === undefined) {
          expect(await store.chainMarker()).toBeUndefined();
          return;
        }
        const marker = (await store.chainMarker()) ?? expect.fail('a keyed store has a marker');
        const first = (await store.readStream('stream-1'))[0];

        expect(marker).toEqual({ fromPosition: 1, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(chainKey) });
        expect(first?.meta.hash).not.toBe(first === undefined ? undefined : hashEvent(first));
        expect(await verifyChain(store.readAll(), { marker })).toMatchObject({ ok: false, checked: 0, firstBrokenPosition: 1, reason: 'keying' });
        const otherKey = new Uint8Array(32).fill(7);
        expect(await verifyChain(store.readAll(), { keying: { key: otherKey, fromPosition: 1 }, marker })).toMatchObject({
          ok: false,
          firstBrokenPosition: 1,
          reason: 'keying',
        });
        // Even with a marker made for the wrong key, the events themselves do not verify under it.
        const forgedMarker = { ...marker, keyCheck: chainKeyCheck(otherKey) };
        expect(await verifyChain(store.readAll(), { keying: { key: otherKey, fromPosition: 1 }, marker: forgedMarker })).toMatchObject({
          ok: false,
          firstBrokenPosition: 1,
          reason: 'hash',
        });
        expect(await verifyStore()).toMatchObject({ ok: true, checked: 3 });
      });
    });
  });
};

/**
 * `recordedAt` follows log order whatever the clock does: `makeStore` must use the clock it is given.
 * Separate from `runEventStoreConformance` because it needs a clock of its own.
 */
export const runRecordedAtConformance = (name: string, makeStore: MakeStore): void => {
  describe(`EventStore conformance: ${name}: recordedAt`, () => {
    it('never goes backwards when the clock is set back, and moves on with the clock again', async () => {
      const readings = ['2024-09-18T02:00:00.000Z', '2024-09-18T01:00:00.000Z', '2024-09-18T01:00:00.000Z', '2024-09-18T03:00:00.000Z'];
      const clock: Clock = { now: () => readings.shift() ?? expect.fail('clock read too often') };
      const { store, dispose } = await makeStore({ clock });
      try {
        for (const streamId of ['a', 'b', 'c']) expectRight(await store.append(streamId, batch(1), { expectedRevision: 0 }));
        expectRight(await store.append('d', batch(2), { expectedRevision: 0 }));

        expect((await collect(store.readAll())).map((e) => e.meta.recordedAt)).toEqual([
          '2024-09-18T02:00:00.000Z',
          '2024-09-18T02:00:00.000Z',
          '2024-09-18T02:00:00.000Z',
          '2024-09-18T03:00:00.000Z',
          '2024-09-18T03:00:00.000Z',
        ]);
      } finally {
        await dispose();
      }
    });
  });
};

/**
 * `importRecorded` (what `xinfang migrate` copies a log with), for an adapter that has it. `makeStore` must
 * pass `storeId` on: a copy is made as a new store with its origin's id.
 */
export const runImportConformance = (name: string, makeStore: MakeStore, { chainKey }: { readonly chainKey: ChainKey }): void => {
  describe(`EventStore conformance: ${name}: importRecorded`, () => {
    const made: StoreUnderTest[] = [];
    const make = async (options: MakeStoreOptions): Promise<EventStore> => {
      const subject = await makeStore(options);
      made.push(subject);
      return subject.store;
    };
    afterEach(async () => {
      for (const subject of made.splice(0)) await subject.dispose();
    });

    /** A log of several streams written by appends and appendMany: 11 events. */
    const writeLog = async (store: EventStore): Promise<RecordedEvent[]> => {
      expectRight(await store.append('case-1', batch(3), { expectedRevision: 0 }));
      expectRight(await store.append('case-2', batch(2, 10), { expectedRevision: 0 }));
      const many = await store.appendMany([
        { streamId: 'case-1', expectedRevision: 3, events: batch(2, 20) },
        { streamId: 'person-1', expectedRevision: 0, events: batch(1, 30) },
      ]);
      if (isLeft(many)) expect.fail('appendMany conflicted');
      expectRight(await store.append('case-2', batch(3, 40), { expectedRevision: 2 }));
      return collect(store.readAll());
    };

    const originOf = async (store: EventStore): Promise<LogOrigin> => ({ storeId: await store.storeId(), chainMarker: await store.chainMarker() });

    const copyOf = async (origin: EventStore): Promise<EventStore> => {
      const storeId = await origin.storeId();
      return make(storeId === undefined ? {} : { storeId });
    };

    const importer = (store: EventStore) => {
      if (store.importRecorded === undefined) return expect.fail(`${name} has no importRecorded`);
      return store.importRecorded;
    };

    it('copies a keyed log in batches exactly: every event, its id, marker and chain, which verifies with the key', async () => {
      const origin = await make({ chainKey });
      const events = await writeLog(origin);
      const copy = await copyOf(origin);
      const from = await originOf(origin);
      await importer(copy)(from, events.slice(0, 4));
      expect(await copy.headPosition()).toBe(4);
      await importer(copy)(from, events.slice(4));

      expect(await collect(copy.readAll())).toEqual(events);
      expect(await copy.storeId()).toBe(await origin.storeId());
      expect(await copy.chainMarker()).toEqual(await origin.chainMarker());
      expect(await copy.readStream('case-2')).toEqual(await origin.readStream('case-2'));
      expect(await copy.streamRevision('case-1')).toBe(5);
      expect(await copy.findByCommandId(events[5]?.meta.commandId ?? '')).toEqual([events[5]]);
      const marker = await copy.chainMarker();
      const verification = await verifyChain(copy.readAll(), { keying: { key: chainKey, fromPosition: marker?.fromPosition ?? 1 }, marker });
      expect(verification).toMatchObject({ ok: true, checked: events.length });
    });

    it('goes on with appends after the copied events: the chain runs on and verifies', async () => {
      const origin = await make({});
      const events = await writeLog(origin);
      const copy = await copyOf(origin);
      await importer(copy)(await originOf(origin), events);
      const appended = expectRight(await copy.append('case-1', batch(1, 50), { expectedRevision: 5 }));
      expect(appended.events[0]?.meta).toMatchObject({ position: 12, revision: 6, prevHash: events.at(-1)?.meta.hash });
      expect(await verifyChain(copy.readAll())).toMatchObject({ ok: true, checked: 12 });
    });

    it('stores nothing of a batch that does not continue the log, and says which event', async () => {
      const origin = await make({});
      const events = await writeLog(origin);
      const copy = await copyOf(origin);
      const from = await originOf(origin);
      await importer(copy)(from, events.slice(0, 3));
      const [e3, e4, e5] = [events[3], events[4], events[5]] as [RecordedEvent, RecordedEvent, RecordedEvent];
      const changed = (event: RecordedEvent, meta: Partial<RecordedEvent['meta']>): RecordedEvent => ({ ...event, meta: { ...event.meta, ...meta } });
      const bad: RecordedEvent[][] = [
        [e4, e5], // skips position 4
        events.slice(0, 3), // already stored
        [e3, e4, changed(e5, { revision: 7 })], // a revision that skips
        [e3, changed(e4, { prevHash: e3.meta.prevHash })], // a broken link
        [e3, changed(e4, { position: 6 })],
      ];
      for (const batchOf of bad) {
        await expect(importer(copy)(from, batchOf)).rejects.toBeInstanceOf(ImportError);
        expect(await copy.headPosition()).toBe(3);
      }
      expect(await collect(copy.readAll())).toEqual(events.slice(0, 3));
      await importer(copy)(from, events.slice(3));
      expect(await collect(copy.readAll())).toEqual(events);
    });

    it('refuses events from another log, and a keyed copy of an unkeyed log', async () => {
      const origin = await make({});
      const events = await writeLog(origin);
      const stranger = await make({});
      await expect(importer(stranger)(await originOf(origin), events)).rejects.toBeInstanceOf(ImportError);
      expect(await stranger.headPosition()).toBe(0);
      const keyed = await make({ chainKey, storeId: (await origin.storeId()) ?? randomUUID() });
      await expect(importer(keyed)(await originOf(origin), events)).rejects.toBeInstanceOf(ImportError);
      expect(await keyed.headPosition()).toBe(0);
    });

    it('delivers copied events to subscribers, as appends are', async () => {
      const origin = await make({});
      const events = await writeLog(origin);
      const copy = await copyOf(origin);
      const seen: number[] = [];
      const subscription = copy.subscribe({ afterPosition: 0 }, (event) => {
        seen.push(event.meta.position);
      });
      try {
        await importer(copy)(await originOf(origin), events);
        for (let i = 0; i < 100 && seen.length < events.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(seen).toEqual(positions(events));
      } finally {
        await subscription.close();
      }
    });
  });
};
