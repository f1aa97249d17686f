import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import type { NewEvent } from './envelope';
import { GENESIS_HASH } from './hash-chain';
import { readAllUpTo, readLastEvent, readLogHead } from './log-head';
import { createMemoryEventStore } from './memory-store';

const event = (n: number): NewEvent => ({
  type: 'Tested',
  data: { n },
  meta: {
    eventId: `event-${n}`,
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: `command-${n}`,
    correlationId: `command-${n}`,
    causationId: `command-${n}`,
    schemaVersion: 1,
  },
});

const positions = async (events: AsyncIterable<{ meta: { position: number } }>) => {
  const seen: number[] = [];
  for await (const e of events) seen.push(e.meta.position);
  return seen;
};

describe('the log head', () => {
  it('of an empty log is position 0 and the genesis hash, with no last event', async () => {
    const store = createMemoryEventStore();
    expect(await readLogHead(store)).toEqual({ position: 0, hash: GENESIS_HASH });
    expect(await readLastEvent(store)).toBeUndefined();
    expect(await positions(readAllUpTo(store, 0))).toEqual([]);
  });

  it('is the last event; reading up to a head noted before leaves out what was appended since', async () => {
    const store = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });
    await store.append('s', [event(1), event(2), event(3)], { expectedRevision: 0 });
    const head = await readLogHead(store);
    const last = await readLastEvent(store);
    expect(head.position).toBe(3);
    expect(last?.meta.hash).toBe(head.hash);
    expect(last?.data).toEqual({ n: 3 });
    await store.append('s', [event(4), event(5)], { expectedRevision: 3 });
    expect(await positions(readAllUpTo(store, head.position))).toEqual([1, 2, 3]);
    expect((await readLogHead(store)).position).toBe(5);
  });
});
