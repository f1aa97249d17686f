import { randomBytes } from 'node:crypto';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent } from './envelope';
import { verifyChain, verifyChainLinks } from './hash-chain';
import { createMemoryEventStore } from './memory-store';
import type { UpcasterRegistry } from './upcasters';
import { upcastingStore } from './upcasting-store';

// Version 1 of `Noted` had `body`; version 2 calls it `text`; version 3 adds `words`.
const registry: UpcasterRegistry = {
  Noted: {
    1: (data) => ({ text: (data as { body: string }).body }),
    2: (data) => ({ ...(data as { text: string }), words: (data as { text: string }).text.split(' ').length }),
  },
};

const noted = (n: number, data: unknown, schemaVersion: number): NewEvent => ({
  type: 'Noted',
  data,
  meta: {
    eventId: `e${n}`,
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'tester', role: 'office' },
    commandId: `c${n}`,
    correlationId: `c${n}`,
    causationId: `c${n}`,
    schemaVersion,
  },
});

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

const shapes = (events: readonly RecordedEvent[]) => events.map((e) => [e.meta.schemaVersion, e.data]);
const CURRENT = [
  [3, { text: 'one two', words: 2 }],
  [3, { text: 'three', words: 1 }],
  [3, { text: 'four five six', words: 3 }],
];

describe('the store as opened with upcasters', () => {
  const opened = async () => {
    const key = randomBytes(32);
    const raw = createMemoryEventStore({ chainKey: key });
    await raw.append('note-1', [noted(1, { body: 'one two' }, 1), noted(2, { text: 'three' }, 2)], { expectedRevision: 0 });
    const store = upcastingStore(raw, registry);
    const appended = await store.append('note-1', [noted(3, { text: 'four five six', words: 3 }, 1)], { expectedRevision: 2 });
    return { key, raw, store, appended };
  };

  it('gives every reader the current version: readAll, readStream, findByCommandId, subscribe', async () => {
    const { store } = await opened();
    expect(shapes(await collect(store.readAll()))).toEqual(CURRENT);
    expect(shapes(await store.readStream('note-1'))).toEqual(CURRENT);
    expect(shapes(await store.findByCommandId('c1'))).toEqual([CURRENT[0]]);
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ afterPosition: 0 }, (event) => {
      seen.push(event);
    });
    for (let i = 0; i < 50 && seen.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await subscription.close();
    expect(shapes(seen)).toEqual(CURRENT);
  });

  it('writes new events at the current version, and stores what was written unchanged', async () => {
    const { raw, appended } = await opened();
    expect(isRight(appended) && appended.right.events[0]?.meta.schemaVersion).toBe(3);
    expect(shapes(await collect(raw.readAll()))).toEqual([
      [1, { body: 'one two' }],
      [2, { text: 'three' }],
      [3, { text: 'four five six', words: 3 }],
    ]);
  });

  it('verifies the chain on the stored events (readChain), which the upcast ones would fail', async () => {
    const { key, store } = await opened();
    const options = { keying: { key, fromPosition: 1 }, marker: await store.chainMarker() };
    const readChain = store.readChain ?? expect.fail('no readChain');
    expect(await verifyChainLinks(readChain({ batchSize: 2 }), options)).toMatchObject({ ok: true, checked: 3 });
    expect(await verifyChain(store.raw.readAll(), options)).toMatchObject({ ok: true, checked: 3 });
    expect(await verifyChain(store.readAll(), options)).toMatchObject({ ok: false, firstBrokenPosition: 1 });
  });
});

describe('the store as opened without upcasters', () => {
  it('reads and writes as the store does, and still verifies from readChain', async () => {
    const raw = createMemoryEventStore();
    const store = upcastingStore(raw, {});
    await store.append('note-1', [noted(1, { body: 'old' }, 1)], { expectedRevision: 0 });
    expect(shapes(await collect(store.readAll()))).toEqual([[1, { body: 'old' }]]);
    const readChain = store.readChain ?? expect.fail('no readChain');
    expect(await verifyChainLinks(readChain(), {})).toMatchObject({ ok: true, checked: 1 });
    expect(store.raw).toBe(raw);
  });
});
