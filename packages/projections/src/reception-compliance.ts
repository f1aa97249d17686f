import {
  SUBDISTRICT_UNIT,
  addDays,
  compareInstants,
  dayOf,
  mondayOf,
  officialCalendar,
  type DutySlot,
  type Instant,
  type LocalDate,
} from '@xinfang/domain';
import { sundayOf, windowDaysUpTo, windowWeeks, type DayCalendar, type KpiWindow } from './kpi-window';
import { fraction } from './rate';
import type { World } from './world';

/*
 * 大接访 compliance (REPORTS.md, `receptionCompliance`), from the rosters (duty streams) and the leaders.
 *
 * - `principalWeekly`: each principal subdistrict leader (`principal`, unit `subdistrict`) has at least one
 *   duty slot in each week of the window;
 * - `dailyDuty`: each working day of the window has at least one slot on the subdistrict's roster;
 * - `firstGridLeaderWeekly`: each first-grid leader has at least one duty slot in each week of the window;
 * - `announcedAhead`: each roster (a unit's week) with slots was first announced on or before the Saturday
 *   before its Monday.
 *
 * A slot missed (as of T) never counts for the leader who had it, substitute or not; for `dailyDuty` it still
 * fills its day when a substitute took it. A substitute is not credited with a slot for their own weekly
 * rule: REPORTS.md grants a substituted slot to `dailyDuty` only, and the roster still names the leader who
 * missed it. A slot counts for a leader wherever it is (on any unit's roster).
 *
 * Only days up to T count: days after T are not required and slots after T do not count. A week is required
 * once it has ended by T's day, or earlier when it is already fulfilled — a week still running with no slot
 * yet is not (yet) a gap. The weeks of the window are those with a working day in it (see `windowWeeks`); a
 * slot anywhere in such a week counts, also on a day of that week outside the window. A roster is required
 * for `announcedAhead` when it has a slot on a day up to T in one of those weeks.
 *
 * With a `communityId`, the figures are the community's own obligations: `firstGridLeaderWeekly` covers the
 * first-grid leaders whose unit is that community, `announcedAhead` that community's rosters; the
 * subdistrict's rules (`principalWeekly`, `dailyDuty`) are not the community's and are empty (required 0,
 * rate null).
 */

/** One rule's result: `rate` is `fulfilled / required`, null when nothing was required. */
export interface ComplianceRule<Gap> {
  readonly required: number;
  readonly fulfilled: number;
  readonly rate: number | null;
  readonly gaps: readonly Gap[];
}

export interface LeaderWeekGap {
  readonly leaderId: string;
  /** The Monday of the week without a slot. */
  readonly weekOf: LocalDate;
}

export interface DutyDayGap {
  /** A working day without a subdistrict duty slot. */
  readonly date: LocalDate;
}

export interface AnnouncementGap {
  readonly unit: string;
  readonly weekOf: LocalDate;
  /** The Saturday before the week: the last day to announce its roster. */
  readonly due: LocalDate;
  /** When it was first announced (too late), or null when it was not announced by T. */
  readonly announcedAt: Instant | null;
}

export interface ReceptionCompliance {
  readonly principalWeekly: ComplianceRule<LeaderWeekGap>;
  readonly dailyDuty: ComplianceRule<DutyDayGap>;
  readonly firstGridLeaderWeekly: ComplianceRule<LeaderWeekGap>;
  readonly announcedAhead: ComplianceRule<AnnouncementGap>;
}

/** A rule's result from its requirements, each given as null when it is fulfilled or as the gap it leaves. */
export const complianceOf = <Gap>(requirements: readonly (Gap | null)[]): ComplianceRule<Gap> => {
  const gaps = requirements.filter((r): r is Gap => r !== null);
  const required = requirements.length;
  const fulfilled = required - gaps.length;
  return { required, fulfilled, rate: fraction(fulfilled, required), gaps };
};

const emptyRule = <Gap>(): ComplianceRule<Gap> => complianceOf<Gap>([]);

interface Roster {
  readonly unit: string;
  readonly weekOf: LocalDate;
  readonly slots: readonly DutySlot[];
  readonly announcedAt?: Instant;
}

