import type {
  Category,
  Channel,
  FiveOnesItem,
  Origin,
  Pattern,
  ResolutionLevel,
  ResolutionMethod,
  ResolutionOutcome,
  RiskFlag,
} from '@xinfang/domain';
import {
  DAY,
  MINUTE,
  addWorkingDays,
  at,
  dateOf,
  dayOfInstant,
  iso,
  isWorkingDay,
  minuteOfDay,
  workingOnOrAfter,
  workingOnOrBefore,
} from './clock';
import type { LeaderInfo, Org } from './org';
import { chineseName, personOf } from './people';
import { RECEPTION_ROOM, SUBDISTRICT_NAME, gridId, gridName, type CommunityPlace } from './places';
import { Stream, chance, int, pick, rngFor, weighted, type Random } from './random';
import { Plan, post, type RequestBody } from './request';
import { SUBDISTRICT, type Roster } from './roster';
import { matterOf, rejectionReason, resolutionSummary, type Matter } from './texts';

/*
 * The life of one case, planned when it is registered: every request it will need, each with its business
 * time and the time it is typed in. The plan follows the rules the case decider enforces (acceptance
 * before assignment, the deadline within acceptance + 60 days, one extension of at most 30 days and never
 * past acceptance + 90, resolution only after assignment, satisfaction once per resolution, review and
 * re-review within 30 days of the reply, …), and business times never go backwards.
 */

/** A scripted life some cases get, beside the ordinary one. */
export type Story = 'normal' | 'beijing' | 'province' | 'incident' | 'reopen' | 'review' | 'legacy' | 'legacyReview';

export interface PetitionerSpec {
  /** Person number (see people.ts). */
  readonly n: number;
  /** Community index of their home. */
  readonly home: number;
  /** Whether their id number was taken down (a phone call or an online form may lack it). */
  readonly withId: boolean;
}

export interface CaseSpec {
  readonly index: number;
  readonly caseId: string;
  readonly origin: Origin;
  readonly category: Category;
  readonly community: number;
  readonly grid: number | undefined;
  readonly registeredAt: number;
  readonly collective: boolean;
  readonly peopleCount: number;
  readonly petitioners: readonly PetitionerSpec[];
  readonly riskFlags: readonly RiskFlag[];
  readonly patterns: readonly Pattern[];
  readonly firstPetition: boolean;
  readonly story: Story;
  /** Where a visit-origin case was received. */
  readonly reception?: { readonly leader: LeaderInfo; readonly location: string };
  /** A case from before the campaign, typed in (history and all) at this instant. */
  readonly typedAt?: number;
}

export interface PlannerContext {
  readonly seed: number;
  readonly org: Org;
  readonly roster: Roster;
  /** The first day of the campaign. */
  readonly start: number;
  /** The last instant of the campaign. */
  readonly end: number;
  /** The next visit id. */
  readonly nextVisitId: () => string;
  /** The next incident id. */
  readonly nextIncidentId: () => string;
}

// ——— time ———

const WORK_SLOTS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 11 * 60 + 45],
  [14 * 60 + 30, 17 * 60 + 15],
];

/** A moment in office hours of `day`. */
const workTime = (r: Random, day: number): number => {
  const [from, to] = r() < 0.55 ? (WORK_SLOTS[0] as readonly [number, number]) : (WORK_SLOTS[1] as readonly [number, number]);
  return at(day, int(r, from, to));
};

const CLOSING = 17 * 60 + 30;

/**
 * A moment in office hours of `day` after `after`: a little later the same day when the draw is not after
 * it and the office is still open, else the next working day.
 */
const workTimeAfter = (r: Random, day: number, after: number): number => {
  const t = workTime(r, day);
  if (t > after) return t;
  const later = after + int(r, 10, 60) * MINUTE;
  const afterDay = dayOfInstant(after);
  if (dayOfInstant(later) === afterDay && minuteOfDay(later) <= CLOSING && isWorkingDay(afterDay)) return later;
  return workTime(r, addWorkingDays(afterDay + 1, 0));
};

/** Minutes later, the same day (a case settled on the spot). */
const rightAfter = (r: Random, after: number): number => after + int(r, 5, 25) * MINUTE;

/** Office hours `n` working days after the day of `after` (`n` ≥ 1), or later the same day for n = 0. */
const workDaysAfter = (r: Random, after: number, n: number): number =>
  n <= 0 ? workTimeAfter(r, dayOfInstant(after), after) : workTime(r, addWorkingDays(dayOfInstant(after) + 1, n - 1));

/** Most forms are typed in within the hour or two; some a day or three late, a few a week late. */
const typedSoon =
  (r: Random) =>
  (t: number): number => {
    const x = r();
    if (x < 0.94) return t + int(r, 5, 90) * MINUTE;
    const day = addWorkingDays(dayOfInstant(t) + 1, x < 0.99 ? int(r, 0, 2) : int(r, 3, 6));
    return at(day, int(r, 8 * 60 + 30, 17 * 60 + 30));
  };

/** Typed in at once (a visit at the desk, a community's own screening). */
const typedAtOnce =
  (r: Random) =>
  (t: number): number =>
    t + int(r, 3, 45) * MINUTE;

/** A petition that came in outside office hours is registered the next working morning. */
const typedNextMorning =
  (r: Random) =>
  (t: number): number => {
    const day = dayOfInstant(t);
    const minute = minuteOfDay(t);
    if (isWorkingDay(day) && minute >= 8 * 60 && minute < 17 * 60 + 30) return t + int(r, 5, 60) * MINUTE;
    const next = minute < 8 * 60 && isWorkingDay(day) ? day : addWorkingDays(day + 1, 0);
    return at(next, int(r, 8 * 60 + 30, 10 * 60 + 30));
  };

