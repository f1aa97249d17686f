import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, compareInstants, endOfDay, type AggregateName, type CommandOf } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { backlogLedger } from './backlog-ledger';
import { caseFile } from './case-file';
import { disputesLedger } from './disputes-ledger';
import { personFile } from './person-file';
import { plainPersonalData } from './personal-data';
import { createScenario } from './test-scenario';
import type { TimeView } from './view';
import { visitsLedger } from './visits-ledger';
import { buildWorld } from './world';

/*
 * "As of" and "as known at" (REPORTS.md: only events whose business time is ≤ asOf and whose recording
 * time is ≤ knownAt). All times +08:00, 2024; a step is typed in when it happens unless it says otherwise.
 *
 * | when (business)  | typed in        | what                                                                    |
 * | 1 Sep 8:00       |                 | community dongfeng 东风社区 (df1 东风第一网格); leader chen 陈芳 党工委副书记 |
 * | 1 Sep 9:00       |                 | a1 registered (screening, df1, 欠薪, petitioner 钱一 q1)                 |
 * | 1 Sep 10:00      |                 | a1 accepted                                                             |
 * | 2 Sep 9:00       |                 | a1 assigned: 劳动监察大队 / 陈芳 / 张伟 / 约谈施工方, deadline 3 Oct      |
 * | 20 Sep 10:00     |                 | a2 registered by visit w1 to 陈芳 (孙二 q2, 3 people, 邻里纠纷)            |
 * | 20 Sep 11:00     |                 | a2 accepted → deadline 19 Nov                                           |
 * | 4 Oct            |                 | a1 is overdue (deadline 3 Oct): listed since 4 Oct                      |
 * | 4 Oct 9:00       |                 | a1 progress 已约谈                                                       |
 * | 5 Oct 10:00      | **9 Oct 15:00** | a1 resolved 工资已结清 — the paper form is typed in four days late        |
 * | 10 Oct 9:00      |                 | a3 registered (other), rejected 11 Oct 9:00                             |
 * | 12 Oct 10:00     |                 | repeat visit w2 on a2 (still open) by 孙二 and 周四 q4: repeat → backlog  |
 * |                  |                 | since 12 Oct; 周四 joins the case's petitioners from then on             |
 */

const at = (date: string, time = '09:00') => `2024-${date}T${time}:00+08:00`;
type Step = { [N in AggregateName]: readonly [recordedAt: string, aggregate: N, streamId: string, command: CommandOf<N>] }[AggregateName];
const onCase = (recordedAt: string, caseId: string, command: CommandOf<'case'>): Step => [recordedAt, 'case', `case-${caseId}`, command];
const person = (personId: string, name: string, registeredAt: string): Step => [
  registeredAt,
  'person',
  `person-${personId}`,
  { type: 'RegisterPerson', data: { personId, registeredAt, sealed: { keyId: 'k', iv: '-', data: JSON.stringify({ name }), tag: '-' } } },
];

const steps: Step[] = [
  [at('09-01', '08:00'), 'community', 'community-dongfeng', {
    type: 'RegisterCommunity', data: { communityId: 'dongfeng', name: '东风社区', grids: [{ gridId: 'df1', name: '东风第一网格' }] },
  }],
  [at('09-01', '08:00'), 'leader', 'leader-chen', {
    type: 'RegisterLeader', data: { leaderId: 'chen', name: '陈芳', position: '党工委副书记', portfolio: '政法信访维稳', unit: 'subdistrict' },
  }],
  person('q1', '钱一', at('09-01')),
  onCase(at('09-01'), 'a1', {
    type: 'RegisterCase',
    data: { caseId: 'a1', origin: 'screening', communityId: 'dongfeng', gridId: 'df1', category: 'wageArrears', summary: '欠薪', registeredAt: at('09-01'), petitioners: [{ personId: 'q1' }] },
  }),
  onCase(at('09-01', '10:00'), 'a1', { type: 'DecideAcceptance', data: { caseId: 'a1', decision: 'accepted', at: at('09-01', '10:00') } }),
  onCase(at('09-02'), 'a1', {
    type: 'AssignCase',
    data: { caseId: 'a1', responsibleUnit: '劳动监察大队', responsibleLeaderId: 'chen', responsiblePerson: '张伟', measures: '约谈施工方', deadline: '2024-10-03', at: at('09-02') },
  }),
  person('q2', '孙二', at('09-20', '10:00')),
  onCase(at('09-20', '10:00'), 'a2', {
    type: 'RecordVisit',
    data: {
      caseId: 'a2', visitId: 'w1', leaderId: 'chen', receivedAt: at('09-20', '10:00'), location: '街道信访接待中心', visitorCount: 3,
      matter: '邻居违建挡光', petitioners: [{ personId: 'q2' }], communityId: 'dongfeng', category: 'neighbour',
    },
  }),
  onCase(at('09-20', '11:00'), 'a2', { type: 'DecideAcceptance', data: { caseId: 'a2', decision: 'accepted', at: at('09-20', '11:00') } }),
  onCase(at('10-04'), 'a1', { type: 'RecordProgress', data: { caseId: 'a1', at: at('10-04'), note: '已约谈' } }),
  // The late paper form: it happened on 5 Oct, the system learns it on 9 Oct at 15:00.
  onCase(at('10-09', '15:00'), 'a1', {
    type: 'ResolveCase',
    data: { caseId: 'a1', at: at('10-05', '10:00'), method: 'mediation', level: 'subdistrict', outcome: 'solved', summary: '工资已结清' },
  }),
  person('q3', '李三', at('10-10')),
  onCase(at('10-10'), 'a3', {
    type: 'RegisterCase',
    data: { caseId: 'a3', origin: 'phone', communityId: 'dongfeng', category: 'other', summary: '咨询政策', registeredAt: at('10-10'), petitioners: [{ personId: 'q3' }] },
  }),
  onCase(at('10-11'), 'a3', { type: 'DecideAcceptance', data: { caseId: 'a3', decision: 'rejected', at: at('10-11') } }),
  person('q4', '周四', at('10-12', '10:00')),
  onCase(at('10-12', '10:00'), 'a2', {
    type: 'RecordVisit',
    data: {
      caseId: 'a2', visitId: 'w2', leaderId: 'chen', receivedAt: at('10-12', '10:00'), location: '街道信访接待中心', visitorCount: 2,
      matter: '违建仍未拆除', petitioners: [{ personId: 'q2' }, { personId: 'q4' }], onExistingCase: true,
    },
  }),
];

