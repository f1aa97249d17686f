import { beforeAll, describe, expect, it } from 'vitest';
import { dutyStream, endOfDay, type AggregateName, type CommandOf } from '@xinfang/domain';
import { backlogLedger } from './backlog-ledger';
import { caseFile } from './case-file';
import { disputesLedger, type DisputesRow } from './disputes-ledger';
import { dutiesLedger } from './duties-ledger';
import { toLedger } from './ledger';
import { personFile } from './person-file';
import { plainPersonalData, type PersonalData } from './personal-data';
import { previousReportDay, screeningReport } from './screening-report';
import { createScenario } from './test-scenario';
import type { TimeView } from './view';
import { visitsLedger } from './visits-ledger';
import { buildWorld, type World } from './world';

/*
 * The worked example: a written scenario run through the real deciders, and every ledger row worked out
 * by hand. All times are Asia/Shanghai (+08:00), 2024. Unless a step says otherwise it was typed in at
 * the moment it happened.
 *
 * Reference data (typed in 1 Sep):
 *   communities  dongfeng 东风社区 (df1 东风第一网格, df2 东风第二网格) · xihu 西湖社区 (xh1 西湖第一网格)
 *                nanshan 南山社区 (ns1 南山第一网格)
 *   leaders      wang 王建国 党工委书记 / 全面工作 (subdistrict, principal)
 *                li   李明   办事处主任 / 政府全面工作 (subdistrict, principal)
 *                chen 陈芳   党工委副书记 / 政法信访维稳 (subdistrict)
 *                zhao 赵刚   东风社区党委书记 / 东风社区全面工作 (dongfeng, first grid leader)
 *
 * | case | community / grid | origin    | registered  | what happens                                                          | at T = 15 Oct          |
 * | c1   | dongfeng / df1   | screening | 18 Sep 9:00 | accepted 18 Sep; assigned 20 Sep, deadline 10 Oct; 包案 陈芳; 专班 only  | overdue → backlog 11 Oct |
 * | c2   | dongfeng / —     | visit v1  | 19 Sep 10:00| assigned, deadline 31 Oct; resolved 27 Sep; repeat visit v3 8 Oct     | reopened, backlog `repeat` since 8 Oct |
 * | c3   | xihu / xh1       | online    | 5 Sep 9:00  | resolved 20 Sep; 复查 decided 30 Sep; 复核 decided 9 Oct (final); repeat 12 Oct | stays resolved, no backlog |
 * | c4   | nanshan / ns1    | letter    | 10 Sep 9:00 | deadline 9 Nov; 包案 王建国 + all four 五个一; 进京 3 Oct; progress 10 Oct, and 5 Oct typed in 11 Oct | backlog `escalation` since 3 Oct |
 * | c5   | dongfeng / —     | visit v2  | 9 Oct 9:30  | collective visit, 5 people (刘大, 刘二 named); accepted; transferred; notified | open, deadline 8 Dec |
 * | c6   | xihu / —         | online    | 20 Sep 9:00 | rejected 25 Sep; notified                                              | rejected, no deadline |
 * | c7   | dongfeng / df2   | screening | 8 Oct 9:00  | undecided; its petitioner 吴八 is forgotten 12 Oct                      | open, deadline 23 Oct, `[已删除]` |
 * | c8   | dongfeng / df1   | screening | 10 Oct 9:00 | resolved on the spot 10 Oct; closed 12 Oct                              | closed |
 * | c9   | xihu / xh1       | screening | 30 Sep 9:00 | resolved 8 Oct                                                          | resolved |
 *
 * Duties, week of 7 Oct (typed in 5 Oct): subdistrict d1 8 Oct 王建国, d2 9 Oct 李明, d3 10 Oct 陈芳
 * (missed: 参加市里会议, 李明 stands in), d4 11 Oct 王建国, d5 12 Oct (Saturday, a swapped working day)
 * 陈芳, all at 街道信访接待中心; announced 5 Oct 10:00 (街道公众号) and again 6 Oct (公告栏). dongfeng d6 9 Oct
 * 赵刚 at 东风社区接待室, never announced.
 * Screening reports for Wed 9 Oct: xihu lists c9; nanshan sends a nil report. dongfeng sends none for Fri 11 Oct.
 */

const at = (date: string, time = '09:00') => `2024-${date}T${time}:00+08:00`;
const REFERENCE_TYPED_IN = at('09-01', '08:00');

const personalData: Record<string, PersonalData> = {
  p1: { name: '张三', idNumber: '350582198001011018', phone: '13800000001', address: '东风社区1号楼' },
  p2: { name: '李四', idNumber: '35058219850215202X', phone: '13800000002', address: '东风社区2号楼' },
  p3: { name: '王五', idNumber: '350582199003103033', phone: '13800000003', address: '西湖社区3号楼' },
  p4: { name: '赵六', idNumber: '350582197511204042', address: '南山村4组' },
  p5: { name: '刘大', idNumber: '350582198808085050', phone: '13800000005' },
  p6: { name: '刘二' },
  p7: { name: '周七', phone: '13800000007' },
  p8: { name: '吴八', idNumber: '350582196606068085', phone: '13800000008', address: '东风社区8号楼' },
  p9: { name: '郑九', phone: '13800000009' },
  p10: { name: '冯十', address: '西湖社区10号楼' },
};
// What the ledgers show of each (the plain reader opens every file that is not forgotten).
const P1 = { personId: 'p1', name: '张三', idNumber: '350582198001011018', phone: '13800000001', address: '东风社区1号楼' };
const P2 = { personId: 'p2', name: '李四', idNumber: '35058219850215202X', phone: '13800000002', address: '东风社区2号楼' };
const P3 = { personId: 'p3', name: '王五', idNumber: '350582199003103033', phone: '13800000003', address: '西湖社区3号楼' };
const P4 = { personId: 'p4', name: '赵六', idNumber: '350582197511204042', address: '南山村4组' };
const P5 = { personId: 'p5', name: '刘大', idNumber: '350582198808085050', phone: '13800000005' };
const P6 = { personId: 'p6', name: '刘二' };
const P7 = { personId: 'p7', name: '周七', phone: '13800000007' };
const P8_ERASED = { personId: 'p8', name: '[已删除]' };
const P8 = { personId: 'p8', name: '吴八', idNumber: '350582196606068085', phone: '13800000008', address: '东风社区8号楼' };
const P9 = { personId: 'p9', name: '郑九', phone: '13800000009' };
const P10 = { personId: 'p10', name: '冯十', address: '西湖社区10号楼' };

type Step = { [N in AggregateName]: readonly [recordedAt: string, aggregate: N, streamId: string, command: CommandOf<N>] }[AggregateName];

const person = (personId: string, registeredAt: string): Step => [
  registeredAt,
  'person',
  `person-${personId}`,
  {
    type: 'RegisterPerson',
    data: { personId, registeredAt, sealed: { keyId: 'k', iv: '-', data: JSON.stringify(personalData[personId]), tag: '-' } },
  },
];
const onCase = (recordedAt: string, caseId: string, command: CommandOf<'case'>): Step => [recordedAt, 'case', `case-${caseId}`, command];
const accept = (caseId: string, when: string): Step =>
  onCase(when, caseId, { type: 'DecideAcceptance', data: { caseId, decision: 'accepted', at: when } });