// ——— who handles it ———

const LEVELS: Record<Category, Readonly<Record<ResolutionLevel, number>>> = {
  neighbour: { grid: 0.55, community: 0.38, subdistrict: 0.06, above: 0.01 },
  wageArrears: { grid: 0.02, community: 0.33, subdistrict: 0.5, above: 0.15 },
  realEstate: { grid: 0.02, community: 0.28, subdistrict: 0.5, above: 0.2 },
  landAndDemolition: { grid: 0, community: 0.05, subdistrict: 0.7, above: 0.25 },
  labour: { grid: 0.02, community: 0.33, subdistrict: 0.45, above: 0.2 },
  other: { grid: 0.25, community: 0.45, subdistrict: 0.25, above: 0.05 },
};

const METHODS: Record<ResolutionLevel, Readonly<Record<ResolutionMethod, number>>> = {
  grid: { onSite: 0.18, mediation: 0.62, adminReview: 0.02, specialReview: 0, publicHearing: 0, panel: 0.06, socialForces: 0.12 },
  community: { onSite: 0.12, mediation: 0.55, adminReview: 0.08, specialReview: 0.02, publicHearing: 0.02, panel: 0.08, socialForces: 0.13 },
  subdistrict: { onSite: 0.03, mediation: 0.34, adminReview: 0.3, specialReview: 0.15, publicHearing: 0.05, panel: 0.08, socialForces: 0.05 },
  above: { onSite: 0, mediation: 0.05, adminReview: 0.6, specialReview: 0.2, publicHearing: 0.08, panel: 0.07, socialForces: 0 },
};

const OUTCOMES = { solved: 0.7, educated: 0.14, assisted: 0.06, lawEnforced: 0.06 } as const;
const OUTCOMES_LABOUR = { ...OUTCOMES, lawEnforced: 0.2 } as const;
const outcomeFor = (r: Random, category: Category): ResolutionOutcome =>
  weighted<ResolutionOutcome>(r, category === 'wageArrears' || category === 'labour' ? OUTCOMES_LABOUR : OUTCOMES);

const ACCEPTANCE_DELAY = { '0': 0.5, '1': 0.3, '2': 0.15, '3': 0.05 } as const;
const LEVELS_HARD_STORY = { subdistrict: 0.7, above: 0.3 } as const;
const LEVELS_COLLECTIVE = { community: 0.1, subdistrict: 0.65, above: 0.25 } as const;
const LEVELS_ON_SITE = { community: 0.6, subdistrict: 0.4 } as const;
const MODES_HARD = { early: 0.55, late: 0.25, stuck: 0.2 } as const;
const MODES = { early: 0.82, late: 0.1, stuck: 0.08 } as const;
const LEGACY_METHODS = { specialReview: 0.3, publicHearing: 0.2, panel: 0.2, adminReview: 0.3 } as const;

/** How many days a case of this kind is given (一案一策 化解时限), from its assignment. */
const spanFor = (r: Random, category: Category, collective: boolean): number => {
  const [min, max] = {
    neighbour: [5, 15],
    wageArrears: [7, 25],
    realEstate: [15, 45],
    landAndDemolition: [30, 60],
    labour: [10, 30],
    other: [5, 20],
  }[category] as [number, number];
  return int(r, min, max) + (collective ? 10 : 0);
};

const LOCAL_STAFF = ['网格员', '网格员', '社区调解员', '社区干部'];
const OFFICE_STAFF = ['信访专干', '工作人员', '工作人员', '法律顾问'];

const FIVE_ONES: readonly FiveOnesItem[] = ['leader', 'taskForce', 'plan', 'minutes', 'stabilization'];

const REPEAT_CHANNELS: readonly Channel[] = ['phone', 'online', 'letter'];

// ——— the planner ———

