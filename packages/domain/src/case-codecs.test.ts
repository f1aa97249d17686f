import { isLeft, isRight } from 'fp-ts/Either';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  caseCommandBodies,
  RecordVisitBody,
  RecordVisitData,
  RegisterCaseBody,
  RegisterCaseData,
  type CaseCommand,
} from './case-commands';
import { CaseEvent } from './case-events';
import { caseDecider } from './case';
import { fold } from './decider';
import { expectEvents } from './decider-spec';
import { decodeWith, type FieldError } from './validation';

/*
 * Every command body is decoded before it reaches the decider, and every stored event when it is read
 * back. A bad body must name the path of each bad field (API.md: 400 "naming each bad field's path").
 */

type AnyCodec = t.Type<any, any, unknown>;

const AT = '2024-10-01T09:30:00+08:00';

const errorsOf = (codec: AnyCodec, input: unknown): FieldError[] => {
  const result = decodeWith(codec, input);
  if (!isLeft(result)) throw new Error(`expected ${JSON.stringify(input)} to be refused by ${codec.name}`);
  return result.left;
};
const pathsOf = (codec: AnyCodec, input: unknown): string[] => errorsOf(codec, input).map((e) => e.path);
const without = (body: Record<string, unknown>, field: string): Record<string, unknown> => {
  const { [field]: _dropped, ...rest } = body;
  return rest;
};

const MISSING = '缺少必填字段 / required field is missing';

interface BodyCase {
  readonly codec: AnyCodec;
  readonly valid: Record<string, unknown>;
  /** A required field to leave out. */
  readonly required: string;
  /** A field and a value of the wrong type. */
  readonly wrongType: readonly [string, unknown];
  /** An enumerated field and a value it does not know, where the body has one. */
  readonly badEnum?: readonly [string, string];
}

const bodies: Record<keyof typeof caseCommandBodies, BodyCase> = {
  DecideAcceptance: {
    codec: caseCommandBodies.DecideAcceptance,
    valid: { decision: 'accepted', at: AT, reason: '属实' },
    required: 'decision',
    wrongType: ['at', 20241001],
    badEnum: ['decision', 'maybe'],
  },
  AssignCase: {
    codec: caseCommandBodies.AssignCase,
    valid: { responsibleUnit: '东风社区', responsibleLeaderId: 'leader-1', responsiblePerson: '王芳', measures: '调解', deadline: '2024-10-31', at: AT },
    required: 'measures',
    wrongType: ['deadline', '2024-10-31T00:00:00+08:00'],
  },
  PackageCase: { codec: caseCommandBodies.PackageCase, valid: { leaderId: 'leader-9', at: AT }, required: 'leaderId', wrongType: ['leaderId', 'no spaces allowed'] },
  RecordFiveOnes: {
    codec: caseCommandBodies.RecordFiveOnes,
    valid: { item: 'plan', detail: '化解方案', at: AT },
    required: 'detail',
    wrongType: ['detail', '   '],
    badEnum: ['item', 'budget'],
  },
  TransferCase: { codec: caseCommandBodies.TransferCase, valid: { toUnit: '区住建局', at: AT, note: '涉及物业' }, required: 'toUnit', wrongType: ['note', 42] },
  NotifyPetitioner: { codec: caseCommandBodies.NotifyPetitioner, valid: { at: AT, content: '告知受理' }, required: 'content', wrongType: ['at', '2024-10-01 09:30'] },
  RecordProgress: { codec: caseCommandBodies.RecordProgress, valid: { at: AT, note: '已上门' }, required: 'note', wrongType: ['at', '2024-10-01'] },
  ExtendDeadline: {
    codec: caseCommandBodies.ExtendDeadline,
    valid: { newDeadline: '2024-11-30', reason: '复杂', approvedBy: '主任', at: AT },
    required: 'approvedBy',
    wrongType: ['newDeadline', '2024-02-30'],
  },
  ResolveCase: {
    codec: caseCommandBodies.ResolveCase,
    valid: { at: AT, method: 'mediation', level: 'community', outcome: 'solved', summary: '已化解' },
    required: 'summary',
    wrongType: ['level', 3],
    badEnum: ['method', 'magic'],
  },
  RecordSatisfaction: { codec: caseCommandBodies.RecordSatisfaction, valid: { at: AT, satisfied: false }, required: 'satisfied', wrongType: ['satisfied', 'yes'] },
  RecordRepeat: {
    codec: caseCommandBodies.RecordRepeat,
    valid: { at: AT, channel: 'online' },
    required: 'channel',
    wrongType: ['channel', ['visit']],
    badEnum: ['channel', 'screening'],
  },
  RecordEscalation: {
    codec: caseCommandBodies.RecordEscalation,
    valid: { at: AT, level: 'province', collective: true, abnormal: false },
    required: 'level',
    wrongType: ['abnormal', 'false'],
    badEnum: ['level', 'district'],
  },
  ReopenCase: { codec: caseCommandBodies.ReopenCase, valid: { at: AT, reason: '未落实' }, required: 'reason', wrongType: ['reason', null] },
  RequestReview: {
    codec: caseCommandBodies.RequestReview,
    valid: { level: 'reReview', at: AT },
    required: 'at',
    wrongType: ['level', true],
    badEnum: ['level', 'appeal'],
  },
  DecideReview: {
    codec: caseCommandBodies.DecideReview,
    valid: { level: 'review', at: AT, outcome: 'changed' },
    required: 'outcome',
    wrongType: ['at', 1727746200000],
    badEnum: ['outcome', 'overturned'],
  },
  CloseCase: { codec: caseCommandBodies.CloseCase, valid: { at: AT }, required: 'at', wrongType: ['at', {}] },
};

