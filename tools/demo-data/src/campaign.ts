import type { Category, Origin, Pattern, RiskFlag } from '@xinfang/domain';
import { MINUTE, SECOND, addWorkingDays, at, dateOf, dayNumber, dayOfInstant, iso, isWorkingDay, mondayOf, weekday, workingDaysIn, workingOnOrAfter } from './clock';
import { planCase, type CaseSpec, type PetitionerSpec, type PlannerContext, type Story } from './case-plan';
import { orgOf, type LeaderInfo, type Org } from './org';
import { GRIDS_PER_COMMUNITY, gridId, gridName } from './places';
import { Stream, chance, int, pick, poisson, rngFor, sample, weighted, type Random } from './random';
import { Plan, StepQueue, emit, post, type DemoRequest } from './request';
import { Roster, SUBDISTRICT, type Miss, type Slot } from './roster';

/*
 * The campaign: reference data, the weekly rosters and their announcements, the cases and their lives,
 * the Wednesday/Friday screening reports, an incident and an inspection — as HTTP requests in the order
 * they are typed in. Requests are made lazily: each day queues what starts that day (a case queues its
 * whole planned life), and a heap hands out the steps in recording order, so memory holds the cases in
 * flight, never the campaign.
 */

export interface CampaignOptions {
  /** Everything is a pure function of the seed. Default 2024. */
  readonly seed?: number;
  /** Multiplies the case volume, with more communities and a longer period. Default 1. */
  readonly scale?: number;
}

/** The shape of a campaign at a scale. */
export interface CampaignShape {
  readonly communities: number;
  readonly grids: number;
  /** Periods of 31 days; scale 1 is the one month 15 Sep – 15 Oct 2024. */
  readonly periods: number;
  readonly start: string;
  readonly end: string;
  /** Cases to aim for (the draw lands near it). */
  readonly targetCases: number;
}

const START = '2024-09-15';
const PERIOD_DAYS = 31;
const CASES_AT_SCALE_1 = 2000;
const LEGACY_PER_8_COMMUNITIES = 24;

/**
 * Scale `s` multiplies the cases; the communities grow by ⌈√s⌉ (eight at a time) and the period by
 * ⌈s / ⌈√s⌉⌉ months, so a community's daily load stays that of scale 1.
 */