let events: RecordedEvent[];
beforeAll(async () => {
  const scenario = createScenario();
  for (const [recordedAt, aggregate, streamId, command] of steps) await scenario.run(aggregate as never, streamId, command as never, recordedAt);
  events = await scenario.events();
});

const Q1 = { personId: 'q1', name: '钱一' };
const Q2 = { personId: 'q2', name: '孙二' };
const a1Row = {
  caseId: 'a1', community: '东风社区', grid: '东风第一网格', registeredAt: at('09-01'), petitioners: [Q1], peopleCount: 1,
  category: 'wageArrears', summary: '欠薪', demands: null, riskFlags: [], responsibleUnit: '劳动监察大队', responsibleLeader: '陈芳',
  responsiblePerson: '张伟', measures: '约谈施工方', deadline: '2024-10-03',
};
const a2Row = {
  caseId: 'a2', community: '东风社区', grid: null, registeredAt: at('09-20', '10:00'), petitioners: [Q2], peopleCount: 3,
  category: 'neighbour', summary: '邻居违建挡光', demands: null, riskFlags: [], responsibleUnit: null, responsibleLeader: null,
  responsiblePerson: null, measures: null, deadline: '2024-11-19', status: 'open', resolutionSummary: null,
};
const a1Backlog = {
  caseId: 'a1', petitioners: [Q1], community: '东风社区', summary: '欠薪', demands: null, reasons: ['overdue'], listedSince: '2024-10-04',
  packageLeader: [], fiveOnes: { taskForce: null, plan: null, minutes: null, stabilization: null }, fiveOnesComplete: false,
  deadline: '2024-10-03', latestProgress: { at: at('10-04'), note: '已约谈' },
};
const Q4 = { personId: 'q4', name: '周四' };
const a2Backlog = {
  caseId: 'a2', petitioners: [Q2, Q4], community: '东风社区', summary: '邻居违建挡光', demands: null, reasons: ['repeat'], listedSince: '2024-10-12',
  packageLeader: [], fiveOnes: { taskForce: null, plan: null, minutes: null, stabilization: null }, fiveOnesComplete: false,
  deadline: '2024-11-19', latestProgress: null,
};

/** The ledgers of a view over the whole log; or, given `source`, over those events alone, unfiltered. */
const ledgersFor = async (view: TimeView, source?: readonly RecordedEvent[]) => {
  const world = source === undefined ? await buildWorld(events, view) : await buildWorld(source);
  return {
    disputes: disputesLedger(world, view, {}, plainPersonalData),
    backlog: backlogLedger(world, view, {}, plainPersonalData),
    visits: visitsLedger(world, view, {}, plainPersonalData),
  };
};

