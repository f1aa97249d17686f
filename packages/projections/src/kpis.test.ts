import { describe, expect, it } from 'vitest';
import {
  caseStream,
  dutyStream,
  endOfDay,
  screeningStream,
  type AggregateName,
  type CommandOf,
  type Instant,
  type LocalDate,
} from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import type { KpiWindow } from './kpi-window';
import type { Kpis } from './kpi-registry';
import { kpis } from './kpis';
import { createScenario } from './test-scenario';
import type { TimeView } from './view';
import { buildWorld } from './world';

/*
 * The KPIs of REPORTS.md worked by hand over the 2024 campaign window (15 September – 15 October 2024),
 * from one small written scenario run through the real deciders and the in-memory store.
 *
 * Calendar (official, 2024): 15–17 Sep and 1–7 Oct are holidays; Sun 29 Sep and Sat 12 Oct are working
 * days. The working days of the window are 18 19 20 | 23 24 25 26 27 29 | 30 Sep | 8 9 10 11 12 | 14 15 Oct
 * = 17 days. Weeks (Monday): W38 16 Sep, W39 23 Sep, W40 30 Sep, W41 7 Oct, W42 14 Oct; W37 (9 Sep) only
 * touches the window on Sunday 15 Sep, a holiday, so it is not one of the window's weeks.
 *
 * Reference data: communities dongfeng and xiyuan; leaders L-sec and L-dir (principal, subdistrict), L-dep
 * (subdistrict), L-fg1 (first-grid leader, dongfeng), L-fg2 (first-grid leader, xiyuan).
 *
 * CASES (2024, Asia/Shanghai; first = firstPetition; deadline = the one set by the assignment)
 *
 * | case | community | origin    | category          | first | registered   | decided          | assigned, deadline |
 * | c8   | dongfeng  | screening | neighbour         | yes   | 10 Sep 09:00 | acc 10 Sep 10:00 | 11 Sep, 20 Sep     |
 * | c1   | dongfeng  | screening | wageArrears       | yes   | 18 Sep 09:00 | acc 18 Sep 10:00 | 19 Sep, 27 Sep     |
 * | c6   | dongfeng  | screening | labour            | no    | 19 Sep 09:00 | acc 19 Sep 10:00 | 20 Sep, 18 Oct     |
 * | c2   | xiyuan    | letter    | realEstate        | yes   | 20 Sep 09:00 | acc 20 Sep 15:00 | 23 Sep, 8 Oct      |
 * | c3   | dongfeng  | visit     | landAndDemolition | yes   | 23 Sep 10:00 | acc 24 Sep 09:00 | 25 Sep, 15 Nov     |
 * | c4   | xiyuan    | phone     | neighbour         | yes   | 24 Sep 09:00 | acc 24 Sep 10:00 | 24 Sep, 10 Oct     |
 * | c5   | dongfeng  | online    | other             | yes   | 25 Sep 09:00 | REJ 12 Oct       | — (reg + 15: 10 Oct) |
 * | c7   | xiyuan    | visit     | wageArrears       | yes   | 26 Sep 10:00 | acc 27 Sep 09:00 | — (acc + 60: 26 Nov) |
 *
 * | case | package      | resolved (level)                                     | satisfaction | other                                   |
 * | c8   |              |                                                      |              | registered before the window; overdue from 21 Sep |
 * | c1   |              | 27 Sep (grid): on its deadline day                   | 28 Sep ✓     |                                         |
 * | c6   | L-dir 19 Sep | 30 Sep (above)                                       | 1 Oct ✓      |                                         |
 * | c2   |              | 11 Oct (subdistrict): late                           | 12 Oct ✗     | overdue 9–11 Oct                        |
 * | c3   | L-sec 25 Sep |                                                      |              | a visit of 5; to Beijing 8 Oct 10:00 (collective); incident massPetition 8 Oct |
 * | c4   |              | 26 Sep (community); again 9 Oct 16:00 (community)    |              | repeat by phone 30 Sep: reopened        |
 * | c5   |              |                                                      |              | rejected 2 days after its 15 days       |
 * | c7   |              |                                                      |              | a visit of 1; a 2nd visit of 2 on 27 Sep 15:00: a repeat |
 *
 * DUTY ROSTERS (unit, week: slots; announced)
 *
 * | subdistrict W39 | 23 L-sec · 24 L-dep · 25 L-dir MISSED, substitute L-dep · 26 L-dep · 27 L-dep · (29, a working Sunday: none) | Sat 21 Sep 18:00: on time |
 * | subdistrict W40 | 30 L-sec MISSED, no substitute                                                                        | Fri 27 Sep: on time       |
 * | dongfeng W39    | 24 L-fg1                                                                                               | Sun 22 Sep 09:00: LATE    |
 * | xiyuan W39      | 26 L-fg2                                                                                               | Sat 21 Sep: on time       |
 * | xiyuan W40      | 30 L-fg2                                                                                               | never                     |
 *
 * SCREENING REPORTS. Due (working Wednesdays and Fridays): 18 20 25 27 Sep, 9 11 Oct — not Wed 2 Oct nor
 * Fri 4 Oct (National Day), and Sun 29 Sep, though a working day, is neither a Wednesday nor a Friday.
 *
 * | dongfeng | 18 (c1) · 20 (nil) · 25 (nil) · 27 (nil) · 2 Oct (nil, not due) · 9 (nil) · 11 (nil) | 6 of 6 |
 * | xiyuan   | 18 (nil) · 20 (c2) · 25 (c4) · 29 Sep (nil, not due) · 9 Oct (nil)                 | 4 of 6: 27 Sep, 11 Oct missing |
 */

