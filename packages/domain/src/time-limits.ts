import { addDays, dayOf, type Instant, type LocalDate } from './time';

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
export const latestPossibleDeadline = (acceptedAt: Instant): LocalDate => addDays(dayOf(acceptedAt), HANDLING_DAYS + EXTENSION_DAYS);
