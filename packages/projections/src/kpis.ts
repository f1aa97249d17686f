import { officialCalendar, type WorkingCalendar } from '@xinfang/domain';
import { kpiRegistry, type Kpis } from './kpi-registry';
import { kpiScope } from './kpi-scope';
import type { KpiWindow } from './kpi-window';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The KPIs of REPORTS.md (`GET /kpis`), as one pure function of a world, T (= `view.asOf`), the window and
 * the working calendar. The caller builds the world for the view (so what was known by `knownAt` decides);
 * every fact is also checked against T here, so a figure never depends on anything after T.
 *
 * "In the window": the fact's business time falls on a day from `from` to `to` (Asia/Shanghai), and not
 * after T. The choices REPORTS.md leaves open are written next to each figure's computation.
 *
 * `communityId` limits every case-based figure to the cases registered for that community (visits,
 * escalations, repeats, satisfaction records … of those cases); `incidents` to the incidents recorded on a
 * case of that community (an incident on no case is the subdistrict's); `screeningReports` to that
 * community's reports; and `receptionCompliance` as `receptionCompliance` says (the community's first-grid
 * leaders and rosters; the subdistrict's own rules empty).
 *
 * Each KPI is an entry of the registry (kpi-registry.ts) with its computation (kpis-*.ts); this runs them.
 */

/**
 * The KPIs as of T (`view.asOf`) over the window `from`–`to`. Throws a RangeError when `from` or `to` is not
 * a date. The world must hold every event the view shows (e.g. `buildWorld(store.readAll(), view)`).
 */
export const kpis = (world: World, view: TimeView, window: KpiWindow, calendar: WorkingCalendar = officialCalendar): Kpis => {
  const scope = kpiScope(world, view, window, calendar);
  const figures = Object.fromEntries(kpiRegistry.map((d) => [d.key, d.compute(scope)])) as Omit<Kpis, 'provisional' | 'provisionalYears'>;
  const provisionalYears = scope.calendar.provisionalYears();
  return { ...figures, provisional: provisionalYears.length > 0, provisionalYears };
};