type Step = {
  [N in AggregateName]: { readonly at: Instant; readonly aggregate: N; readonly stream: string; readonly command: CommandOf<N> };
}[AggregateName];

const at = (date: LocalDate, time = '09:00'): Instant => `${date}T${time}:00+08:00`;
const REFERENCE_RECORDED = at('2024-09-01');

const steps: Step[] = [];
const step = <N extends AggregateName>(when: Instant, aggregate: N, stream: string, command: CommandOf<N>): void => {
  steps.push({ at: when, aggregate, stream, command } as Step);
};

// ——— reference data ———
for (const communityId of ['dongfeng', 'xiyuan'])
  step(REFERENCE_RECORDED, 'community', `community-${communityId}`, {
    type: 'RegisterCommunity',
    data: { communityId, name: communityId, grids: [{ gridId: `${communityId}-1`, name: '一网格' }] },
  });
const leaders: [string, string, boolean, boolean][] = [
  ['L-sec', 'subdistrict', true, false],
  ['L-dir', 'subdistrict', true, false],
  ['L-dep', 'subdistrict', false, false],
  ['L-fg1', 'dongfeng', false, true],
  ['L-fg2', 'xiyuan', false, true],
];
for (const [leaderId, unit, principal, firstGridLeader] of leaders)
  step(REFERENCE_RECORDED, 'leader', `leader-${leaderId}`, {
    type: 'RegisterLeader',
    data: { leaderId, name: leaderId, position: '领导', portfolio: '信访', unit, principal, firstGridLeader },
  });

// ——— cases ———
type CaseCommand = CommandOf<'case'>;
const onCase = (caseId: string, when: Instant, command: Omit<CaseCommand, 'data'> & { data: object }): void =>
  step(when, 'case', caseStream(caseId), { ...command, data: { caseId, ...command.data } } as CaseCommand);
const register = (
  caseId: string,
  when: Instant,
  data: { communityId: string; origin: 'screening' | 'letter' | 'phone' | 'online'; category: string; firstPetition?: boolean },
): void =>
  step(when, 'case', caseStream(caseId), {
    type: 'RegisterCase',
    data: { caseId, summary: `事项 ${caseId}`, registeredAt: when, petitioners: [{ personId: `p-${caseId}` }], ...data },
  } as CaseCommand);
const visit = (caseId: string, visitId: string, when: Instant, visitorCount: number, extra: object): void =>
  step(when, 'case', caseStream(caseId), {
    type: 'RecordVisit',
    data: {
      caseId,
      visitId,
      leaderId: 'L-dep',
      receivedAt: when,
      location: '基层治理中心2楼接访室',
      visitorCount,
      matter: `来访 ${visitId}`,
      petitioners: [{ personId: `p-${caseId}` }],
      ...extra,
    },
  });
const accept = (caseId: string, when: Instant) => onCase(caseId, when, { type: 'DecideAcceptance', data: { decision: 'accepted', at: when } });
const assign = (caseId: string, when: Instant, deadline: LocalDate) =>
  onCase(caseId, when, {
    type: 'AssignCase',
    data: { responsibleUnit: '综治中心', responsibleLeaderId: 'L-dep', responsiblePerson: '王明', measures: '约谈调解', deadline, at: when },
  });
