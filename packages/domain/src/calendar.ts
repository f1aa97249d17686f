import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { chineseDaysYears, type CalendarYear, type NamedDay } from './calendar-data';
import { LocalDateC, Text, struct } from './codecs';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  isCalendarYear,
  statutoryHolidays,
} from './statutory-holidays';
import { addDays, daysFrom, isLocalDate, weekdayOf, type LocalDate } from './time';
import { fieldErrors } from './validation';

/*
 * The official working-day calendar: weekends rest, except for the holidays (放假) and swapped working
 * weekend days (调休上班) the State Council publishes for each year. Published years come from the npm
 * package `chinese-days`; an office may add a newly published year (it replaces that year's data) and
 * local changes (overrides win over everything). A year that is not published falls back to the statutory
 * holidays (see statutory-holidays.ts), and every day of it is `provisional`, so a figure computed
 * over it can say so.
 */

export type { CalendarYear, NamedDay } from './calendar-data';
export { CHINESE_DAYS_SOURCE, chineseDaysYears } from './calendar-data';
export { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, statutoryHolidays } from './statutory-holidays';

/** A local change to one day, e.g. a day off for a local event or a working day to catch up. */
export interface DayOverride {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly name: string;
}

/** What an office can add to the calendar: newly published years and local changes. */
export interface CalendarFile {
  readonly years?: readonly CalendarYear[];
  readonly overrides?: readonly DayOverride[];
}

export type CalendarOptions = CalendarFile;

/**
 * - `workday`: a weekday with nothing published on it (or made a working day by an override);
 * - `weekend`: a Saturday or Sunday that is not worked;
 * - `holiday`: a day off of a published arrangement (weekend days inside a break included), of the
 *   statutory fallback, or of an override on a weekday;
 * - `swappedWorkday`: a Saturday or Sunday that is a working day (调休上班, or an override).
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'swappedWorkday';

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday (in Chinese), or for a swapped workday the holiday it makes up for, or the override's name. */
  readonly name?: string;
  /** The day's year is not published: its status is the statutory fallback and may still change. */
  readonly provisional: boolean;
}

export interface WorkingCalendar {
  isWorkingDay(date: LocalDate): boolean;
  dayInfo(date: LocalDate): DayInfo;
  /** Whether `date`'s year is not published (its days follow the statutory fallback). */
  isProvisional(date: LocalDate): boolean;
  /** The published years, in order: those of chinese-days and those the office added. */
  publishedYears(): number[];
  /** The working days from `from` to `to`, both included, in order (empty when `from` is after `to`). */
  workingDaysIn(from: LocalDate, to: LocalDate): LocalDate[];
  /**
   * The `n`-th working day after `date` (`n` > 0) or before it (`n` < 0); `date` itself is not counted,
   * whether it is a working day or not. `n` = 0 gives `date`.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** The unpublished years from `from`'s year to `to`'s year, in order: the figure over them is provisional. */
  provisionalYearsIn(from: LocalDate, to: LocalDate): number[];
}

// ---------------------------------------------------------------------------------------------------
// Codecs for the file an office edits

const refine = <A, O>(base: t.Type<A, O, unknown>, ok: (value: A) => boolean, name: string): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    name,
    (u): u is A => base.is(u) && ok(u),
    (u, context) => {
      const decoded = base.validate(u, context);
      if (isLeft(decoded)) return decoded;
      return ok(decoded.right) ? decoded : t.failure(u, context);
    },
    base.encode,
  );

const yearOf = (date: LocalDate): number => Number(date.slice(0, 4));

const YearC = refine(t.number, isCalendarYear, `年份 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} / a year`);

const CalendarDateC = refine(
  LocalDateC,
  (date) => isCalendarYear(yearOf(date)),
  `${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 年内的日期 YYYY-MM-DD / a date YYYY-MM-DD`,
);

export const NamedDayC = struct({ date: LocalDateC, name: Text }, {}, 'NamedDay');

const allDatesInYear = (year: { year: number; holidays: NamedDay[]; workdays: NamedDay[] }): boolean => {
  const dates = [...year.holidays, ...year.workdays].map((day) => day.date);
  return dates.every((date) => yearOf(date) === year.year) && new Set(dates).size === dates.length;
};

/** One published year's arrangement, as an office adds it. */
export const CalendarYearC = refine(
  struct(
    { year: YearC, holidays: t.array(NamedDayC), workdays: t.array(NamedDayC) },
    { source: Text },
    'CalendarYear',
  ),
  allDatesInYear,
  '每个日期都在该年内且只列一次的年度安排 / a year whose dates all fall in it, each listed once',
);

/** A local change to one day. */
export const DayOverrideC = struct({ date: CalendarDateC, working: t.boolean, name: Text }, {}, 'DayOverride');

