import chineseDays from 'chinese-days';
import type { NamedDay } from './calendar-data';
import { addDays, daysBetween, daysFrom, weekdayOf, type LocalDate } from './time';

/*
 * The fallback for a year whose arrangement is not published: the statutory holidays of
 * 《全国年节及纪念日放假办法》 as amended by the State Council in November 2024 (in force from 2025-01-01),
 * 13 days in all:
 *
 *   元旦 1 Jan (1 day) · 春节 lunar New Year's Eve (the last day of the 12th month) and lunar 1/1–1/3
 *   (4 days) · 清明节 the day of the 清明 solar term (1 day) · 劳动节 1–2 May (2 days) · 端午节 lunar 5/5
 *   (1 day) · 中秋节 lunar 8/15 (1 day) · 国庆节 1–3 Oct (3 days).
 *
 * The same rules say that a holiday of all citizens falling on a Saturday or Sunday is made up (补假) on a
 * working day, without saying which. The guess here is the next weekday that is not already off, which
 * is what most arrangements did (清明 2021, 中秋 2022, 元旦 2023), though some moved it into a nearby
 * break (中秋 2015 into 国庆). A holiday falling on another (中秋 on 国庆, 2009 and 2020) was also given one
 * more day off, and is treated the same way. Make-up days are named `…补休`. No swapped working weekend
 * days (调休上班) are guessed: weekends otherwise rest.
 *
 * The earlier rules differed: before 2008, 春节 lunar 1/1–1/3, 劳动节 1–3 May, no 清明, 端午 or 中秋;
 * 2008–2013, 春节 the Eve, 1/1 and 1/2, 劳动节 1 May only, 清明, 端午 and 中秋 added; 2014–2024, 春节
 * lunar 1/1–1/3 (no Eve), 劳动节 1 May only. Those years are all published (chinese-days covers 2004 on),
 * so the fallback is used only for years from 2027, where the 2024 rules hold; a year before 2004 would
 * get the 2024 rules too, marked provisional like every fallback year.
 *
 * The lunar and solar-term conversions are chinese-days'. Its `getLunarDate` counts days in UTC and is
 * right in every time zone; its solar-term and lunar→solar functions format a UTC midnight with local
 * getters, which comes out a day early west of UTC. So the lunar festivals are found by reading the lunar
 * date of each day of the year, and the 清明 date is corrected by the package's own slip.
 */

/** The first and last years the lunar tables of chinese-days cover (lunar years 1900–2100). */
export const CALENDAR_FIRST_YEAR = 1901;
export const CALENDAR_LAST_YEAR = 2100;

/** Whether `year` is a whole year the calendar can compute. */
export const isCalendarYear = (year: number): boolean =>
  Number.isInteger(year) && year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;

const isWeekend = (date: LocalDate): boolean => weekdayOf(date) >= 6;

/**
 * How many days chinese-days' formatted dates are off here: -1 west of UTC, else 0. Its `getLunarDate`
 * formats its `date` field the same faulty way as `getSolarTermDate`, which shows the slip.
 */
const formattingSlip = (date: LocalDate): number => daysBetween(date, chineseDays.getLunarDate(date).date);

/** The day of the 清明 solar term in `year`. */
const qingming = (year: number): LocalDate => {
  const formatted = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  return addDays(formatted, -formattingSlip(`${year}-04-05`));
};

/** The days of `year` by their (non-leap) lunar month and day, `"8-15" → 2024-09-17`. */
const lunarDaysOf = (year: number): Map<string, LocalDate> => {
  const days = new Map<string, LocalDate>();
  for (const date of daysFrom(`${year}-01-01`, `${year}-12-31`)) {
    const lunar = chineseDays.getLunarDate(date);
    // Lunar 12th-month days can occur twice in a year (January and December); they are not looked up.
    if (!lunar.isLeap) days.set(`${lunar.lunarMon}-${lunar.lunarDay}`, date);
  }
  return days;
};

/** The statutory days of the rule, before make-up days: one entry per holiday and day. */
const statutoryDays = (year: number): NamedDay[] => {
  const lunar = lunarDaysOf(year);
  const lunarDay = (month: number, day: number): LocalDate => {
    const date = lunar.get(`${month}-${day}`);
    if (date === undefined) throw new RangeError(`no lunar ${month}/${day} in ${year}`);
    return date;
  };
  const newYear = lunarDay(1, 1);
  const days = (name: string, dates: readonly LocalDate[]) => dates.map((date) => ({ date, name }));
  return [
    ...days('元旦', [`${year}-01-01`]),
    ...days('春节', [addDays(newYear, -1), newYear, addDays(newYear, 1), addDays(newYear, 2)]),
    ...days('清明节', [qingming(year)]),
    ...days('劳动节', [`${year}-05-01`, `${year}-05-02`]),
    ...days('端午节', [lunarDay(5, 5)]),
    ...days('中秋节', [lunarDay(8, 15)]),
    ...days('国庆节', [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`]),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

/** Adds the make-up days (补假) and merges holidays that fall on one day into one entry. */
const withMakeUpDays = (statutory: readonly NamedDay[]): NamedDay[] => {
  const off = new Map<LocalDate, string[]>();
  for (const { date, name } of statutory) off.set(date, [...(off.get(date) ?? []), name]);
  const seen = new Set<LocalDate>();
  for (const { date, name } of statutory) {
    const coincides = seen.has(date);
    seen.add(date);
    if (!isWeekend(date) && !coincides) continue;
    let makeUp = addDays(date, 1);
    while (isWeekend(makeUp) || off.has(makeUp)) makeUp = addDays(makeUp, 1);
    off.set(makeUp, [`${name}补休`]);
  }
  return [...off.entries()]
    .map(([date, names]) => ({ date, name: names.join('、') }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
};

const cache = new Map<number, readonly NamedDay[]>();

/**
 * The days off of `year` under the statutory rules alone, make-up days (名称 `…补休`) included, in date
 * order. Used for years whose arrangement is not published. Throws a RangeError outside 1901–2100.
 */
export const statutoryHolidays = (year: number): readonly NamedDay[] => {
  if (!isCalendarYear(year)) {
    throw new RangeError(`the calendar covers ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, not ${year}`);
  }
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  const holidays = Object.freeze(withMakeUpDays(statutoryDays(year)));
  cache.set(year, holidays);
  return holidays;
};