const resolve = (caseId: string, when: Instant, level: 'grid' | 'community' | 'subdistrict' | 'above') =>
  onCase(caseId, when, { type: 'ResolveCase', data: { at: when, method: 'mediation', level, outcome: 'solved', summary: '已化解' } });
const satisfied = (caseId: string, when: Instant, value: boolean) =>
  onCase(caseId, when, { type: 'RecordSatisfaction', data: { at: when, satisfied: value } });
const packaged = (caseId: string, when: Instant, leaderId: string) => onCase(caseId, when, { type: 'PackageCase', data: { leaderId, at: when } });

register('c8', at('2024-09-10'), { communityId: 'dongfeng', origin: 'screening', category: 'neighbour' });
accept('c8', at('2024-09-10', '10:00'));
assign('c8', at('2024-09-11'), '2024-09-20');

register('c1', at('2024-09-18'), { communityId: 'dongfeng', origin: 'screening', category: 'wageArrears' });
accept('c1', at('2024-09-18', '10:00'));
assign('c1', at('2024-09-19'), '2024-09-27');
resolve('c1', at('2024-09-27'), 'grid');
satisfied('c1', at('2024-09-28'), true);

register('c6', at('2024-09-19'), { communityId: 'dongfeng', origin: 'screening', category: 'labour', firstPetition: false });
accept('c6', at('2024-09-19', '10:00'));
packaged('c6', at('2024-09-19', '11:00'), 'L-dir');
assign('c6', at('2024-09-20'), '2024-10-18');
resolve('c6', at('2024-09-30'), 'above');
satisfied('c6', at('2024-10-01'), true);

register('c2', at('2024-09-20'), { communityId: 'xiyuan', origin: 'letter', category: 'realEstate' });
accept('c2', at('2024-09-20', '15:00'));
assign('c2', at('2024-09-23'), '2024-10-08');
resolve('c2', at('2024-10-11'), 'subdistrict');
satisfied('c2', at('2024-10-12'), false);

visit('c3', 'v3', at('2024-09-23', '10:00'), 5, { communityId: 'dongfeng', category: 'landAndDemolition' });
accept('c3', at('2024-09-24'));
assign('c3', at('2024-09-25'), '2024-11-15');
packaged('c3', at('2024-09-25', '10:00'), 'L-sec');
onCase('c3', at('2024-10-08', '10:00'), { type: 'RecordEscalation', data: { at: at('2024-10-08', '10:00'), level: 'beijing', collective: true } });
step(at('2024-10-08', '11:00'), 'incident', 'incident-i1', {
  type: 'RecordIncident',
  data: { incidentId: 'i1', type: 'massPetition', at: at('2024-10-08', '11:00'), summary: '集体进京', caseId: 'c3' },
});

register('c4', at('2024-09-24'), { communityId: 'xiyuan', origin: 'phone', category: 'neighbour' });
accept('c4', at('2024-09-24', '10:00'));
assign('c4', at('2024-09-24', '11:00'), '2024-10-10');
resolve('c4', at('2024-09-26'), 'community');
onCase('c4', at('2024-09-30'), { type: 'RecordRepeat', data: { at: at('2024-09-30'), channel: 'phone' } });
resolve('c4', at('2024-10-09', '16:00'), 'community');

register('c5', at('2024-09-25'), { communityId: 'dongfeng', origin: 'online', category: 'other' });
onCase('c5', at('2024-10-12'), { type: 'DecideAcceptance', data: { decision: 'rejected', at: at('2024-10-12'), reason: '不属于信访事项' } });

visit('c7', 'v7a', at('2024-09-26', '10:00'), 1, { communityId: 'xiyuan', category: 'wageArrears' });
accept('c7', at('2024-09-27'));
visit('c7', 'v7b', at('2024-09-27', '15:00'), 2, { onExistingCase: true });

// ——— duty rosters (slots typed in on the Friday before their week) ———
const slot = (dutyId: string, date: LocalDate, leaderId: string, unit: string, recorded: Instant) =>
  step(recorded, 'duty', dutyStream(unit, date), {
    type: 'ScheduleDuty',
    data: { dutyId, date, leaderId, location: unit === 'subdistrict' ? '基层治理中心2楼接访室' : '社区信访接待室', unit },
  });
const missed = (dutyId: string, unit: string, date: LocalDate, when: Instant, substituteLeaderId?: string) =>
  step(when, 'duty', dutyStream(unit, date), {
    type: 'MarkDutyMissed',
    data: { dutyId, at: when, reason: '上级会议', ...(substituteLeaderId === undefined ? {} : { substituteLeaderId }) },
  });