export const planCase = (ctx: PlannerContext, spec: CaseSpec): Plan => {
  const { seed, org, roster } = ctx;
  const r = rngFor(seed, Stream.case, spec.index, 2);
  const plan = new Plan(ctx.end);
  const community = org.communities[spec.community] as CommunityPlace;
  const communityLeaders = org.communityLeaders[spec.community] as readonly LeaderInfo[];
  const secretary = communityLeaders[0] as LeaderInfo;
  const principal = (i: number): LeaderInfo => org.principals[i % org.principals.length] as LeaderInfo;
  const { caseId, category } = spec;
  const matterContext = { community, collective: spec.collective, peopleCount: spec.peopleCount };
  /** Drawn from the case's own stream when a step first needs its words, and kept while the case is in flight. */
  let drawn: Matter | undefined;
  const matter = (): Matter => (drawn ??= matterOf(rngFor(seed, Stream.case, spec.index, 1), category, matterContext));
  const words = (salt: number): Random => rngFor(seed, Stream.case, spec.index, 3, salt);
  const onCase = (path: string, body: unknown): RequestBody => post(`/cases/${caseId}/${path}`, body);
  const soon = typedSoon(r);
  const hard =
    spec.collective ||
    spec.riskFlags.includes('escalation') ||
    spec.riskFlags.includes('extremeAct') ||
    spec.story !== 'normal';
  const petitioners = () =>
    spec.petitioners.map((p) => {
      const person = personOf(seed, p.n, org.communities[p.home] as CommunityPlace);
      return p.withId ? person : { name: person.name, phone: person.phone };
    });

  // Legacy cases are typed in all at once, step after step, at `typedAt`.
  let typing = spec.typedAt ?? 0;
  const typedInBatch = (): number => (typing += int(r, 1, 3) * MINUTE);
  const history = spec.typedAt !== undefined;
  const record = (t: number): number => (history && t < (spec.typedAt ?? 0) ? typedInBatch() : soon(t));

  // ——— registration ———
  const registrationTyping = history
    ? typedInBatch
    : spec.origin === 'screening' || spec.origin === 'visit'
      ? typedAtOnce(r)
      : spec.origin === 'letter'
        ? soon
        : typedNextMorning(r);
  const t0 = plan.add(
    spec.registeredAt,
    (t) => {
      const m = matter();
      return post('/cases', {
        caseId,
        origin: spec.origin,
        communityId: community.communityId,
        ...(spec.grid === undefined ? {} : { gridId: gridId(community, spec.grid) }),
        category,
        summary: m.summary,
        demands: m.demands,
        registeredAt: iso(t),
        petitioners: petitioners(),
        peopleCount: spec.peopleCount,
        ...(spec.riskFlags.length > 0 ? { riskFlags: [...spec.riskFlags] } : {}),
        ...(spec.patterns.length > 0 ? { patterns: [...spec.patterns] } : {}),
        ...(spec.firstPetition ? {} : { firstPetition: false }),
      });
    },
    registrationTyping,
  );
  if (t0 === undefined) return plan;

  /** A visit on this case (the first, or a repeat one) at `t`, received by `reception`. */
  const visitOn = (
    t: number,
    reception: { leader: LeaderInfo; location: string },
    handlingOpinion: string,
    visitId: string,
  ): RequestBody => {
    const m = matter();
    return post('/visits', {
      visitId,
      caseId,
      leaderId: reception.leader.leaderId,
      receivedAt: iso(t),
      location: reception.location,
      visitorCount: spec.collective ? spec.peopleCount : spec.petitioners.length,
      matter: m.summary,
      petitioners: petitioners(),
      communityId: community.communityId,
      category,
      demands: m.demands,
      handlingOpinion,
    });
  };

  /** Who receives a visit about this case on `day` (the duty roster; before the campaign, the deputy in charge). */
  const receptionOn = (day: number): { leader: LeaderInfo; location: string } =>
    roster.receiving(hard ? SUBDISTRICT : spec.community, day) ?? { leader: org.deputyFor(category), location: RECEPTION_ROOM };

  const onSite = spec.origin === 'visit' && spec.story === 'normal' && !hard && chance(r, 0.22);
  if (spec.origin === 'visit') {
    const reception = spec.reception ?? receptionOn(dayOfInstant(t0));
    const visitId = ctx.nextVisitId();
    const opinion = onSite
      ? `当场接待并组织双方沟通，${matter().office}现场答复。`
      : `已登记，交${hard ? matter().office : `${community.name}居委会`}核实办理，按期答复信访人。`;
    if (plan.add(t0 + MINUTE, (t) => visitOn(t, reception, opinion, visitId), history ? typedInBatch : typedAtOnce(r)) === undefined)
      return plan;
  }

  // ——— acceptance ———
  const regDay = dayOfInstant(t0);
  let acceptDay: number;
  if (onSite) acceptDay = regDay;
  else if ((spec.origin === 'visit' || spec.origin === 'screening') && isWorkingDay(regDay) && chance(r, 0.5)) acceptDay = regDay;
  else acceptDay = addWorkingDays(regDay + 1, Number(weighted(r, ACCEPTANCE_DELAY)));
  if (spec.story === 'normal' && chance(r, 0.008)) acceptDay = addWorkingDays(regDay + 16, int(r, 0, 2)); // 受理超期
  const rejected =
    spec.story === 'normal' && !onSite && chance(r, category === 'other' ? 0.07 : category === 'labour' ? 0.04 : 0.015);
  const rejection = rejected ? rejectionReason(words(1), category) : undefined;
  const tAccept = plan.add(
    onSite ? rightAfter(r, t0) : workTimeAfter(r, acceptDay, t0),
    (t) =>
      onCase('acceptance', {
        decision: rejected ? 'rejected' : 'accepted',
        at: iso(t),
        ...(rejection === undefined ? {} : { reason: rejection }),
      }),
    record,
  );
  if (tAccept === undefined) return plan;
  if (rejected) {
    plan.add(
      workDaysAfter(r, tAccept, int(r, 0, 1)),
      (t) => onCase('notice', { at: iso(t), content: `已向信访人送达不予受理告知书：${rejection ?? ''}` }),
      record,
    );
    return plan;
  }
  const acceptedOn = dayOfInstant(tAccept);

  // ——— assignment (一案一策) ———
  const level: ResolutionLevel =
    spec.story === 'legacy' || spec.story === 'legacyReview' || spec.story === 'beijing' || spec.story === 'province'
      ? weighted<ResolutionLevel>(r, LEVELS_HARD_STORY)
      : spec.collective
        ? weighted<ResolutionLevel>(r, LEVELS_COLLECTIVE)
        : onSite
          ? weighted<ResolutionLevel>(r, LEVELS_ON_SITE)
          : weighted(r, LEVELS[category]);
  const local = level === 'grid' || level === 'community';
  const responsibleLeader = local
    ? (communityLeaders[spec.collective ? 0 : 1 + (spec.index % Math.max(1, communityLeaders.length - 1))] ?? secretary)
    : spec.collective && spec.peopleCount >= 20
      ? principal(spec.index)
      : org.deputyFor(category);
  const staffRandom = words(2);
  const staff = `${chineseName(staffRandom, chance(staffRandom, 0.5))}（${pick(staffRandom, local ? LOCAL_STAFF : OFFICE_STAFF)}）`;
  const unitFor = (m: Matter): string =>
    level === 'grid'
      ? `${community.name}居委会（${gridName(community, spec.grid ?? spec.index % 5)}）`
      : level === 'community'
        ? `${community.name}居委会`
        : m.office;
  const assignDay = onSite || chance(r, 0.6) ? acceptedOn : addWorkingDays(acceptedOn + 1, int(r, 0, 1));
  let deadline = 0;
  const tAssign = plan.add(
    onSite ? rightAfter(r, tAccept) : workTimeAfter(r, assignDay, tAccept),
    (t) => {
      const m = matter();
      return onCase('assignment', {
        responsibleUnit: unitFor(m),
        responsibleLeaderId: responsibleLeader.leaderId,
        responsiblePerson: staff,
        measures: measuresFor(category, level, responsibleLeader, m),
        deadline: dateOf(deadline),
        at: iso(t),
      });
    },
    record,
  );
  if (tAssign === undefined) return plan;
  const assignedOn = dayOfInstant(tAssign);
  const limit = acceptedOn + 60;
  deadline = onSite
    ? assignedOn + int(r, 3, 7)
    : spec.story === 'legacy' || spec.story === 'legacyReview'
      ? Math.max(assignedOn, Math.min(acceptedOn + int(r, 30, 60), legacyDeadlineCap(ctx)))
      : Math.max(assignedOn, Math.min(assignedOn + spanFor(r, category, spec.collective), limit));
  const firstDeadline = deadline;

  // ——— side paths: 包案, 转交办, 告知 ———
  let packaged = false;
  const packageCase = (t: number, leader: LeaderInfo): number | undefined => {
    const done = plan.add(t, (tt) => onCase('package', { leaderId: leader.leaderId, at: iso(tt) }), record);
    if (done !== undefined) packaged = true;
    return done;
  };
  const packageLeader: LeaderInfo =
    spec.story === 'beijing' || spec.story === 'province' || spec.story === 'incident' || (spec.collective && spec.peopleCount >= 15)
      ? principal(spec.index + (spec.story === 'beijing' ? 0 : 1))
      : local && !spec.collective
        ? secretary
        : org.deputyFor(category);
  if (hard && spec.story !== 'legacy' && spec.story !== 'legacyReview' && spec.story !== 'review' && spec.story !== 'reopen')
    if (packageCase(workDaysAfter(r, tAssign, int(r, 0, 1)), packageLeader) === undefined) return plan;

  if (!onSite && (level === 'above' || (level === 'subdistrict' && chance(r, 0.06)))) {
    const t = plan.add(
      workDaysAfter(r, tAssign, int(r, 0, 2)),
      (tt) => {
        const m = matter();
        const toUnit = level === 'above' ? m.transferTo : m.office;
        return onCase('transfer', {
          toUnit,
          at: iso(tt),
          note: `按照“属地管理、分级负责，谁主管、谁负责”原则转交办，请于${dateOf(deadline)}前反馈办理结果。`,
        });
      },
      record,
    );
    if (t === undefined) return plan;
  }

  if (!onSite && (spec.origin !== 'screening' ? chance(r, 0.85) : chance(r, 0.2))) {
    const t = plan.add(
      workDaysAfter(r, tAssign, int(r, 0, 1)),
      (tt) =>
        onCase('notice', {
          at: iso(tt),
          content:
            spec.origin === 'screening'
              ? `已向当事人告知化解方案及化解时限（${dateOf(firstDeadline)}前）。`
              : `已告知信访人：事项已受理，交由${unitFor(matter())}办理，${dateOf(firstDeadline)}前答复。`,
        }),
      record,
    );
    if (t === undefined) return plan;
  }

  // ——— legacy cases: their history before the campaign ———
  if (spec.story === 'legacy' || spec.story === 'legacyReview')
    return planLegacy(ctx, spec, plan, r, {
      tAssign,
      deadline,
      acceptedOn,
      level,
      record,
      onCase,
      matter,
      words,
      packageCase,
      visitOn,
      receptionOn,
      principal,
    });

  // ——— when it will be resolved ———
  type Mode = 'early' | 'late' | 'stuck';
  const mode: Mode =
    onSite || spec.story === 'reopen' || spec.story === 'review' || spec.story === 'incident'
      ? 'early'
      : spec.story === 'beijing'
        ? 'stuck'
        : spec.story === 'province'
          ? 'late'
          : weighted<Mode>(r, hard ? MODES_HARD : MODES);
  const span = deadline - assignedOn;
  let resolveDay =
    onSite
      ? assignedOn
      : mode === 'early'
        ? workingOnOrAfter(assignedOn + Math.round(span * (0.1 + 0.6 * r())))
        : mode === 'late'
          ? workingOnOrAfter(deadline + int(r, 1, 20))
          : workingOnOrAfter(deadline + int(r, 25, 70));
  if (mode === 'early' && resolveDay > deadline) resolveDay = Math.max(assignedOn, workingOnOrBefore(deadline));
  if (spec.story === 'review') resolveDay = Math.min(resolveDay, workingOnOrAfter(assignedOn + int(r, 5, 9)));

  // An extension (once, ≤ 30 days, never past acceptance + 90) for some cases that run late.
  let effectiveDeadline = deadline;
  const side: { t: number; add: (t: number) => number | undefined }[] = [];
  if (mode === 'late' && chance(r, hard ? 0.45 : 0.15)) {
    const newDeadline = Math.min(deadline + int(r, 15, 30), acceptedOn + 90);
    if (newDeadline > deadline) {
      const extDay = Math.max(assignedOn, workingOnOrBefore(deadline - int(r, 0, 3)));
      effectiveDeadline = newDeadline;
      resolveDay = Math.min(resolveDay, workingOnOrBefore(newDeadline));
      const approver = principal(spec.index + 1);
      side.push({
        t: workTimeAfter(r, extDay, tAssign),
        add: (t) =>
          plan.add(
            t,
            (tt) =>
              onCase('extension', {
                newDeadline: dateOf(newDeadline),
                reason: pick(words(4), [
                  '案情复杂，涉及多个职能部门，需进一步调查核实并组织专案评审。',
                  '需等待第三方测绘（评估）结果，无法在原时限内办结。',
                  '涉及企业资金筹措，需分期落实，经研究延期办理并告知信访人。',
                ]),
                approvedBy: `${approver.name}（${approver.position}）`,
                at: iso(tt),
              }),
            record,
          ),
      });
    }
  }
  const tResolve = onSite ? rightAfter(r, tAssign) + 30 * MINUTE : workTimeAfter(r, resolveDay, tAssign);

  // Progress notes while it is worked.
  const notes = onSite ? 0 : mode === 'early' ? int(r, 0, 2) : int(r, 1, 3);
  const noteTimes: number[] = [];
  for (let i = 0; i < notes; i += 1) {
    const t = tAssign + ((i + 1) / (notes + 1)) * (Math.min(tResolve, ctx.end) - tAssign);
    noteTimes.push(workTimeAfter(r, workingOnOrAfter(dayOfInstant(t)), tAssign));
  }
  noteTimes.sort((a, b) => a - b);
  for (const [i, noteTime] of noteTimes.entries()) {
    side.push({
      t: noteTime,
      add: (tt) =>
        plan.add(
          tt,
          (x) => onCase('progress', { at: iso(x), note: progressNote(matter(), i, words(10 + i)) }),
          record,
        ),
    });
  }

  // Escalations (越级上访).
  let backlogFrom = Number.POSITIVE_INFINITY;
  const escalate = (t: number, level: 'city' | 'province' | 'beijing'): void => {
    if (level !== 'city') backlogFrom = Math.min(backlogFrom, t);
    side.push({
      t,
      add: (tt) =>
        plan.add(
          tt,
          (x) =>
            onCase('escalation', {
              at: iso(x),
              level,
              ...(spec.collective ? { collective: true } : {}),
            }),
          record,
        ),
    });
  };
  if (spec.story === 'beijing') {
    escalate(workDaysAfter(r, tAssign, int(r, 2, 3)), 'city');
    escalate(at(dayOfInstant(tAssign) + int(r, 8, 11), int(r, 9 * 60, 16 * 60)), 'beijing');
  } else if (spec.story === 'province') {
    escalate(workDaysAfter(r, tAssign, int(r, 3, 6)), 'province');
  } else if (spec.riskFlags.includes('escalation') && chance(r, 0.18)) {
    escalate(tAssign + int(r, 2, 20) * DAY + int(r, 0, 8) * 60 * MINUTE, 'city');
  }

  // A repeat petition while it is still open (重复访).
  if (spec.story === 'normal' && !onSite && chance(r, 0.035)) {
    const day = workingOnOrAfter(assignedOn + int(r, 3, 20));
    const t = workTime(r, day);
    backlogFrom = Math.min(backlogFrom, t);
    side.push({ t, add: (tt) => repeatPetition(tt, 0) });
  }

  // The incident (三个不发生) this case caused.
  if (spec.story === 'incident') {
    const incidentId = ctx.nextIncidentId();
    side.push({
      t: t0 + int(r, 20, 40) * 60 * MINUTE,
      add: (tt) =>
        plan.add(
          tt,
          (x) =>
            post('/incidents', {
              incidentId,
              type: 'opinionHype',
              at: iso(x),
              summary: `部分务工人员在短视频平台发布讨薪视频，称“${SUBDISTRICT_NAME}不作为”，浏览量约${int(words(20), 3, 12)}万次。街道已会同网信部门开展舆情处置，包案领导当面回应诉求。`,
              caseId,
            }),
          record,
        ),
    });
  }

  /** A repeat petition on this case at `t`: a visit when the case came by visit, else by phone, online or letter. */
  function repeatPetition(t: number, salt: number): number | undefined {
    const day = dayOfInstant(t);
    if (spec.origin === 'visit' && isWorkingDay(day)) {
      const reception = receptionOn(day);
      const visitId = ctx.nextVisitId();
      return plan.add(
        t,
        (x) => visitOn(x, reception, '信访人就同一事项再次来访，已登记并督促责任单位加快办理。', visitId),
        typedAtOnce(r),
      );
    }
    const channel = pick(words(30 + salt), REPEAT_CHANNELS);
    return plan.add(t, (x) => onCase('repeat', { at: iso(x), channel }), record);
  }

  // Once in backlog (overdue, a repeat, an escalation to province or Beijing): 包案 and the 五个一.
  const overdueFrom = at(effectiveDeadline + 1, 9 * 60);
  if (tResolve > overdueFrom) backlogFrom = Math.min(backlogFrom, overdueFrom);
  if (backlogFrom < tResolve && (spec.story !== 'normal' || chance(r, 0.85))) {
    let t = workDaysAfter(r, Math.max(backlogFrom, tAssign), int(r, 1, 2));
    if (!packaged) {
      const leader = packageLeader;
      side.push({ t, add: (tt) => packageCase(tt, leader) });
    }
    const items = spec.story !== 'normal' || chance(r, 0.7) ? FIVE_ONES : FIVE_ONES.slice(0, int(r, 2, 4));
    for (const item of items) {
      t = workDaysAfter(r, t, int(r, 1, 3));
      const when = t;
      side.push({
        t: when,
        add: (tt) =>
          plan.add(tt, (x) => onCase('five-ones', { item, detail: fiveOnesDetail(item, x, packageLeader, community, matter()), at: iso(x) }), record),
      });
    }
  }

  for (const event of side.filter((e) => e.t < tResolve).sort((a, b) => a.t - b.t))
    if (event.add(event.t) === undefined) return plan;

  // ——— resolution ———
  const resolve = (t: number, lvl: ResolutionLevel, salt: number): number | undefined => {
    const rr = words(40 + salt);
    const method: ResolutionMethod = onSite && salt === 0 ? 'onSite' : weighted(rr, METHODS[lvl]);
    const outcome = outcomeFor(rr, category);
    const summary = resolutionSummary(rr, matter(), outcome);
    return plan.add(t, (x) => onCase('resolution', { at: iso(x), method, level: lvl, outcome, summary }), record);
  };
  const tResolved = resolve(tResolve, level, 0);
  if (tResolved === undefined) return plan;

  // ——— after it: 回访 (satisfaction), a repeat that reopens it, 息诉息访 ———
  const satisfaction = (after: number, satisfied: boolean, days = int(r, 1, 4)): number | undefined =>
    plan.add(workDaysAfter(r, after, days), (x) => onCase('satisfaction', { at: iso(x), satisfied }), record);
  const closure = (after: number): number | undefined =>
    plan.add(workDaysAfter(r, after, int(r, 2, 8)), (x) => onCase('closure', { at: iso(x) }), record);

  if (spec.story === 'reopen') {
    const tSat = satisfaction(tResolved, false);
    if (tSat === undefined) return plan;
    const tReopen = plan.add(
      workDaysAfter(r, tSat, int(r, 1, 2)),
      (x) =>
        onCase('reopen', {
          at: iso(x),
          reason: pick(words(50), [
            '回访发现调解协议未履行到位，信访人仍有意见，经信访办研究决定重新办理。',
            '督查组抽查发现化解不到位，责令重新办理。',
          ]),
        }),
      record,
    );
    if (tReopen === undefined) return plan;
    const tNote = plan.add(workDaysAfter(r, tReopen, int(r, 1, 3)), (x) => onCase('progress', { at: iso(x), note: '责任单位重新上门核实，督促当事方履行调解协议。' }), record);
    if (tNote === undefined) return plan;
    const again = resolve(workDaysAfter(r, tNote, int(r, 2, 6)), level === 'grid' ? 'community' : level, 1);
    if (again === undefined) return plan;
    const tSat2 = satisfaction(again, true);
    if (tSat2 !== undefined) closure(tSat2);
    return plan;
  }

  if (spec.story === 'review') {
    const tSat = satisfaction(tResolved, false);
    if (tSat === undefined) return plan;
    planReviews(plan, r, tSat, record, onCase);
    const last = plan.t;
    if (!plan.cut) {
      const day = addWorkingDays(dayOfInstant(last) + 1, int(r, 2, 5));
      const reception = receptionOn(day);
      const visitId = ctx.nextVisitId();
      plan.add(
        workTime(r, day),
        (x) => visitOn(x, reception, '该事项已经复查、复核终结，依法不再受理，已向信访人做好解释。', visitId),
        typedAtOnce(r),
      );
    }
    return plan;
  }

  if (!chance(r, hard ? 0.85 : 0.9)) return plan;
  const satisfied = chance(r, hard ? 0.78 : 0.93);
  const tSat = satisfaction(tResolved, satisfied);
  if (tSat === undefined) return plan;
  if (!satisfied && chance(r, 0.45)) {
    const tRepeat = repeatPetition(workDaysAfter(r, tSat, int(r, 2, 8)), 1);
    if (tRepeat === undefined) return plan;
    const again = resolve(workDaysAfter(r, tRepeat, int(r, 4, 12)), local ? 'subdistrict' : level, 2);
    if (again === undefined) return plan;
    if (chance(r, 0.8)) {
      const tSat2 = satisfaction(again, chance(r, 0.8));
      if (tSat2 !== undefined && chance(r, 0.4)) closure(tSat2);
    }
    return plan;
  }
  if (satisfied && chance(r, 0.55)) closure(tSat);
  return plan;
};