describe('command body codecs', () => {
  const table = Object.entries(bodies);

  it('cover every body codec of caseCommandBodies', () => {
    expect(Object.keys(bodies).sort()).toEqual(Object.keys(caseCommandBodies).sort());
  });

  it.each(table)('%s: a valid body decodes to itself, and an unknown field is dropped', (_name, { codec, valid }) => {
    expect(decodeWith(codec, valid)).toEqual({ _tag: 'Right', right: valid });
    expect(decodeWith(codec, { ...valid, hacked: true })).toEqual({ _tag: 'Right', right: valid });
  });

  it.each(table)('%s: a missing required field is named', (_name, { codec, valid, required }) => {
    expect(errorsOf(codec, without(valid, required))).toEqual([{ path: required, message: MISSING }]);
  });

  it.each(table)('%s: a value of the wrong type is named', (_name, { codec, valid, wrongType: [field, value] }) => {
    expect(pathsOf(codec, { ...valid, [field]: value })).toEqual([field]);
  });

  it.each(table.filter(([, c]) => c.badEnum !== undefined))('%s: an unknown enumeration value is named', (_name, { codec, valid, badEnum }) => {
    const [field, value] = badEnum as readonly [string, string];
    expect(pathsOf(codec, { ...valid, [field]: value })).toEqual([field]);
  });

  it('a body that is not an object is refused as a whole', () => {
    expect(pathsOf(caseCommandBodies.CloseCase, 'closed')).toEqual(['(body)']);
  });

  it('messages say what was expected, in Chinese and English', () => {
    expect(errorsOf(caseCommandBodies.AssignCase, { ...bodies.AssignCase.valid, deadline: '31/10/2024' })).toEqual([
      { path: 'deadline', message: '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD' },
    ]);
    expect(errorsOf(caseCommandBodies.ResolveCase, { ...bodies.ResolveCase.valid, method: 'magic' })).toEqual([
      {
        path: 'method',
        message:
          '应为以下之一："onSite" | "mediation" | "adminReview" | "specialReview" | "publicHearing" | "panel" | "socialForces" / ' +
          'expected one of: "onSite" | "mediation" | "adminReview" | "specialReview" | "publicHearing" | "panel" | "socialForces"',
      },
    ]);
  });

  it('every bad field of one body is named once', () => {
    expect(pathsOf(caseCommandBodies.ResolveCase, { at: 'now', method: 'magic', level: 'city' })).toEqual(['at', 'method', 'level', 'outcome', 'summary']);
  });
});