const duty = (dutyId: string, date: string, leaderId: string, unit: string, location: string): Step => [
  at('10-05'),
  'duty',
  dutyStream(unit, date),
  { type: 'ScheduleDuty', data: { dutyId, date, leaderId, location, unit } },
];
const HALL = '街道信访接待中心';
const DF_ROOM = '东风社区接待室';

const steps: Step[] = [
  // ——— reference data ———
  [REFERENCE_TYPED_IN, 'community', 'community-dongfeng', {
    type: 'RegisterCommunity',
    data: { communityId: 'dongfeng', name: '东风社区', grids: [{ gridId: 'df1', name: '东风第一网格' }, { gridId: 'df2', name: '东风第二网格' }] },
  }],
  [REFERENCE_TYPED_IN, 'community', 'community-xihu', {
    type: 'RegisterCommunity',
    data: { communityId: 'xihu', name: '西湖社区', grids: [{ gridId: 'xh1', name: '西湖第一网格' }] },
  }],
  [REFERENCE_TYPED_IN, 'community', 'community-nanshan', {
    type: 'RegisterCommunity',
    data: { communityId: 'nanshan', name: '南山社区', grids: [{ gridId: 'ns1', name: '南山第一网格' }] },
  }],
  [REFERENCE_TYPED_IN, 'leader', 'leader-wang', {
    type: 'RegisterLeader',
    data: { leaderId: 'wang', name: '王建国', position: '党工委书记', portfolio: '全面工作', unit: 'subdistrict', principal: true },
  }],
  [REFERENCE_TYPED_IN, 'leader', 'leader-li', {
    type: 'RegisterLeader',
    data: { leaderId: 'li', name: '李明', position: '办事处主任', portfolio: '政府全面工作', unit: 'subdistrict', principal: true },
  }],
  [REFERENCE_TYPED_IN, 'leader', 'leader-chen', {
    type: 'RegisterLeader',
    data: { leaderId: 'chen', name: '陈芳', position: '党工委副书记', portfolio: '政法信访维稳', unit: 'subdistrict' },
  }],
  [REFERENCE_TYPED_IN, 'leader', 'leader-zhao', {
    type: 'RegisterLeader',
    data: { leaderId: 'zhao', name: '赵刚', position: '东风社区党委书记', portfolio: '东风社区全面工作', unit: 'dongfeng', firstGridLeader: true },
  }],

  // ——— c3: resolved, reviewed twice (final), then a repeat petition that is not accepted again ———
  person('p3', at('09-05')),
  onCase(at('09-05'), 'c3', {
    type: 'RegisterCase',
    data: {
      caseId: 'c3', origin: 'online', communityId: 'xihu', gridId: 'xh1', category: 'realEstate',
      summary: '房屋漏水开发商不维修', demands: '要求维修并赔偿', registeredAt: at('09-05'), petitioners: [{ personId: 'p3' }],
    },
  }),
  accept('c3', at('09-05', '10:00')),
  onCase(at('09-06'), 'c3', {
    type: 'AssignCase',
    data: { caseId: 'c3', responsibleUnit: '住建局', responsibleLeaderId: 'li', responsiblePerson: '刘洋', measures: '督促开发商维修', deadline: '2024-09-30', at: at('09-06') },
  }),

  // ——— c4: escalated to Beijing ———
  person('p4', at('09-10')),
  onCase(at('09-10'), 'c4', {
    type: 'RegisterCase',
    data: {
      caseId: 'c4', origin: 'letter', communityId: 'nanshan', gridId: 'ns1', category: 'landAndDemolition',
      summary: '征地补偿款分配争议', demands: '重新核定补偿', riskFlags: ['escalation'], registeredAt: at('09-10'),
      petitioners: [{ personId: 'p4' }],
    },
  }),
  accept('c4', at('09-10', '10:00')),
  onCase(at('09-12'), 'c4', {
    type: 'AssignCase',
    data: { caseId: 'c4', responsibleUnit: '街道征迁办', responsibleLeaderId: 'wang', responsiblePerson: '陈刚', measures: '核查补偿标准', deadline: '2024-11-09', at: at('09-12') },
  }),
  onCase(at('09-13'), 'c4', { type: 'PackageCase', data: { caseId: 'c4', leaderId: 'wang', at: at('09-13') } }),
  onCase(at('09-14'), 'c4', { type: 'RecordFiveOnes', data: { caseId: 'c4', item: 'taskForce', detail: '征迁专班', at: at('09-14') } }),
  onCase(at('09-15'), 'c4', { type: 'RecordFiveOnes', data: { caseId: 'c4', item: 'plan', detail: '补偿复核方案', at: at('09-15') } }),
  onCase(at('09-16'), 'c4', { type: 'RecordFiveOnes', data: { caseId: 'c4', item: 'minutes', detail: '9月16日专题会议纪要', at: at('09-16') } }),
  onCase(at('09-17'), 'c4', { type: 'RecordFiveOnes', data: { caseId: 'c4', item: 'stabilization', detail: '包保稳控，每日联系', at: at('09-17') } }),

  // ——— c1: goes overdue ———
  person('p1', at('09-18')),
  onCase(at('09-18'), 'c1', {
    type: 'RegisterCase',
    data: {
      caseId: 'c1', origin: 'screening', communityId: 'dongfeng', gridId: 'df1', category: 'wageArrears',
      summary: '工地拖欠张三工资', demands: '支付拖欠工资2万元', registeredAt: at('09-18'), petitioners: [{ personId: 'p1' }],
    },
  }),
  accept('c1', at('09-18', '10:00')),

  // ——— c2: registered by visit v1 ———
  person('p2', at('09-19', '10:00')),
  onCase(at('09-19', '10:00'), 'c2', {
    type: 'RecordVisit',
    data: {
      caseId: 'c2', visitId: 'v1', leaderId: 'zhao', receivedAt: at('09-19', '10:00'), location: DF_ROOM, visitorCount: 1,
      matter: '楼上装修噪音扰民', petitioners: [{ personId: 'p2' }], communityId: 'dongfeng', category: 'neighbour',
      demands: '停止夜间施工', handlingOpinion: '社区组织双方调解',
    },
  }),
  accept('c2', at('09-19', '11:00')),
  onCase(at('09-20'), 'c1', {
    type: 'AssignCase',
    data: { caseId: 'c1', responsibleUnit: '劳动监察大队', responsibleLeaderId: 'chen', responsiblePerson: '张伟', measures: '约谈施工方', deadline: '2024-10-10', at: at('09-20') },
  }),
  onCase(at('09-20', '10:00'), 'c2', {
    type: 'AssignCase',
    data: { caseId: 'c2', responsibleUnit: '东风社区', responsibleLeaderId: 'zhao', responsiblePerson: '黄梅', measures: '组织双方调解', deadline: '2024-10-31', at: at('09-20', '10:00') },
  }),
  onCase(at('09-20', '10:00'), 'c3', {
    type: 'ResolveCase',
    data: { caseId: 'c3', at: at('09-20', '10:00'), method: 'adminReview', level: 'subdistrict', outcome: 'solved', summary: '开发商完成维修' },
  }),

  // ——— c6: rejected ———
  person('p7', at('09-20')),
  onCase(at('09-20'), 'c6', {
    type: 'RegisterCase',
    data: {
      caseId: 'c6', origin: 'online', communityId: 'xihu', category: 'other', summary: '要求解决个人债务纠纷',
      registeredAt: at('09-20'), petitioners: [{ personId: 'p7' }],
    },
  }),
  onCase(at('09-21'), 'c1', { type: 'PackageCase', data: { caseId: 'c1', leaderId: 'chen', at: at('09-21') } }),
  onCase(at('09-22'), 'c1', { type: 'RecordFiveOnes', data: { caseId: 'c1', item: 'taskForce', detail: '劳动监察、司法所联合专班', at: at('09-22') } }),
  onCase(at('09-25'), 'c6', { type: 'DecideAcceptance', data: { caseId: 'c6', decision: 'rejected', at: at('09-25'), reason: '属于民事纠纷，应通过诉讼解决' } }),
  onCase(at('09-25', '10:00'), 'c6', { type: 'NotifyPetitioner', data: { caseId: 'c6', at: at('09-25', '10:00'), content: '已告知不予受理及理由' } }),
  onCase(at('09-25'), 'c3', { type: 'RequestReview', data: { caseId: 'c3', level: 'review', at: at('09-25') } }),
  onCase(at('09-27', '15:00'), 'c2', {
    type: 'ResolveCase',
    data: { caseId: 'c2', at: at('09-27', '15:00'), method: 'mediation', level: 'community', outcome: 'solved', summary: '双方签订调解协议，夜间停工' },
  }),
  onCase(at('09-28'), 'c2', { type: 'RecordSatisfaction', data: { caseId: 'c2', at: at('09-28'), satisfied: true } }),

  // ——— c9: screened in xihu, resolved ———
  person('p10', at('09-30')),
  onCase(at('09-30'), 'c9', {
    type: 'RegisterCase',
    data: {
      caseId: 'c9', origin: 'screening', communityId: 'xihu', gridId: 'xh1', category: 'neighbour', summary: '邻里漏水纠纷',
      registeredAt: at('09-30'), petitioners: [{ personId: 'p10' }],
    },
  }),
  accept('c9', at('09-30', '10:00')),
  onCase(at('09-30', '11:00'), 'c9', {
    type: 'AssignCase',
    data: { caseId: 'c9', responsibleUnit: '西湖社区', responsibleLeaderId: 'li', responsiblePerson: '社区调解员', measures: '上门调解', deadline: '2024-10-15', at: at('09-30', '11:00') },
  }),
  onCase(at('09-30'), 'c3', { type: 'DecideReview', data: { caseId: 'c3', level: 'review', at: at('09-30'), outcome: 'upheld' } }),
  onCase(at('10-03'), 'c4', { type: 'RecordEscalation', data: { caseId: 'c4', at: at('10-03'), level: 'beijing' } }),
  onCase(at('10-05'), 'c3', { type: 'RequestReview', data: { caseId: 'c3', level: 'reReview', at: at('10-05') } }),

  // ——— the subdistrict's roster for the week of 7 Oct, and dongfeng's ———
  duty('d1', '2024-10-08', 'wang', 'subdistrict', HALL),
  duty('d2', '2024-10-09', 'li', 'subdistrict', HALL),
  duty('d3', '2024-10-10', 'chen', 'subdistrict', HALL),
  duty('d4', '2024-10-11', 'wang', 'subdistrict', HALL),
  duty('d5', '2024-10-12', 'chen', 'subdistrict', HALL),
  duty('d6', '2024-10-09', 'zhao', 'dongfeng', DF_ROOM),
  [at('10-05', '10:00'), 'duty', dutyStream('subdistrict', '2024-10-07'), {
    type: 'AnnounceRoster', data: { unit: 'subdistrict', weekOf: '2024-10-07', publishedAt: at('10-05', '10:00'), channel: '街道公众号' },
  }],
  [at('10-06', '10:00'), 'duty', dutyStream('subdistrict', '2024-10-07'), {
    type: 'AnnounceRoster', data: { unit: 'subdistrict', weekOf: '2024-10-07', publishedAt: at('10-06', '10:00'), channel: '公告栏' },
  }],

  // ——— c7: screened in dongfeng; its petitioner is forgotten later ———
  person('p8', at('10-08')),
  onCase(at('10-08'), 'c7', {
    type: 'RegisterCase',
    data: {
      caseId: 'c7', origin: 'screening', communityId: 'dongfeng', gridId: 'df2', category: 'neighbour', summary: '相邻通道占用纠纷',
      registeredAt: at('10-08'), petitioners: [{ personId: 'p8' }],
    },
  }),
  onCase(at('10-08', '10:00'), 'c9', {
    type: 'ResolveCase',
    data: { caseId: 'c9', at: at('10-08', '10:00'), method: 'mediation', level: 'community', outcome: 'solved', summary: '修复防水层，赔偿损失' },
  }),
  // c2: a repeat visit on the resolved case reopens it.
  onCase(at('10-08', '15:00'), 'c2', {
    type: 'RecordVisit',
    data: {
      caseId: 'c2', visitId: 'v3', leaderId: 'wang', receivedAt: at('10-08', '15:00'), location: HALL, visitorCount: 1,
      matter: '调解协议未履行，夜间仍施工', petitioners: [{ personId: 'p2' }], demands: '要求执法部门介入', onExistingCase: true,
    },
  }),
  onCase(at('10-08', '16:00'), 'c1', { type: 'RecordProgress', data: { caseId: 'c1', at: at('10-08', '16:00'), note: '已约谈施工方负责人' } }),

  // ——— c5: a collective visit of 5 people ———
  person('p5', at('10-09', '09:30')),
  person('p6', at('10-09', '09:30')),
  onCase(at('10-09', '09:30'), 'c5', {
    type: 'RecordVisit',
    data: {
      caseId: 'c5', visitId: 'v2', leaderId: 'li', receivedAt: at('10-09', '09:30'), location: HALL, visitorCount: 5,
      matter: '某建筑工地拖欠5名工人工资', petitioners: [{ personId: 'p5' }, { personId: 'p6' }], communityId: 'dongfeng',
      category: 'wageArrears', demands: '支付工资共8万元', handlingOpinion: '转劳动监察大队依法处理',
    },
  }),
  onCase(at('10-09'), 'c3', { type: 'DecideReview', data: { caseId: 'c3', level: 'reReview', at: at('10-09'), outcome: 'upheld' } }),
  onCase(at('10-09', '10:00'), 'c2', { type: 'TransferCase', data: { caseId: 'c2', toUnit: '城管执法中队', at: at('10-09', '10:00'), note: '夜间施工执法' } }),
  onCase(at('10-09', '11:00'), 'c2', { type: 'NotifyPetitioner', data: { caseId: 'c2', at: at('10-09', '11:00'), content: '已告知转城管执法中队处理' } }),
  accept('c5', at('10-09', '11:00')),
  [at('10-09', '17:00'), 'screening', 'screening-xihu-2024-10-09', {
    type: 'SubmitScreeningReport', data: { communityId: 'xihu', reportDate: '2024-10-09', caseIds: ['c9'] },
  }],
  [at('10-09', '17:00'), 'screening', 'screening-nanshan-2024-10-09', {
    type: 'SubmitScreeningReport', data: { communityId: 'nanshan', reportDate: '2024-10-09', caseIds: [], nil: true },
  }],

  // ——— c8: resolved on the spot, then closed ———
  person('p9', at('10-10')),
  onCase(at('10-10'), 'c8', {
    type: 'RegisterCase',
    data: {
      caseId: 'c8', origin: 'screening', communityId: 'dongfeng', gridId: 'df1', category: 'other', summary: '小区停车位纠纷',
      registeredAt: at('10-10'), petitioners: [{ personId: 'p9' }],
    },
  }),
  [at('10-10', '08:30'), 'duty', dutyStream('subdistrict', '2024-10-10'), {
    type: 'MarkDutyMissed', data: { dutyId: 'd3', at: at('10-10', '08:30'), reason: '参加市里会议', substituteLeaderId: 'li' },
  }],
  onCase(at('10-10'), 'c4', { type: 'RecordProgress', data: { caseId: 'c4', at: at('10-10'), note: '补偿方案公示' } }),
  onCase(at('10-10', '09:00'), 'c5', { type: 'TransferCase', data: { caseId: 'c5', toUnit: '劳动监察大队', at: at('10-10', '09:00') } }),
  accept('c8', at('10-10', '09:30')),
  onCase(at('10-10', '10:00'), 'c8', {
    type: 'AssignCase',
    data: { caseId: 'c8', responsibleUnit: '东风社区', responsibleLeaderId: 'zhao', responsiblePerson: '黄梅', measures: '现场调解', deadline: '2024-10-12', at: at('10-10', '10:00') },
  }),
  onCase(at('10-10', '10:00'), 'c5', { type: 'NotifyPetitioner', data: { caseId: 'c5', at: at('10-10', '10:00'), content: '已告知来访人转劳动监察大队办理' } }),
  onCase(at('10-10', '16:00'), 'c8', {
    type: 'ResolveCase',
    data: { caseId: 'c8', at: at('10-10', '16:00'), method: 'onSite', level: 'grid', outcome: 'solved', summary: '当场调解，划定车位' },
  }),
  // c4's hearing of 5 Oct is typed in on 11 Oct, after the note of 10 Oct.
  onCase(at('10-11'), 'c4', { type: 'RecordProgress', data: { caseId: 'c4', at: at('10-05'), note: '召开听证会' } }),
  onCase(at('10-12'), 'c8', { type: 'CloseCase', data: { caseId: 'c8', at: at('10-12') } }),
  [at('10-12'), 'person', 'person-p8', { type: 'ErasePerson', data: { personId: 'p8', at: at('10-12') } }],
  onCase(at('10-12'), 'c3', { type: 'RecordRepeat', data: { caseId: 'c3', at: at('10-12'), channel: 'phone' } }),
];