const announced = (unit: string, weekOf: LocalDate, publishedAt: Instant) =>
  step(publishedAt, 'duty', dutyStream(unit, weekOf), { type: 'AnnounceRoster', data: { unit, weekOf, publishedAt, channel: '青阳在线公众号' } });

const fri20 = at('2024-09-20', '17:00');
slot('s1', '2024-09-23', 'L-sec', 'subdistrict', fri20);
slot('s2', '2024-09-24', 'L-dep', 'subdistrict', fri20);
slot('s3', '2024-09-25', 'L-dir', 'subdistrict', fri20);
slot('s4', '2024-09-26', 'L-dep', 'subdistrict', fri20);
slot('s5', '2024-09-27', 'L-dep', 'subdistrict', fri20);
slot('d1', '2024-09-24', 'L-fg1', 'dongfeng', fri20);
slot('x1', '2024-09-26', 'L-fg2', 'xiyuan', fri20);
announced('subdistrict', '2024-09-23', at('2024-09-21', '18:00'));
announced('xiyuan', '2024-09-23', at('2024-09-21', '10:00'));
announced('dongfeng', '2024-09-23', at('2024-09-22', '09:00'));
missed('s3', 'subdistrict', '2024-09-25', at('2024-09-25', '08:00'), 'L-dep');
const fri27 = at('2024-09-27', '17:00');
slot('s6', '2024-09-30', 'L-sec', 'subdistrict', fri27);
slot('x2', '2024-09-30', 'L-fg2', 'xiyuan', fri27);
announced('subdistrict', '2024-09-30', at('2024-09-27', '17:30'));
missed('s6', 'subdistrict', '2024-09-30', at('2024-09-30', '08:00'));

// ——— screening reports (sent at 17:00 of their day) ———
const report = (communityId: string, date: LocalDate, caseIds: string[] = []) =>
  step(at(date, '17:00'), 'screening', screeningStream(communityId, date), {
    type: 'SubmitScreeningReport',
    data: { communityId, reportDate: date, caseIds, nil: caseIds.length === 0 },
  });
report('dongfeng', '2024-09-18', ['c1']);
for (const date of ['2024-09-20', '2024-09-25', '2024-09-27', '2024-10-02', '2024-10-09', '2024-10-11']) report('dongfeng', date);
report('xiyuan', '2024-09-18');
report('xiyuan', '2024-09-20', ['c2']);
report('xiyuan', '2024-09-25', ['c4']);
report('xiyuan', '2024-09-29');
report('xiyuan', '2024-10-09');

/** Runs every step in the order it was typed in; `snapshotAfter` keeps the events recorded by then. */
const play = async (snapshotAfter?: Instant) => {
  const scenario = createScenario();
  const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => Date.parse(a.s.at) - Date.parse(b.s.at) || a.i - b.i);
  let snapshot: RecordedEvent[] | undefined;
  for (const { s } of ordered) {
    if (snapshotAfter !== undefined && snapshot === undefined && Date.parse(s.at) > Date.parse(snapshotAfter)) snapshot = await scenario.events();
    await scenario.run(s.aggregate, s.stream, s.command, s.at);
  }
  return { all: await scenario.events(), snapshot: snapshot ?? (await scenario.events()) };
};

const campaign: KpiWindow = { from: '2024-09-15', to: '2024-10-15' };
const viewAt = (asOf: Instant): TimeView => ({ asOf, knownAt: asOf });
const played = play();
const kpisAt = async (asOf: Instant, window: KpiWindow = campaign): Promise<Kpis> => {
  const { all } = await played;
  const view = viewAt(asOf);
  return kpis(await buildWorld(all, view), view, window);
};
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

