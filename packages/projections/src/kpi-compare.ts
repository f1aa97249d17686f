import { addDays, dayOf, daysBetween, epochMs, officialCalendar, startOfDay, type Instant, type LocalDate, type WorkingCalendar } from '@xinfang/domain';
import type { Kpis } from './kpi-registry';
import type { KpiWindow } from './kpi-window';
import { kpis } from './kpis';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The KPIs beside those of another window (`GET /kpis?compare=`): 环比, the window of the same length just
 * before (2024-12-20–2025-01-10, 22 days → 2024-11-28–2024-12-19), or 同比, the same days a year earlier
 * (29 February → 28 February). The other window is seen from the same distance after its end: its T is the
 * request's T moved back by as much (so a window that ends today is compared with one seen the same number
 * of days after it ended), with the request's knownAt — what the system knows now about both.
 *
 * Every figure is a function of T, whatever later facts the world holds (kpis.ts), so both are computed
 * from the one world of the request.
 */

export type Compare = 'previous' | 'lastYear';

export const compareLabels: Readonly<Record<Compare, string>> = { previous: '环比', lastYear: '同比' };

/** What the other period is called where a figure of it is shown. */
export const comparedPeriodLabels: Readonly<Record<Compare, string>> = { previous: '上期', lastYear: '去年同期' };

/** The same day a year earlier; 29 February becomes 28 February. */
export const dayAYearEarlier = (day: LocalDate): LocalDate => {
  const year = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${year}-${monthDay}`;
};

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant at the same Shanghai time of day on another day, written at +08:00. */
const sameTimeOn = (instant: Instant, day: LocalDate): Instant => {
  const timeOfDay = epochMs(instant) - epochMs(startOfDay(dayOf(instant)));
  return new Date(epochMs(startOfDay(day)) + timeOfDay + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
};

/** The window compared with, and the view it is seen in. */
export const comparedWindow = (window: KpiWindow, view: TimeView, compare: Compare): { window: KpiWindow; view: TimeView } => {
  const shift =
    compare === 'previous'
      ? (day: LocalDate) => addDays(day, -(daysBetween(window.from, window.to) + 1))
      : dayAYearEarlier;
  return {
    window: { ...window, from: shift(window.from), to: shift(window.to) },
    view: { asOf: sameTimeOn(view.asOf, shift(dayOf(view.asOf))), knownAt: view.knownAt },
  };
};

/** A figure in both windows: `change` is after − before (for a rate, of the rates; null when either has nothing to measure). */
export interface KpiChange {
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A rate, or a compliance rule (the rate of its requirements fulfilled). */
const rateOf = (value: Readonly<Record<string, unknown>>): number | null | undefined =>
  'rate' in value && ('denominator' in value || 'required' in value) ? (value['rate'] as number | null) : undefined;

const changeOf = (before: number | null, after: number | null): KpiChange => ({
  before,
  after,
  change: before === null || after === null ? null : after - before,
});

/**
 * Every count and every rate of two answers, by dotted path (`escalations.province`, `onTimeResolution`),
 * in the answer's order; lists (the deadline warnings, a rule's gaps) and flags are left out.
 */
export const kpiChanges = (after: Kpis, before: Kpis): Record<string, KpiChange> => {
  const changes: Record<string, KpiChange> = {};
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number') {
      changes[path] = changeOf(typeof b === 'number' ? b : 0, a);
      return;
    }
    if (!isRecord(a)) return;
    const rate = rateOf(a);
    if (rate !== undefined) {
      changes[path] = changeOf(isRecord(b) ? (rateOf(b) ?? null) : null, rate);
      return;
    }
    for (const [key, value] of Object.entries(a)) walk(value, isRecord(b) ? b[key] : undefined, path === '' ? key : `${path}.${key}`);
  };
  for (const [key, value] of Object.entries(after)) if (key !== 'provisionalYears') walk(value, (before as Record<string, unknown>)[key], key);
  return changes;
};

export interface KpiComparison {
  readonly compare: Compare;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly asOf: Instant;
  readonly knownAt: Instant;
  readonly figures: Kpis;
  readonly changes: Record<string, KpiChange>;
}

/** The KPIs of the window and their comparison with the other one. */
export const comparedKpis = (
  world: World,
  view: TimeView,
  window: KpiWindow,
  compare: Compare,
  calendar: WorkingCalendar = officialCalendar,
): { readonly figures: Kpis; readonly comparison: KpiComparison } => {
  const figures = kpis(world, view, window, calendar);
  const other = comparedWindow(window, view, compare);
  const before = kpis(world, other.view, other.window, calendar);
  return {
    figures,
    comparison: {
      compare,
      from: other.window.from,
      to: other.window.to,
      asOf: other.view.asOf,
      knownAt: other.view.knownAt,
      figures: before,
      changes: kpiChanges(figures, before),
    },
  };
};
