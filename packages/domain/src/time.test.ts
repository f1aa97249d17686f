import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInstants, dayOf, epochMs, isInstant } from './time';

/*
 * compareInstants compares most instants as text. Whatever their layouts, its sign must be the sign of the
 * difference of their epoch milliseconds, for every pair of valid instants.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** How an instant is written: with or without seconds, 0–9 digits of fraction, an offset or Z. */
interface Layout {
  readonly seconds: boolean;
  readonly fraction: number;
  readonly offsetMinutes: number | 'Z';
}

const layout: fc.Arbitrary<Layout> = fc.record({
  seconds: fc.boolean(),
  fraction: fc.integer({ min: 0, max: 9 }),
  offsetMinutes: fc.oneof(fc.constant('Z' as const), fc.constantFrom(480, 0, -300, 330, 345), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })),
});

/** `ms` written in `l` (the moment it names is `ms` rounded down to what the layout can say). */
const write = (ms: number, l: Layout, endOfDay = false): string => {
  const offset = l.offsetMinutes === 'Z' ? 0 : l.offsetMinutes;
  const local = new Date(ms + offset * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const hour = endOfDay ? '24:00' : `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const fraction = l.fraction === 0 ? '' : `.${pad(local.getUTCMilliseconds(), 3).padEnd(l.fraction, '0').slice(0, l.fraction)}`;
  const seconds = endOfDay ? (l.seconds ? ':00' : '') : l.seconds ? `:${pad(local.getUTCSeconds())}${fraction}` : '';
  const zone = l.offsetMinutes === 'Z' ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date}T${hour}${seconds}${zone}`;
};

const moment = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) });
/** Two moments often close together (the same day, the same minute, the same millisecond). */
const pair = fc.oneof(
  fc.tuple(moment, moment),
  moment.chain((ms) => fc.tuple(fc.constant(ms), fc.integer({ min: -86_400_000, max: 86_400_000 }).map((d) => ms + d))),
  moment.chain((ms) => fc.tuple(fc.constant(ms), fc.integer({ min: -2_000, max: 2_000 }).map((d) => ms + d))),
);

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareInstants', () => {
  it('orders any two valid instants as the moments they name, written alike or not', () => {
    fc.assert(
      fc.property(pair, layout, fc.option(layout, { nil: undefined }), fc.boolean(), fc.boolean(), ([x, y], la, other, endA, endB) => {
        const a = write(x, la, endA);
        const b = write(y, other ?? la, endB);
        expect(isInstant(a) && isInstant(b)).toBe(true);
        expect(sign(compareInstants(a, b))).toBe(sign(epochMs(a) - epochMs(b)));
        expect(sign(compareInstants(b, a))).toBe(sign(epochMs(b) - epochMs(a)));
      }),
      { numRuns: 5_000, seed: 20241031 },
    );
  });

  it('reads the end of a day as the next day, and the same moment in two offsets as equal', () => {
    expect(compareInstants('2024-09-18T24:00:00+08:00', '2024-09-19T00:00:00+08:00')).toBe(0);
    expect(compareInstants('2024-09-18T24:00:00+08:00', '2024-09-18T23:59:59+08:00')).toBeGreaterThan(0);
    expect(compareInstants('2024-09-18T09:30:00+08:00', '2024-09-18T01:30:00Z')).toBe(0);
    expect(compareInstants('2024-09-18T09:30:00+08:00', '2024-09-18T09:30:00.001+08:00')).toBeLessThan(0);
    expect(compareInstants('2024-09-18T10:00:00-05:00', '2024-09-18T10:00:00+08:00')).toBeGreaterThan(0);
    expect(compareInstants('2024-09-18T10:00:00+08:00', '2024-09-18T10:00:00+08:00')).toBe(0);
  });
});

/** The Asia/Shanghai day as dayOf worked it out for every instant before it read most from their text. */
const dayThroughDate = (instant: string): string => new Date(epochMs(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('dayOf', () => {
  it('is the Shanghai day of the moment, for an instant in any layout', () => {
    fc.assert(
      fc.property(moment, layout, fc.boolean(), (ms, l, endOfDay) => {
        const instant = write(ms, l, endOfDay);
        expect(dayOf(instant)).toBe(dayThroughDate(instant));
      }),
      { numRuns: 5_000, seed: 20241031 },
    );
  });

  it('goes through Date for a day past its month, a leap day, the end of a day and a late hour elsewhere', () => {
    for (const instant of [
      '2024-02-30T10:00:00+08:00', // Date.parse rolls it to 1 March
      '2023-02-29T10:00:00+08:00',
      '2024-02-29T10:00:00+08:00',
      '2100-02-29T10:00:00+08:00',
      '2000-02-29T23:59:59.999+08:00',
      '2024-04-31T00:00+08:00',
      '2024-09-18T24:00:00+08:00',
      '2024-09-18T23:30:00Z',
      '2024-09-18T01:30:00-05:00',
      '2024-12-31T23:59:59.123456+08:00',
    ])
      expect(dayOf(instant), instant).toBe(dayThroughDate(instant));
    expect(dayOf('2024-02-30T10:00:00+08:00')).toBe('2024-03-01');
    expect(() => dayOf('2024-09-18T25:00:00+08:00')).toThrow(RangeError);
  });
});