describe('KPIs of the 2024 campaign window, as of 15 October 2024 (the whole object)', () => {
  it('every figure, worked by hand from the tables above', async () => {
    expect(await kpisAt(endOfDay('2024-10-15'))).toEqual({
      // c1 c6 c2 c3 c4 c5 c7 (c8 was registered on 10 Sep, before the window)
      volume: {
        total: 7,
        byOrigin: { screening: 2, visit: 2, letter: 1, online: 1, phone: 1 },
        byCategory: { wageArrears: 2, realEstate: 1, neighbour: 1, landAndDemolition: 1, labour: 1, other: 1 },
        byCommunity: { dongfeng: 4, xiyuan: 3 },
      },
      // v3 (5 people), v7a (1), v7b (2)
      visits: { batches: 3, people: 8, collective: 1 },
      escalations: { total: 1, city: 0, province: 0, beijing: 1, abnormal: 0, collective: 1 },
      // c4 by phone on 30 Sep; c7's second visit on 27 Sep
      repeatPetitions: { total: 2, byChannel: { visit: 1, letter: 0, online: 0, phone: 1 } },
      // first petitions resolved at T: c1 (on its deadline day, nothing since) ✓, c2 (late) ✗, c4 (repeated) ✗
      firstPetitionOneTimeResolution: rate(1, 3),
      // all 7 decided; c5 rejected on 12 Oct, after its 15 days (10 Oct) ✗
      timelyAcceptance: rate(6, 7),
      // accepted and resolved or past deadline: c1 ✓, c6 ✓, c2 (11 Oct > 8 Oct) ✗, c4 (9 Oct ≤ 10 Oct) ✓; c3 c7 still within their deadlines
      onTimeResolution: rate(3, 4),
      // c1 ✓, c6 ✓, c2 ✗
      satisfaction: rate(2, 3),
      // resolved in the window: c1 c6 c2 c4; with a satisfaction record: c1 c6 c2
      participation: rate(3, 4),
      // packaged: c6 (resolved), c3 (open)
      packageResolution: rate(1, 2),
      // in backlog: c8 (overdue), c3 (escalation), c7 (repeat); ever: also c2 (overdue 9–11 Oct) and c4 (repeat 30 Sep–9 Oct), both resolved
      backlog: { open: 3, resolution: rate(2, 5), byReason: { overdue: 1, repeat: 1, escalation: 1, reopened: 0 } },
      // c1 grid, c4 community, c2 subdistrict, c6 above
      resolutionLevels: { grid: 1, community: 1, subdistrict: 1, above: 1, total: 4, keptBelowAbove: rate(3, 4) },
      receptionCompliance: {
        // weeks W38–W41 × L-dir, L-sec (W42 is still running on 15 Oct and has no slot): only L-sec in W39 (s1);
        // L-dir's only slot (s3) was missed, L-sec's W40 slot (s6) too
        principalWeekly: {
          required: 8,
          fulfilled: 1,
          rate: 1 / 8,
          gaps: [
            { leaderId: 'L-dir', weekOf: '2024-09-16' },
            { leaderId: 'L-sec', weekOf: '2024-09-16' },
            { leaderId: 'L-dir', weekOf: '2024-09-23' },
            { leaderId: 'L-dir', weekOf: '2024-09-30' },
            { leaderId: 'L-sec', weekOf: '2024-09-30' },
            { leaderId: 'L-dir', weekOf: '2024-10-07' },
            { leaderId: 'L-sec', weekOf: '2024-10-07' },
          ],
        },
        // 17 working days; covered: 23 24 25 (substitute) 26 27 Sep
        dailyDuty: {
          required: 17,
          fulfilled: 5,
          rate: 5 / 17,
          gaps: ['2024-09-18', '2024-09-19', '2024-09-20', '2024-09-29', '2024-09-30', '2024-10-08', '2024-10-09', '2024-10-10', '2024-10-11', '2024-10-12', '2024-10-14', '2024-10-15'].map(
            (date) => ({ date }),
          ),
        },
        // W38–W41 × L-fg1, L-fg2: L-fg1 in W39 (d1), L-fg2 in W39 (x1) and W40 (x2)
        firstGridLeaderWeekly: {
          required: 8,
          fulfilled: 3,
          rate: 3 / 8,
          gaps: [
            { leaderId: 'L-fg1', weekOf: '2024-09-16' },
            { leaderId: 'L-fg2', weekOf: '2024-09-16' },
            { leaderId: 'L-fg1', weekOf: '2024-09-30' },
            { leaderId: 'L-fg1', weekOf: '2024-10-07' },
            { leaderId: 'L-fg2', weekOf: '2024-10-07' },
          ],
        },
        // rosters with slots: subdistrict W39 ✓, subdistrict W40 ✓, xiyuan W39 ✓, dongfeng W39 (Sunday) ✗, xiyuan W40 (never) ✗
        announcedAhead: {
          required: 5,
          fulfilled: 3,
          rate: 3 / 5,
          gaps: [
            { unit: 'dongfeng', weekOf: '2024-09-23', due: '2024-09-21', announcedAt: at('2024-09-22') },
            { unit: 'xiyuan', weekOf: '2024-09-30', due: '2024-09-28', announcedAt: null },
          ],
        },
      },
      screeningReports: {
        required: 12,
        fulfilled: 10,
        rate: 10 / 12,
        gaps: [
          { communityId: 'xiyuan', date: '2024-09-27' },
          { communityId: 'xiyuan', date: '2024-10-11' },
        ],
      },
      incidents: { massPetition: 1, extremeAct: 0, opinionHype: 0, total: 1, held: false },
      // open: c8 (20 Sep), c3 (15 Nov), c7 (26 Nov); c5 is rejected and has no deadline
      deadlineWarnings: { dueSoon: [], overdue: [{ caseId: 'c8', communityId: 'dongfeng', deadline: '2024-09-20', daysLeft: -25 }] },
      provisional: false,
      provisionalYears: [],
    });
  });
});

