import { endOfDay, type Instant, type LocalDate } from '@xinfang/domain';
import type { Compare, KpiComparison, Kpis } from '@xinfang/projections';
import type { Role } from '../roles';
import type { DateRange } from './dashboard-range';
import { todoOfCases, todoOfKpis, type CaseListRow, type Todo } from './dashboard-todo';
import { trendPeriods } from './trend-periods';

/*
 * What the 工作台 asks the API, with the browser's own token, and nothing else: so its figures are the
 * API's for that role, scoped and masked as the API scopes and masks them.
 *
 * - every role but a leader: the KPIs of the range as of its end with those of the window compared with
 *   (`/kpis?from&to&asOf&compare=previous|lastYear`: 环比 or 同比, also for the "falling" targets) and the
 *   KPIs of each trend period;
 * - a leader, who reads no figures: the cases it leads that are overdue or due within 3 days
 *   (`/cases?leaderId&due=overdue|soon`).
 *
 * A range that ends before today is read as it stood at the end of its last day; one that runs up to today
 * (or later) as of now.
 */

/** The KPI answer of `GET /kpis`. */
export type KpiAnswer = Kpis & {
  readonly asOf: Instant;
  readonly knownAt: Instant;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly communityId: string | null;
};

export type ApiGet = (path: string) => Promise<Response>;

export interface TrendPeriodFigures {
  readonly period: DateRange;
  /** Its KPIs, or undefined when the API did not answer them (busy): the chart leaves that bar out. */
  readonly kpis: KpiAnswer | undefined;
}

export type DashboardData =
  | {
      readonly kind: 'figures';
      readonly range: DateRange;
      readonly kpis: KpiAnswer;
      /** The same figures for the window compared with (环比 or 同比), as `/kpis?compare=` answers them. */
      readonly comparison: KpiComparison;
      readonly trend: readonly TrendPeriodFigures[];
      readonly todo: Todo;
    }
  | { readonly kind: 'cases'; readonly todo: Todo }
  /** The API refused or failed: its answer, for the page to show (problems.ts). */
  | { readonly kind: 'problem'; readonly response: Response };

/** The `asOf` of a range's figures: the end of its last day, or now while that day has not ended. */
export const asOfRange = (range: DateRange, today: LocalDate, now: Instant): Instant => (range.to < today ? endOfDay(range.to) : now);

const kpisPath = (range: DateRange, asOf: Instant, compare?: Compare): string =>
  `/api/v1/kpis?${new URLSearchParams({ from: range.from, to: range.to, asOf, ...(compare === undefined ? {} : { compare }) }).toString()}`;

const problemOf = (response: Response) => ({ kind: 'problem' as const, response });

const jsonIfOk = async <A>(response: Response): Promise<A | undefined> => (response.ok ? ((await response.json()) as A) : undefined);

export const dashboardData = async (
  get: ApiGet,
  role: Role,
  range: DateRange,
  today: LocalDate,
  now: Instant,
  compare: Compare = 'previous',
): Promise<DashboardData> => {
  if (role.kind === 'leader') {
    const list = (due: 'overdue' | 'soon') =>
      get(`/api/v1/cases?${new URLSearchParams({ leaderId: role.leaderId, due, sort: 'deadline' }).toString()}`);
    const [overdue, soon] = await Promise.all([list('overdue'), list('soon')]);
    if (!overdue.ok) return problemOf(overdue);
    if (!soon.ok) return problemOf(soon);
    const rows = async (r: Response) => ((await r.json()) as { rows: CaseListRow[] }).rows;
    return { kind: 'cases', todo: todoOfCases(await rows(overdue), await rows(soon)) };
  }
  const at = (r: DateRange) => kpisPath(r, asOfRange(r, today, now));
  const periods = trendPeriods(range);
  // All at once: the query pool runs them side by side and queues the rest.
  const [main, ...trend] = await Promise.all([get(kpisPath(range, asOfRange(range, today, now), compare)), ...periods.map((p) => get(at(p)))]);
  if (!main.ok) return problemOf(main);
  const { comparison, ...kpis } = (await main.json()) as KpiAnswer & { comparison: KpiComparison };
  const figures = await Promise.all(trend.map((r) => jsonIfOk<KpiAnswer>(r)));
  return {
    kind: 'figures',
    range,
    kpis,
    comparison,
    trend: periods.map((period, i) => ({ period, kpis: figures[i] })),
    todo: todoOfKpis(kpis),
  };
};
