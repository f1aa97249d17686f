import type { DeadlineEntry, ExistingCase } from './case-state';
import { addDays, compareInstants, dayOf, type Instant, type LocalDate } from './time';

/*
 * The time limits of 信访工作条例 (2022), in calendar days (REPORTS.md, "Time limits").
 */

/** Art. 22–23: a decision on acceptance within 15 days of registration. */
export const ACCEPTANCE_DAYS = 15;
/** Art. 34: resolved within 60 days of acceptance. */
export const HANDLING_DAYS = 60;
/** Art. 34: one extension of at most 30 days. */
export const EXTENSION_DAYS = 30;
/** Art. 35–36: a review or re-review is requested within 30 days of the reply. */
export const REVIEW_REQUEST_DAYS = 30;

export const acceptanceDeadline = (registeredAt: Instant): LocalDate => addDays(dayOf(registeredAt), ACCEPTANCE_DAYS);
export const handlingDeadline = (acceptedAt: Instant): LocalDate => addDays(dayOf(acceptedAt), HANDLING_DAYS);
/** No deadline, however extended, may end after acceptance + 90 days. */
export const latestPossibleDeadline = (acceptedAt: Instant): LocalDate =>
  addDays(dayOf(acceptedAt), HANDLING_DAYS + EXTENSION_DAYS);

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
  s.acceptance?.decision === 'rejected' && compareInstants(s.acceptance.at, moment) <= 0 ? undefined : deadlineAt(s.deadlines, moment);