// ——— words ———

const measuresFor = (category: Category, level: ResolutionLevel, leader: LeaderInfo, m: Matter): string => {
  const who = `${leader.name}（${leader.position}）牵头`;
  switch (category) {
    case 'neighbour':
      return `${who}，网格员三日内上门走访双方当事人，查明事实，组织面对面调解；调解不成的引导申请人民调解或通过诉讼途径解决。`;
    case 'wageArrears':
      return `${who}，${m.office}约谈用工单位负责人，核实欠薪人数、金额，督促限期足额支付；拒不支付的移送劳动保障监察部门立案查处。`;
    case 'realEstate':
      return `${who}，会同住建部门约谈开发企业及物业，梳理问题清单，明确整改责任和时间节点，定期向业主通报进展。`;
    case 'landAndDemolition':
      return `${who}，征迁办调取原始档案逐项核对，必要时组织第三方复测复评，召开专案评审会，依法依政策答复。`;
    case 'labour':
      return `${who}，${m.office}核实劳动关系及社保缴纳情况，组织劳资双方协商，提供法律援助，依法依规处理。`;
    case 'other':
      return level === 'grid' || level === 'community'
        ? `${who}，社区会同相关职能部门现场核实，限期整改，整改结果向反映人反馈。`
        : `${who}，${m.office}牵头现场核查，协调相关部门限期整改，办理结果书面答复反映人。`;
  }
};

