import { dayOf, officialCalendar, weekdayOf, type Instant, type LocalDate } from '@xinfang/domain';
import { windowDaysUpTo, type DayCalendar, type KpiWindow } from './kpi-window';
import { complianceOf, type ComplianceRule } from './reception-compliance';
import type { World } from './world';

/*
 * 大排查 reporting (REPORTS.md, `screeningReports`): each community reports every Wednesday and Friday that
 * is a working day. Required: every registered community (or the one of `communityId`) for each such day of
 * the window up to T's day; fulfilled: a report — a nil report is a report — dated that day, as of T. A
 * Wednesday or Friday that is a holiday (2 and 4 October 2024) asks for nothing; a swapped working weekend
 * day (Sunday 29 September 2024) is not a Wednesday or a Friday and asks for nothing either.
 */

export interface ScreeningGap {
  readonly communityId: string;
  readonly date: LocalDate;
}

/** The Wednesdays and Fridays of the window, up to T's day, that are working days. */
export const screeningDays = (window: Pick<KpiWindow, 'from' | 'to'>, asOf: Instant, calendar: DayCalendar = officialCalendar): LocalDate[] =>
  windowDaysUpTo(window, asOf).filter((date) => (weekdayOf(date) === 3 || weekdayOf(date) === 5) && calendar.isWorkingDay(date));

/** The reports as of T, as `communityId NUL date`. A report is for its day (its business time is that day's start). */
const reportsAt = (world: World, asOf: Instant): Set<string> => {
  const today = dayOf(asOf);
  const reports = new Set<string>();
  for (const report of world.screening.values())
    if (report.status === 'submitted' && report.reportDate <= today) reports.add(`${report.communityId}\u0000${report.reportDate}`);
  return reports;
};

export const screeningCompliance = (
  world: World,
  asOf: Instant,
  window: KpiWindow,
  calendar: DayCalendar = officialCalendar,
): ComplianceRule<ScreeningGap> => {
  const communities =
    window.communityId !== undefined
      ? [window.communityId]
      : [...world.community.values()].flatMap((c) => (c.status === 'registered' ? [c.communityId] : [])).sort();
  const reports = reportsAt(world, asOf);
  return complianceOf<ScreeningGap>(
    screeningDays(window, asOf, calendar).flatMap((date) =>
      communities.map((communityId) => (reports.has(`${communityId}\u0000${date}`) ? null : { communityId, date })),
    ),
  );
};
