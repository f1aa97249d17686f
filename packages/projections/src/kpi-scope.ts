import { compareInstants, dayOf, happenedBy, type ExistingCase, type Instant, type LocalDate, type WorkingCalendar } from '@xinfang/domain';
import { checkWindow, inWindow, trackCalendar, type KpiWindow, type TrackedCalendar } from './kpi-window';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * What every KPI is computed from (REPORTS.md, "KPIs"): the world, T (= `view.asOf`), the window and the
 * working calendar, and the few selections several KPIs share — worked out once per query, so that each
 * KPI's computation (kpis-*.ts) is a short function of this scope.
 */

export interface KpiScope {
  readonly world: World;
  readonly window: KpiWindow;
  /** `view.asOf`: no figure depends on anything after it. */
  readonly T: Instant;
  /** T's day in Asia/Shanghai. */
  readonly today: LocalDate;
  /** A business time in the window and not after T. */
  readonly inWindow: (instant: Instant) => boolean;
  /** A fact that happened by T. */
  readonly byT: (fact: { readonly at: string }) => boolean;
  /** The cases registered by T (of the window's community, when given), in caseId order. */
  readonly cases: readonly ExistingCase[];
  /** Those registered in the window. */
  readonly registeredIn: readonly ExistingCase[];
  /** The cases resolved in the window, each once with its first and last resolution in it. */
  readonly resolvedIn: readonly ResolvedInWindow[];
  /** The working calendar, remembering which unpublished years it was asked about. */
  readonly calendar: TrackedCalendar;
}

export interface ResolvedInWindow {
  readonly s: ExistingCase;
  readonly first: ExistingCase['resolutions'][number];
  readonly last: ExistingCase['resolutions'][number];
}

const byCaseId = (a: ExistingCase, b: ExistingCase): number => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/** The cases registered by T (of one community, when given), in caseId order. */
const casesAt = (world: World, asOf: Instant, communityId: string | undefined): ExistingCase[] =>
  [...world.case.values()]
    .flatMap((s) => (s.status === 'none' ? [] : [s]))
    .filter(
      (s) =>
        compareInstants(s.registration.registeredAt, asOf) <= 0 && (communityId === undefined || s.registration.communityId === communityId),
    )
    .sort(byCaseId);

/** A case resolved in the window: one of its resolutions is in it; it counts once, whatever happened since. */
const resolvedInWindow = (cases: readonly ExistingCase[], inWin: (instant: Instant) => boolean): ResolvedInWindow[] =>
  cases.flatMap((s) => {
    const resolutions = s.resolutions.filter((r) => inWin(r.at)).sort((a, b) => compareInstants(a.at, b.at));
    const first = resolutions[0];
    const last = resolutions[resolutions.length - 1];
    return first === undefined || last === undefined ? [] : [{ s, first, last }];
  });

/** The scope of a KPI query. Throws a RangeError when `from` or `to` is not a date. */
export const kpiScope = (world: World, view: TimeView, window: KpiWindow, calendar: WorkingCalendar): KpiScope => {
  checkWindow(window);
  const T = view.asOf;
  const inWin = inWindow(window, T);
  const cases = casesAt(world, T, window.communityId);
  return {
    world,
    window,
    T,
    today: dayOf(T),
    inWindow: inWin,
    byT: happenedBy(T),
    cases,
    registeredIn: cases.filter((s) => inWin(s.registration.registeredAt)),
    resolvedIn: resolvedInWindow(cases, inWin),
    calendar: trackCalendar(calendar),
  };
};

/** Zero for every key of a vocabulary. */
export const zeroes = <K extends string>(labels: Readonly<Record<K, string>>): Record<K, number> =>
  Object.fromEntries(Object.keys(labels).map((key) => [key, 0])) as Record<K, number>;

/** How many items fall under each key of a vocabulary (every key present, 0 when none). */
export const countBy = <K extends string, T>(labels: Readonly<Record<K, string>>, items: readonly T[], key: (item: T) => K): Record<K, number> => {
  const counts = zeroes(labels);
  for (const item of items) counts[key(item)] += 1;
  return counts;
};