describe('RegisterCaseData and RecordVisitData', () => {
  const register = {
    caseId: 'c1',
    origin: 'screening',
    communityId: 'dongfeng',
    category: 'neighbour',
    summary: '楼上漏水',
    registeredAt: AT,
    petitioners: [{ personId: 'p1' }],
  };
  const visit = {
    caseId: 'c1',
    visitId: 'v1',
    leaderId: 'leader-2',
    receivedAt: AT,
    location: '接待室',
    visitorCount: 6,
    matter: '欠薪',
    petitioners: [{ personId: 'p1' }, { personId: 'p2' }],
  };

  it('decode valid bodies, with and without their optional fields', () => {
    expect(isRight(decodeWith(RegisterCaseData, register))).toBe(true);
    const full = { ...register, gridId: 'g-1', demands: '维修', peopleCount: 3, riskFlags: ['collective'], patterns: ['crossPetition'], firstPetition: false };
    expect(decodeWith(RegisterCaseData, full)).toEqual({ _tag: 'Right', right: full });
    expect(isRight(decodeWith(RecordVisitData, visit))).toBe(true);
    const fullVisit = { ...visit, communityId: 'dongfeng', category: 'wageArrears', demands: '支付工资', handlingOpinion: '转劳动监察', onExistingCase: false };
    expect(decodeWith(RecordVisitData, fullVisit)).toEqual({ _tag: 'Right', right: fullVisit });
  });

  it('name the path inside the petitioners list', () => {
    expect(errorsOf(RegisterCaseData, { ...register, petitioners: [{ personId: 'p1' }, {}] })).toEqual([{ path: 'petitioners.1.personId', message: MISSING }]);
    expect(pathsOf(RecordVisitData, { ...visit, petitioners: [{ personId: 'has space' }] })).toEqual(['petitioners.0.personId']);
  });

  it('refuse an empty petitioner list', () => {
    expect(pathsOf(RegisterCaseData, { ...register, petitioners: [] })).toEqual(['petitioners']);
    expect(pathsOf(RecordVisitData, { ...visit, petitioners: [] })).toEqual(['petitioners']);
  });

  it('name a missing field, a wrong type and an unknown enumeration value', () => {
    expect(errorsOf(RegisterCaseData, without(register, 'registeredAt'))).toEqual([{ path: 'registeredAt', message: MISSING }]);
    expect(pathsOf(RegisterCaseData, { ...register, peopleCount: 0 })).toEqual(['peopleCount']);
    expect(pathsOf(RegisterCaseData, { ...register, origin: 'rumour' })).toEqual(['origin']);
    expect(pathsOf(RegisterCaseData, { ...register, riskFlags: ['collective', 'fire'] })).toEqual(['riskFlags.1']);
    expect(pathsOf(RegisterCaseData, { ...register, patterns: 'repeat' })).toEqual(['patterns']);
    expect(pathsOf(RegisterCaseData, { ...register, caseId: 'x'.repeat(65) })).toEqual(['caseId']);
    expect(errorsOf(RecordVisitData, without(visit, 'leaderId'))).toEqual([{ path: 'leaderId', message: MISSING }]);
    expect(pathsOf(RecordVisitData, { ...visit, visitorCount: 2.5 })).toEqual(['visitorCount']);
    expect(pathsOf(RecordVisitData, { ...visit, category: 'gossip' })).toEqual(['category']);
    expect(pathsOf(RecordVisitData, { ...visit, onExistingCase: 'yes' })).toEqual(['onExistingCase']);
  });
});

