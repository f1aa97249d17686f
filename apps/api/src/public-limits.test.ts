import { describe, expect, it } from 'vitest';
import { createPublicLimits } from './public-limits';

/** A clock the test moves. */
const clockAt = (start: string) => {
  let now = Date.parse(start);
  return { clock: { now: () => new Date(now).toISOString() }, pass: (seconds: number) => void (now += seconds * 1_000) };
};

describe('the bounds on public look-ups', () => {
  it('refuse a client after its failed guesses, until its window ends, whatever it asks', () => {
    const { clock, pass } = clockAt('2024-10-01T09:00:00+08:00');
    const limits = createPublicLimits(clock, { windowSeconds: 3_600, failedGuesses: 3, requests: 100, clients: 10 });
    for (let i = 0; i < 3; i += 1) {
      expect(limits.admit('a')).toBe(0);
      limits.failed('a');
    }
    expect(limits.admit('a')).toBe(3_600);
    expect(limits.admit('b')).toBe(0);
    pass(600);
    expect(limits.admit('a')).toBe(3_000);
    pass(3_000);
    expect(limits.admit('a')).toBe(0);
  });

  it('bound every client’s look-ups, failed or not', () => {
    const { clock } = clockAt('2024-10-01T09:00:00+08:00');
    const limits = createPublicLimits(clock, { windowSeconds: 60, failedGuesses: 10, requests: 2, clients: 10 });
    expect([limits.admit('a'), limits.admit('a'), limits.admit('a')]).toEqual([0, 0, 60]);
  });

  it('keep at most `clients` windows, dropping the oldest (a dropped client starts afresh)', () => {
    const { clock } = clockAt('2024-10-01T09:00:00+08:00');
    const limits = createPublicLimits(clock, { windowSeconds: 60, failedGuesses: 1, requests: 100, clients: 2 });
    limits.failed('a');
    expect(limits.admit('a')).toBe(60);
    limits.admit('b');
    limits.admit('c');
    expect(limits.admit('a')).toBe(0);
  });
});
