import {
  addDays,
  isRegisteredBy,
  type LocalDate,
  officialCalendar,
  screeningStream,
  weekdayOf,
  type WorkingCalendar,
} from '@xinfang/domain';
import { disputesRow, type DisputesRow } from './disputes-ledger';
import { byRegistration, dayInWindow, isUnresolvedAt, registrationDay, toLedger, type Ledger, type Numbered, type Paging } from './ledger';
import { communityName, existingCases } from './lookups';
import type { PersonalDataReader } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The screening report (排查报送, REPORTS.md): what a community sends the office for one Wednesday or
 * Friday — the cases it registered with origin `screening` since its previous report day, plus every one
 * of its cases still unresolved at T — and whether it did send a report (or a nil report, 零报告) that day.
 */

/** A row of the report: 附件1's columns, and whether the case is new since the previous report day. */
export interface ScreeningReportRow extends DisputesRow {
  /** Registered with origin `screening` after the previous report day, up to the report's day. */
  readonly newSincePreviousReport: boolean;
}

export interface ScreeningReport extends Ledger<Numbered<ScreeningReportRow>> {
  readonly communityId: string;
  readonly community: string;
  /** The report's day. */
  readonly date: LocalDate;
  /** The previous report day: the last working Wednesday or Friday before `date`. */
  readonly previousReportDate: LocalDate;
  /** The report the community submitted for `date` as the view shows it; null when there is none. */
  readonly submitted: { readonly nil: boolean; readonly caseIds: readonly string[] } | null;
}

export interface ScreeningReportQuery extends Paging {
  readonly communityId: string;
  readonly date: LocalDate;
  /** The working-day calendar (the office's, when it has its own): the official one by default. */
  readonly calendar?: WorkingCalendar;
}

const WEDNESDAY = 3;
const FRIDAY = 5;

/**
 * The report day before `date`: the last Wednesday or Friday before it that is a working day. Reports
 * are only due on working days (REPORTS.md, `screeningReports`), so the window of a report after a
 * holiday reaches back to the last day a report was due, and a case screened during the holiday is not
 * left out of every report.
 */
export const previousReportDay = (date: LocalDate, calendar: WorkingCalendar = officialCalendar): LocalDate => {
  let fallback: LocalDate | undefined;
  for (let day = addDays(date, -1), i = 0; i < 366; day = addDays(day, -1), i += 1) {
    const weekday = weekdayOf(day);
    if (weekday !== WEDNESDAY && weekday !== FRIDAY) continue;
    fallback ??= day;
    if (calendar.isWorkingDay(day)) return day;
  }
  return fallback ?? addDays(date, -1); // unreachable: some Wednesday of a year is a working day
};

export const screeningReport = (
  world: World,
  view: TimeView,
  query: ScreeningReportQuery,
  personal: PersonalDataReader,
): ScreeningReport => {
  const T = view.asOf;
  const { communityId, date } = query;
  const previous = previousReportDay(date, query.calendar);
  const rows = existingCases(world)
    .filter((s) => s.registration.communityId === communityId && isRegisteredBy(s, T) && registrationDay(s) <= date)
    .map((s) => ({
      s,
      isNew: s.registration.origin === 'screening' && dayInWindow(registrationDay(s), addDays(previous, 1), date),
    }))
    .filter(({ s, isNew }) => isNew || isUnresolvedAt(s, T))
    .sort((a, b) => byRegistration(a.s, b.s))
    .map(({ s, isNew }): ScreeningReportRow => ({ ...disputesRow(world, s, T, personal), newSincePreviousReport: isNew }));
  const report = world.screening.get(screeningStream(communityId, date));
  return {
    ...toLedger(view, rows, query),
    communityId,
    community: communityName(world, communityId),
    date,
    previousReportDate: previous,
    submitted: report?.status === 'submitted' ? { nil: report.nil, caseIds: report.caseIds } : null,
  };
};