/** "As of D" with everything typed in by then. */
const on = (date: string): TimeView => ({ asOf: endOfDay(date), knownAt: endOfDay(date) });

let events: Awaited<ReturnType<ReturnType<typeof createScenario>['events']>>;
const worlds = new Map<string, World>();
const worldOn = async (date: string): Promise<World> => {
  const cached = worlds.get(date);
  if (cached) return cached;
  const world = await buildWorld(events, on(date));
  worlds.set(date, world);
  return world;
};

beforeAll(async () => {
  const scenario = createScenario();
  for (const [recordedAt, aggregate, streamId, command] of steps) {
    await scenario.run(aggregate as never, streamId, command as never, recordedAt);
  }
  events = await scenario.events();
});

// ——— 附件1 as of 15 Oct, every row by hand ———

const c3Row: DisputesRow = {
  caseId: 'c3', community: '西湖社区', grid: '西湖第一网格', registeredAt: at('09-05'), petitioners: [P3], peopleCount: 1,
  category: 'realEstate', summary: '房屋漏水开发商不维修', demands: '要求维修并赔偿', riskFlags: [],
  responsibleUnit: '住建局', responsibleLeader: '李明', responsiblePerson: '刘洋', measures: '督促开发商维修',
  deadline: '2024-09-30', status: 'resolved', resolutionSummary: '开发商完成维修',
};
const c4Row: DisputesRow = {
  caseId: 'c4', community: '南山社区', grid: '南山第一网格', registeredAt: at('09-10'), petitioners: [P4], peopleCount: 1,
  category: 'landAndDemolition', summary: '征地补偿款分配争议', demands: '重新核定补偿', riskFlags: ['escalation'],
  responsibleUnit: '街道征迁办', responsibleLeader: '王建国', responsiblePerson: '陈刚', measures: '核查补偿标准',
  deadline: '2024-11-09', status: 'inProgress', resolutionSummary: null,
};
const c1Row: DisputesRow = {
  caseId: 'c1', community: '东风社区', grid: '东风第一网格', registeredAt: at('09-18'), petitioners: [P1], peopleCount: 1,
  category: 'wageArrears', summary: '工地拖欠张三工资', demands: '支付拖欠工资2万元', riskFlags: [],
  responsibleUnit: '劳动监察大队', responsibleLeader: '陈芳', responsiblePerson: '张伟', measures: '约谈施工方',
  deadline: '2024-10-10', status: 'inProgress', resolutionSummary: null,
};
// Registered by a visit: the summary is the visit's matter, and a visit names no grid.
const c2Row: DisputesRow = {
  caseId: 'c2', community: '东风社区', grid: null, registeredAt: at('09-19', '10:00'), petitioners: [P2], peopleCount: 1,
  category: 'neighbour', summary: '楼上装修噪音扰民', demands: '停止夜间施工', riskFlags: [],
  responsibleUnit: '东风社区', responsibleLeader: '赵刚', responsiblePerson: '黄梅', measures: '组织双方调解',
  // Reopened by the repeat visit: in progress again, and the earlier resolution is still what 化解情况 says.
  deadline: '2024-10-31', status: 'inProgress', resolutionSummary: '双方签订调解协议，夜间停工',
};
const c6Row: DisputesRow = {
  caseId: 'c6', community: '西湖社区', grid: null, registeredAt: at('09-20'), petitioners: [P7], peopleCount: 1,
  category: 'other', summary: '要求解决个人债务纠纷', demands: null, riskFlags: [],
  responsibleUnit: null, responsibleLeader: null, responsiblePerson: null, measures: null,
  deadline: null, status: 'rejected', resolutionSummary: null,
};
const c9Row: DisputesRow = {
  caseId: 'c9', community: '西湖社区', grid: '西湖第一网格', registeredAt: at('09-30'), petitioners: [P10], peopleCount: 1,
  category: 'neighbour', summary: '邻里漏水纠纷', demands: null, riskFlags: [],
  responsibleUnit: '西湖社区', responsibleLeader: '李明', responsiblePerson: '社区调解员', measures: '上门调解',
  deadline: '2024-10-15', status: 'resolved', resolutionSummary: '修复防水层，赔偿损失',
};
// Undecided: registration + 15 days = 23 Oct. Its petitioner was forgotten on 12 Oct.
const c7Row: DisputesRow = {
  caseId: 'c7', community: '东风社区', grid: '东风第二网格', registeredAt: at('10-08'), petitioners: [P8_ERASED], peopleCount: 1,
  category: 'neighbour', summary: '相邻通道占用纠纷', demands: null, riskFlags: [],
  responsibleUnit: null, responsibleLeader: null, responsiblePerson: null, measures: null,
  deadline: '2024-10-23', status: 'open', resolutionSummary: null,
};
// Accepted 9 Oct, not assigned: acceptance + 60 days = 8 Dec. 5 people, two of them named.
const c5Row: DisputesRow = {
  caseId: 'c5', community: '东风社区', grid: null, registeredAt: at('10-09', '09:30'), petitioners: [P5, P6], peopleCount: 5,
  category: 'wageArrears', summary: '某建筑工地拖欠5名工人工资', demands: '支付工资共8万元', riskFlags: [],
  responsibleUnit: null, responsibleLeader: null, responsiblePerson: null, measures: null,
  deadline: '2024-12-08', status: 'open', resolutionSummary: null,
};
const c8Row: DisputesRow = {
  caseId: 'c8', community: '东风社区', grid: '东风第一网格', registeredAt: at('10-10'), petitioners: [P9], peopleCount: 1,
  category: 'other', summary: '小区停车位纠纷', demands: null, riskFlags: [],
  responsibleUnit: '东风社区', responsibleLeader: '赵刚', responsiblePerson: '黄梅', measures: '现场调解',
  deadline: '2024-10-12', status: 'closed', resolutionSummary: '当场调解，划定车位',
};

