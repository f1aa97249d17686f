import { addDays, daysBetween, type LocalDate } from '@xinfang/domain';
import type { DateRange } from './dashboard-range';

/*
 * The periods a trend chart of the 工作台 splits its range into: back from `to`, periods of equal length
 * (a week, or longer so that there are at most TREND_PERIODS), the first one cut at `from`. Each period's
 * figures are the KPIs of its own days, asked of the API like the range's, so a chart never counts
 * anything the API does not: the periods are disjoint and cover the range, and what adds up over days
 * (cases, visits) adds up to the range's figure.
 */

/** At most this many points in a trend: each is one more KPI query. */
export const TREND_PERIODS = 5;
const WEEK = 7;

export const trendPeriods = (range: DateRange): DateRange[] => {
  const days = daysBetween(range.from, range.to) + 1;
  const length = Math.max(WEEK, Math.ceil(days / TREND_PERIODS));
  const periods: DateRange[] = [];
  for (let to: LocalDate = range.to; to >= range.from; to = addDays(to, -length)) {
    const from = addDays(to, 1 - length);
    periods.unshift({ from: from < range.from ? range.from : from, to });
  }
  return periods;
};