/** Every roster as of T: slots up to T's day, misses and announcements up to T. One per unit and week. */
const rostersAt = (world: World, asOf: Instant): Roster[] => {
  const today = dayOf(asOf);
  const byKey = new Map<string, { unit: string; weekOf: LocalDate; slots: DutySlot[]; announcedAt?: Instant }>();
  for (const state of world.duty.values()) {
    if (state.status !== 'planned') continue;
    const key = `${state.unit}\u0000${state.weekOf}`;
    const roster = byKey.get(key) ?? { unit: state.unit, weekOf: state.weekOf, slots: [] };
    byKey.set(key, roster);
    for (const slot of state.slots) {
      if (slot.date > today) continue;
      const { missed, ...rest } = slot;
      roster.slots.push(missed !== undefined && compareInstants(missed.at, asOf) <= 0 ? slot : rest);
    }
    for (const { publishedAt } of state.announcements)
      if (compareInstants(publishedAt, asOf) <= 0 && (roster.announcedAt === undefined || compareInstants(publishedAt, roster.announcedAt) < 0))
        roster.announcedAt = publishedAt;
  }
  return [...byKey.values()].sort((a, b) => (a.weekOf === b.weekOf ? (a.unit < b.unit ? -1 : 1) : a.weekOf < b.weekOf ? -1 : 1));
};

/** The weeks (their Mondays) in which each leader held a slot they did not miss. */
const weeksOnDuty = (rosters: readonly Roster[]): Map<string, Set<LocalDate>> => {
  const weeks = new Map<string, Set<LocalDate>>();
  for (const roster of rosters)
    for (const slot of roster.slots) {
      if (slot.missed !== undefined) continue;
      const held = weeks.get(slot.leaderId) ?? new Set<LocalDate>();
      held.add(mondayOf(slot.date));
      weeks.set(slot.leaderId, held);
    }
  return weeks;
};

const leaderWeekly = (
  leaderIds: readonly string[],
  weeks: readonly LocalDate[],
  onDuty: Map<string, Set<LocalDate>>,
  today: LocalDate,
): ComplianceRule<LeaderWeekGap> =>
  complianceOf<LeaderWeekGap>(
    weeks.flatMap((weekOf) =>
      leaderIds.flatMap((leaderId) => {
        if (onDuty.get(leaderId)?.has(weekOf) === true) return [null];
        // A week still running at T is not a gap yet.
        return sundayOf(weekOf) <= today ? [{ leaderId, weekOf }] : [];
      }),
    ),
  );

/** 大接访 compliance as of T over the window (see above). */
export const receptionCompliance = (
  world: World,
  asOf: Instant,
  window: KpiWindow,
  calendar: DayCalendar = officialCalendar,
): ReceptionCompliance => {
  const today = dayOf(asOf);
  const rosters = rostersAt(world, asOf);
  const weeks = windowWeeks(window, asOf, calendar);
  const weekSet = new Set(weeks);
  const onDuty = weeksOnDuty(rosters);
  const leaders = [...world.leader.values()]
    .flatMap((leader) => (leader.status === 'registered' ? [leader] : []))
    .sort((a, b) => (a.leaderId < b.leaderId ? -1 : 1));
  const { communityId } = window;

  const principalWeekly =
    communityId === undefined
      ? leaderWeekly(
          leaders.filter((l) => l.principal && l.unit === SUBDISTRICT_UNIT).map((l) => l.leaderId),
          weeks,
          onDuty,
          today,
        )
      : emptyRule<LeaderWeekGap>();

  const firstGridLeaderWeekly = leaderWeekly(
    leaders.filter((l) => l.firstGridLeader && (communityId === undefined || l.unit === communityId)).map((l) => l.leaderId),
    weeks,
    onDuty,
    today,
  );

  let dailyDuty = emptyRule<DutyDayGap>();
  if (communityId === undefined) {
    const covered = new Set<LocalDate>();
    for (const roster of rosters)
      if (roster.unit === SUBDISTRICT_UNIT)
        for (const slot of roster.slots)
          if (slot.missed === undefined || slot.missed.substituteLeaderId !== undefined) covered.add(slot.date);
    dailyDuty = complianceOf<DutyDayGap>(
      windowDaysUpTo(window, asOf)
        .filter((date) => calendar.isWorkingDay(date))
        .map((date) => (covered.has(date) ? null : { date })),
    );
  }

  const announcedAhead = complianceOf<AnnouncementGap>(
    rosters
      .filter((r) => weekSet.has(r.weekOf) && r.slots.length > 0 && (communityId === undefined || r.unit === communityId))
      .map((r) => {
        const due = addDays(r.weekOf, -2);
        if (r.announcedAt !== undefined && dayOf(r.announcedAt) <= due) return null;
        return { unit: r.unit, weekOf: r.weekOf, due, announcedAt: r.announcedAt ?? null };
      }),
  );

  return { principalWeekly, dailyDuty, firstGridLeaderWeekly, announcedAhead };
};
