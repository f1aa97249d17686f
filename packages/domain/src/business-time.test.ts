import { isLeft, right } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import {
  ACT_DATE_FIELDS,
  ACT_INSTANT_FIELDS,
  BUSINESS_TIME_TOLERANCE_MS,
  decidingAt,
  futureBusinessTime,
} from './business-time';
import type { Decider } from './decider';

const NOW = '2024-10-31T18:00:00+08:00';
const minutesAfter = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

describe('futureBusinessTime', () => {
  it('allows an act up to the tolerance (5 minutes) after now, and any time before', () => {
    expect(BUSINESS_TIME_TOLERANCE_MS).toBe(5 * 60_000);
    expect(futureBusinessTime({ at: minutesAfter(5) }, NOW)).toBeUndefined();
    expect(futureBusinessTime({ registeredAt: '2024-09-02T10:00:00+08:00' }, NOW)).toBeUndefined();
  });

  it.each(ACT_INSTANT_FIELDS)('refuses %s later than now plus the tolerance, naming the field', (field) => {
    const value = minutesAfter(5.01);
    expect(futureBusinessTime({ [field]: value }, NOW)).toEqual({
      code: 'businessTimeInFuture',
      message: {
        zh: `${field}（${value}）晚于当前时间，业务时间不能在将来`,
        en: `${field} (${value}) is later than now: a business time cannot lie in the future`,
      },
      details: { field, value, latest: '2024-10-31T10:05:00.000Z' },
    });
  });

  it('compares moments, not text: an offset far from +08:00 is read as the moment it names', () => {
    // 2024-10-31T23:59-12:00 is 1 Nov 19:59 in Shanghai: past now + 5 min, though its text sorts earlier.
    expect(futureBusinessTime({ receivedAt: '2024-10-31T23:59:00-12:00' }, NOW)?.details).toMatchObject({ field: 'receivedAt' });
    expect(futureBusinessTime({ receivedAt: '2024-11-01T00:00:00+14:00' }, NOW)).toBeUndefined();
  });

  it.each(ACT_DATE_FIELDS)('refuses %s after the day of now plus the tolerance, and allows that day', (field) => {
    expect(futureBusinessTime({ [field]: '2024-10-31' }, NOW)).toBeUndefined();
    expect(futureBusinessTime({ [field]: '2024-11-01' }, NOW)?.details).toEqual({ field, value: '2024-11-01', latest: '2024-10-31' });
    // At 23:57 in Shanghai the tolerance reaches into the next day.
    expect(futureBusinessTime({ [field]: '2024-11-01' }, '2024-10-31T23:57:00+08:00')).toBeUndefined();
  });

  it('lets plans lie ahead: deadlines, due dates, a slot’s day, a roster’s week', () => {
    const plans = { deadline: '2030-01-01', newDeadline: '2030-01-01', dueDate: '2030-01-01', date: '2030-01-01', weekOf: '2029-12-31' };
    expect(futureBusinessTime(plans, NOW)).toBeUndefined();
  });

  it('takes a tolerance of its own (0: not a moment after now)', () => {
    expect(futureBusinessTime({ at: minutesAfter(1) }, NOW, 0)?.code).toBe('businessTimeInFuture');
    expect(futureBusinessTime({ at: NOW }, NOW, 0)).toBeUndefined();
  });
});

describe('decidingAt', () => {
  type Command = { type: 'Do'; data: { at: string } };
  const decided: string[] = [];
  const decider: Decider<Command, string, number> = {
    initialState: 0,
    evolve: (state) => state + 1,
    decide: (command) => {
      decided.push(command.data.at);
      return right(['Done']);
    },
  };

  it('refuses a command whose act lies in the future before the decider sees it', () => {
    const result = decidingAt(decider, NOW).decide({ type: 'Do', data: { at: '2030-01-01T09:00:00+08:00' } }, 0);
    expect(isLeft(result) && result.left.code).toBe('businessTimeInFuture');
    expect(decided).toEqual([]);
  });

  it('passes any other command to the decider, and keeps its evolve and initial state', () => {
    const deciding = decidingAt(decider, NOW);
    expect(deciding.decide({ type: 'Do', data: { at: NOW } }, 0)).toEqual(right(['Done']));
    expect(decided).toEqual([NOW]);
    expect(deciding.evolve(1, 'Done')).toBe(2);
    expect(deciding.initialState).toBe(0);
  });
});
