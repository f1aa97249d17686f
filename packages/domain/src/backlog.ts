import type { ExistingCase } from './case-state';
import { deadlineAt, happenedBy, isRegisteredBy, isRejectedAt, resolvedAt } from './case-at';
import { addDays, dayOf, epochMs, startOfDay, type Instant, type LocalDate } from './time';
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

/** The reasons that list the case at a moment (none when it is not in the backlog then). */
export const backlogReasonsAt = (s: ExistingCase, moment: Instant): BacklogReason[] => {
  if (!isRegisteredBy(s, moment) || isRejectedAt(s, moment) || resolvedAt(s, moment)) return [];
  const reasons: BacklogReason[] = [];
  const deadline = deadlineAt(s.deadlines, moment);
  if (deadline !== undefined && deadline < dayOf(moment)) reasons.push('overdue');
  if (s.repeats.some(happenedBy(moment))) reasons.push('repeat');
  if (s.escalations.some((e) => happenedBy(moment)(e) && (e.level === 'province' || e.level === 'beijing'))) reasons.push('escalation');
  if (s.reopens.some((r) => happenedBy(moment)(r) && r.cause === 'reopen')) reasons.push('reopened');
  return reasons;
};

/** A moment at which membership can change, and whether the case is listed then. */
interface ChangePoint {
  readonly ms: number;
  readonly instant: Instant;
  /** The reasons that list the case from this moment until the next point (none: not listed). */
  readonly reasons: readonly BacklogReason[];
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
 * each deadline (when it becomes overdue). Between two of them nothing changes — not the listing, not its
 * reasons — so looking at these alone is exact, and the reasons at T are those of the last of them up to T.
 * They depend on the state only, not on the T asked about, so a state's timeline is worked out once (a
 * state never changes once made) and every T reads its prefix: the KPIs and 附件2 ask it of every case, at
 * every past date.
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
    const reasons = backlogReasonsAt(s, instant);
    const previous = points[points.length - 1];
    const runStart = reasons.length > 0 && previous !== undefined && previous.reasons.length > 0 ? previous.runStart : points.length;
    points.push({ ms, instant, reasons, runStart });
  }
  const timeline = { points, firstListed: points.findIndex((p) => p.reasons.length > 0) };
  timelines.set(s, timeline);
  return timeline;
};

/** How many of the points are at or before the moment (`ms`). */
const countUpTo = (points: readonly ChangePoint[], ms: number): number => {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle] as ChangePoint).ms <= ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The last moment read as milliseconds: a ledger or the KPIs ask every case about the same T. */
let lastMoment: { readonly instant: Instant; readonly ms: number } = { instant: '', ms: Number.NaN };
const msOf = (instant: Instant): number => {
  if (lastMoment.instant !== instant) lastMoment = { instant, ms: epochMs(instant) };
  return lastMoment.ms;
};

/** Whether, why and since when a case is in the backlog at T (REPORTS.md, "in backlog (积案) at T"). */
export const backlogAt = (s: ExistingCase, moment: Instant): BacklogStatus => {
  // A rejected case is never in the backlog, and it does not count as ever having been listed either
  // (it may have been, while undecided past its 15 days): it left the backlog without being resolved,
  // and would otherwise stay in the backlog resolution rate's denominator for ever.
  if (isRejectedAt(s, moment)) return { inBacklog: false, reasons: [] };
  const { points, firstListed } = timelineOf(s);
  const upTo = countUpTo(points, msOf(moment));
  const last = points[upTo - 1];
  // Listed at T exactly when listed at the last point up to T: a case never listed up to T is not listed at T.
  if (last === undefined || firstListed === -1 || firstListed >= upTo) return { inBacklog: false, reasons: [] };
  const first = dayOf((points[firstListed] as ChangePoint).instant);
  if (last.reasons.length === 0) return { inBacklog: false, reasons: [], firstListed: first };
  return { inBacklog: true, reasons: last.reasons, listedSince: dayOf((points[last.runStart] as ChangePoint).instant), firstListed: first };
};