describe('the HTTP bodies of POST /cases and POST /visits', () => {
  const petitioner = { name: '张三', idNumber: '11010519491231002X', phone: '15800009011', address: '青阳街道1号' };
  const caseBody = {
    origin: 'visit',
    communityId: 'dongfeng',
    category: 'wageArrears',
    summary: '工地欠薪',
    registeredAt: AT,
    petitioners: [petitioner],
  };
  const visitBody = { leaderId: 'leader-2', receivedAt: AT, location: '2楼接访室', visitorCount: 5, matter: '欠薪', petitioners: [petitioner] };

  it('decode a full body with personal data', () => {
    const full = { ...caseBody, caseId: 'c-9', gridId: 'g-1', demands: '支付工资', peopleCount: 7, riskFlags: ['collective'], patterns: ['repeat'], firstPetition: false };
    expect(decodeWith(RegisterCaseBody, full)).toEqual({ _tag: 'Right', right: full });
    expect(decodeWith(RecordVisitBody, { ...visitBody, caseId: 'c-9' })).toEqual({ _tag: 'Right', right: { ...visitBody, caseId: 'c-9' } });
  });

  it('name a missing field, a wrong type and an unknown enumeration value by path', () => {
    expect(errorsOf(RegisterCaseBody, without(caseBody, 'summary'))).toEqual([{ path: 'summary', message: MISSING }]);
    expect(pathsOf(RegisterCaseBody, { ...caseBody, petitioners: [{ ...petitioner, name: 42 }] })).toEqual(['petitioners.0.name']);
    expect(pathsOf(RegisterCaseBody, { ...caseBody, petitioners: [{ ...petitioner, idNumber: '123' }] })).toEqual(['petitioners.0.idNumber']);
    expect(pathsOf(RegisterCaseBody, { ...caseBody, origin: 'pigeon' })).toEqual(['origin']);
    expect(errorsOf(RecordVisitBody, without(visitBody, 'matter'))).toEqual([{ path: 'matter', message: MISSING }]);
    expect(pathsOf(RecordVisitBody, { ...visitBody, visitorCount: '5' })).toEqual(['visitorCount']);
    expect(pathsOf(RecordVisitBody, { ...visitBody, category: 'gossip' })).toEqual(['category']);
    expect(pathsOf(RecordVisitBody, { ...visitBody, petitioners: [] })).toEqual(['petitioners']);
  });
});

