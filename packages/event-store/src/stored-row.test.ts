import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from './envelope';
import { STORED_COLUMN_NAMES, fromStoredRow, toStoredRow } from './stored-row';

const event: RecordedEvent = {
  type: 'CaseRegistered',
  data: { title: '欠薪', amount: 16.5 },
  meta: {
    eventId: 'e1',
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: 'c1',
    correlationId: 'r1',
    causationId: 'c1',
    schemaVersion: 1,
    streamId: 'case-1',
    revision: 3,
    position: 42,
    recordedAt: '2024-09-18T01:31:00.000Z',
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  },
};

describe('the stored row of an event', () => {
  it('gives the event back exactly, with whole numbers as numbers or as a driver’s text', () => {
    const row = toStoredRow(event);
    expect(Object.keys(row)).toEqual([...STORED_COLUMN_NAMES]);
    expect(row).toMatchObject({ position: 42, revision: 3, data: '{"title":"欠薪","amount":16.5}' });
    expect(fromStoredRow(row)).toEqual(event);
    expect(fromStoredRow({ ...row, position: '42', revision: '3' })).toEqual(event);
    expect(fromStoredRow(toStoredRow({ ...event, data: undefined }))).toEqual({ ...event, data: undefined });
  });

  it('refuses a field of the wrong type, which a text column would change', () => {
    expect(() => toStoredRow({ ...event, meta: { ...event.meta, commandId: 7 as unknown as string } })).toThrow(/meta.commandId must be a string/);
    expect(() => toStoredRow({ ...event, type: 1 as unknown as string })).toThrow(/type must be a string/);
  });
});