describe('附件1 矛盾纠纷排查化解清单', () => {
  it('lists every case registered, newest last, as it stood on 15 Oct', async () => {
    const ledger = disputesLedger(await worldOn('2024-10-15'), on('2024-10-15'), {}, plainPersonalData);
    expect(ledger).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      total: 9,
      rows: [c3Row, c4Row, c1Row, c2Row, c6Row, c9Row, c7Row, c5Row, c8Row].map((row, i) => ({ seq: i + 1, ...row })),
    });
  });

  it('filters by community and registration window (days inclusive), numbering from 1', async () => {
    const ledger = disputesLedger(
      await worldOn('2024-10-15'),
      on('2024-10-15'),
      { communityId: 'dongfeng', from: '2024-10-08', to: '2024-10-10' },
      plainPersonalData,
    );
    expect(ledger.total).toBe(3);
    expect(ledger.rows).toEqual([
      { seq: 1, ...c7Row },
      { seq: 2, ...c5Row },
      { seq: 3, ...c8Row },
    ]);
  });

  it('filters by category', async () => {
    const ledger = disputesLedger(await worldOn('2024-10-15'), on('2024-10-15'), { category: 'wageArrears' }, plainPersonalData);
    expect(ledger.rows).toEqual([
      { seq: 1, ...c1Row },
      { seq: 2, ...c5Row },
    ]);
  });

  it('pages: total counts every row, seq goes on counting', async () => {
    const ledger = disputesLedger(await worldOn('2024-10-15'), on('2024-10-15'), { limit: 2, offset: 2 }, plainPersonalData);
    expect(ledger.total).toBe(9);
    expect(ledger.rows).toEqual([
      { seq: 3, ...c1Row },
      { seq: 4, ...c2Row },
    ]);
  });

  it('as of 11 Oct: c8 resolved, not yet closed; 吴八 not yet forgotten; nothing registered after 11 Oct', async () => {
    const ledger = disputesLedger(await worldOn('2024-10-11'), on('2024-10-11'), { from: '2024-10-08' }, plainPersonalData);
    expect(ledger.rows).toEqual([
      { seq: 1, ...c7Row, petitioners: [P8] },
      { seq: 2, ...c5Row },
      { seq: 3, ...c8Row, status: 'resolved' },
    ]);
  });

  it('as of 27 Sep: c2 resolved (before the repeat visit), c1 not yet overdue, c6 rejected', async () => {
    const ledger = disputesLedger(await worldOn('2024-09-27'), on('2024-09-27'), {}, plainPersonalData);
    expect(ledger.rows).toEqual([
      // c3's review was requested 25 Sep but not decided: still resolved.
      { seq: 1, ...c3Row },
      { seq: 2, ...c4Row },
      { seq: 3, ...c1Row },
      { seq: 4, ...c2Row, status: 'resolved' },
      { seq: 5, ...c6Row },
    ]);
  });
});