const noRepeats = (file: { years?: { year: number }[]; overrides?: { date: LocalDate }[] }): boolean => {
  const years = (file.years ?? []).map((y) => y.year);
  const dates = (file.overrides ?? []).map((o) => o.date);
  return new Set(years).size === years.length && new Set(dates).size === dates.length;
};

/** The calendar file an office edits: `{ years?: CalendarYear[], overrides?: DayOverride[] }`. */
export const CalendarFileC = refine(
  struct({}, { years: t.array(CalendarYearC), overrides: t.array(DayOverrideC) }, 'CalendarFile'),
  noRepeats,
  '每年、每个日期只出现一次的日历文件 / a calendar file that lists each year and each date once',
);

// ---------------------------------------------------------------------------------------------------
// The calendar

interface Entry {
  readonly working: boolean;
  readonly name: string;
}

const tableOf = (holidays: readonly NamedDay[], workdays: readonly NamedDay[]): ReadonlyMap<LocalDate, Entry> =>
  new Map<LocalDate, Entry>([
    ...holidays.map(({ date, name }): [LocalDate, Entry] => [date, { working: false, name }]),
    ...workdays.map(({ date, name }): [LocalDate, Entry] => [date, { working: true, name }]),
  ]);

const isWeekend = (date: LocalDate): boolean => weekdayOf(date) >= 6;

const checkDate = (date: LocalDate): number => {
  if (!isLocalDate(date) || !isCalendarYear(yearOf(date))) {
    throw new RangeError(`not a date YYYY-MM-DD in ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}: ${date}`);
  }
  return yearOf(date);
};

/**
 * A working calendar from chinese-days' published years, the years an office adds (each replaces that
 * whole year) and its overrides (which win over everything). Throws a RangeError when `options` is not
 * a valid calendar file (see `CalendarFileC`).
 */
export const createCalendar = (options: CalendarOptions = {}): WorkingCalendar => {
  const decoded = CalendarFileC.decode(options);
  if (isLeft(decoded)) {
    const problems = fieldErrors(decoded.left).map((e) => `${e.path}: ${e.message}`);
    throw new RangeError(`invalid calendar: ${problems.join('; ')}`);
  }

  const published = new Map<number, CalendarYear>(
    [...chineseDaysYears, ...(options.years ?? [])].map((year) => [year.year, year]),
  );
  const overrides = new Map((options.overrides ?? []).map((o) => [o.date, o]));
  const years = [...published.keys()].sort((a, b) => a - b);
  const tables = new Map<number, ReadonlyMap<LocalDate, Entry>>();

  const tableFor = (year: number): ReadonlyMap<LocalDate, Entry> => {
    let table = tables.get(year);
    if (table === undefined) {
      const arrangement = published.get(year);
      table =
        arrangement === undefined
          ? tableOf(statutoryHolidays(year), [])
          : tableOf(arrangement.holidays, arrangement.workdays);
      tables.set(year, table);
    }
    return table;
  };

  const isProvisional = (date: LocalDate): boolean => !published.has(checkDate(date));

  const dayInfo = (date: LocalDate): DayInfo => {
    const year = checkDate(date);
    const provisional = !published.has(year);
    const weekend = isWeekend(date);
    const entry = overrides.get(date) ?? tableFor(year).get(date);
    if (entry === undefined) {
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional };
    }
    const kind: DayKind = entry.working
      ? weekend
        ? 'swappedWorkday'
        : 'workday'
      : weekend && overrides.has(date)
        ? 'weekend'
        : 'holiday';
    return { date, working: entry.working, kind, name: entry.name, provisional };
  };

  const isWorkingDay = (date: LocalDate): boolean => dayInfo(date).working;

  const addWorkingDays = (date: LocalDate, n: number): LocalDate => {
    checkDate(date);
    if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
    const step = Math.sign(n);
    let day = date;
    for (let left = Math.abs(n); left > 0; ) {
      day = addDays(day, step);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  };

  return {
    isWorkingDay,
    dayInfo,
    isProvisional,
    publishedYears: () => [...years],
    workingDaysIn: (from, to) => {
      checkDate(from);
      checkDate(to);
      return daysFrom(from, to).filter(isWorkingDay);
    },
    addWorkingDays,
    provisionalYearsIn: (from, to) => {
      const first = checkDate(from);
      const last = checkDate(to);
      const provisional: number[] = [];
      for (let year = first; year <= last; year += 1) if (!published.has(year)) provisional.push(year);
      return provisional;
    },
  };
};

/** The national calendar of chinese-days alone, with the statutory fallback for unpublished years. */
export const officialCalendar: WorkingCalendar = createCalendar();