describe('a resolution typed in late (happened 5 Oct, recorded 9 Oct 15:00), as of 6 Oct', () => {
  const asOf = endOfDay('2024-10-06');

  it('known on 8 Oct: a1 is still in progress and in the backlog, overdue since 4 Oct', async () => {
    const view = { asOf, knownAt: endOfDay('2024-10-08') };
    const { disputes, backlog } = await ledgersFor(view);
    expect(disputes).toEqual({
      asOf,
      knownAt: endOfDay('2024-10-08'),
      total: 2,
      rows: [
        { seq: 1, ...a1Row, status: 'inProgress', resolutionSummary: null },
        { seq: 2, ...a2Row },
      ],
    });
    expect(backlog).toEqual({ asOf, knownAt: endOfDay('2024-10-08'), total: 1, rows: [{ seq: 1, ...a1Backlog }] });
  });

  it('known a moment before it was typed in: the same', async () => {
    const view = { asOf, knownAt: '2024-10-09T14:59:59.999+08:00' };
    const { disputes, backlog } = await ledgersFor(view);
    expect(disputes.rows[0]).toEqual({ seq: 1, ...a1Row, status: 'inProgress', resolutionSummary: null });
    expect(backlog.rows).toEqual([{ seq: 1, ...a1Backlog }]);
  });

  it('known on 9 Oct after 15:00, or later: a1 was resolved on 5 Oct, and has left the backlog', async () => {
    for (const knownAt of [at('10-09', '15:00'), endOfDay('2024-10-09'), endOfDay('2024-12-31')]) {
      const { disputes, backlog } = await ledgersFor({ asOf, knownAt });
      expect(disputes).toEqual({
        asOf,
        knownAt,
        total: 2,
        rows: [
          { seq: 1, ...a1Row, status: 'resolved', resolutionSummary: '工资已结清' },
          { seq: 2, ...a2Row },
        ],
      });
      expect(backlog).toEqual({ asOf, knownAt, total: 0, rows: [] });
    }
  });

  it('as of 4 Oct, whatever is known, a1 was not yet resolved: in the backlog since that day', async () => {
    const view = { asOf: endOfDay('2024-10-04'), knownAt: endOfDay('2024-12-31') };
    const { disputes, backlog } = await ledgersFor(view);
    expect(disputes.rows[0]).toEqual({ seq: 1, ...a1Row, status: 'inProgress', resolutionSummary: null });
    expect(backlog.rows).toEqual([{ seq: 1, ...a1Backlog }]);
  });

  it('as of 15 Oct, known on 15 Oct: a1 resolved; a2 listed for its repeat visit of 12 Oct; a3 rejected', async () => {
    const view = { asOf: endOfDay('2024-10-15'), knownAt: endOfDay('2024-10-15') };
    const { disputes, backlog, visits } = await ledgersFor(view);
    expect(disputes.rows).toEqual([
      { seq: 1, ...a1Row, status: 'resolved', resolutionSummary: '工资已结清' },
      { seq: 2, ...a2Row, petitioners: [Q2, Q4] },
      {
        seq: 3, caseId: 'a3', community: '东风社区', grid: null, registeredAt: at('10-10'), petitioners: [{ personId: 'q3', name: '李三' }],
        peopleCount: 1, category: 'other', summary: '咨询政策', demands: null, riskFlags: [], responsibleUnit: null, responsibleLeader: null,
        responsiblePerson: null, measures: null, deadline: null, status: 'rejected', resolutionSummary: null,
      },
    ]);
    expect(backlog.rows).toEqual([{ seq: 1, ...a2Backlog }]);
    expect(visits.rows.map((row) => [row.visitId, row.repeat, row.visitorCount])).toEqual([
      ['w1', false, 3],
      ['w2', true, 2],
    ]);
  });
});

describe('a ledger as of a past date equals the ledger built from only the events up to then', () => {
  it('on 6 Oct, by hand: a1 overdue and unresolved (its resolution was not typed in yet)', async () => {
    const D = endOfDay('2024-10-06');
    const upToThen = events.filter((e) => compareInstants(e.meta.recordedAt, D) <= 0);
    const view = { asOf: D, knownAt: D };
    const { disputes, backlog } = await ledgersFor(view, upToThen);
    expect(disputes.rows).toEqual([
      { seq: 1, ...a1Row, status: 'inProgress', resolutionSummary: null },
      { seq: 2, ...a2Row },
    ]);
    expect(backlog.rows).toEqual([{ seq: 1, ...a1Backlog }]);
  });

  it('every day from 31 Aug to 20 Oct: the view over the whole log = the log as it stood that evening', async () => {
    for (let day = '2024-08-31'; day <= '2024-10-20'; day = addDays(day, 1)) {
      const D = endOfDay(day);
      const view = { asOf: D, knownAt: D };
      const upToThen = events.filter((e) => compareInstants(e.meta.recordedAt, D) <= 0);
      expect(await ledgersFor(view), day).toEqual(await ledgersFor(view, upToThen));
      const [whole, then] = [await buildWorld(events, view), await buildWorld(upToThen)];
      for (const caseId of ['a1', 'a2', 'a3']) {
        expect(caseFile(whole, view, caseId, plainPersonalData), `${caseId} ${day}`).toEqual(caseFile(then, view, caseId, plainPersonalData));
      }
      for (const personId of ['q2', 'q4']) {
        expect(personFile(whole, view, personId, plainPersonalData), `${personId} ${day}`).toEqual(personFile(then, view, personId, plainPersonalData));
      }
    }
  });
});