describe('a case that goes overdue (c2, deadline Tue 8 Oct, resolved Fri 11 Oct)', () => {
  /*
   * | as of            | backlog open                        | onTimeResolution (c1 c6 + …)       |
   * | 8 Oct 23:59      | c8 c3 c4 c7 = 4 (c2 due today: not) | c1 ✓ c6 ✓ = 2/2 (c4 is open again)  |
   * | 9 Oct 08:00      | c8 c2 c3 c4 c7 = 5 (c2 since 9 Oct) | + c2 ✗ = 2/3                       |
   * | 9 Oct 23:59      | c8 c2 c3 c7 = 4 (c4 resolved 16:00) | + c4 ✓ = 3/4                       |
   * | 11 Oct 23:59     | c8 c3 c5 c7 = 4 (c5 undecided past 10 Oct) | still 3/4: c2 resolved late  |
   * | 15 Oct 23:59     | c8 c3 c7 = 3 (c5 rejected 12 Oct)   | 3/4                                |
   */
  it('8 October: due today, neither overdue nor in the denominator', async () => {
    const k = await kpisAt(endOfDay('2024-10-08'));
    expect(k.backlog.open).toBe(4);
    expect(k.backlog.byReason).toEqual({ overdue: 1, repeat: 2, escalation: 1, reopened: 0 });
    expect(k.onTimeResolution).toEqual(rate(2, 2));
  });

  it('9 October in the morning: overdue, listed, and counted as not on time', async () => {
    const k = await kpisAt(at('2024-10-09', '08:00'));
    expect(k.backlog.open).toBe(5);
    expect(k.backlog.byReason).toEqual({ overdue: 2, repeat: 2, escalation: 1, reopened: 0 });
    expect(k.onTimeResolution).toEqual(rate(2, 3));
    expect(k.deadlineWarnings.overdue.map((w) => [w.caseId, w.daysLeft])).toEqual([
      ['c8', -19],
      ['c2', -1],
    ]);
  });

  it('9 October at the end of the day: c4 resolved on time joins the denominator', async () => {
    const k = await kpisAt(endOfDay('2024-10-09'));
    expect(k.backlog.open).toBe(4);
    expect(k.onTimeResolution).toEqual(rate(3, 4));
  });

  it('11 October: c2 is resolved (late) and leaves the backlog; c5, undecided past its 15 days, enters it', async () => {
    const k = await kpisAt(endOfDay('2024-10-11'));
    expect(k.backlog.open).toBe(4);
    expect(k.backlog.byReason).toEqual({ overdue: 2, repeat: 1, escalation: 1, reopened: 0 });
    // ever listed: c8 c2 c3 c4 c5 c7; resolved: c2 c4
    expect(k.backlog.resolution).toEqual(rate(2, 6));
    expect(k.onTimeResolution).toEqual(rate(3, 4));
  });
});

describe('timely acceptance (c5: registered 25 Sep, its 15 days end 10 Oct, rejected 12 Oct)', () => {
  it('10 October: c5 is not due yet — 6 decided in time of 6', async () => {
    expect((await kpisAt(endOfDay('2024-10-10'))).timelyAcceptance).toEqual(rate(6, 6));
  });
  it('11 October: its 15 days ended before T, undecided — 6 of 7', async () => {
    expect((await kpisAt(endOfDay('2024-10-11'))).timelyAcceptance).toEqual(rate(6, 7));
  });
  it('15 October: decided, but late — still 6 of 7', async () => {
    expect((await kpisAt(endOfDay('2024-10-15'))).timelyAcceptance).toEqual(rate(6, 7));
  });
});