const GENERIC_NOTES = [
  '包案领导召集相关部门召开协调会，研究化解措施。',
  '工作人员电话回访信访人，通报办理进展，做好解释疏导。',
  '责任单位再次上门走访，听取信访人意见。',
];

const progressNote = (m: Matter, i: number, r: Random): string => m.progress[i] ?? pick(r, GENERIC_NOTES);

const fiveOnesDetail = (item: FiveOnesItem, t: number, leader: LeaderInfo, community: CommunityPlace, m: Matter): string => {
  switch (item) {
    case 'leader':
      return `由${leader.name}（${leader.position}）包案，落实包掌握情况、包思想教育、包解决化解、包息诉息访“四包”责任。`;
    case 'taskForce':
      return `成立由${m.office}、${community.name}、青阳司法所、青阳派出所组成的工作专班，明确专人跟进。`;
    case 'plan':
      return `制定“一案一策”化解方案：${m.demands.replace(/^要求/, '围绕信访人“').replace(/。$/, '')}”的诉求，分调查核实、协调会商、答复化解三步推进。`;
    case 'minutes':
      return `${dateOf(dayOfInstant(t)).slice(5).replace('-', '月')}日召开专题协调会，形成会议纪要，明确各方责任分工和完成时限。`;
    case 'stabilization':
      return '落实社区干部、网格员“一对一”稳控措施，敏感节点专人跟踪，及时掌握信访人动态。';
  }
};