describe('the stored-event codec CaseEvent', () => {
  const on = (type: string, body: Record<string, unknown>): CaseCommand => ({ type, data: { caseId: 'c1', ...body } }) as CaseCommand;
  /** A life that makes the decider emit every kind of case event. */
  const commands: CaseCommand[] = [
    { type: 'RecordVisit', data: { caseId: 'c1', visitId: 'v1', leaderId: 'l2', receivedAt: '2024-09-18T09:30:00+08:00', location: '接待室', visitorCount: 5, matter: '欠薪', petitioners: [{ personId: 'p1' }], communityId: 'dongfeng', demands: '支付', handlingOpinion: '转办' } },
    on('DecideAcceptance', { decision: 'accepted', at: '2024-09-18T10:00:00+08:00', reason: '属实' }),
    on('AssignCase', { responsibleUnit: '社区', responsibleLeaderId: 'l1', responsiblePerson: '王芳', measures: '调解', deadline: '2024-10-31', at: '2024-09-20T09:00:00+08:00' }),
    on('PackageCase', { leaderId: 'l9', at: '2024-09-21T09:00:00+08:00' }),
    on('RecordFiveOnes', { item: 'stabilization', detail: '稳控', at: '2024-09-21T10:00:00+08:00' }),
    on('TransferCase', { toUnit: '劳动监察大队', at: '2024-09-22T09:00:00+08:00', note: '欠薪' }),
    on('NotifyPetitioner', { at: '2024-09-22T10:00:00+08:00', content: '已转交' }),
    on('RecordProgress', { at: '2024-10-01T09:00:00+08:00', note: '已约谈老板' }),
    on('ExtendDeadline', { newDeadline: '2024-11-20', reason: '老板失联', approvedBy: '主任', at: '2024-10-25T09:00:00+08:00' }),
    on('RecordEscalation', { at: '2024-10-26T09:00:00+08:00', level: 'beijing', abnormal: true }),
    on('ResolveCase', { at: '2024-11-01T09:00:00+08:00', method: 'socialForces', level: 'subdistrict', outcome: 'assisted', summary: '已垫付' }),
    on('RecordSatisfaction', { at: '2024-11-02T09:00:00+08:00', satisfied: true }),
    on('RecordRepeat', { at: '2024-11-05T09:00:00+08:00', channel: 'online' }),
    on('ResolveCase', { at: '2024-11-08T09:00:00+08:00', method: 'onSite', level: 'grid', outcome: 'educated', summary: '解释' }),
    on('ReopenCase', { at: '2024-11-09T09:00:00+08:00', reason: '未到位' }),
    on('ResolveCase', { at: '2024-11-10T09:00:00+08:00', method: 'panel', level: 'above', outcome: 'lawEnforced', summary: '依法处理' }),
    on('RequestReview', { level: 'review', at: '2024-11-11T09:00:00+08:00' }),
    on('DecideReview', { level: 'review', at: '2024-11-20T09:00:00+08:00', outcome: 'upheld' }),
    on('RequestReview', { level: 'reReview', at: '2024-11-21T09:00:00+08:00' }),
    on('DecideReview', { level: 'reReview', at: '2024-12-01T09:00:00+08:00', outcome: 'changed' }),
    on('CloseCase', { at: '2024-12-02T09:00:00+08:00' }),
    on('RecordRepeat', { at: '2024-12-03T09:00:00+08:00', channel: 'letter' }),
  ];
  const run = (list: CaseCommand[]): CaseEvent[] => {
    const events: CaseEvent[] = [];
    for (const command of list) events.push(...expectEvents(caseDecider.decide(command, fold(caseDecider, events))));
    return events;
  };
  // A rejection needs a case of its own.
  const history = [
    ...run(commands),
    ...run([
      { type: 'RegisterCase', data: { caseId: 'c1', origin: 'letter', communityId: 'dongfeng', category: 'other', summary: '咨询', registeredAt: AT, petitioners: [{ personId: 'p3' }] } },
      on('DecideAcceptance', { decision: 'rejected', at: '2024-10-02T09:00:00+08:00', reason: '不属于信访事项' }),
    ]),
  ];

  it('the history holds every kind of case event', () => {
    expect(new Set(history.map((e) => e.type)).size).toBe(CaseEvent.types.length);
  });

  it.each(history.map((e, i) => [i, e.type, e] as const))('#%i %s decodes to itself (round trip through JSON)', (_i, _type, event) => {
    const stored: unknown = JSON.parse(JSON.stringify(event));
    expect(CaseEvent.decode(stored)).toEqual({ _tag: 'Right', right: event });
    expect(CaseEvent.encode(event)).toEqual(event);
  });

  it('refuses an unknown type, and a known one with a bad field', () => {
    expect(isLeft(CaseEvent.decode({ type: 'CaseLost', data: { at: AT } }))).toBe(true);
    expect(isLeft(CaseEvent.decode({ type: 'CaseAccepted', data: { at: 'yesterday' } }))).toBe(true);
    expect(isLeft(CaseEvent.decode({ type: 'CaseReopened', data: { at: AT, reason: '未到位', cause: 'whim' } }))).toBe(true);
    expect(pathsOf(CaseEvent, { type: 'CaseAccepted', data: { at: 'yesterday' } })).toContain('data.at');
  });
});
