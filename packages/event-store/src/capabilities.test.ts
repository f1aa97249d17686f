import { isInstant } from '@xinfang/domain';
import { describe, expect, it } from 'vitest';
import { fixedClock, sequentialIds, systemClock, systemIds } from './capabilities';

describe('clocks', () => {
  it('fixedClock starts at its instant and steps by stepMs at each reading', () => {
    const clock = fixedClock('2024-09-18T09:30:00+08:00', 1500);

    expect([clock.now(), clock.now(), clock.now()]).toEqual([
      '2024-09-18T01:30:00.000Z',
      '2024-09-18T01:30:01.500Z',
      '2024-09-18T01:30:03.000Z',
    ]);
  });

  it('fixedClock without a step is frozen, and refuses a non-instant', () => {
    const clock = fixedClock('2024-09-18T01:30:00Z');

    expect([clock.now(), clock.now()]).toEqual(['2024-09-18T01:30:00.000Z', '2024-09-18T01:30:00.000Z']);
    expect(() => fixedClock('yesterday')).toThrow(RangeError);
  });

  it('systemClock reads an instant near now', () => {
    const reading = systemClock.now();

    expect(isInstant(reading)).toBe(true);
    expect(Math.abs(Date.parse(reading) - Date.now())).toBeLessThan(5_000);
  });
});

describe('id generators', () => {
  it('sequentialIds counts from 1 after its prefix', () => {
    const ids = sequentialIds('case-');

    expect([ids.next(), ids.next(), ids.next()]).toEqual(['case-1', 'case-2', 'case-3']);
    expect(sequentialIds().next()).toBe('id-1');
  });

  it('systemIds gives distinct v4 UUIDs', () => {
    const ids = Array.from({ length: 100 }, () => systemIds.next());

    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(100);
  });
});
