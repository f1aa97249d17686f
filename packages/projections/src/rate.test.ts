import { describe, expect, it } from 'vitest';
import { fraction, rate, rateOf } from './rate';

describe('rate', () => {
  it('is the plain fraction', () => {
    expect(rate(3, 4)).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(fraction(1, 8)).toBe(0.125);
  });
  it('is null when there is nothing to measure', () => {
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(fraction(0, 0)).toBeNull();
  });
  it('counts the items that pass among all of them', () => {
    expect(rateOf([1, 2, 3, 4, 5], (n) => n % 2 === 1)).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(rateOf([], () => true)).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});