// ——— reviews (复查、复核) ———

type OnCase = (path: string, body: unknown) => RequestBody;

/** Review and re-review, each requested within 30 days of its reply and decided; the re-review makes the case final. */
const planReviews = (
  plan: Plan,
  r: Random,
  after: number,
  record: (t: number) => number,
  onCase: OnCase,
  times?: { readonly review?: number; readonly reviewDecided?: number; readonly reReview?: number; readonly reReviewDecided?: number },
): void => {
  const step = (t: number, path: string, body: (x: number) => unknown): number | undefined =>
    plan.add(t, (x) => onCase(path, body(x)), record);
  const t1 = step(times?.review ?? workDaysAfter(r, after, int(r, 2, 6)), 'review', (x) => ({ level: 'review', at: iso(x) }));
  if (t1 === undefined) return;
  const t2 = step(times?.reviewDecided ?? workDaysAfter(r, t1, int(r, 6, 12)), 'review-decision', (x) => ({
    level: 'review',
    at: iso(x),
    outcome: 'upheld',
  }));
  if (t2 === undefined) return;
  const t3 = step(times?.reReview ?? workDaysAfter(r, t2, int(r, 2, 6)), 'review', (x) => ({ level: 'reReview', at: iso(x) }));
  if (t3 === undefined) return;
  step(times?.reReviewDecided ?? workDaysAfter(r, t3, int(r, 6, 12)), 'review-decision', (x) => ({
    level: 'reReview',
    at: iso(x),
    outcome: 'upheld',
  }));
};