// ——— 附件2 ———

const c4Backlog = {
  caseId: 'c4', petitioners: [P4], community: '南山社区', summary: '征地补偿款分配争议', demands: '重新核定补偿',
  reasons: ['escalation'], listedSince: '2024-10-03', packageLeader: ['王建国'],
  fiveOnes: { taskForce: '征迁专班', plan: '补偿复核方案', minutes: '9月16日专题会议纪要', stabilization: '包保稳控，每日联系' },
  // 包案 by 王建国 meets 一个领导包案; the other four are recorded.
  fiveOnesComplete: true, deadline: '2024-11-09',
  // By business time the note of 10 Oct is the latest, though the one of 5 Oct was typed in after it.
  latestProgress: { at: at('10-10'), note: '补偿方案公示' },
};
const c2Backlog = {
  caseId: 'c2', petitioners: [P2], community: '东风社区', summary: '楼上装修噪音扰民', demands: '停止夜间施工',
  // Reopened by a repeat petition: the reason is `repeat` (`reopened` is for the explicit reopen command).
  reasons: ['repeat'], listedSince: '2024-10-08', packageLeader: [],
  fiveOnes: { taskForce: null, plan: null, minutes: null, stabilization: null },
  fiveOnesComplete: false, deadline: '2024-10-31', latestProgress: null,
};
const c1Backlog = {
  caseId: 'c1', petitioners: [P1], community: '东风社区', summary: '工地拖欠张三工资', demands: '支付拖欠工资2万元',
  reasons: ['overdue'], listedSince: '2024-10-11', packageLeader: ['陈芳'],
  fiveOnes: { taskForce: '劳动监察、司法所联合专班', plan: null, minutes: null, stabilization: null },
  fiveOnesComplete: false, deadline: '2024-10-10',
  latestProgress: { at: at('10-08', '16:00'), note: '已约谈施工方负责人' },
};

