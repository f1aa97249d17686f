import {
  addDays,
  backlogAt,
  backlogReasonLabels,
  compareInstants,
  endOfDay,
  officialCalendar,
  type BacklogReason,
  type Instant,
  type LocalDate,
  type WorkingCalendar,
} from '@xinfang/domain';
import { assessment, type Assessment } from './assessment';
import { hotspots, type Hotspots } from './hotspots';
import { comparedKpis, type KpiComparison } from './kpi-compare';
import type { Kpis } from './kpi-registry';
import { countBy } from './kpi-scope';
import type { KpiWindow } from './kpi-window';
import type { PersonalDataReader } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The campaign summary (总结巩固) of a window, as figures: the subdistrict's KPIs beside the window before,
 * the backlog worked down, the gaps in screening and reception, the hotspots and each community's score.
 * Every figure is one `GET /kpis?compare=previous`, `GET /analysis/hotspots` or `GET /assessment` gives
 * for the same window and view — computed
 * by the same functions — so the written summary (@xinfang/reports campaign-document.ts) can be checked
 * against them.
 */

export interface BacklogWorkedDown {
  /** In the backlog at the end of the day before the window. */
  readonly atStart: number;
  /** In the backlog at T. */
  readonly atEnd: number;
  /** Listed at the start and no longer at T: worked down (resolved, or decided not to be a petition). */
  readonly workedDown: number;
  /** Not listed at the start and listed at T. */
  readonly newlyListed: number;
  /** The backlog at T by reason (a case under each of its reasons). */
  readonly byReason: Readonly<Record<BacklogReason, number>>;
}

export interface CampaignSummary {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly asOf: Instant;
  readonly knownAt: Instant;
  /** The subdistrict's KPIs for the window (`GET /kpis`). */
  readonly kpis: Kpis;
  /** The window before, as `GET /kpis?compare=previous` gives it. */
  readonly comparison: KpiComparison;
  readonly backlog: BacklogWorkedDown;
  /** `GET /assessment` for the window. */
  readonly assessment: Assessment;
  /** `GET /analysis/hotspots` for the window. */
  readonly hotspots: Hotspots;
  /** Names by id, for the writing: communities and leaders. */
  readonly names: { readonly communities: Readonly<Record<string, string>>; readonly leaders: Readonly<Record<string, string>> };
}

const backlogWorkedDown = (world: World, window: KpiWindow, T: Instant): BacklogWorkedDown => {
  const startDay = endOfDay(addDays(window.from, -1));
  const start = compareInstants(startDay, T) <= 0 ? startDay : T;
  let atStart = 0;
  let atEnd = 0;
  let workedDown = 0;
  let newlyListed = 0;
  const reasons: BacklogReason[] = [];
  for (const s of world.case.values()) {
    if (s.status === 'none' || compareInstants(s.registration.registeredAt, T) > 0) continue;
    const before = backlogAt(s, start).inBacklog;
    const now = backlogAt(s, T);
    if (before) atStart += 1;
    if (now.inBacklog) {
      atEnd += 1;
      reasons.push(...now.reasons);
    }
    if (before && !now.inBacklog) workedDown += 1;
    if (!before && now.inBacklog) newlyListed += 1;
  }
  return { atStart, atEnd, workedDown, newlyListed, byReason: countBy(backlogReasonLabels, reasons, (r) => r) };
};

/** The summary of the window as of the view, for the whole subdistrict. */
export const campaignSummary = (
  world: World,
  view: TimeView,
  window: Omit<KpiWindow, 'communityId'>,
  personal: PersonalDataReader,
  calendar: WorkingCalendar = officialCalendar,
): CampaignSummary => {
  const { figures, comparison } = comparedKpis(world, view, window, 'previous', calendar);
  const communities: Record<string, string> = {};
  for (const c of world.community.values()) if (c.status === 'registered') communities[c.communityId] = c.name;
  const leaders: Record<string, string> = {};
  for (const l of world.leader.values()) if (l.status === 'registered') leaders[l.leaderId] = l.name;
  return {
    from: window.from,
    to: window.to,
    asOf: view.asOf,
    knownAt: view.knownAt,
    kpis: figures,
    comparison,
    backlog: backlogWorkedDown(world, window, view.asOf),
    assessment: assessment(world, view, window, calendar),
    hotspots: hotspots(world, view, window, personal),
    names: { communities, leaders },
  };
};
