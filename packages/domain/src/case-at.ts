import type { DeadlineEntry, ExistingCase } from './case-state';
import { compareInstants, type Instant, type LocalDate } from './time';

/*
 * A case as of T: what had happened to it by a moment, read from its state. The backlog rule, the ledgers
 * and the KPIs all ask these same questions, so each is answered once, here. "By T" is by business time:
 * a fact whose business time is after T has not happened yet, however early it was recorded.
 */

/** Whether a fact happened at or before T. */
export const happenedBy =
  (moment: Instant) =>
  (fact: { readonly at: string }): boolean =>
    compareInstants(fact.at, moment) <= 0;

/** The facts up to T, oldest first by business time (equal times keep their recorded order). */
export const factsBy = <F extends { readonly at: string }>(facts: readonly F[], moment: Instant): F[] =>
  facts.filter(happenedBy(moment)).sort((a, b) => compareInstants(a.at, b.at));

/** The latest fact up to T by business time (of equal times, the one recorded last), or undefined. */
export const latestBy = <F extends { readonly at: string }>(facts: readonly F[], moment: Instant): F | undefined => {
  const upToT = factsBy(facts, moment);
  return upToT[upToT.length - 1];
};

export const isRegisteredBy = (s: ExistingCase, moment: Instant): boolean => compareInstants(s.registration.registeredAt, moment) <= 0;

/** The decision on acceptance (accepted or rejected) as of T, if one was made by then. */
export const decisionAt = (s: ExistingCase, moment: Instant): ExistingCase['acceptance'] =>
  s.acceptance !== undefined && happenedBy(moment)(s.acceptance) ? s.acceptance : undefined;

/** Rejected (不予受理) by T: terminal, with no deadline and never in the backlog. */
export const isRejectedAt = (s: ExistingCase, moment: Instant): boolean => decisionAt(s, moment)?.decision === 'rejected';

/**
 * Resolved at a moment: of the resolutions and reopenings up to then, the last is a resolution. They
 * alternate (resolve, reopen, resolve, …) and the decider keeps their business times in that order
 * (a reopening is never before the resolution it undoes, nor a new resolution before the reopening), so
 * the ones up to a moment are a prefix of that chain, and it ends with a resolution exactly when it holds
 * more resolutions than reopenings. Counting, rather than comparing the latest times, also gets a reopening
 * at the very instant of the resolution right (the case is open again).
 */
export const resolvedAt = (s: ExistingCase, moment: Instant): boolean =>
  s.resolutions.filter(happenedBy(moment)).length > s.reopens.filter(happenedBy(moment)).length;

/** The resolution in force at T (the latest up to T), when the case is resolved at T. */
export const resolutionAt = (s: ExistingCase, moment: Instant): ExistingCase['resolutions'][number] | undefined =>
  resolvedAt(s, moment) ? latestBy(s.resolutions, moment) : undefined;

/** The assignment (一案一策) in force at T, if any. */
export const assignmentAt = (s: ExistingCase, moment: Instant): ExistingCase['assignment'] =>
  s.assignment !== undefined && happenedBy(moment)(s.assignment) ? s.assignment : undefined;

/**
 * The deadline in force at `moment`: the one set last (by business time) at or before it. Business times
 * are compared, not the order the entries were typed in, because paper forms arrive late.
 */
export const deadlineAt = (deadlines: readonly DeadlineEntry[], moment: Instant): LocalDate | undefined => {
  let current: DeadlineEntry | undefined;
  for (const entry of deadlines) {
    if (compareInstants(entry.at, moment) > 0) continue;
    if (current === undefined || compareInstants(entry.at, current.at) >= 0) current = entry;
  }
  return current?.deadline;
};

/** The deadline now: the last one set. */
export const currentDeadline = (deadlines: readonly DeadlineEntry[]): LocalDate | undefined => {
  let current: DeadlineEntry | undefined;
  for (const entry of deadlines) if (current === undefined || compareInstants(entry.at, current.at) >= 0) current = entry;
  return current?.deadline;
};

/**
 * A case's deadline at `moment` (REPORTS.md): the one in force then, or none once the case is rejected
 * (不予受理 is terminal and has no deadline) or before it is registered.
 */
export const caseDeadlineAt = (s: ExistingCase, moment: Instant): LocalDate | undefined =>
  isRejectedAt(s, moment) ? undefined : deadlineAt(s.deadlines, moment);

/** The unit the case was last given, and when: a transfer after the assignment names the unit it went on to. */
export const handlingUnitOf = (s: ExistingCase): { readonly unit: string; readonly at: Instant } | undefined => {
  const transfer = s.transfers[s.transfers.length - 1];
  const assignment = s.assignment;
  if (transfer !== undefined && (assignment === undefined || compareInstants(transfer.at, assignment.at) >= 0)) return { unit: transfer.toUnit, at: transfer.at };
  return assignment === undefined ? undefined : { unit: assignment.responsibleUnit, at: assignment.at };
};