describe('附件2 信访积案和突出问题化解清单', () => {
  it('on 10 Oct (c1 due that day): c4 and c2 only', async () => {
    const ledger = backlogLedger(await worldOn('2024-10-10'), on('2024-10-10'), {}, plainPersonalData);
    expect(ledger).toEqual({
      asOf: endOfDay('2024-10-10'),
      knownAt: endOfDay('2024-10-10'),
      total: 2,
      rows: [
        { seq: 1, ...c4Backlog },
        { seq: 2, ...c2Backlog },
      ],
    });
  });

  it('on 11 Oct c1 is overdue and listed since that day; c3 (repeat on a final case), c6 (rejected) are not', async () => {
    const ledger = backlogLedger(await worldOn('2024-10-11'), on('2024-10-11'), {}, plainPersonalData);
    expect(ledger.rows).toEqual([
      { seq: 1, ...c4Backlog },
      { seq: 2, ...c2Backlog },
      { seq: 3, ...c1Backlog },
    ]);
  });

  it('on 15 Oct: the same three, longest listed first; by community', async () => {
    const world = await worldOn('2024-10-15');
    expect(backlogLedger(world, on('2024-10-15'), {}, plainPersonalData).rows).toEqual([
      { seq: 1, ...c4Backlog },
      { seq: 2, ...c2Backlog },
      { seq: 3, ...c1Backlog },
    ]);
    expect(backlogLedger(world, on('2024-10-15'), { communityId: 'dongfeng' }, plainPersonalData).rows).toEqual([
      { seq: 1, ...c2Backlog },
      { seq: 2, ...c1Backlog },
    ]);
  });

  it('on 7 Oct c2 is resolved and not listed; c4 is, without the note of 10 Oct', async () => {
    const ledger = backlogLedger(await worldOn('2024-10-07'), on('2024-10-07'), {}, plainPersonalData);
    // The note of 5 Oct is typed in on 11 Oct: as known on 7 Oct there is no progress yet.
    expect(ledger.rows).toEqual([{ seq: 1, ...c4Backlog, latestProgress: null }]);
  });
});

// ——— 附件3 ———

const v1Row = {
  caseId: 'c2', visitId: 'v1', receivedAt: at('09-19', '10:00'), location: DF_ROOM, leader: '赵刚', leaderPosition: '东风社区党委书记',
  petitioners: [P2], visitorCount: 1, matter: '楼上装修噪音扰民', demands: '停止夜间施工', handlingOpinion: '社区组织双方调解',
  transferredTo: ['城管执法中队'], noticeGiven: { given: true, content: '已告知转城管执法中队处理' }, repeat: false,
  result: { status: 'inProgress', resolutionSummary: '双方签订调解协议，夜间停工' },
};
const v3Row = {
  caseId: 'c2', visitId: 'v3', receivedAt: at('10-08', '15:00'), location: HALL, leader: '王建国', leaderPosition: '党工委书记',
  petitioners: [P2], visitorCount: 1, matter: '调解协议未履行，夜间仍施工', demands: '要求执法部门介入', handlingOpinion: null,
  transferredTo: ['城管执法中队'], noticeGiven: { given: true, content: '已告知转城管执法中队处理' }, repeat: true,
  result: { status: 'inProgress', resolutionSummary: '双方签订调解协议，夜间停工' },
};
const v2Row = {
  caseId: 'c5', visitId: 'v2', receivedAt: at('10-09', '09:30'), location: HALL, leader: '李明', leaderPosition: '办事处主任',
  petitioners: [P5, P6], visitorCount: 5, matter: '某建筑工地拖欠5名工人工资', demands: '支付工资共8万元', handlingOpinion: '转劳动监察大队依法处理',
  transferredTo: ['劳动监察大队'], noticeGiven: { given: true, content: '已告知来访人转劳动监察大队办理' }, repeat: false,
  result: { status: 'open', resolutionSummary: null },
};

describe('附件3 领导干部接待群众来访登记表', () => {
  it('one row per visit, oldest first', async () => {
    const ledger = visitsLedger(await worldOn('2024-10-15'), on('2024-10-15'), {}, plainPersonalData);
    expect(ledger).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      total: 3,
      rows: [
        { seq: 1, ...v1Row },
        { seq: 2, ...v3Row },
        { seq: 3, ...v2Row },
      ],
    });
  });

  it('filters by window, leader and community', async () => {
    const world = await worldOn('2024-10-15');
    const view = on('2024-10-15');
    expect(visitsLedger(world, view, { from: '2024-10-01', to: '2024-10-08' }, plainPersonalData).rows).toEqual([{ seq: 1, ...v3Row }]);
    expect(visitsLedger(world, view, { leaderId: 'li' }, plainPersonalData).rows).toEqual([{ seq: 1, ...v2Row }]);
    expect(visitsLedger(world, view, { communityId: 'xihu' }, plainPersonalData).rows).toEqual([]);
  });

  it('as of 1 Oct: v1 only, the case resolved, nothing transferred or told yet', async () => {
    const ledger = visitsLedger(await worldOn('2024-10-01'), on('2024-10-01'), {}, plainPersonalData);
    expect(ledger.rows).toEqual([
      {
        seq: 1,
        ...v1Row,
        transferredTo: [],
        noticeGiven: { given: false, content: null },
        result: { status: 'resolved', resolutionSummary: '双方签订调解协议，夜间停工' },
      },
    ]);
  });
});

// ——— 附件4 ———

const announced = at('10-05', '10:00'); // the earlier of the two announcements
const subdistrictDuty = (dutyId: string, date: string, weekday: string, leader: 'wang' | 'li' | 'chen') => ({
  dutyId, date, weekday,
  ...{
    wang: { leader: '王建国', position: '党工委书记', portfolio: '全面工作' },
    li: { leader: '李明', position: '办事处主任', portfolio: '政府全面工作' },
    chen: { leader: '陈芳', position: '党工委副书记', portfolio: '政法信访维稳' },
  }[leader],
  location: HALL, unit: '街道', announcedAt: announced, missed: null, substitute: null,
});
const d6Row = {
  dutyId: 'd6', date: '2024-10-09', weekday: '星期三', leader: '赵刚', position: '东风社区党委书记', portfolio: '东风社区全面工作',
  location: DF_ROOM, unit: '东风社区', announcedAt: null, missed: null, substitute: null,
};

