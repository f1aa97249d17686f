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

/** A moment at which membership can change, and whether the case is listed then. */
interface ChangePoint {
  readonly ms: number;
  readonly instant: Instant;
  readonly listed: boolean;
  /** The index of the first point of the run of listed points this one is in (itself when not listed). */
  readonly runStart: number;
}

/** A case's change points, all of them, in time order, and the first listed one (-1 when none is). */
interface Timeline {
  readonly points: readonly ChangePoint[];
  readonly firstListed: number;
}

/**
 * The moments at which membership can change: every fact's time, and the first instant of the day after
 * each deadline (when it becomes overdue). Between two of them nothing changes, so looking at these alone is
 * exact. Whether the case is listed at one of them depends on that moment only, not on the T asked about,
 * so a state's timeline is worked out once (a state never changes once made) and every T reads its prefix:
 * the KPIs and 附件2 ask it of every case, at every past date.
 */
const timelines = new WeakMap<ExistingCase, Timeline>();

const timelineOf = (s: ExistingCase): Timeline => {
  const kept = timelines.get(s);
  if (kept !== undefined) return kept;
  const facts: { readonly at: string }[] = [
    { at: s.registration.registeredAt },
    ...(s.acceptance ? [s.acceptance] : []),
    ...s.deadlines,
    ...s.resolutions,
    ...s.reopens,
    ...s.repeats,
    ...s.escalations,
  ];
  const instants = [...facts.map((f) => f.at), ...s.deadlines.map((d) => startOfDay(addDays(d.deadline, 1)))];
  // One point per moment (instants written differently may name the same one).
  const byMs = new Map(instants.map((p) => [epochMs(p), p]));
  const points: ChangePoint[] = [];
  for (const [ms, instant] of [...byMs.entries()].sort(([a], [b]) => a - b)) {
    const listed = backlogReasonsAt(s, instant).length > 0;
    const previous = points[points.length - 1];
    points.push({ ms, instant, listed, runStart: listed && previous?.listed === true ? previous.runStart : points.length });
  }
  const timeline = { points, firstListed: points.findIndex((p) => p.listed) };
  timelines.set(s, timeline);
  return timeline;
};

/** How many of the points are before the moment (`ms`). */
const countBefore = (points: readonly ChangePoint[], ms: number): number => {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle] as ChangePoint).ms < ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Whether, why and since when a case is in the backlog at T (REPORTS.md, "in backlog (积案) at T"). */
export const backlogAt = (s: ExistingCase, moment: Instant): BacklogStatus => {
  // A rejected case is never in the backlog, and it does not count as ever having been listed either
  // (it may have been, while undecided past its 15 days): it left the backlog without being resolved,
  // and would otherwise stay in the backlog resolution rate's denominator for ever.
  if (rejectedAt(s, moment)) return { inBacklog: false, reasons: [] };
  const { points, firstListed } = timelineOf(s);
  // The points up to T are those before it, then T itself (a point at T's very moment is T).
  const before = countBefore(points, epochMs(moment));
  const reasons = backlogReasonsAt(s, moment);
  const first = firstListed !== -1 && firstListed < before ? dayOf((points[firstListed] as ChangePoint).instant) : reasons.length > 0 ? dayOf(moment) : undefined;
  // T itself is the last point, so a case never listed up to T is not listed at T.
  if (first === undefined) return { inBacklog: false, reasons: [] };
  if (reasons.length === 0) return { inBacklog: false, reasons, firstListed: first };
  const last = points[before - 1];
  const start = last?.listed === true ? (points[last.runStart] as ChangePoint).instant : moment;
  return { inBacklog: true, reasons, listedSince: dayOf(start), firstListed: first };
};