export const campaignShape = (scale = 1): CampaignShape => {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, not ${scale}`);
  const k = Math.max(1, Math.ceil(Math.sqrt(scale)));
  const periods = Math.max(1, Math.ceil(scale / k));
  const start = dayNumber(START);
  return {
    communities: 8 * k,
    grids: 8 * k * GRIDS_PER_COMMUNITY,
    periods,
    start: START,
    end: dateOf(start + periods * PERIOD_DAYS - 1),
    targetCases: Math.round(CASES_AT_SCALE_1 * scale),
  };
};

// ——— what a case is, when it is born ———

const ORIGINS_WORKING: Readonly<Record<Exclude<Origin, 'screening'>, number>> = { visit: 0.3, phone: 0.2, online: 0.18, letter: 0.09 };
const ORIGINS_OFF: Readonly<Record<'online' | 'phone', number>> = { online: 0.55, phone: 0.45 };
const SWEEP_WEIGHT = 1.8;
const ORIGINS_SWEEP: Readonly<Record<Origin, number>> = { screening: SWEEP_WEIGHT, ...ORIGINS_WORKING };
const ORIGINS_NO_SWEEP: Readonly<Record<Origin, number>> = { screening: 0, ...ORIGINS_WORKING };
const LEGACY_CATEGORIES: Readonly<Record<Category, number>> = { landAndDemolition: 0.3, realEstate: 0.25, wageArrears: 0.2, labour: 0.1, neighbour: 0.1, other: 0.05 };
const LEGACY_ORIGINS = { visit: 0.45, letter: 0.3, phone: 0.15, online: 0.1 } as const;

const CATEGORIES: Record<Origin, Readonly<Record<Category, number>>> = {
  screening: { neighbour: 0.45, wageArrears: 0.2, realEstate: 0.1, labour: 0.08, landAndDemolition: 0.05, other: 0.12 },
  visit: { wageArrears: 0.28, neighbour: 0.22, realEstate: 0.18, landAndDemolition: 0.12, labour: 0.12, other: 0.08 },
  phone: { neighbour: 0.35, other: 0.25, wageArrears: 0.2, labour: 0.1, realEstate: 0.07, landAndDemolition: 0.03 },
  online: { other: 0.25, realEstate: 0.2, neighbour: 0.2, wageArrears: 0.15, labour: 0.12, landAndDemolition: 0.08 },
  letter: { landAndDemolition: 0.25, realEstate: 0.2, labour: 0.2, neighbour: 0.15, wageArrears: 0.1, other: 0.1 },
};

const COLLECTIVE: Readonly<Record<Category, number>> = {
  wageArrears: 0.14,
  realEstate: 0.11,
  landAndDemolition: 0.16,
  labour: 0.04,
  neighbour: 0.015,
  other: 0.03,
};

const ESCALATION_RISK: Readonly<Record<Category, number>> = {
  landAndDemolition: 0.3,
  realEstate: 0.18,
  wageArrears: 0.06,
  labour: 0.03,
  neighbour: 0.01,
  other: 0.01,
};

interface Designation {
  readonly story: Story;
  readonly from: number;
  readonly matches: (category: Category, collective: boolean, origin: Origin) => boolean;
  done: boolean;
}

/** A petitioner seen before in a community, who may come back (returning petitioners keep their person file). */
interface Returning {
  readonly n: number;
  readonly category: Category;
}

// ——— counting by kind ———

/** The kind of a request: its method and path with ids replaced, e.g. `POST /cases/{id}/assignment`. */
export const requestKind = (request: Pick<DemoRequest, 'method' | 'path'>): string => {
  const path = request.path.replace(/^\/api\/v1/, '');
  const parts = path.split('/');
  const templated = parts.map((part, i) => {
    if (i === 2 && (parts[1] === 'cases' || parts[1] === 'inspections' || parts[1] === 'persons')) return '{id}';
    if (i === 2 && parts[1] === 'duties' && part !== 'announcements') return '{id}';
    return part;
  });
  return `${request.method} ${templated.join('/')}`;
};

export interface CampaignSummary {
  readonly seed: number;
  readonly scale: number;
  readonly shape: CampaignShape;
  readonly requests: number;
  readonly first: string | null;
  readonly last: string | null;
  /** Requests by kind (`POST /cases`, `POST /cases/{id}/resolution`, …). */
  readonly byKind: Readonly<Record<string, number>>;
}

/**
 * About how many requests a campaign at `scale` makes, without generating it: a progress bar's total.
 * Fitted to the counts of seed 2024 (12,033 at scale 1, 56,469 at 4, 382,650 at 25); within a few per cent
 * there, and only ever an estimate (count with `campaignSummary`).
 */
export const estimatedRequests = (scale = 1): number => Math.max(1, Math.round(12_033 * scale ** 1.08));

/** Counts the requests of a campaign by kind (iterates it once; nothing is kept). */
export const campaignSummary = (seed = 2024, scale = 1): CampaignSummary => {
  const byKind: Record<string, number> = {};
  let requests = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const request of generateCampaign({ seed, scale })) {
    requests += 1;
    first ??= request.recordedAt;
    last = request.recordedAt;
    const kind = requestKind(request);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { seed, scale, shape: campaignShape(scale), requests, first, last, byKind };
};

// ——— the generator ———

/** The campaign as requests, lazily, in the order they are typed in (`recordedAt` never goes back). */
export function* generateCampaign(options: CampaignOptions = {}): Generator<DemoRequest, void, undefined> {
  const seed = (options.seed ?? 2024) >>> 0;
  const shape = campaignShape(options.scale ?? 1);
  const startDay = dayNumber(shape.start);
  const endDay = dayNumber(shape.end);
  const end = at(endDay + 1, 0) - 1;
  const org = orgOf(seed, shape.communities);
  const roster = new Roster(org, startDay, endDay);
  const queue = new StepQueue();
  const nC = org.communities.length;

  let visits = 0;
  let incidents = 0;
  const ctx: PlannerContext = {
    seed,
    org,
    roster,
    start: startDay,
    end,
    nextVisitId: () => `v-${String(++visits).padStart(6, '0')}`,
    nextIncidentId: () => `i-${String(++incidents).padStart(4, '0')}`,
  };

  // ——— the rosters: which unit publishes which week, when ———
  const mondays: number[] = [];
  for (let monday = mondayOf(startDay); monday <= endDay; monday += 7) if (roster.days(monday).length > 0) mondays.push(monday);
  const periodOf = (day: number): number => Math.floor((day - startDay) / PERIOD_DAYS);
  const lateRoster = new Map<number, number>(); // period → community index announced late (on the Monday)
  for (let p = 0; p < shape.periods; p += 1) lateRoster.set(p, (p * 5 + 2) % nC);
  type Publication = { unit: typeof SUBDISTRICT | number; monday: number; t: number };
  const publications = new Map<number, Publication[]>();
  const publish = (day: number, publication: Publication): void => {
    const list = publications.get(day) ?? [];
    list.push(publication);
    publications.set(day, list);
  };
  for (const monday of mondays) {
    const friday = roster.announceDay(monday);
    publish(friday, { unit: SUBDISTRICT, monday, t: at(friday, 16 * 60) });
    const p = periodOf(Math.max(monday, startDay));
    const lateWeek = mondays.find((m) => m >= startDay + p * PERIOD_DAYS + 7);
    for (let c = 0; c < nC; c += 1) {
      if (lateWeek === monday && lateRoster.get(p) === c) {
        const day = workingOnOrAfter(monday);
        publish(day, { unit: c, monday, t: at(day, 8 * 60 + 40) });
      } else if (c % 3 === 1 && isWorkingDay(monday - 3)) {
        publish(monday - 2, { unit: c, monday, t: at(monday - 2, 9 * 60 + 30 + c) }); // Saturday, on the WeChat group
      } else {
        publish(friday, { unit: c, monday, t: at(friday, 16 * 60 + 30 + (c % 60)) });
      }
    }
  }
  const setupDay = Math.min(startDay, ...publications.keys()) - 1;

  // ——— duties missed (two a period), known in advance so that visits go to the substitute ———
  const missesByDay = new Map<number, Miss[]>();
  for (let p = 0; p < shape.periods; p += 1) {
    const ps = startDay + p * PERIOD_DAYS;
    const deputySlot = firstSlot(roster, SUBDISTRICT, ps + 9, endDay, (s) => s.leader.kind === 'deputy');
    if (deputySlot !== undefined) {
      const i = org.deputies.indexOf(deputySlot.leader);
      const substitute = org.deputies[(i + 3) % org.deputies.length] as LeaderInfo;
      addMiss(missesByDay, roster, { slot: deputySlot, substitute, reason: '临时参加市委信访工作专题会议' });
    }
    const c = (p * 3 + 1) % nC;
    const communitySlot = firstSlot(roster, c, ps + 19, endDay, (s) => s.leader.kind === 'communityDeputy');
    if (communitySlot !== undefined) {
      const substitute = (org.communityLeaders[c] as readonly LeaderInfo[])[0] as LeaderInfo;
      addMiss(missesByDay, roster, { slot: communitySlot, substitute, reason: '身体不适请假，由社区书记补位接访' });
    }
  }

  // ——— screening reports: every working Wednesday and Friday; a few missing ———
  const reportDays = workingDaysIn(startDay, endDay).filter((d) => weekday(d) === 3 || weekday(d) === 5);
  const missing = new Set<string>();
  const firstMissing = new Map<number, { day: number; community: number }>();
  for (let p = 0; p < shape.periods; p += 1) {
    const days = reportDays.filter((d) => periodOf(d) === p);
    const forced = days[2];
    for (const day of days)
      for (let c = 0; c < nC; c += 1) {
        const isMissing = (day === forced && c === (p * 3 + 5) % nC) || chance(rngFor(seed, Stream.report, day, c), 0.04);
        if (!isMissing) continue;
        missing.add(`${day}:${c}`);
        const known = firstMissing.get(p);
        if (known === undefined || day < known.day) firstMissing.set(p, { day, community: c });
      }
  }
  const inspectionDays = new Map<number, { p: number; community: number; missedOn: number }>();
  for (const [p, miss] of firstMissing) inspectionDays.set(addWorkingDays(miss.day + 1, 1), { p, community: miss.community, missedOn: miss.day });
  const screened: string[][] = Array.from({ length: nC }, () => []);

  // ——— how many cases a day brings ———
  const legacyCount = Math.round(((LEGACY_PER_8_COMMUNITIES * nC) / 8) * Math.min(1, options.scale ?? 1));
  const dayFactor = (day: number): number => (isWorkingDay(day) ? 1 : weekday(day) >= 6 ? 0.3 : 0.2);
  let totalWeight = 0;
  for (let day = startDay; day <= endDay; day += 1) totalWeight += dayFactor(day);
  const communityWeight = org.communities.reduce((sum, c) => sum + c.weight, 0);
  const perUnit = Math.max(0, shape.targetCases - legacyCount) / (totalWeight * communityWeight);
  const sweepDays = org.communities.map((_, c) => {
    const r = rngFor(seed, Stream.community, c);
    return new Set(sample(r, [1, 2, 3, 4, 5], chance(r, 0.5) ? 2 : 3));
  });
  const returning: Returning[][] = Array.from({ length: nC }, () => []);

  // Scripted lives: per period a case to Beijing, two to the province, an incident, two explicit reopens,
  // and (after the first period, whose review story is a legacy case) a review taken to finality.
  const designations: Designation[] = [];
  for (let p = 0; p < shape.periods; p += 1) {
    const ps = startDay + p * PERIOD_DAYS;
    const hardMatter = (c: Category, _k: boolean, o: Origin) => c === 'landAndDemolition' && o !== 'screening';
    const collectiveMatter = (c: Category, k: boolean) => k && (c === 'wageArrears' || c === 'landAndDemolition' || c === 'realEstate');
    designations.push(
      { story: 'province', from: ps + 2, matches: collectiveMatter, done: false },
      { story: 'reopen', from: ps + 3, matches: (c, k) => !k && (c === 'neighbour' || c === 'other'), done: false },
      { story: 'beijing', from: ps + 4, matches: hardMatter, done: false },
      { story: 'incident', from: ps + 8, matches: (c, k) => k && c === 'wageArrears', done: false },
      { story: 'reopen', from: ps + 9, matches: (c, k) => !k && (c === 'neighbour' || c === 'other'), done: false },
      { story: 'province', from: ps + 12, matches: collectiveMatter, done: false },
    );
    if (p > 0)
      designations.push({ story: 'review', from: ps - 28, matches: (c, k) => !k && (c === 'landAndDemolition' || c === 'labour'), done: false });
  }
  designations.sort((a, b) => a.from - b.from);

  let cases = 0;
  let persons = 0;
  const nextCaseId = (): { index: number; caseId: string } => {
    const index = cases++;
    return { index, caseId: `c-${String(index + 1).padStart(6, '0')}` };
  };

  /** The petitioners of a new case: a returning one (same person file) or new people. */
  const petitionersFor = (
    r: Random,
    community: number,
    category: Category,
    count: number,
    origin: Origin,
  ): { list: PetitionerSpec[]; returningSame: boolean } => {
    const ring = returning[community] as Returning[];
    const withId = (): boolean => !((origin === 'phone' || origin === 'online') && chance(r, 0.15));
    if (ring.length > 0 && chance(r, 0.07)) {
      const back = pick(r, ring);
      const list: PetitionerSpec[] = [{ n: back.n, home: community, withId: true }];
      for (let i = 1; i < count; i += 1) list.push({ n: persons++, home: community, withId: withId() });
      return { list, returningSame: back.category === category && chance(r, 0.6) };
    }
    const list: PetitionerSpec[] = [];
    for (let i = 0; i < count; i += 1) list.push({ n: persons++, home: community, withId: withId() });
    const first = list[0] as PetitionerSpec;
    if (first.withId) {
      ring.push({ n: first.n, category });
      if (ring.length > 64) ring.shift();
    }
    return { list, returningSame: false };
  };

  /** Builds a new case of `community` registered at `registeredAt`, and queues its planned life. */
  const newCase = (r: Random, community: number, origin: Origin, registeredAt: number, forced?: { story: Story; category: Category; collective: boolean; typedAt: number }): void => {
    const day = dayOfInstant(registeredAt);
    const category = forced?.category ?? weighted(r, CATEGORIES[origin]);
    const collective = forced?.collective ?? chance(r, COLLECTIVE[category] * (origin === 'phone' ? 0.3 : 1));
    const peopleCount = collective ? 5 + Math.min(45, Math.floor(-Math.log(Math.max(r(), 1e-9)) * 9)) : chance(r, 0.12) ? 2 : 1;
    const { list, returningSame } = petitionersFor(r, community, category, collective ? Math.min(peopleCount, int(r, 1, 3)) : peopleCount, origin);
    let story: Story = forced?.story ?? 'normal';
    if (story === 'normal')
      for (const d of designations) {
        if (d.from > day) break;
        if (!d.done && d.matches(category, collective, origin)) {
          d.done = true;
          story = d.story;
          break;
        }
      }
    const riskFlags = new Set<RiskFlag>();
    if (collective) riskFlags.add('collective');
    if (story === 'beijing' || story === 'province' || chance(r, ESCALATION_RISK[category] * (collective ? 1.8 : 1) + (returningSame ? 0.25 : 0)))
      riskFlags.add('escalation');
    if ((category === 'neighbour' || category === 'wageArrears') && !collective && chance(r, 0.012)) riskFlags.add('extremeAct');
    if (story === 'incident' || chance(r, collective ? 0.05 : 0.005)) riskFlags.add('opinionHype');
    const patterns = new Set<Pattern>();
    if (returningSame) patterns.add('repeat');
    if (collective && chance(r, 0.2)) patterns.add('jointPetition');
    if ((returningSame && chance(r, 0.2)) || (collective && chance(r, 0.04))) patterns.add('crossPetition');
    const hard = collective || riskFlags.has('escalation') || riskFlags.has('extremeAct') || story !== 'normal';
    const id = nextCaseId();
    const spec: CaseSpec = {
      ...id,
      origin,
      category,
      community,
      grid: origin === 'screening' || chance(r, 0.8) ? int(r, 0, GRIDS_PER_COMMUNITY - 1) : undefined,
      registeredAt,
      collective,
      peopleCount,
      petitioners: list,
      riskFlags: [...riskFlags],
      patterns: [...patterns],
      firstPetition: !returningSame,
      story,
      ...(origin === 'visit' && forced === undefined ? { reception: roster.receiving(hard || chance(r, 0.3) ? SUBDISTRICT : community, day) } : {}),
      ...(forced === undefined ? {} : { typedAt: forced.typedAt }),
    };
    if (origin === 'screening') (screened[community] as string[]).push(spec.caseId);
    queue.push(planCase(ctx, spec).settle());
  };

  /** The cases a community brings on `day`. */
  const casesOn = (day: number, c: number): void => {
    const r = rngFor(seed, Stream.cell, day, c);
    const community = org.communities[c];
    if (community === undefined) return;
    const count = poisson(r, perUnit * community.weight * dayFactor(day));
    const working = isWorkingDay(day);
    const sweep = working && (sweepDays[c] as Set<number>).has(weekday(day));
    const times: { origin: Origin; t: number }[] = [];
    for (let i = 0; i < count; i += 1) {
      const origin: Origin = working
        ? weighted(r, sweep ? ORIGINS_SWEEP : ORIGINS_NO_SWEEP)
        : weighted(r, ORIGINS_OFF);
      times.push({ origin, t: registrationTime(r, day, origin) });
    }
    times.sort((a, b) => a.t - b.t);
    for (const { origin, t } of times) newCase(r, c, origin, t);
  };

  /** Legacy cases (积案 from before the campaign), typed in on the first working days of the campaign. */
  const typingDays = [addWorkingDays(startDay, 0), addWorkingDays(startDay, 1)];
  const legacySpacing = Math.max(SECOND * 30, Math.min(12 * MINUTE, Math.floor((7 * 60 * MINUTE) / Math.max(1, Math.ceil(legacyCount / 2)))));
  const legacyOn = (day: number): void => {
    const which = typingDays.indexOf(day);
    if (which < 0) return;
    for (let i = which; i < legacyCount; i += 2) {
      const r = rngFor(seed, Stream.legacy, i);
      const c = i % nC;
      const review = i === 0;
      const category: Category = review ? 'landAndDemolition' : weighted(r, LEGACY_CATEGORIES);
      const origin: Origin = review ? 'letter' : weighted<Origin>(r, LEGACY_ORIGINS);
      const regDay = review ? addWorkingDays(startDay - 104, int(r, 0, 4)) : addWorkingDays(startDay - int(r, 67, 104), 0);
      const registeredAt = at(regDay, int(r, 9 * 60, 16 * 60 + 30));
      const typedAt = at(day, 9 * 60) + Math.floor(i / 2) * legacySpacing;
      newCase(r, c, origin, registeredAt, {
        story: review ? 'legacyReview' : 'legacy',
        category,
        collective: !review && chance(r, 0.35),
        typedAt,
      });
    }
  };

  // ——— the day loop ———
  for (let day = setupDay; day <= endDay; day += 1) {
    const dayStart = at(day, 0);
    for (let step = queue.popBefore(dayStart); step !== undefined; step = queue.popBefore(dayStart)) yield emit(step);

    if (day === setupDay) queue.push(referenceData(org, at(day, 9 * 60), end));

    for (const publication of publications.get(day) ?? []) queue.push(rosterPlan(org, roster, publication, end));

    for (const miss of missesByDay.get(day) ?? []) {
      const plan = new Plan(end);
      plan.add(
        at(day, 8 * 60 + 10),
        (t) => post(`/duties/${miss.slot.dutyId}/missed`, { at: iso(t), reason: miss.reason, substituteLeaderId: miss.substitute.leaderId }),
        (t) => t + 5 * MINUTE,
      );
      queue.push(plan);
    }

    if (day >= startDay) {
      legacyOn(day);
      for (let c = 0; c < nC; c += 1) casesOn(day, c);
    }

    if (reportDays.includes(day))
      for (let c = 0; c < nC; c += 1) {
        if (missing.has(`${day}:${c}`)) continue;
        const community = org.communities[c];
        if (community === undefined) continue;
        const caseIds = screened[c] as string[];
        screened[c] = [];
        const plan = new Plan(end);
        plan.add(
          at(day, 17 * 60 + 35) + (c % 240) * 5 * SECOND,
          () =>
            post('/screening-reports', {
              communityId: community.communityId,
              reportDate: dateOf(day),
              caseIds,
              ...(caseIds.length === 0 ? { nil: true } : {}),
            }),
          (t) => t,
        );
        queue.push(plan);
      }

    const inspection = inspectionDays.get(day);
    if (inspection !== undefined) queue.push(inspectionPlan(org, inspection, day, end));
  }
  for (let step = queue.pop(); step !== undefined; step = queue.pop()) yield emit(step);
}

// ——— pieces ———

/** When a petition of `origin` arrives on `day`. */
const registrationTime = (r: Random, day: number, origin: Origin): number => {
  switch (origin) {
    case 'screening':
      return at(day, int(r, 8 * 60 + 30, 16 * 60 + 30));
    case 'visit':
      return at(day, r() < 0.6 ? int(r, 8 * 60 + 30, 11 * 60 + 30) : int(r, 14 * 60 + 30, 17 * 60));
    case 'letter':
      return at(day, int(r, 9 * 60, 16 * 60 + 30));
    case 'phone':
      return at(day, int(r, 8 * 60, 21 * 60));
    case 'online':
      return at(day, int(r, 7 * 60, 23 * 60 + 30));
  }
};

const firstSlot = (
  roster: Roster,
  unit: typeof SUBDISTRICT | number,
  from: number,
  to: number,
  ok: (slot: Slot) => boolean,
): Slot | undefined => {
  for (let day = from; day <= to; day += 1) {
    const slot = roster.on(unit, day).find(ok);
    if (slot !== undefined) return slot;
  }
  return undefined;
};

const addMiss = (byDay: Map<number, Miss[]>, roster: Roster, miss: Miss): void => {
  roster.markMissed(miss);
  const list = byDay.get(miss.slot.day) ?? [];
  list.push(miss);
  byDay.set(miss.slot.day, list);
};

/** Communities with their grids, then every leader. */
const referenceData = (org: Org, from: number, end: number): Plan => {
  const plan = new Plan(end, 5 * SECOND);
  const now = (t: number): number => t;
  org.communities.forEach((community) =>
    plan.add(
      from,
      () =>
        post('/communities', {
          communityId: community.communityId,
          name: community.name,
          grids: Array.from({ length: GRIDS_PER_COMMUNITY }, (_, g) => ({ gridId: gridId(community, g), name: gridName(community, g) })),
        }),
      now,
    ),
  );
  for (const leader of [...org.subdistrict, ...org.communityLeaders.flat()])
    plan.add(
      from,
      () =>
        post('/leaders', {
          leaderId: leader.leaderId,
          name: leader.name,
          position: leader.position,
          portfolio: leader.portfolio,
          unit: leader.unit,
          ...(leader.kind === 'principal' ? { principal: true } : {}),
          ...(leader.kind === 'communitySecretary' ? { firstGridLeader: true } : {}),
        }),
      now,
    );
  return plan;
};

/** A unit's slots of one week, then their announcement. */
const rosterPlan = (org: Org, roster: Roster, publication: { unit: typeof SUBDISTRICT | number; monday: number; t: number }, end: number): Plan => {
  const plan = new Plan(end, 20 * SECOND);
  const slots = roster.week(publication.unit, publication.monday);
  const unitId = publication.unit === SUBDISTRICT ? SUBDISTRICT : (org.communities[publication.unit]?.communityId ?? '');
  for (const slot of slots)
    plan.add(
      publication.t,
      () => post('/duties', { dutyId: slot.dutyId, date: dateOf(slot.day), leaderId: slot.leader.leaderId, location: slot.location, unit: slot.unit }),
      (t) => t,
    );
  plan.add(
    publication.t,
    (t) =>
      post('/duties/announcements', {
        unit: unitId,
        weekOf: dateOf(publication.monday),
        publishedAt: iso(t),
        channel: publication.unit === SUBDISTRICT ? '《青阳在线》微信公众号' : '社区公告栏及居民微信群',
      }),
    (t) => t,
  );
  return plan;
};

/** The 纪工委's finding on a community that missed a screening report, and its rectification. */
const inspectionPlan = (org: Org, inspection: { p: number; community: number; missedOn: number }, day: number, end: number): Plan => {
  const community = org.communities[inspection.community];
  const plan = new Plan(end);
  if (community === undefined) return plan;
  const inspectionId = `insp-${String(inspection.p + 1).padStart(4, '0')}`;
  const missed = dateOf(inspection.missedOn);
  const t = plan.add(
    at(day, 10 * 60),
    (x) =>
      post('/inspections', {
        inspectionId,
        unit: community.communityId,
        finding: `纪工委联合督查组检查发现：${community.name}${Number(missed.slice(5, 7))}月${Number(missed.slice(8, 10))}日未按要求报送矛盾纠纷排查清单，部分《领导干部接待群众来访登记表》填写不完整。`,
        at: iso(x),
        dueDate: dateOf(day + 10),
      }),
    (x) => x + 40 * MINUTE,
  );
  if (t === undefined) return plan;
  plan.add(
    at(addWorkingDays(day + 1, 4), 16 * 60),
    (x) =>
      post(`/inspections/${inspectionId}/rectification`, {
        at: iso(x),
        note: `已补报排查清单并说明情况；${org.communityLeaders[inspection.community]?.[0]?.name ?? '社区书记'}召集社区干部学习登记规范，明确专人负责每周三、五报送，登记表已逐一补全。`,
      }),
    (x) => x + 20 * MINUTE,
  );
  return plan;
};