describe('附件4 领导接访安排表', () => {
  it('one row per slot, by day then unit; the missed slot shows its substitute', async () => {
    const ledger = dutiesLedger(await worldOn('2024-10-15'), on('2024-10-15'), {});
    expect(ledger).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      total: 6,
      rows: [
        { seq: 1, ...subdistrictDuty('d1', '2024-10-08', '星期二', 'wang') },
        { seq: 2, ...d6Row },
        { seq: 3, ...subdistrictDuty('d2', '2024-10-09', '星期三', 'li') },
        {
          seq: 4,
          ...subdistrictDuty('d3', '2024-10-10', '星期四', 'chen'),
          missed: { at: at('10-10', '08:30'), reason: '参加市里会议' },
          substitute: { leader: '李明', position: '办事处主任' },
        },
        { seq: 5, ...subdistrictDuty('d4', '2024-10-11', '星期五', 'wang') },
        { seq: 6, ...subdistrictDuty('d5', '2024-10-12', '星期六', 'chen') },
      ],
    });
  });

  it('filters by unit (code) and window', async () => {
    const world = await worldOn('2024-10-15');
    expect(dutiesLedger(world, on('2024-10-15'), { unit: 'dongfeng' }).rows).toEqual([{ seq: 1, ...d6Row }]);
    expect(dutiesLedger(world, on('2024-10-15'), { unit: 'subdistrict', from: '2024-10-11', to: '2024-10-11' }).rows).toEqual([
      { seq: 1, ...subdistrictDuty('d4', '2024-10-11', '星期五', 'wang') },
    ]);
  });

  it('as of 9 Oct: the whole week as planned on 5 Oct, d3 not yet missed', async () => {
    const ledger = dutiesLedger(await worldOn('2024-10-09'), on('2024-10-09'), {});
    expect(ledger.rows).toEqual([
      { seq: 1, ...subdistrictDuty('d1', '2024-10-08', '星期二', 'wang') },
      { seq: 2, ...d6Row },
      { seq: 3, ...subdistrictDuty('d2', '2024-10-09', '星期三', 'li') },
      { seq: 4, ...subdistrictDuty('d3', '2024-10-10', '星期四', 'chen') },
      { seq: 5, ...subdistrictDuty('d4', '2024-10-11', '星期五', 'wang') },
      { seq: 6, ...subdistrictDuty('d5', '2024-10-12', '星期六', 'chen') },
    ]);
  });

  it('as known on 4 Oct, before the roster was typed in, there is no slot', async () => {
    const world = await buildWorld(events, { asOf: endOfDay('2024-10-09'), knownAt: endOfDay('2024-10-04') });
    expect(dutiesLedger(world, { asOf: endOfDay('2024-10-09'), knownAt: endOfDay('2024-10-04') }, {}).total).toBe(0);
  });
});

// ——— the screening report ———

describe('screening report', () => {
  it('the previous report day skips the National Day holidays (2 and 4 Oct) back to Fri 27 Sep', () => {
    expect(previousReportDay('2024-10-09')).toBe('2024-09-27');
    expect(previousReportDay('2024-10-11')).toBe('2024-10-09');
    expect(previousReportDay('2024-09-25')).toBe('2024-09-20');
  });

  it('xihu, Wed 9 Oct: c9 (screened 30 Sep, resolved) is new; c3 (resolved) and c6 (rejected) are not listed', async () => {
    const report = screeningReport(await worldOn('2024-10-09'), on('2024-10-09'), { communityId: 'xihu', date: '2024-10-09' }, plainPersonalData);
    expect(report).toEqual({
      asOf: endOfDay('2024-10-09'),
      knownAt: endOfDay('2024-10-09'),
      total: 1,
      rows: [{ seq: 1, ...c9Row, newSincePreviousReport: true }],
      communityId: 'xihu',
      community: '西湖社区',
      date: '2024-10-09',
      previousReportDate: '2024-09-27',
      submitted: { nil: false, caseIds: ['c9'] },
    });
  });

  it('nanshan, Wed 9 Oct: a nil report, and its unresolved c4 still listed', async () => {
    const report = screeningReport(await worldOn('2024-10-09'), on('2024-10-09'), { communityId: 'nanshan', date: '2024-10-09' }, plainPersonalData);
    expect(report).toEqual({
      asOf: endOfDay('2024-10-09'),
      knownAt: endOfDay('2024-10-09'),
      total: 1,
      rows: [{ seq: 1, ...c4Row, newSincePreviousReport: false }],
      communityId: 'nanshan',
      community: '南山社区',
      date: '2024-10-09',
      previousReportDate: '2024-09-27',
      submitted: { nil: true, caseIds: [] },
    });
  });

  it('dongfeng, Fri 11 Oct: no report sent; c8 new (screened 10 Oct); every unresolved case of any origin', async () => {
    const report = screeningReport(await worldOn('2024-10-11'), on('2024-10-11'), { communityId: 'dongfeng', date: '2024-10-11' }, plainPersonalData);
    expect(report).toEqual({
      asOf: endOfDay('2024-10-11'),
      knownAt: endOfDay('2024-10-11'),
      total: 5,
      rows: [
        { seq: 1, ...c1Row, newSincePreviousReport: false },
        { seq: 2, ...c2Row, newSincePreviousReport: false },
        // Screened 8 Oct, before the previous report day (9 Oct): listed because it is unresolved.
        { seq: 3, ...c7Row, petitioners: [P8], newSincePreviousReport: false },
        { seq: 4, ...c5Row, newSincePreviousReport: false },
        { seq: 5, ...c8Row, status: 'resolved', newSincePreviousReport: true },
      ],
      communityId: 'dongfeng',
      community: '东风社区',
      date: '2024-10-11',
      previousReportDate: '2024-10-09',
      submitted: null,
    });
  });
});

// ——— 一案一册, 一人一档 ———