describe('first petitions resolved at one go', () => {
  it('27 September: c4 (26 Sep) and c1 (27 Sep) both resolved on time, nothing since — 2 of 2', async () => {
    expect((await kpisAt(endOfDay('2024-09-27'))).firstPetitionOneTimeResolution).toEqual(rate(2, 2));
  });
  it('30 September: c4 repeated and reopened is no longer resolved — c1 alone, 1 of 1', async () => {
    expect((await kpisAt(endOfDay('2024-09-30'))).firstPetitionOneTimeResolution).toEqual(rate(1, 1));
  });
  it('15 October: c4 resolved again but repeated, c2 resolved late — 1 of 3', async () => {
    expect((await kpisAt(endOfDay('2024-10-15'))).firstPetitionOneTimeResolution).toEqual(rate(1, 3));
  });
});

describe('deadline warnings as of 8 October', () => {
  it('lists the open cases due today or in the 3 days after, and the overdue ones', async () => {
    // open on 8 Oct: c8 (20 Sep), c2 (8 Oct), c3 (15 Nov), c4 (reopened, 10 Oct), c5 (undecided, 10 Oct), c7 (26 Nov)
    expect((await kpisAt(endOfDay('2024-10-08'))).deadlineWarnings).toEqual({
      dueSoon: [
        { caseId: 'c2', communityId: 'xiyuan', deadline: '2024-10-08', daysLeft: 0 },
        { caseId: 'c4', communityId: 'xiyuan', deadline: '2024-10-10', daysLeft: 2 },
        { caseId: 'c5', communityId: 'dongfeng', deadline: '2024-10-10', daysLeft: 2 },
      ],
      overdue: [{ caseId: 'c8', communityId: 'dongfeng', deadline: '2024-09-20', daysLeft: -18 }],
    });
  });
});

describe('deadline warnings: "the 3 days after T"', () => {
  it('6 October: c4 and c5 (10 Oct) are 4 days away, not yet due soon', async () => {
    expect((await kpisAt(endOfDay('2024-10-06'))).deadlineWarnings.dueSoon).toEqual([
      { caseId: 'c2', communityId: 'xiyuan', deadline: '2024-10-08', daysLeft: 2 },
    ]);
  });
  it('7 October: 3 days away, they are', async () => {
    expect((await kpisAt(endOfDay('2024-10-07'))).deadlineWarnings.dueSoon.map((w) => [w.caseId, w.daysLeft])).toEqual([
      ['c2', 1],
      ['c4', 3],
      ['c5', 3],
    ]);
  });
});

describe('escalation to Beijing and the incident (8 October)', () => {
  it('7 October: none yet, 三个不发生 held', async () => {
    const k = await kpisAt(endOfDay('2024-10-07'));
    expect(k.escalations.beijing).toBe(0);
    expect(k.backlog.byReason.escalation).toBe(0);
    expect(k.incidents).toEqual({ massPetition: 0, extremeAct: 0, opinionHype: 0, total: 0, held: true });
  });
  it('8 October: one to Beijing, c3 listed for it, and held is false', async () => {
    const k = await kpisAt(endOfDay('2024-10-08'));
    expect(k.escalations).toEqual({ total: 1, city: 0, province: 0, beijing: 1, abnormal: 0, collective: 1 });
    expect(k.backlog.byReason.escalation).toBe(1);
    expect(k.incidents.held).toBe(false);
  });
});

describe('a window of one week (23–29 September), as of 29 September', () => {
  it('counts only what happened in it', async () => {
    const k = await kpisAt(endOfDay('2024-09-29'), { from: '2024-09-23', to: '2024-09-29' });
    // registered: c3 (23) c4 (24) c5 (25) c7 (26); visits: v3 (5), v7a (1), v7b (2)
    expect(k.volume.total).toBe(4);
    expect(k.visits).toEqual({ batches: 3, people: 8, collective: 1 });
    expect(k.repeatPetitions.total).toBe(1);
    // resolved in it: c1 (27, grid), c4 (26, community); satisfaction on 28 Sep for c1
    expect(k.resolutionLevels).toEqual({ grid: 1, community: 1, subdistrict: 0, above: 0, total: 2, keptBelowAbove: rate(2, 2) });
    expect(k.satisfaction).toEqual(rate(1, 1));
    expect(k.participation).toEqual(rate(1, 2));
    // working days 23 24 25 26 27 29: 29 Sep (a working Sunday) has no slot
    expect(k.receptionCompliance.dailyDuty).toEqual({ required: 6, fulfilled: 5, rate: 5 / 6, gaps: [{ date: '2024-09-29' }] });
    // the missed slot with a substitute fills 25 Sep, but does not count for L-dir
    expect(k.receptionCompliance.principalWeekly.gaps).toEqual([{ leaderId: 'L-dir', weekOf: '2024-09-23' }]);
    expect(k.screeningReports).toEqual({ required: 4, fulfilled: 3, rate: 3 / 4, gaps: [{ communityId: 'xiyuan', date: '2024-09-27' }] });
  });
});

