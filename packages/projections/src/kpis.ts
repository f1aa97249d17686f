import {
  COLLECTIVE_THRESHOLD,
  acceptanceDeadline,
  backlogAt,
  backlogReasonLabels,
  caseDeadlineAt,
  caseStream,
  categoryLabels,
  channelLabels,
  compareInstants,
  dayOf,
  daysBetween,
  escalationLevelLabels,
  incidentTypeLabels,
  levelLabels,
  officialCalendar,
  originLabels,
  resolvedAt,
  type BacklogReason,
  type Category,
  type Channel,
  type ExistingCase,
  type IncidentType,
  type Instant,
  type LocalDate,
  type Origin,
  type ResolutionLevel,
  type WorkingCalendar,
} from '@xinfang/domain';
import { checkWindow, inWindow, trackCalendar, type KpiWindow } from './kpi-window';
import { rate, rateOf, type Rate } from './rate';
import { receptionCompliance, type ComplianceRule, type ReceptionCompliance } from './reception-compliance';
import { screeningCompliance, type ScreeningGap } from './screening-compliance';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The KPIs of REPORTS.md (`GET /kpis`), as one pure function of a world, T (= `view.asOf`), the window and
 * the working calendar. The caller builds the world for the view (so what was known by `knownAt` decides);
 * every fact is also checked against T here, so a figure never depends on anything after T.
 *
 * "In the window": the fact's business time falls on a day from `from` to `to` (Asia/Shanghai), and not
 * after T. The choices REPORTS.md leaves open are written next to each figure below.
 *
 * `communityId` limits every case-based figure to the cases registered for that community (visits,
 * escalations, repeats, satisfaction records … of those cases); `incidents` to the incidents recorded on a
 * case of that community (an incident on no case is the subdistrict's); `screeningReports` to that
 * community's reports; and `receptionCompliance` as `receptionCompliance` says (the community's first-grid
 * leaders and rosters; the subdistrict's own rules empty).
 */


export interface VolumeKpi {
  readonly total: number;
  readonly byOrigin: Readonly<Record<Origin, number>>;
  readonly byCategory: Readonly<Record<Category, number>>;
  /** Every registered community (0 when it registered nothing), and any other community a case names. */
  readonly byCommunity: Readonly<Record<string, number>>;
}

export interface VisitsKpi {
  readonly batches: number;
  /** The sum of `visitorCount`. */
  readonly people: number;
  /** Batches of 5 or more people (集体访). */
  readonly collective: number;
}

export interface EscalationsKpi {
  readonly total: number;
  readonly city: number;
  readonly province: number;
  readonly beijing: number;
  /** Marked abnormal (非正常上访). */
  readonly abnormal: number;
  /** Marked collective on the escalation itself. */
  readonly collective: number;
}

export interface RepeatPetitionsKpi {
  readonly total: number;
  readonly byChannel: Readonly<Record<Channel, number>>;
}

export interface BacklogKpi {
  /** Cases in backlog (积案) at T. */
  readonly open: number;
  /** 积案化解率: cases ever in backlog by T that are resolved at T / cases ever in backlog by T. */
  readonly resolution: Rate;
  /** The open backlog cases by reason; a case listed for several reasons counts under each. */
  readonly byReason: Readonly<Record<BacklogReason, number>>;
}

export type ResolutionLevelsKpi = Readonly<Record<ResolutionLevel, number>> & {
  /** Cases resolved in the window. */
  readonly total: number;
  /** 小事不出网格、大事不出街道: the share not resolved `above`. */
  readonly keptBelowAbove: Rate;
};

export type IncidentsKpi = Readonly<Record<IncidentType, number>> & {
  readonly total: number;
  /** 三个不发生: true when there was no incident of any type. */
  readonly held: boolean;
};

export interface DeadlineWarning {
  readonly caseId: string;
  readonly communityId: string;
  /** The deadline in force at T. */
  readonly deadline: LocalDate;
  /** Calendar days from T's day to the deadline: 0 to 3 when due soon, negative when overdue. */
  readonly daysLeft: number;
}

export interface DeadlineWarningsKpi {
  /** Open cases whose deadline is T's day or one of the 3 days after it (not overdue yet). */
  readonly dueSoon: readonly DeadlineWarning[];
  /** Open cases whose deadline is before T's day. */
  readonly overdue: readonly DeadlineWarning[];
}

export interface Kpis {
  readonly volume: VolumeKpi;
  readonly visits: VisitsKpi;
  readonly escalations: EscalationsKpi;
  readonly repeatPetitions: RepeatPetitionsKpi;
  /** 初信初访一次性化解率 (target ≥ 99 %). */
  readonly firstPetitionOneTimeResolution: Rate;
  /** 及时受理率 (target 100 %). */
  readonly timelyAcceptance: Rate;
  /** 按期办结率 (target 100 %). */
  readonly onTimeResolution: Rate;
  /** 满意率. */
  readonly satisfaction: Rate;
  /** 参评率. */
  readonly participation: Rate;
  /** 包案化解率 (target ≥ 85 %). */
  readonly packageResolution: Rate;
  readonly backlog: BacklogKpi;
  readonly resolutionLevels: ResolutionLevelsKpi;
  readonly receptionCompliance: ReceptionCompliance;
  readonly screeningReports: ComplianceRule<ScreeningGap>;
  /** 三个不发生. */
  readonly incidents: IncidentsKpi;
  readonly deadlineWarnings: DeadlineWarningsKpi;
  /** Some working day the figures used falls in a year the calendar has not published. */
  readonly provisional: boolean;
  /** Those years, in order. */
  readonly provisionalYears: readonly number[];
}

/** How many days after T a deadline is "due soon". */
export const DEADLINE_WARNING_DAYS = 3;

const zeroes = <K extends string>(labels: Readonly<Record<K, string>>): Record<K, number> =>
  Object.fromEntries(Object.keys(labels).map((key) => [key, 0])) as Record<K, number>;

const countBy = <K extends string, T>(labels: Readonly<Record<K, string>>, items: readonly T[], key: (item: T) => K): Record<K, number> => {
  const counts = zeroes(labels);
  for (const item of items) counts[key(item)] += 1;
  return counts;
};

const byCaseId = (a: ExistingCase, b: ExistingCase): number => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/** The cases registered by T (of one community, when given), in caseId order. */
const casesAt = (world: World, asOf: Instant, communityId: string | undefined): ExistingCase[] =>
  [...world.case.values()]
    .flatMap((s) => (s.status === 'none' ? [] : [s]))
    .filter(
      (s) =>
        compareInstants(s.registration.registeredAt, asOf) <= 0 &&
        (communityId === undefined || s.registration.communityId === communityId),
    )
    .sort(byCaseId);

const upTo =
  (asOf: Instant) =>
  (fact: { readonly at: string }): boolean =>
    compareInstants(fact.at, asOf) <= 0;

/** The decision on acceptance (accepted or rejected) as of T. */
const decisionAt = (s: ExistingCase, asOf: Instant) =>
  s.acceptance !== undefined && compareInstants(s.acceptance.at, asOf) <= 0 ? s.acceptance : undefined;

/** The resolution in force at T (the last one up to T), when the case is resolved at T. */
const resolutionAt = (s: ExistingCase, asOf: Instant) =>
  resolvedAt(s, asOf) ? s.resolutions.filter(upTo(asOf)).reduce((a, b) => (compareInstants(b.at, a.at) >= 0 ? b : a)) : undefined;

/** Resolved on or before the deadline in force when it was resolved. */
const onTime = (s: ExistingCase, resolution: { readonly at: string }): boolean => {
  const deadline = caseDeadlineAt(s, resolution.at);
  return deadline !== undefined && dayOf(resolution.at) <= deadline;
};

/**
 * The KPIs as of T (`view.asOf`) over the window `from`–`to`. Throws a RangeError when `from` or `to` is not
 * a date. The world must hold every event the view shows (e.g. `buildWorld(store.readAll(), view)`).
 */
export const kpis = (world: World, view: TimeView, window: KpiWindow, calendar: WorkingCalendar = officialCalendar): Kpis => {
  checkWindow(window);
  const T = view.asOf;
  const today = dayOf(T);
  const { communityId } = window;
  const inWin = inWindow(window, T);
  const atT = upTo(T);
  const cases = casesAt(world, T, communityId);
  const registeredIn = cases.filter((s) => inWin(s.registration.registeredAt));

  // volume: every case registered in the window, whatever its origin or fate (rejected ones included).
  const byCommunity: Record<string, number> = {};
  if (communityId === undefined) {
    for (const c of world.community.values()) if (c.status === 'registered') byCommunity[c.communityId] = 0;
  } else byCommunity[communityId] = 0;
  for (const s of registeredIn) byCommunity[s.registration.communityId] = (byCommunity[s.registration.communityId] ?? 0) + 1;
  const volume: VolumeKpi = {
    total: registeredIn.length,
    byOrigin: countBy(originLabels, registeredIn, (s) => s.registration.origin),
    byCategory: countBy(categoryLabels, registeredIn, (s) => s.registration.category),
    byCommunity: Object.fromEntries(Object.entries(byCommunity).sort(([a], [b]) => (a < b ? -1 : 1))),
  };

  const visitsIn = cases.flatMap((s) => s.visits).filter((v) => inWin(v.receivedAt));
  const visits: VisitsKpi = {
    batches: visitsIn.length,
    people: visitsIn.reduce((sum, v) => sum + v.visitorCount, 0),
    collective: visitsIn.filter((v) => v.visitorCount >= COLLECTIVE_THRESHOLD).length,
  };

  const escalationsIn = cases.flatMap((s) => s.escalations).filter((e) => inWin(e.at));
  const escalations: EscalationsKpi = {
    total: escalationsIn.length,
    ...countBy(escalationLevelLabels, escalationsIn, (e) => e.level),
    abnormal: escalationsIn.filter((e) => e.abnormal).length,
    collective: escalationsIn.filter((e) => e.collective).length,
  };

  // Every repeat petition recorded (a repeat command, or a repeat visit), also one not accepted again on a final case.
  const repeatsIn = cases.flatMap((s) => s.repeats).filter((r) => inWin(r.at));
  const repeatPetitions: RepeatPetitionsKpi = {
    total: repeatsIn.length,
    byChannel: countBy(channelLabels, repeatsIn, (r) => r.channel),
  };

  // 初信初访一次性化解率: resolved once, on time, and nothing since (any escalation, city included).
  const firstPetitionOneTimeResolution = rateOf(
    registeredIn.filter((s) => s.registration.firstPetition && resolvedAt(s, T)),
    (s) => {
      if (s.repeats.some(atT) || s.escalations.some(atT) || s.reopens.some(atT)) return false;
      const resolution = resolutionAt(s, T);
      return resolution !== undefined && onTime(s, resolution);
    },
  );

  // 及时受理率: a decision (accepted or rejected) by registration + 15 days; due once decided or once those days are over.
  const timelyAcceptance = rateOf(
    registeredIn.filter((s) => decisionAt(s, T) !== undefined || acceptanceDeadline(s.registration.registeredAt) < today),
    (s) => {
      const decision = decisionAt(s, T);
      return decision !== undefined && dayOf(decision.at) <= acceptanceDeadline(s.registration.registeredAt);
    },
  );

  // 按期办结率: its resolution at T on or before the deadline in force when it was resolved.
  const onTimeResolution = rateOf(
    registeredIn.filter((s) => {
      if (decisionAt(s, T)?.decision !== 'accepted') return false;
      if (resolvedAt(s, T)) return true;
      const deadline = caseDeadlineAt(s, T);
      return deadline !== undefined && deadline < today;
    }),
    (s) => {
      const resolution = resolutionAt(s, T);
      return resolution !== undefined && onTime(s, resolution);
    },
  );

  const satisfaction = rateOf(
    cases.flatMap((s) => s.satisfactions).filter((r) => inWin(r.at)),
    (r) => r.satisfied,
  );

  // A case resolved in the window: one of its resolutions is in it; it counts once, whatever happened since.
  const resolvedIn = cases.flatMap((s) => {
    const resolutions = s.resolutions.filter((r) => inWin(r.at)).sort((a, b) => compareInstants(a.at, b.at));
    const first = resolutions[0];
    const last = resolutions[resolutions.length - 1];
    return first === undefined || last === undefined ? [] : [{ s, first, last }];
  });

  // 参评率: a satisfaction record made at or after its (first) resolution in the window, by T (also after the window).
  const participation = rateOf(resolvedIn, ({ s, first }) =>
    s.satisfactions.some((r) => atT(r) && compareInstants(r.at, first.at) >= 0),
  );

  // 包案化解率: every case packaged by T, except one rejected by T (terminal: there is nothing to resolve).
  const packageResolution = rateOf(
    cases.filter((s) => s.packages.some(atT) && decisionAt(s, T)?.decision !== 'rejected'),
    (s) => resolvedAt(s, T),
  );

  const statuses = cases.map((s) => ({ s, status: backlogAt(s, T) }));
  const listed = statuses.filter(({ status }) => status.inBacklog);
  const backlog: BacklogKpi = {
    open: listed.length,
    resolution: rateOf(
      statuses.filter(({ status }) => status.firstListed !== undefined),
      ({ s }) => resolvedAt(s, T),
    ),
    byReason: countBy(
      backlogReasonLabels,
      listed.flatMap(({ status }) => status.reasons),
      (reason) => reason,
    ),
  };

  // By the level of its last resolution in the window.
  const levels = countBy(levelLabels, resolvedIn, ({ last }) => last.level);
  const resolutionLevels: ResolutionLevelsKpi = {
    ...levels,
    total: resolvedIn.length,
    keptBelowAbove: rate(resolvedIn.length - levels.above, resolvedIn.length),
  };

  const tracked = trackCalendar(calendar);
  const reception = receptionCompliance(world, T, window, tracked);
  const screeningReports = screeningCompliance(world, T, window, tracked);

  const communityOfCase = (caseId: string): string | undefined => {
    const s = world.case.get(caseStream(caseId));
    return s === undefined || s.status === 'none' ? undefined : s.registration.communityId;
  };
  const incidentsIn = [...world.incident.values()].flatMap((i) =>
    i.status === 'recorded' &&
    inWin(i.at) &&
    (communityId === undefined || (i.caseId !== undefined && communityOfCase(i.caseId) === communityId))
      ? [i]
      : [],
  );
  const incidents: IncidentsKpi = {
    ...countBy(incidentTypeLabels, incidentsIn, (i) => i.type),
    total: incidentsIn.length,
    held: incidentsIn.length === 0,
  };

  const warnings = cases
    .flatMap((s) => {
      if (resolvedAt(s, T)) return [];
      const deadline = caseDeadlineAt(s, T); // none once rejected
      return deadline === undefined
        ? []
        : [{ caseId: s.caseId, communityId: s.registration.communityId, deadline, daysLeft: daysBetween(today, deadline) }];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const deadlineWarnings: DeadlineWarningsKpi = {
    dueSoon: warnings.filter((w) => w.daysLeft >= 0 && w.daysLeft <= DEADLINE_WARNING_DAYS),
    overdue: warnings.filter((w) => w.daysLeft < 0),
  };

  const provisionalYears = tracked.provisionalYears();
  return {
    volume,
    visits,
    escalations,
    repeatPetitions,
    firstPetitionOneTimeResolution,
    timelyAcceptance,
    onTimeResolution,
    satisfaction,
    participation,
    packageResolution,
    backlog,
    resolutionLevels,
    receptionCompliance: reception,
    screeningReports,
    incidents,
    deadlineWarnings,
    provisional: provisionalYears.length > 0,
    provisionalYears,
  };
};