describe('case file', () => {
  it('c2 as of 15 Oct: everything it went through', async () => {
    const file = caseFile(await worldOn('2024-10-15'), on('2024-10-15'), 'c2', plainPersonalData);
    const zhao = { leaderId: 'zhao', name: '赵刚', position: '东风社区党委书记' };
    expect(file).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      caseId: 'c2',
      origin: 'visit',
      communityId: 'dongfeng',
      community: '东风社区',
      gridId: null,
      grid: null,
      category: 'neighbour',
      summary: '楼上装修噪音扰民',
      demands: '停止夜间施工',
      peopleCount: 1,
      collective: false,
      riskFlags: [],
      patterns: [],
      firstPetition: true,
      registeredAt: at('09-19', '10:00'),
      status: 'inProgress',
      acceptance: { decision: 'accepted', at: at('09-19', '11:00'), reason: null },
      deadline: '2024-10-31',
      deadlines: [
        { at: at('09-19', '10:00'), deadline: '2024-10-04', source: 'registration' },
        { at: at('09-19', '11:00'), deadline: '2024-11-18', source: 'acceptance' },
        { at: at('09-20', '10:00'), deadline: '2024-10-31', source: 'assignment' },
      ],
      extension: null,
      backlog: { inBacklog: true, reasons: ['repeat'], listedSince: '2024-10-08', firstListed: '2024-10-08' },
      petitioners: [P2],
      visits: [
        {
          visitId: 'v1', receivedAt: at('09-19', '10:00'), location: DF_ROOM, leader: zhao, visitorCount: 1,
          matter: '楼上装修噪音扰民', demands: '停止夜间施工', handlingOpinion: '社区组织双方调解', repeat: false, petitioners: [P2],
        },
        {
          visitId: 'v3', receivedAt: at('10-08', '15:00'), location: HALL, leader: { leaderId: 'wang', name: '王建国', position: '党工委书记' },
          visitorCount: 1, matter: '调解协议未履行，夜间仍施工', demands: '要求执法部门介入', handlingOpinion: null, repeat: true, petitioners: [P2],
        },
      ],
      assignment: {
        at: at('09-20', '10:00'), responsibleUnit: '东风社区', responsibleLeader: zhao, responsiblePerson: '黄梅',
        measures: '组织双方调解', deadline: '2024-10-31',
      },
      packages: [],
      fiveOnes: { leader: null, taskForce: null, plan: null, minutes: null, stabilization: null },
      fiveOnesComplete: false,
      transfers: [{ at: at('10-09', '10:00'), toUnit: '城管执法中队', note: '夜间施工执法' }],
      notices: [{ at: at('10-09', '11:00'), content: '已告知转城管执法中队处理' }],
      progress: [],
      resolutions: [{ at: at('09-27', '15:00'), method: 'mediation', level: 'community', outcome: 'solved', summary: '双方签订调解协议，夜间停工' }],
      satisfactions: [{ at: at('09-28'), satisfied: true }],
      reviews: [],
      escalations: [],
      repeats: [{ at: at('10-08', '15:00'), channel: 'visit', accepted: true, visitId: 'v3' }],
      reopens: [{ at: at('10-08', '15:00'), reason: '重复信访，重新办理', cause: 'repeat' }],
      final: false,
      closedAt: null,
    });
  });

  it('c3: final after the re-review; the repeat of 12 Oct is not accepted again and it stays resolved', async () => {
    const file = caseFile(await worldOn('2024-10-15'), on('2024-10-15'), 'c3', plainPersonalData);
    expect(file).toMatchObject({
      status: 'resolved',
      backlog: { inBacklog: false, reasons: [], listedSince: null, firstListed: null },
      reviews: [
        { level: 'review', requestedAt: at('09-25'), decision: { at: at('09-30'), outcome: 'upheld' } },
        { level: 'reReview', requestedAt: at('10-05'), decision: { at: at('10-09'), outcome: 'upheld' } },
      ],
      repeats: [{ at: at('10-12'), channel: 'phone', accepted: false, visitId: null }],
      reopens: [],
      final: true,
    });
    // As of 8 Oct the re-review is pending: not final yet.
    expect(caseFile(await worldOn('2024-10-08'), on('2024-10-08'), 'c3', plainPersonalData)).toMatchObject({
      reviews: [
        { level: 'review', requestedAt: at('09-25'), decision: { at: at('09-30'), outcome: 'upheld' } },
        { level: 'reReview', requestedAt: at('10-05'), decision: null },
      ],
      repeats: [],
      final: false,
    });
  });

  it('c4: 五个一 with their dates, progress in business-time order, the escalation', async () => {
    const file = caseFile(await worldOn('2024-10-15'), on('2024-10-15'), 'c4', plainPersonalData);
    expect(file).toMatchObject({
      packages: [
        {
          at: at('09-13'),
          leader: { leaderId: 'wang', name: '王建国', position: '党工委书记' },
          responsibilities: ['situation', 'education', 'resolution', 'closure'],
        },
      ],
      fiveOnes: {
        leader: null,
        taskForce: { at: at('09-14'), detail: '征迁专班' },
        plan: { at: at('09-15'), detail: '补偿复核方案' },
        minutes: { at: at('09-16'), detail: '9月16日专题会议纪要' },
        stabilization: { at: at('09-17'), detail: '包保稳控，每日联系' },
      },
      fiveOnesComplete: true,
      progress: [
        { at: at('10-05'), note: '召开听证会' },
        { at: at('10-10'), note: '补偿方案公示' },
      ],
      escalations: [{ at: at('10-03'), level: 'beijing', collective: false, abnormal: false }],
      backlog: { inBacklog: true, reasons: ['escalation'], listedSince: '2024-10-03', firstListed: '2024-10-03' },
    });
  });

  it('is undefined for a case the view does not hold (c8 before its registration)', async () => {
    expect(caseFile(await worldOn('2024-10-09'), on('2024-10-09'), 'c8', plainPersonalData)).toBeUndefined();
    expect(caseFile(await worldOn('2024-10-15'), on('2024-10-15'), 'nope', plainPersonalData)).toBeUndefined();
  });
});

describe('person file', () => {
  it('李四 (p2): the case and both visits', async () => {
    const file = personFile(await worldOn('2024-10-15'), on('2024-10-15'), 'p2', plainPersonalData);
    expect(file).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      personId: 'p2',
      status: 'registered',
      registeredAt: at('09-19', '10:00'),
      erasedAt: null,
      petitioner: P2,
      cases: [
        {
          caseId: 'c2', community: '东风社区', category: 'neighbour', summary: '楼上装修噪音扰民', registeredAt: at('09-19', '10:00'),
          status: 'inProgress', deadline: '2024-10-31', inBacklog: true, backlogReasons: ['repeat'],
        },
      ],
      visits: [
        {
          visitId: 'v1', caseId: 'c2', receivedAt: at('09-19', '10:00'), location: DF_ROOM, leader: '赵刚', leaderPosition: '东风社区党委书记',
          visitorCount: 1, matter: '楼上装修噪音扰民', repeat: false,
        },
        {
          visitId: 'v3', caseId: 'c2', receivedAt: at('10-08', '15:00'), location: HALL, leader: '王建国', leaderPosition: '党工委书记',
          visitorCount: 1, matter: '调解协议未履行，夜间仍施工', repeat: true,
        },
      ],
    });
  });

  it('吴八 (p8), forgotten on 12 Oct, reads [已删除] and keeps their case', async () => {
    const file = personFile(await worldOn('2024-10-15'), on('2024-10-15'), 'p8', plainPersonalData);
    expect(file).toEqual({
      asOf: endOfDay('2024-10-15'),
      knownAt: endOfDay('2024-10-15'),
      personId: 'p8',
      status: 'erased',
      registeredAt: at('10-08'),
      erasedAt: at('10-12'),
      petitioner: P8_ERASED,
      cases: [
        {
          caseId: 'c7', community: '东风社区', category: 'neighbour', summary: '相邻通道占用纠纷', registeredAt: at('10-08'),
          status: 'open', deadline: '2024-10-23', inBacklog: false, backlogReasons: [],
        },
      ],
      visits: [],
    });
  });

  it('is undefined for a person the view does not know', async () => {
    expect(personFile(await worldOn('2024-10-15'), on('2024-10-15'), 'nobody', plainPersonalData)).toBeUndefined();
  });
});

describe('toLedger', () => {
  const view = on('2024-10-15');
  const rows = [{ k: 'a' }, { k: 'b' }, { k: 'c' }];

  it('numbers every row from 1 by default', () => {
    expect(toLedger(view, rows)).toEqual({
      asOf: view.asOf,
      knownAt: view.knownAt,
      total: 3,
      rows: [
        { seq: 1, k: 'a' },
        { seq: 2, k: 'b' },
        { seq: 3, k: 'c' },
      ],
    });
  });

  it('pages with limit and offset; past the end is empty', () => {
    expect(toLedger(view, rows, { limit: 1, offset: 1 }).rows).toEqual([{ seq: 2, k: 'b' }]);
    expect(toLedger(view, rows, { offset: 2 }).rows).toEqual([{ seq: 3, k: 'c' }]);
    expect(toLedger(view, rows, { limit: 0 }).rows).toEqual([]);
    expect(toLedger(view, rows, { offset: 5 })).toMatchObject({ total: 3, rows: [] });
  });

  it('refuses a negative or fractional limit or offset', () => {
    expect(() => toLedger(view, rows, { limit: -1 })).toThrow(RangeError);
    expect(() => toLedger(view, rows, { offset: 1.5 })).toThrow(RangeError);
  });
});
