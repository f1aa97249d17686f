import { randomUUID } from 'node:crypto';
import { epochMs, type Instant } from '@xinfang/domain';

/**
 * The two things that would make the store and the handler non-deterministic — the time and fresh ids —
 * are passed in, so that tests (and replays of demo data) can fix them.
 */
export interface Clock {
  readonly now: () => Instant;
}

export interface IdGenerator {
  readonly next: () => string;
}

/** The wall clock, as a UTC instant (`…Z`). */
export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Random v4 UUIDs. */
export const systemIds: IdGenerator = { next: () => randomUUID() };

/**
 * A clock that starts at `start` and moves `stepMs` forward each time it is read, so that successive
 * readings are distinct and predictable. With `stepMs = 0` it is frozen.
 */
export const fixedClock = (start: Instant, stepMs = 0): Clock => {
  let at = epochMs(start);
  if (Number.isNaN(at)) throw new RangeError(`fixedClock: not an instant: ${start}`);
  return {
    now: () => {
      const reading = new Date(at).toISOString();
      at += stepMs;
      return reading;
    },
  };
};

/** `${prefix}1`, `${prefix}2`, … */
export const sequentialIds = (prefix = 'id-'): IdGenerator => {
  let n = 0;
  return { next: () => `${prefix}${++n}` };
};