describe('one community', () => {
  it('dongfeng, as of 15 October', async () => {
    const k = await kpisAt(endOfDay('2024-10-15'), { ...campaign, communityId: 'dongfeng' });
    expect(k.volume).toEqual({
      total: 4,
      byOrigin: { screening: 2, visit: 1, letter: 0, online: 1, phone: 0 },
      byCategory: { wageArrears: 1, realEstate: 0, neighbour: 0, landAndDemolition: 1, labour: 1, other: 1 },
      byCommunity: { dongfeng: 4 },
    });
    expect(k.visits).toEqual({ batches: 1, people: 5, collective: 1 });
    expect(k.repeatPetitions.total).toBe(0);
    // c8 (overdue) and c3 (escalation); neither resolved
    expect(k.backlog).toEqual({ open: 2, resolution: rate(0, 2), byReason: { overdue: 1, repeat: 0, escalation: 1, reopened: 0 } });
    expect(k.incidents.total).toBe(1);
    // the subdistrict's own rules are not the community's
    expect(k.receptionCompliance.principalWeekly).toEqual({ required: 0, fulfilled: 0, rate: null, gaps: [] });
    expect(k.receptionCompliance.dailyDuty).toEqual({ required: 0, fulfilled: 0, rate: null, gaps: [] });
    expect(k.receptionCompliance.firstGridLeaderWeekly).toMatchObject({ required: 4, fulfilled: 1 });
    expect(k.receptionCompliance.announcedAhead).toMatchObject({ required: 1, fulfilled: 0 });
    expect(k.screeningReports).toEqual({ required: 6, fulfilled: 6, rate: 1, gaps: [] });
  });

  it('xiyuan has no incident: 三个不发生 held there', async () => {
    const k = await kpisAt(endOfDay('2024-10-15'), { ...campaign, communityId: 'xiyuan' });
    expect(k.incidents.held).toBe(true);
    expect(k.packageResolution).toEqual(rate(0, 0));
  });
});

describe('as of a past date', () => {
  it('8 October: the same KPIs from the whole log seen as of then, from the log as it stood then, and from the whole world', async () => {
    const asOf = endOfDay('2024-10-08');
    const view = viewAt(asOf);
    const { all, snapshot } = await play(asOf);
    expect(snapshot.length).toBeLessThan(all.length);
    const fromSnapshot = kpis(await buildWorld(snapshot), view, campaign);
    expect(kpis(await buildWorld(all, view), view, campaign)).toEqual(fromSnapshot);
    expect(kpis(await buildWorld(all), view, campaign)).toEqual(fromSnapshot);
    // and they are 8 October's figures, not today's
    expect(fromSnapshot.volume.total).toBe(7);
    expect(fromSnapshot.backlog.open).toBe(4);
    expect(fromSnapshot.satisfaction).toEqual(rate(2, 2));
    expect(fromSnapshot.resolutionLevels.total).toBe(3);
    expect(fromSnapshot.timelyAcceptance).toEqual(rate(6, 6));
    expect(fromSnapshot.screeningReports).toMatchObject({ required: 8, fulfilled: 7 });
  });
});

describe('the window', () => {
  it('refuses a bound that is not a date', async () => {
    const { all } = await played;
    const world = await buildWorld(all);
    expect(() => kpis(world, viewAt(endOfDay('2024-10-15')), { from: '2024-9-15', to: '2024-10-15' })).toThrow(RangeError);
  });

  it('a window after T counts nothing, and uses no day', async () => {
    const k = await kpisAt(endOfDay('2024-10-15'), { from: '2027-09-01', to: '2027-09-30' });
    expect(k.volume.total).toBe(0);
    expect(k.timelyAcceptance).toEqual(rate(0, 0));
    expect(k.receptionCompliance.dailyDuty.required).toBe(0);
    expect(k.provisional).toBe(false);
  });
});
