import {
  addDays,
  compareInstants,
  dayOf,
  daysFrom,
  isLocalDate,
  mondayOf,
  officialCalendar,
  type Instant,
  type LocalDate,
  type WorkingCalendar,
} from '@xinfang/domain';

/*
 * The window of a KPI query (REPORTS.md, "KPIs"): a fact is "in the window" when its business time falls,
 * in Asia/Shanghai, on a day from `from` to `to`, both included — and is not after T (`asOf`): a world
 * built for the view holds nothing later, and checking it here keeps every figure a function of T even
 * over a world that holds more.
 */

export interface KpiWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Limits the figures to one community (see `kpis` for what that means for each figure). */
  readonly communityId?: string;
}

/** Refuses a window whose ends are not dates `YYYY-MM-DD` (an empty window, `from` after `to`, is allowed). */
export const checkWindow = (window: KpiWindow): void => {
  for (const end of ['from', 'to'] as const)
    if (!isLocalDate(window[end])) throw new RangeError(`KPI window: ${end} is not a date YYYY-MM-DD: ${window[end]}`);
};

/** Whether a business time is in the window and not after T. */
export const inWindow =
  (window: KpiWindow, asOf: Instant) =>
  (instant: Instant): boolean => {
    if (compareInstants(instant, asOf) > 0) return false;
    const day = dayOf(instant);
    return day >= window.from && day <= window.to;
  };

/** The days of the window up to T's day: the only days the compliance rules look at. */
export const windowDaysUpTo = (window: KpiWindow, asOf: Instant): LocalDate[] => {
  const today = dayOf(asOf);
  return daysFrom(window.from, window.to < today ? window.to : today);
};

/** The calendar questions the compliance rules ask. */
export type DayCalendar = Pick<WorkingCalendar, 'isWorkingDay'>;

/**
 * A calendar that remembers the unpublished years of the days it was asked about, so that a figure can
 * say it used a provisional day (REPORTS.md: "every figure that used it says it is provisional").
 */
export interface TrackedCalendar extends DayCalendar {
  /** The unpublished years of the days asked about so far, in order. */
  readonly provisionalYears: () => number[];
}

export const trackCalendar = (calendar: WorkingCalendar = officialCalendar): TrackedCalendar => {
  const years = new Set<number>();
  return {
    isWorkingDay: (date) => {
      if (calendar.isProvisional(date)) years.add(Number(date.slice(0, 4)));
      return calendar.isWorkingDay(date);
    },
    provisionalYears: () => [...years].sort((a, b) => a - b),
  };
};

/**
 * The weeks (Monday to Sunday, given by their Monday) that the weekly rules look at: those with at least
 * one working day in the window, up to T's day. A week the window only touches on a weekend or a holiday
 * (Sunday 15 September 2024, say) has no working day of the window and asks nothing.
 */
export const windowWeeks = (window: KpiWindow, asOf: Instant, calendar: DayCalendar): LocalDate[] => {
  const weeks: LocalDate[] = [];
  for (const day of windowDaysUpTo(window, asOf)) {
    const monday = mondayOf(day);
    if (weeks[weeks.length - 1] !== monday && calendar.isWorkingDay(day)) weeks.push(monday);
  }
  return weeks;
};

/** The Sunday that ends the week of `monday`. */
export const sundayOf = (monday: LocalDate): LocalDate => addDays(monday, 6);
