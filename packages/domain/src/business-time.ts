import { left } from 'fp-ts/Either';
import type { Decider } from './decider';
import { domainError, type DomainError } from './errors';
import { dayOf, epochMs, type Instant } from './time';

/*
 * Business time is typed in by people, often late (paper forms), never early: what a command says
 * happened cannot have happened after the command reached the server. A plan may lie ahead (a deadline,
 * a due date, a duty slot's day, the week a roster is for); an act may not.
 */

/** How far an act may lie ahead of the server's clock: a client's clock and the server's drift a little. */
export const BUSINESS_TIME_TOLERANCE_MS = 5 * 60 * 1000;

/** The fields of a command that say when an act happened, as instants. */
export const ACT_INSTANT_FIELDS = ['at', 'registeredAt', 'receivedAt', 'publishedAt'] as const;

/** The fields of a command that say on which day an act happened: a screening report is for a day begun. */
export const ACT_DATE_FIELDS = ['reportDate'] as const;

/** The time fields that are plans and may lie ahead: listed so that every time field is a decision. */
export const PLAN_TIME_FIELDS = ['deadline', 'newDeadline', 'dueDate', 'date', 'weekOf'] as const;

export const businessTimeErrors = {
  businessTimeInFuture: (field: string, value: string, latest: string): DomainError =>
    domainError(
      'businessTimeInFuture',
      `${field}（${value}）晚于当前时间，业务时间不能在将来`,
      `${field} (${value}) is later than now: a business time cannot lie in the future`,
      { field, value, latest },
    ),
};

/**
 * Why a command's acts cannot be accepted at `now`: the first act field later than `now` plus the
 * tolerance (for a day: a day after the one that holds that moment). Undefined when none is.
 */
export const futureBusinessTime = (
  data: Readonly<Record<string, unknown>>,
  now: Instant,
  toleranceMs: number = BUSINESS_TIME_TOLERANCE_MS,
): DomainError | undefined => {
  const latestMs = epochMs(now) + toleranceMs;
  const latest = new Date(latestMs).toISOString();
  for (const field of ACT_INSTANT_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && epochMs(value) > latestMs) return businessTimeErrors.businessTimeInFuture(field, value, latest);
  }
  const latestDay = dayOf(latest);
  for (const field of ACT_DATE_FIELDS) {
    const value = data[field];
    if (typeof value === 'string' && value > latestDay) return businessTimeErrors.businessTimeInFuture(field, value, latestDay);
  }
  return undefined;
};

/**
 * `decider` deciding at `now`: a command whose act lies in the future is refused before it is decided.
 * The deciders stay pure: the caller passes the clock's reading in.
 */
export const decidingAt = <C extends { readonly data: object }, E, S>(decider: Decider<C, E, S>, now: Instant): Decider<C, E, S> => ({
  ...decider,
  decide: (command, state) => {
    const refused = futureBusinessTime(command.data as Readonly<Record<string, unknown>>, now);
    return refused === undefined ? decider.decide(command, state) : left(refused);
  },
});
