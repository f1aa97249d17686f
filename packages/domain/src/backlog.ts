import type { ExistingCase } from './case-state';
import { deadlineAt } from './deadline';
import { addDays, compareInstants, dayOf, epochMs, startOfDay, type Instant, type LocalDate } from './time';
import type { BacklogReason } from './vocabulary';

/** A case's place in the backlog (积案) at a moment: derived, never typed in, so nothing can be missed (应列尽列). */
export interface BacklogStatus {
  readonly inBacklog: boolean;
  /** Every reason that holds at T, in a fixed order. */
  readonly reasons: readonly BacklogReason[];
  /** The first day of the current listing: the case has been in the backlog every moment since. */
  readonly listedSince?: LocalDate;
  /** The first day the case was ever listed, up to T (it may have left since, by being resolved); never set for a case rejected by T. */
  readonly firstListed?: LocalDate;
}

const at = (instant: Instant) => (fact: { readonly at: string }) => compareInstants(fact.at, instant) <= 0;

/**
 * Resolved at a moment: of the resolutions and reopenings up to then, the last is a resolution. They
 * alternate (resolve, reopen, resolve, …) and the decider keeps their business times in that order
 * (a reopening is never before the resolution it undoes, nor a new resolution before the reopening), so
 * the ones up to a moment are a prefix of that chain, and it ends with a resolution exactly when it holds
 * more resolutions than reopenings. Counting, rather than comparing the latest times, also gets a reopening
 * at the very instant of the resolution right (the case is open again).
 */
export const resolvedAt = (s: ExistingCase, moment: Instant): boolean =>
  s.resolutions.filter(at(moment)).length > s.reopens.filter(at(moment)).length;

const rejectedAt = (s: ExistingCase, moment: Instant): boolean =>
  s.acceptance?.decision === 'rejected' && compareInstants(s.acceptance.at, moment) <= 0;

/** The reasons that list the case at a moment (none when it is not in the backlog then). */
export const backlogReasonsAt = (s: ExistingCase, moment: Instant): BacklogReason[] => {
  if (compareInstants(s.registration.registeredAt, moment) > 0 || rejectedAt(s, moment) || resolvedAt(s, moment)) return [];
  const reasons: BacklogReason[] = [];
  const deadline = deadlineAt(s.deadlines, moment);
  if (deadline !== undefined && deadline < dayOf(moment)) reasons.push('overdue');
  if (s.repeats.some(at(moment))) reasons.push('repeat');
  if (s.escalations.some((e) => at(moment)(e) && (e.level === 'province' || e.level === 'beijing'))) reasons.push('escalation');
  if (s.reopens.some((r) => at(moment)(r) && r.cause === 'reopen')) reasons.push('reopened');
  return reasons;
};

/**
 * The moments at which membership can change, up to T: every fact's time, and the first instant of the day
 * after each deadline (when it becomes overdue). Between two of them nothing changes, so looking at these
 * alone is exact.
 */
const changePoints = (s: ExistingCase, moment: Instant): Instant[] => {
  const facts: { readonly at: string }[] = [
    { at: s.registration.registeredAt },
    ...(s.acceptance ? [s.acceptance] : []),
    ...s.deadlines,
    ...s.resolutions,
    ...s.reopens,
    ...s.repeats,
    ...s.escalations,
  ];
  const points = [...facts.map((f) => f.at), ...s.deadlines.map((d) => startOfDay(addDays(d.deadline, 1)))].filter(
    (p) => compareInstants(p, moment) <= 0,
  );
  const byMs = new Map(points.map((p) => [epochMs(p), p]));
  byMs.set(epochMs(moment), moment);
  return [...byMs.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
};

/** Whether, why and since when a case is in the backlog at T (REPORTS.md, "in backlog (积案) at T"). */
export const backlogAt = (s: ExistingCase, moment: Instant): BacklogStatus => {
  // A rejected case is never in the backlog, and it does not count as ever having been listed either
  // (it may have been, while undecided past its 15 days): it left the backlog without being resolved,
  // and would otherwise stay in the backlog resolution rate's denominator for ever.
  if (rejectedAt(s, moment)) return { inBacklog: false, reasons: [] };
  const points = changePoints(s, moment);
  const listed = points.map((p) => backlogReasonsAt(s, p).length > 0);
  const firstIndex = listed.indexOf(true);
  // T itself is the last point, so a case never listed up to T is not listed at T.
  if (firstIndex === -1) return { inBacklog: false, reasons: [] };
  const firstListed = dayOf(points[firstIndex] as Instant);
  const reasons = backlogReasonsAt(s, moment);
  if (reasons.length === 0) return { inBacklog: false, reasons, firstListed };
  let start = listed.length - 1;
  while (start > 0 && listed[start - 1] === true) start -= 1;
  return { inBacklog: true, reasons, listedSince: dayOf(points[start] as Instant), firstListed };
};
