import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { LocalDate } from './time';

/*
 * The published national calendar (the State Council's yearly 部分节假日安排的通知), as maintained in the
 * npm package `chinese-days`. Its JSON is imported with an import attribute so that the ESM build
 * (where `chinese-days` stays an external dependency) loads in Node as well as under a bundler or vitest.
 * esbuild keeps the attribute only for targets that support it (node ≥ 20.10): with `target: 'node20'`
 * it drops it and Node refuses the import (ERR_IMPORT_ATTRIBUTE_MISSING).
 */

/** A named day of a published year: a holiday (放假) or a swapped working weekend day (调休上班). */
export interface NamedDay {
  readonly date: LocalDate;
  /** In Chinese, e.g. `国庆节`. For a swapped working day, the holiday it makes up for. */
  readonly name: string;
}

/** One year's published arrangement. */
export interface CalendarYear {
  readonly year: number;
  /** Every day off of the arrangement, weekend days inside a break included. */
  readonly holidays: readonly NamedDay[];
  /** Weekend days that are working days (调休上班). */
  readonly workdays: readonly NamedDay[];
  /** Where the arrangement comes from (a package, a notice number, …). */
  readonly source?: string;
}

/** The `source` of every year taken from the package. */
export const CHINESE_DAYS_SOURCE = 'chinese-days';

interface ChineseDaysJson {
  /** `date → "English,中文,days"` */
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/** The notices say 清明节, 端午节, 中秋节; the package shortens them. */
const OFFICIAL_NAMES: Readonly<Record<string, string>> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

const nameOf = (entry: string): string => {
  const zh = entry.split(',')[1] ?? entry;
  return OFFICIAL_NAMES[zh] ?? zh;
};

const byYear = (entries: Readonly<Record<string, string>>): Map<number, NamedDay[]> => {
  const years = new Map<number, NamedDay[]>();
  for (const [date, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const year = Number(date.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), { date, name: nameOf(entry) }]);
  }
  return years;
};

/** The years of a data set that are published: those with at least one holiday. */
export const yearsOfChineseDays = (data: ChineseDaysJson): CalendarYear[] => {
  const holidays = byYear(data.holidays);
  const workdays = byYear(data.workdays);
  return [...holidays.keys()]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      holidays: holidays.get(year) ?? [],
      workdays: workdays.get(year) ?? [],
      source: CHINESE_DAYS_SOURCE,
    }));
};

/** Every year published in `chinese-days` (2004–2026 in version 1.5.7), in order. */
export const chineseDaysYears: readonly CalendarYear[] = yearsOfChineseDays(chineseDaysData);