// ——— legacy cases (积案 from before the campaign) ———

/** Legacy deadlines end before the campaign: those cases are overdue when it starts. */
const legacyDeadlineCap = (ctx: PlannerContext): number => ctx.start - 5;

interface LegacyParts {
  readonly tAssign: number;
  readonly deadline: number;
  readonly acceptedOn: number;
  readonly level: ResolutionLevel;
  readonly record: (t: number) => number;
  readonly onCase: OnCase;
  readonly matter: () => Matter;
  readonly words: (salt: number) => Random;
  readonly packageCase: (t: number, leader: LeaderInfo) => number | undefined;
  readonly visitOn: (t: number, reception: { leader: LeaderInfo; location: string }, opinion: string, visitId: string) => RequestBody;
  readonly receptionOn: (day: number) => { leader: LeaderInfo; location: string };
  readonly principal: (i: number) => LeaderInfo;
}

/**
 * A case registered months before the campaign and still open (or disputed) when it starts: its history is
 * typed in during the first days of the campaign (全面摸底梳理), then it is packaged, gets its 五个一 and is
 * worked — most are resolved before the end, some stay in the backlog.
 */
const planLegacy = (ctx: PlannerContext, spec: CaseSpec, plan: Plan, r: Random, p: LegacyParts): Plan => {
  const { org } = ctx;
  const campaignStart = spec.typedAt ?? plan.r;
  const typedDay = dayOfInstant(campaignStart);
  const { record, onCase, matter, words } = p;

  if (spec.story === 'legacyReview') {
    // Resolved in the summer, a review requested and upheld before the campaign; the re-review is requested
    // and decided during it, which makes the case final (三级终结); one more visit is not accepted again.
    // Each request falls within 30 days of the reply it answers.
    const reviewDecidedAt = workTime(r, workingOnOrBefore(typedDay - int(r, 6, 10)));
    const reviewAt = workTime(r, workingOnOrBefore(dayOfInstant(reviewDecidedAt) - int(r, 18, 24)));
    const resolvedAt = workTime(r, workingOnOrBefore(dayOfInstant(reviewAt) - int(r, 12, 18)));
    const tRes = plan.add(
      resolvedAt,
      (x) =>
        onCase('resolution', {
          at: iso(x),
          method: 'adminReview',
          level: 'subdistrict',
          outcome: 'lawEnforced',
          summary: '经调取档案、组织第三方复核，原补偿标准符合政策规定，依法作出维持原处理意见的答复。',
        }),
      record,
    );
    if (tRes === undefined) return plan;
    const tSat = plan.add(workDaysAfter(r, tRes, 2), (x) => onCase('satisfaction', { at: iso(x), satisfied: false }), record);
    if (tSat === undefined) return plan;
    const reReviewAt = workTime(r, addWorkingDays(typedDay + 1, int(r, 2, 4)));
    planReviews(plan, r, tSat, record, onCase, {
      review: reviewAt,
      reviewDecided: reviewDecidedAt,
      reReview: reReviewAt,
      reReviewDecided: workTime(r, addWorkingDays(dayOfInstant(reReviewAt) + 1, int(r, 6, 8))),
    });
    if (!plan.cut) {
      const day = addWorkingDays(dayOfInstant(plan.t) + 1, 1);
      const reception = ctx.roster.receiving(SUBDISTRICT, day) ?? p.receptionOn(day);
      const visitId = ctx.nextVisitId();
      plan.add(
        workTime(r, day),
        (x) => p.visitOn(x, reception, '该事项已经复查、复核终结，依法不再受理，已向信访人做好解释。', visitId),
        typedAtOnce(r),
      );
    }
    return plan;
  }

  // History: progress, repeat petitions and escalations before the campaign, typed in with the rest.
  const historyEnd = at(typedDay - 5, 17 * 60);
  const events: { t: number; add: (t: number) => number | undefined }[] = [];
  events.push({
    t: workDaysAfter(r, p.tAssign, int(r, 3, 10)),
    add: (t) => plan.add(t, (x) => onCase('progress', { at: iso(x), note: progressNote(matter(), 0, words(60)) }), record),
  });
  let escalated: 'city' | 'province' | undefined;
  if (chance(r, 0.35)) {
    escalated = chance(r, 0.45) ? 'province' : 'city';
    const level = escalated;
    events.push({
      t: workTime(r, workingOnOrBefore(dayOfInstant(historyEnd) - int(r, 5, 30))),
      add: (t) => plan.add(t, (x) => onCase('escalation', { at: iso(x), level, ...(spec.collective ? { collective: true } : {}) }), record),
    });
  }
  if (chance(r, 0.5)) {
    const t = workTime(r, workingOnOrBefore(dayOfInstant(historyEnd) - int(r, 1, 25)));
    events.push({
      t,
      add: (tt) => {
        if (spec.origin === 'visit') {
          const reception = { leader: org.deputyFor(spec.category), location: RECEPTION_ROOM };
          const visitId = ctx.nextVisitId();
          return plan.add(tt, (x) => p.visitOn(x, reception, '信访人就同一事项再次来访，已登记并督促责任单位加快办理。', visitId), record);
        }
        const channel = pick(words(61), REPEAT_CHANNELS);
        return plan.add(tt, (x) => onCase('repeat', { at: iso(x), channel }), record);
      },
    });
  }
  for (const event of events.filter((e) => e.t < historyEnd).sort((a, b) => a.t - b.t))
    if (event.add(event.t) === undefined) return plan;

  // The campaign: 包案 by a principal (or the deputy in charge), the 五个一, and work towards resolution.
  const leader = escalated === 'province' || spec.collective ? p.principal(spec.index) : org.deputyFor(spec.category);
  const community = org.communities[spec.community] as CommunityPlace;
  let t = plan.add(workTime(r, addWorkingDays(typedDay + 1, int(r, 0, 2))), (x) => onCase('package', { leaderId: leader.leaderId, at: iso(x) }), record);
  if (t === undefined) return plan;
  const items = chance(r, 0.85) ? FIVE_ONES : FIVE_ONES.slice(0, int(r, 2, 4));
  for (const item of items) {
    t = plan.add(
      workDaysAfter(r, t, int(r, 1, 3)),
      (x) => onCase('five-ones', { item, detail: fiveOnesDetail(item, x, leader, community, matter()), at: iso(x) }),
      record,
    );
    if (t === undefined) return plan;
  }
  const resolvedInCampaign = chance(r, 0.62);
  for (let i = 1; i <= int(r, 1, 2); i += 1) {
    t = plan.add(workDaysAfter(r, t, int(r, 2, 4)), (x) => onCase('progress', { at: iso(x), note: progressNote(matter(), i, words(62 + i)) }), record);
    if (t === undefined) return plan;
  }
  if (!resolvedInCampaign) return plan;
  const rr = words(70);
  const method = weighted<ResolutionMethod>(rr, LEGACY_METHODS);
  const outcome = outcomeFor(rr, spec.category);
  const level = p.level;
  const tRes = plan.add(
    workDaysAfter(r, t, int(r, 2, 6)),
    (x) => onCase('resolution', { at: iso(x), method, level, outcome, summary: resolutionSummary(rr, matter(), outcome) }),
    record,
  );
  if (tRes === undefined || !chance(r, 0.8)) return plan;
  const satisfied = chance(r, 0.75);
  const tSat = plan.add(workDaysAfter(r, tRes, int(r, 1, 3)), (x) => onCase('satisfaction', { at: iso(x), satisfied }), record);
  if (tSat !== undefined && satisfied && chance(r, 0.5))
    plan.add(workDaysAfter(r, tSat, int(r, 2, 6)), (x) => onCase('closure', { at: iso(x) }), record);
  return plan;
};
