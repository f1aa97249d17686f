import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import type { NewEvent, RecordedEvent } from './envelope';
import { verifyChain } from './hash-chain';
import { createMemoryEventStore } from './memory-store';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from './upcasters';

interface V1 {
  readonly fullName: string;
}
interface V2 {
  readonly name: string;
}

const registry: UpcasterRegistry = {
  // v1 → v2: `fullName` was renamed `name`; v2 → v3: `tags` was added.
  PersonRegistered: {
    1: (data) => ({ name: (data as V1).fullName }),
    2: (data) => ({ ...(data as V2), tags: [] }),
  },
};

const stored = async (events: { type: string; data: unknown; schemaVersion: number }[]): Promise<RecordedEvent[]> => {
  const store = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00') });
  const newEvents: NewEvent[] = events.map(({ type, data, schemaVersion }, i) => ({
    type,
    data,
    meta: {
      eventId: `event-${i}`,
      occurredAt: '2024-09-18T09:30:00+08:00',
      actor: { id: 'clerk-1', role: 'office' },
      commandId: `command-${i}`,
      correlationId: `command-${i}`,
      causationId: `command-${i}`,
      schemaVersion,
    },
  }));
  await store.append('person-1', newEvents, { expectedRevision: 0 });
  return store.readStream('person-1');
};

describe('currentSchemaVersion', () => {
  it('is one above the highest upcaster, or 1 for a type without any', () => {
    expect(currentSchemaVersion(registry, 'PersonRegistered')).toBe(3);
    expect(currentSchemaVersion(registry, 'CaseRegistered')).toBe(1);
  });
});

describe('upcast', () => {
  it('reads every old version as the current one, in a copy', async () => {
    const [v1, v2] = await stored([
      { type: 'PersonRegistered', data: { fullName: '王五' }, schemaVersion: 1 },
      { type: 'PersonRegistered', data: { name: '赵六' }, schemaVersion: 2 },
    ]);
    if (v1 === undefined || v2 === undefined) throw new Error('events missing');
    const read = upcast(registry);

    expect(read(v1)).toEqual({ ...v1, data: { name: '王五', tags: [] }, meta: { ...v1.meta, schemaVersion: 3 } });
    expect(read(v2)).toEqual({ ...v2, data: { name: '赵六', tags: [] }, meta: { ...v2.meta, schemaVersion: 3 } });
    // The stored events are untouched.
    expect(v1.data).toEqual({ fullName: '王五' });
    expect(v1.meta.schemaVersion).toBe(1);
  });

  it('returns current events and events of other types as they are', async () => {
    const [current, other] = await stored([
      { type: 'PersonRegistered', data: { name: '李四', tags: ['重点'] }, schemaVersion: 3 },
      { type: 'CaseRegistered', data: { id: 'c-1' }, schemaVersion: 1 },
    ]);
    if (current === undefined || other === undefined) throw new Error('events missing');

    expect(upcast(registry)(current)).toBe(current);
    expect(upcast(registry)(other)).toBe(other);
  });

  it('keeps the hash chain verifiable, because the chain is checked on stored events only', async () => {
    const events = await stored([{ type: 'PersonRegistered', data: { fullName: '王五' }, schemaVersion: 1 }]);

    expect(await verifyChain(events)).toMatchObject({ ok: true, checked: 1 });
    expect(await verifyChain(events.map(upcast(registry)))).toMatchObject({ ok: false, firstBrokenPosition: 1, reason: 'hash' });
  });

  it('throws on a registry with a hole in a chain', async () => {
    const holed: UpcasterRegistry = { PersonRegistered: { 1: (data) => data, 3: (data) => data } };
    const [v1, v2] = await stored([
      { type: 'PersonRegistered', data: { fullName: '王五' }, schemaVersion: 1 },
      { type: 'PersonRegistered', data: { name: '赵六' }, schemaVersion: 2 },
    ]);
    if (v1 === undefined || v2 === undefined) throw new Error('events missing');

    expect(() => upcast(holed)(v1)).toThrow('no upcaster for PersonRegistered from version 2 (current is 4)');
    expect(() => upcast(holed)(v2)).toThrow('no upcaster for PersonRegistered from version 2 (current is 4)');
  });
});
