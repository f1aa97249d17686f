import { describe, expect, it } from 'vitest';
import type { CaseCommand } from './case-commands';
import { caseEventTime, caseStream, type CaseEvent } from './case-events';
import { evolveCase, initialCaseState, leadsCase, type CaseState, type ExistingCase } from './case-state';
import { caseDecider, decideCase } from './case';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';

/*
 * Given/when/then for every command on a case (API.md, "Commands"): its events, and each refusal it can
 * give. The dates are those of a real-looking case: registered at a Wednesday screening on 18 Sep 2024,
 * accepted the same morning (so 60 days run to 2024-11-17 and the 90-day cap is 2024-12-17).
 */

const spec = deciderSpec(caseDecider);

type OnCaseCommand = Exclude<CaseCommand, { type: 'RegisterCase' | 'RecordVisit' }>;
type BodyOf<T extends OnCaseCommand['type']> = Omit<Extract<OnCaseCommand, { type: T }>['data'], 'caseId'>;
/** A command on case `c1` (or another id). */
const on = <T extends OnCaseCommand['type']>(type: T, body: BodyOf<T>, caseId = 'c1'): CaseCommand =>
  ({ type, data: { ...body, caseId } }) as CaseCommand;

const REGISTERED_AT = '2024-09-18T09:30:00+08:00';
const ACCEPTED_AT = '2024-09-18T10:00:00+08:00';
const ASSIGNED_AT = '2024-09-20T09:00:00+08:00';
const RESOLVED_AT = '2024-10-20T15:00:00+08:00';
const BEFORE_REGISTRATION = '2024-09-18T09:29:00+08:00';

const registered: CaseEvent = {
  type: 'CaseRegistered',
  data: {
    caseId: 'c1',
    origin: 'screening',
    communityId: 'dongfeng',
    category: 'neighbour',
    summary: '楼上漏水，邻里纠纷',
    peopleCount: 1,
    riskFlags: [],
    patterns: [],
    firstPetition: true,
    petitioners: [{ personId: 'p1' }],
    registeredAt: REGISTERED_AT,
  },
};
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: ACCEPTED_AT } };
const rejected: CaseEvent = { type: 'CaseRejected', data: { at: '2024-09-20T10:00:00+08:00', reason: '不属于信访事项' } };
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: {
    responsibleUnit: '东风社区居委会',
    responsibleLeaderId: 'leader-1',
    responsiblePerson: '王芳',
    measures: '上门调解，请物业维修',
    deadline: '2024-10-31',
    at: ASSIGNED_AT,
  },
};
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: { at: RESOLVED_AT, method: 'mediation', level: 'community', outcome: 'solved', summary: '达成调解协议，已维修' },
};
const closed: CaseEvent = { type: 'CaseClosed', data: { at: '2024-10-25T10:00:00+08:00' } };
const reviewRequested: CaseEvent = { type: 'ReviewRequested', data: { level: 'review', at: '2024-10-25T09:00:00+08:00' } };
const reviewDecided: CaseEvent = {
  type: 'ReviewDecided',
  data: { level: 'review', at: '2024-11-10T10:00:00+08:00', outcome: 'upheld', final: false },
};
const reReviewRequested: CaseEvent = { type: 'ReviewRequested', data: { level: 'reReview', at: '2024-11-15T10:00:00+08:00' } };
const reReviewDecided: CaseEvent = {
  type: 'ReviewDecided',
  data: { level: 'reReview', at: '2024-12-01T10:00:00+08:00', outcome: 'upheld', final: true },
};
const extended: CaseEvent = {
  type: 'DeadlineExtended',
  data: {
    previousDeadline: '2024-10-31',
    newDeadline: '2024-11-30',
    reason: '需协调物业公司',
    approvedBy: '街道信访办主任',
    at: '2024-10-28T10:00:00+08:00',
  },
};
const visit = (visitId: string, receivedAt: string, repeat: boolean): CaseEvent => ({
  type: 'VisitRecorded',
  data: {
    visitId,
    leaderId: 'leader-2',
    receivedAt,
    location: '街道信访接待室',
    visitorCount: 1,
    matter: '反映楼上漏水',
    petitioners: [{ personId: 'p1' }],
    repeat,
  },
});

const registeredOnly = [registered];
const acceptedCase = [registered, accepted];
const openCase = [registered, accepted, assigned];
const resolvedCase = [...openCase, resolved];
const closedCase = [...resolvedCase, closed];
const reviewedCase = [...resolvedCase, reviewRequested, reviewDecided];
const finalCase = [...reviewedCase, reReviewRequested, reReviewDecided];
const rejectedCase = [registered, rejected];

const registerBody = {
  caseId: 'c1',
  origin: 'screening' as const,
  communityId: 'dongfeng',
  category: 'neighbour' as const,
  summary: '楼上漏水，邻里纠纷',
  registeredAt: REGISTERED_AT,
  petitioners: [{ personId: 'p1' }],
};
const visitBody = {
  caseId: 'c1',
  visitId: 'v2',
  leaderId: 'leader-2',
  receivedAt: '2024-10-10T09:00:00+08:00',
  location: '街道信访接待室',
  visitorCount: 1,
  matter: '反映楼上漏水',
  petitioners: [{ personId: 'p1' }],
};
const resolveBody = { at: '2024-10-21T10:00:00+08:00', method: 'onSite', level: 'grid', outcome: 'educated', summary: '当场解释' } as const;

const statusAfter = (events: readonly CaseEvent[]): string => fold(caseDecider, events).status;
const eventsOf = (events: readonly CaseEvent[], command: CaseCommand): readonly CaseEvent[] =>
  expectEvents(spec.given(events).when(command));

describe('the case fixtures', () => {
  it('are exactly what the decider emits for the commands of a whole case', () => {
    const commands: CaseCommand[] = [
      { type: 'RegisterCase', data: registerBody },
      on('DecideAcceptance', { decision: 'accepted', at: ACCEPTED_AT }),
      on('AssignCase', {
        responsibleUnit: '东风社区居委会',
        responsibleLeaderId: 'leader-1',
        responsiblePerson: '王芳',
        measures: '上门调解，请物业维修',
        deadline: '2024-10-31',
        at: ASSIGNED_AT,
      }),
      on('ResolveCase', { at: RESOLVED_AT, method: 'mediation', level: 'community', outcome: 'solved', summary: '达成调解协议，已维修' }),
      on('RequestReview', { level: 'review', at: '2024-10-25T09:00:00+08:00' }),
      on('DecideReview', { level: 'review', at: '2024-11-10T10:00:00+08:00', outcome: 'upheld' }),
      on('RequestReview', { level: 'reReview', at: '2024-11-15T10:00:00+08:00' }),
      on('DecideReview', { level: 'reReview', at: '2024-12-01T10:00:00+08:00', outcome: 'upheld' }),
    ];
    const history: CaseEvent[] = [];
    for (const command of commands) history.push(...eventsOf(history, command));
    expect(history).toEqual(finalCase);
  });
});

describe('RegisterCase', () => {
  it('registers a case with the defaults: peopleCount = petitioners, firstPetition, de-duplicated flags', () => {
    const result = spec.given([]).when({
      type: 'RegisterCase',
      data: {
        ...registerBody,
        petitioners: [{ personId: 'p1' }, { personId: 'p2' }],
        riskFlags: ['collective', 'escalation', 'collective'],
        patterns: ['repeat', 'jointPetition', 'repeat'],
      },
    });
    expectEvents(result, [
      {
        type: 'CaseRegistered',
        data: {
          caseId: 'c1',
          origin: 'screening',
          communityId: 'dongfeng',
          category: 'neighbour',
          summary: '楼上漏水，邻里纠纷',
          peopleCount: 2,
          riskFlags: ['collective', 'escalation'],
          patterns: ['repeat', 'jointPetition'],
          firstPetition: true,
          petitioners: [{ personId: 'p1' }, { personId: 'p2' }],
          registeredAt: REGISTERED_AT,
        },
      },
    ]);
  });

  it('without flags or patterns gives empty lists; keeps every optional field given', () => {
    expectEvents(spec.given([]).when({ type: 'RegisterCase', data: registerBody }), registeredOnly);
    const result = spec.given([]).when({
      type: 'RegisterCase',
      data: { ...registerBody, gridId: 'grid-3', demands: '维修并赔偿', peopleCount: 7, firstPetition: false },
    });
    expectEvents(result, [
      {
        type: 'CaseRegistered',
        data: {
          caseId: 'c1',
          origin: 'screening',
          communityId: 'dongfeng',
          gridId: 'grid-3',
          category: 'neighbour',
          summary: '楼上漏水，邻里纠纷',
          demands: '维修并赔偿',
          peopleCount: 7,
          riskFlags: [],
          patterns: [],
          firstPetition: false,
          petitioners: [{ personId: 'p1' }],
          registeredAt: REGISTERED_AT,
        },
      },
    ]);
  });

  it('refuses a case id that is already registered (caseAlreadyExists)', () => {
    const error = expectRefusal(spec.given(registeredOnly).when({ type: 'RegisterCase', data: registerBody }), 'caseAlreadyExists');
    expect(error.details).toEqual({ caseId: 'c1' });
  });

  it('refuses fewer people than petitioners (peopleCountBelowPetitioners)', () => {
    const result = spec.given([]).when({
      type: 'RegisterCase',
      data: { ...registerBody, petitioners: [{ personId: 'p1' }, { personId: 'p2' }], peopleCount: 1 },
    });
    expect(expectRefusal(result, 'peopleCountBelowPetitioners').details).toEqual({ peopleCount: 1, petitioners: 2 });
  });
});

describe('RecordVisit', () => {
  it('without an existing case registers one with origin visit, then records the visit', () => {
    const result = spec.given([]).when({
      type: 'RecordVisit',
      data: { ...visitBody, visitId: 'v1', visitorCount: 6, communityId: 'dongfeng', demands: '尽快维修', handlingOpinion: '转社区调解' },
    });
    expectEvents(result, [
      {
        type: 'CaseRegistered',
        data: {
          caseId: 'c1',
          origin: 'visit',
          communityId: 'dongfeng',
          category: 'other',
          summary: '反映楼上漏水',
          demands: '尽快维修',
          peopleCount: 6,
          riskFlags: [],
          patterns: [],
          firstPetition: true,
          petitioners: [{ personId: 'p1' }],
          registeredAt: '2024-10-10T09:00:00+08:00',
        },
      },
      {
        type: 'VisitRecorded',
        data: {
          visitId: 'v1',
          leaderId: 'leader-2',
          receivedAt: '2024-10-10T09:00:00+08:00',
          location: '街道信访接待室',
          visitorCount: 6,
          matter: '反映楼上漏水',
          petitioners: [{ personId: 'p1' }],
          repeat: false,
          demands: '尽快维修',
          handlingOpinion: '转社区调解',
        },
      },
    ]);
  });

  it('a new case from a visit counts at least its petitioners and keeps the category given', () => {
    const [registration] = eventsOf([], {
      type: 'RecordVisit',
      data: { ...visitBody, communityId: 'dongfeng', category: 'wageArrears', petitioners: [{ personId: 'p1' }, { personId: 'p2' }] },
    });
    expect(registration?.type === 'CaseRegistered' && registration.data).toMatchObject({ category: 'wageArrears', peopleCount: 2 });
  });

  it('refuses a new case without a community (communityRequired)', () => {
    expectRefusal(spec.given([]).when({ type: 'RecordVisit', data: visitBody }), 'communityRequired');
  });

  it('refuses a case the client named that does not exist (caseNotFound)', () => {
    const result = spec.given([]).when({ type: 'RecordVisit', data: { ...visitBody, communityId: 'dongfeng', onExistingCase: true } });
    expect(expectRefusal(result, 'caseNotFound').details).toEqual({ caseId: 'c1' });
  });

  it('the first visit on a case registered otherwise is not a repeat', () => {
    expectEvents(spec.given(openCase).when({ type: 'RecordVisit', data: { ...visitBody, onExistingCase: true } }), [
      visit('v2', '2024-10-10T09:00:00+08:00', false),
    ]);
  });

  it('a second visit is a repeat petition (VisitRecorded repeat:true + RepeatPetitionRecorded)', () => {
    const given = [...openCase, visit('v1', '2024-10-01T09:00:00+08:00', false)];
    expectEvents(spec.given(given).when({ type: 'RecordVisit', data: visitBody }), [
      visit('v2', '2024-10-10T09:00:00+08:00', true),
      { type: 'RepeatPetitionRecorded', data: { at: '2024-10-10T09:00:00+08:00', channel: 'visit', accepted: true, visitId: 'v2' } },
    ]);
  });

  it('a visit on a resolved case is a repeat petition and reopens it', () => {
    const at = '2024-10-22T09:00:00+08:00';
    const events = eventsOf(resolvedCase, { type: 'RecordVisit', data: { ...visitBody, receivedAt: at } });
    expect(events).toEqual([
      visit('v2', at, true),
      { type: 'RepeatPetitionRecorded', data: { at, channel: 'visit', accepted: true, visitId: 'v2' } },
      { type: 'CaseReopened', data: { at, reason: '重复信访，重新办理', cause: 'repeat' } },
    ]);
    expect(statusAfter([...resolvedCase, ...events])).toBe('inProgress');
  });

  it('a visit on a closed case reopens it too, and it is no longer closed', () => {
    const events = eventsOf(closedCase, { type: 'RecordVisit', data: { ...visitBody, receivedAt: '2024-10-26T09:00:00+08:00' } });
    expect(events.map((e) => e.type)).toEqual(['VisitRecorded', 'RepeatPetitionRecorded', 'CaseReopened']);
    const state = fold(caseDecider, [...closedCase, ...events]);
    expect(state.status).toBe('inProgress');
    expect(state.status !== 'none' && state.closedAt).toBeUndefined();
  });

  it('a visit on a final case is recorded as not accepted again (不再受理), and the case stays resolved', () => {
    const at = '2024-12-05T09:00:00+08:00';
    const events = eventsOf(finalCase, { type: 'RecordVisit', data: { ...visitBody, receivedAt: at } });
    expect(events).toEqual([
      visit('v2', at, true),
      { type: 'RepeatPetitionRecorded', data: { at, channel: 'visit', accepted: false, visitId: 'v2' } },
    ]);
    expect(statusAfter([...finalCase, ...events])).toBe('resolved');
  });

  it('a visit typed in late, received before the resolution, came while the case was open: not a repeat', () => {
    expectEvents(spec.given(resolvedCase).when({ type: 'RecordVisit', data: { ...visitBody, receivedAt: '2024-10-10T09:00:00+08:00' } }), [
      visit('v2', '2024-10-10T09:00:00+08:00', false),
    ]);
  });

  it('a visit merges new petitioners into the case', () => {
    const events = eventsOf(openCase, { type: 'RecordVisit', data: { ...visitBody, petitioners: [{ personId: 'p1' }, { personId: 'p9' }] } });
    const state = fold(caseDecider, [...openCase, ...events]);
    expect(state.status !== 'none' && state.petitioners).toEqual([{ personId: 'p1' }, { personId: 'p9' }]);
  });

  it('refuses a visit id already recorded (visitAlreadyRecorded)', () => {
    const given = [...openCase, visit('v2', '2024-10-01T09:00:00+08:00', false)];
    expect(expectRefusal(spec.given(given).when({ type: 'RecordVisit', data: visitBody }), 'visitAlreadyRecorded').details).toEqual({
      visitId: 'v2',
    });
  });

  it('refuses a visit on a rejected case (caseRejected)', () => {
    expectRefusal(spec.given(rejectedCase).when({ type: 'RecordVisit', data: visitBody }), 'caseRejected');
  });

  it('refuses a visit received before the case was registered (timeOutOfOrder)', () => {
    const result = spec.given(openCase).when({ type: 'RecordVisit', data: { ...visitBody, receivedAt: BEFORE_REGISTRATION } });
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'receivedAt', notBefore: REGISTERED_AT });
  });
});

describe('DecideAcceptance', () => {
  it('accepts, with or without a reason', () => {
    expectEvents(spec.given(registeredOnly).when(on('DecideAcceptance', { decision: 'accepted', at: ACCEPTED_AT })), [accepted]);
    expectEvents(spec.given(registeredOnly).when(on('DecideAcceptance', { decision: 'accepted', at: ACCEPTED_AT, reason: '属实' })), [
      { type: 'CaseAccepted', data: { at: ACCEPTED_AT, reason: '属实' } },
    ]);
    expect(statusAfter(acceptedCase)).toBe('accepted');
  });

  it('rejects (不予受理), which is terminal', () => {
    const result = spec.given(registeredOnly).when(
      on('DecideAcceptance', { decision: 'rejected', at: '2024-09-20T10:00:00+08:00', reason: '不属于信访事项' }),
    );
    expectEvents(result, [rejected]);
    expect(statusAfter(rejectedCase)).toBe('rejected');
  });

  it('refuses a second decision (alreadyDecided), after an acceptance or a rejection', () => {
    const again = on('DecideAcceptance', { decision: 'rejected', at: '2024-09-25T10:00:00+08:00' });
    expectRefusal(spec.given(acceptedCase).when(again), 'alreadyDecided');
    expectRefusal(spec.given(openCase).when(again), 'alreadyDecided');
    expectRefusal(spec.given(rejectedCase).when(on('DecideAcceptance', { decision: 'accepted', at: '2024-09-25T10:00:00+08:00' })), 'alreadyDecided');
  });
});

describe('AssignCase (一案一策)', () => {
  const assignment = {
    responsibleUnit: '东风社区居委会',
    responsibleLeaderId: 'leader-1',
    responsiblePerson: '王芳',
    measures: '上门调解，请物业维修',
    deadline: '2024-10-31',
    at: ASSIGNED_AT,
  };

  it('assigns an accepted case, which is then in progress', () => {
    expectEvents(spec.given(acceptedCase).when(on('AssignCase', assignment)), [assigned]);
    expect(statusAfter(openCase)).toBe('inProgress');
  });

  it('accepts a deadline on the day of assignment and one on acceptance + 60 days exactly', () => {
    expectEvents(spec.given(acceptedCase).when(on('AssignCase', { ...assignment, deadline: '2024-09-20' })));
    expectEvents(spec.given(acceptedCase).when(on('AssignCase', { ...assignment, deadline: '2024-11-17' })));
  });

  it('re-assigns a case in progress', () => {
    const again = { ...assignment, responsiblePerson: '李强', deadline: '2024-11-10', at: '2024-10-01T09:00:00+08:00' };
    expectEvents(spec.given(openCase).when(on('AssignCase', again)), [{ type: 'CaseAssigned', data: again }]);
  });

  it('refuses a case not yet accepted (notAccepted)', () => {
    expectRefusal(spec.given(registeredOnly).when(on('AssignCase', assignment)), 'notAccepted');
  });

  it('refuses a deadline before the day of assignment (deadlineInPast)', () => {
    const result = spec.given(acceptedCase).when(on('AssignCase', { ...assignment, deadline: '2024-09-19' }));
    expect(expectRefusal(result, 'deadlineInPast').details).toEqual({ deadline: '2024-09-19', day: '2024-09-20' });
  });

  it('refuses a deadline past acceptance + 60 days (deadlineBeyondLimit)', () => {
    const result = spec.given(acceptedCase).when(on('AssignCase', { ...assignment, deadline: '2024-11-18' }));
    expect(expectRefusal(result, 'deadlineBeyondLimit').details).toEqual({ deadline: '2024-11-18', limit: '2024-11-17' });
  });

  it('refuses a resolved or closed case (caseNotOpen)', () => {
    const later = { ...assignment, at: '2024-10-26T09:00:00+08:00', deadline: '2024-11-10' };
    expect(expectRefusal(spec.given(resolvedCase).when(on('AssignCase', later)), 'caseNotOpen').details).toEqual({ status: 'resolved' });
    expect(expectRefusal(spec.given(closedCase).when(on('AssignCase', later)), 'caseNotOpen').details).toEqual({ status: 'closed' });
  });

  it('refuses an assignment before the acceptance, or before the deadline in force was set (timeOutOfOrder)', () => {
    const early = spec.given(acceptedCase).when(on('AssignCase', { ...assignment, at: '2024-09-18T09:45:00+08:00' }));
    expect(expectRefusal(early, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: ACCEPTED_AT });
    const beforeExtension = spec.given([...openCase, extended]).when(on('AssignCase', { ...assignment, at: '2024-10-27T10:00:00+08:00' }));
    expect(expectRefusal(beforeExtension, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: '2024-10-28T10:00:00+08:00' });
  });
});

describe('leadsCase', () => {
  it("is the assignment's responsible leader or a 包案 leader, not a receiving leader", () => {
    const packaged = fold(caseDecider, [...openCase, { type: 'CasePackaged', data: { leaderId: 'leader-9', at: '2024-09-25T09:00:00+08:00', responsibilities: ['situation', 'education', 'resolution', 'closure'] } } as CaseEvent]) as ExistingCase;
    expect(['leader-1', 'leader-9', 'leader-2'].map((id) => leadsCase(id, packaged))).toEqual([true, true, false]);
    expect(leadsCase('leader-1', fold(caseDecider, [registered, accepted]) as ExistingCase)).toBe(false);
  });
});

describe('PackageCase (包案)', () => {
  it('packages the case to a leader with the four responsibilities', () => {
    expectEvents(spec.given(openCase).when(on('PackageCase', { leaderId: 'leader-9', at: '2024-09-25T09:00:00+08:00' })), [
      {
        type: 'CasePackaged',
        data: { leaderId: 'leader-9', at: '2024-09-25T09:00:00+08:00', responsibilities: ['situation', 'education', 'resolution', 'closure'] },
      },
    ]);
  });

  it('is allowed from any open state, even before acceptance', () => {
    expectEvents(spec.given(registeredOnly).when(on('PackageCase', { leaderId: 'leader-9', at: '2024-09-19T09:00:00+08:00' })));
  });

  it('refuses a resolved case (caseNotOpen)', () => {
    expectRefusal(spec.given(resolvedCase).when(on('PackageCase', { leaderId: 'leader-9', at: '2024-10-21T09:00:00+08:00' })), 'caseNotOpen');
  });
});

describe('RecordFiveOnes (五个一)', () => {
  it('records one item', () => {
    const body = { item: 'taskForce', detail: '社区、派出所、司法所组成专班', at: '2024-09-26T09:00:00+08:00' } as const;
    expectEvents(spec.given(openCase).when(on('RecordFiveOnes', body)), [{ type: 'FiveOnesRecorded', data: body }]);
    const state = fold(caseDecider, [...openCase, { type: 'FiveOnesRecorded', data: body }]);
    expect(state.status !== 'none' && state.fiveOnes).toEqual({ taskForce: body });
  });

  it('refuses a closed case (caseNotOpen)', () => {
    expectRefusal(spec.given(closedCase).when(on('RecordFiveOnes', { item: 'plan', detail: '方案', at: '2024-10-26T09:00:00+08:00' })), 'caseNotOpen');
  });
});

describe('TransferCase (转交办)', () => {
  it('transfers, with or without a note', () => {
    expectEvents(spec.given(openCase).when(on('TransferCase', { toUnit: '区住建局', at: '2024-09-27T09:00:00+08:00', note: '涉及物业' })), [
      { type: 'CaseTransferred', data: { toUnit: '区住建局', at: '2024-09-27T09:00:00+08:00', note: '涉及物业' } },
    ]);
    expectEvents(spec.given(openCase).when(on('TransferCase', { toUnit: '区住建局', at: '2024-09-27T09:00:00+08:00' })), [
      { type: 'CaseTransferred', data: { toUnit: '区住建局', at: '2024-09-27T09:00:00+08:00' } },
    ]);
  });

  it('refuses a resolved case (caseNotOpen)', () => {
    expectRefusal(spec.given(resolvedCase).when(on('TransferCase', { toUnit: '区住建局', at: '2024-10-21T09:00:00+08:00' })), 'caseNotOpen');
  });
});

describe('NotifyPetitioner (告知)', () => {
  const notice = { at: '2024-09-21T09:00:00+08:00', content: '告知不予受理的理由' };

  it('notifies on an open, a resolved and a rejected case', () => {
    const expected: CaseEvent[] = [{ type: 'PetitionerNotified', data: notice }];
    expectEvents(spec.given(openCase).when(on('NotifyPetitioner', notice)), expected);
    expectEvents(spec.given(rejectedCase).when(on('NotifyPetitioner', notice)), expected);
    expectEvents(spec.given(resolvedCase).when(on('NotifyPetitioner', { ...notice, at: '2024-10-21T09:00:00+08:00' })));
  });
});

describe('RecordProgress', () => {
  it('records a note', () => {
    expectEvents(spec.given(openCase).when(on('RecordProgress', { at: '2024-10-01T09:00:00+08:00', note: '物业已上门查看' })), [
      { type: 'ProgressRecorded', data: { at: '2024-10-01T09:00:00+08:00', note: '物业已上门查看' } },
    ]);
  });

  it('refuses a resolved case (caseNotOpen)', () => {
    expectRefusal(spec.given(resolvedCase).when(on('RecordProgress', { at: '2024-10-21T09:00:00+08:00', note: '回访' })), 'caseNotOpen');
  });
});

describe('ExtendDeadline (延期)', () => {
  const extension = { newDeadline: '2024-11-30', reason: '需协调物业公司', approvedBy: '街道信访办主任', at: '2024-10-28T10:00:00+08:00' };

  it('extends the deadline in force by at most 30 days, naming the previous one', () => {
    expectEvents(spec.given(openCase).when(on('ExtendDeadline', extension)), [extended]);
  });

  it('extends an accepted case that has no assignment from acceptance + 60, up to acceptance + 90 exactly', () => {
    expectEvents(spec.given(acceptedCase).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-12-17' })), [
      { type: 'DeadlineExtended', data: { ...extension, previousDeadline: '2024-11-17', newDeadline: '2024-12-17' } },
    ]);
  });

  it('refuses a second extension (extensionAlreadyUsed)', () => {
    const again = { ...extension, newDeadline: '2024-12-05', at: '2024-11-20T10:00:00+08:00' };
    expectRefusal(spec.given([...openCase, extended]).when(on('ExtendDeadline', again)), 'extensionAlreadyUsed');
  });

  it('refuses a new deadline that is not later (extensionNotLater)', () => {
    const result = spec.given(openCase).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-10-31' }));
    expect(expectRefusal(result, 'extensionNotLater').details).toEqual({ newDeadline: '2024-10-31', deadline: '2024-10-31' });
  });

  it('refuses more than 30 days (extensionTooLong)', () => {
    const result = spec.given(openCase).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-12-01' }));
    expect(expectRefusal(result, 'extensionTooLong').details).toEqual({ newDeadline: '2024-12-01', limit: '2024-11-30' });
  });

  it('refuses a deadline past acceptance + 90 days (extensionBeyondLimit)', () => {
    const result = spec.given(acceptedCase).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-12-18' }));
    expect(expectRefusal(result, 'extensionBeyondLimit').details).toEqual({ newDeadline: '2024-12-18', limit: '2024-12-17' });
    // Past the cap and more than 30 days after the assignment's deadline too: the cap is what is named.
    expectRefusal(spec.given(openCase).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-12-20' })), 'extensionBeyondLimit');
  });

  it('refuses a case not yet accepted (notAccepted) and a resolved one (caseNotOpen)', () => {
    expectRefusal(spec.given(registeredOnly).when(on('ExtendDeadline', { ...extension, newDeadline: '2024-10-10' })), 'notAccepted');
    expectRefusal(spec.given(resolvedCase).when(on('ExtendDeadline', extension)), 'caseNotOpen');
  });

  it('refuses an extension before the deadline it replaces was set (timeOutOfOrder)', () => {
    const result = spec.given(openCase).when(on('ExtendDeadline', { ...extension, at: '2024-09-19T10:00:00+08:00' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: ASSIGNED_AT });
  });
});

describe('ResolveCase', () => {
  it('resolves an assigned case', () => {
    expectEvents(spec.given(openCase).when(on('ResolveCase', { at: RESOLVED_AT, method: 'mediation', level: 'community', outcome: 'solved', summary: '达成调解协议，已维修' })), [resolved]);
    expect(statusAfter(resolvedCase)).toBe('resolved');
  });

  it('refuses to resolve before assignment (notAssigned)', () => {
    expectRefusal(spec.given(acceptedCase).when(on('ResolveCase', resolveBody)), 'notAssigned');
    expectRefusal(spec.given(registeredOnly).when(on('ResolveCase', resolveBody)), 'notAssigned');
  });

  it('refuses a case already resolved or closed (alreadyResolved)', () => {
    expectRefusal(spec.given(resolvedCase).when(on('ResolveCase', resolveBody)), 'alreadyResolved');
    expectRefusal(spec.given(closedCase).when(on('ResolveCase', { ...resolveBody, at: '2024-10-26T10:00:00+08:00' })), 'alreadyResolved');
  });

  it('refuses a resolution before the assignment (timeOutOfOrder)', () => {
    const result = spec.given(openCase).when(on('ResolveCase', { ...resolveBody, at: '2024-09-19T10:00:00+08:00' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: ASSIGNED_AT });
  });

  it('resolves a reopened case again, not before the reopening; every resolution is kept', () => {
    const reopened: CaseEvent = { type: 'CaseReopened', data: { at: '2024-10-22T09:00:00+08:00', reason: '未落实', cause: 'reopen' } };
    const given = [...resolvedCase, reopened];
    const early = spec.given(given).when(on('ResolveCase', resolveBody));
    expect(expectRefusal(early, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: '2024-10-22T09:00:00+08:00' });
    const again = { ...resolveBody, at: '2024-10-30T10:00:00+08:00' };
    expectEvents(spec.given(given).when(on('ResolveCase', again)), [{ type: 'CaseResolved', data: again }]);
    const state = fold(caseDecider, [...given, { type: 'CaseResolved', data: again }]);
    expect(state.status !== 'none' && state.resolutions.map((r) => r.at)).toEqual([RESOLVED_AT, '2024-10-30T10:00:00+08:00']);
  });
});

describe('RecordSatisfaction', () => {
  const rating = { at: '2024-10-22T10:00:00+08:00', satisfied: true };

  it('records the petitioner’s rating of a resolution', () => {
    expectEvents(spec.given(resolvedCase).when(on('RecordSatisfaction', rating)), [{ type: 'SatisfactionRecorded', data: rating }]);
    expectEvents(spec.given(closedCase).when(on('RecordSatisfaction', { at: '2024-10-26T10:00:00+08:00', satisfied: false })));
  });

  it('refuses an unresolved case (notResolved)', () => {
    expectRefusal(spec.given(openCase).when(on('RecordSatisfaction', rating)), 'notResolved');
  });

  it('refuses a second rating of the same resolution (satisfactionAlreadyRecorded), but rates a new resolution', () => {
    const rated = [...resolvedCase, { type: 'SatisfactionRecorded', data: rating } as CaseEvent];
    expectRefusal(spec.given(rated).when(on('RecordSatisfaction', { ...rating, at: '2024-10-23T10:00:00+08:00' })), 'satisfactionAlreadyRecorded');
    const resolvedAgain: CaseEvent[] = [
      ...rated,
      { type: 'CaseReopened', data: { at: '2024-10-24T10:00:00+08:00', reason: '不满意', cause: 'reopen' } },
      { type: 'CaseResolved', data: { ...resolveBody, at: '2024-10-30T10:00:00+08:00' } },
    ];
    expectEvents(spec.given(resolvedAgain).when(on('RecordSatisfaction', { at: '2024-10-31T10:00:00+08:00', satisfied: true })));
  });

  it('refuses a rating before the resolution (timeOutOfOrder)', () => {
    const result = spec.given(resolvedCase).when(on('RecordSatisfaction', { ...rating, at: '2024-10-19T10:00:00+08:00' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: RESOLVED_AT });
  });
});

describe('RecordRepeat (重复访)', () => {
  const repeat = { at: '2024-10-22T09:00:00+08:00', channel: 'phone' } as const;

  it('on an open case is recorded', () => {
    expectEvents(spec.given(openCase).when(on('RecordRepeat', repeat)), [
      { type: 'RepeatPetitionRecorded', data: { ...repeat, accepted: true } },
    ]);
  });

  it('on a resolved or closed case reopens it', () => {
    const expected: CaseEvent[] = [
      { type: 'RepeatPetitionRecorded', data: { ...repeat, accepted: true } },
      { type: 'CaseReopened', data: { at: repeat.at, reason: '重复信访，重新办理', cause: 'repeat' } },
    ];
    expectEvents(spec.given(resolvedCase).when(on('RecordRepeat', repeat)), expected);
    const fromClosed = { ...repeat, at: '2024-10-26T09:00:00+08:00' };
    expectEvents(spec.given(closedCase).when(on('RecordRepeat', fromClosed)), [
      { type: 'RepeatPetitionRecorded', data: { ...fromClosed, accepted: true } },
      { type: 'CaseReopened', data: { at: fromClosed.at, reason: '重复信访，重新办理', cause: 'repeat' } },
    ]);
  });

  it('at the very instant of the resolution still reopens it', () => {
    const events = eventsOf(resolvedCase, on('RecordRepeat', { at: RESOLVED_AT, channel: 'visit' }));
    expect(events.map((e) => e.type)).toEqual(['RepeatPetitionRecorded', 'CaseReopened']);
  });

  it('on a final case is recorded as not accepted again, and the case stays resolved', () => {
    const late = { ...repeat, at: '2024-12-10T09:00:00+08:00' };
    const events = eventsOf(finalCase, on('RecordRepeat', late));
    expect(events).toEqual([{ type: 'RepeatPetitionRecorded', data: { ...late, accepted: false } }]);
    expect(statusAfter([...finalCase, ...events])).toBe('resolved');
  });

  it('typed in late, from before the resolution, is recorded without reopening the case', () => {
    const early = { ...repeat, at: '2024-10-15T09:00:00+08:00' };
    expectEvents(spec.given(resolvedCase).when(on('RecordRepeat', early)), [
      { type: 'RepeatPetitionRecorded', data: { ...early, accepted: true } },
    ]);
    expectEvents(spec.given(finalCase).when(on('RecordRepeat', early)), [
      { type: 'RepeatPetitionRecorded', data: { ...early, accepted: true } },
    ]);
  });
});

describe('RecordEscalation (越级上访)', () => {
  it('defaults collective and abnormal to false', () => {
    expectEvents(spec.given(openCase).when(on('RecordEscalation', { at: '2024-10-02T09:00:00+08:00', level: 'city' })), [
      { type: 'EscalationRecorded', data: { at: '2024-10-02T09:00:00+08:00', level: 'city', collective: false, abnormal: false } },
    ]);
  });

  it('keeps collective and abnormal when given', () => {
    const body = { at: '2024-10-02T09:00:00+08:00', level: 'beijing', collective: true, abnormal: true } as const;
    expectEvents(spec.given(openCase).when(on('RecordEscalation', body)), [{ type: 'EscalationRecorded', data: body }]);
  });
});

describe('ReopenCase', () => {
  const reopen = { at: '2024-10-22T09:00:00+08:00', reason: '调解协议未履行' };

  it('reopens a resolved or closed case, which goes back in progress', () => {
    const expected: CaseEvent[] = [{ type: 'CaseReopened', data: { ...reopen, cause: 'reopen' } }];
    expectEvents(spec.given(resolvedCase).when(on('ReopenCase', reopen)), expected);
    expect(statusAfter([...resolvedCase, ...expected])).toBe('inProgress');
    expectEvents(spec.given(closedCase).when(on('ReopenCase', { ...reopen, at: '2024-10-26T09:00:00+08:00' })));
  });

  it('refuses an unresolved case (notResolved) and a final one (caseFinal)', () => {
    expectRefusal(spec.given(openCase).when(on('ReopenCase', reopen)), 'notResolved');
    expectRefusal(spec.given(finalCase).when(on('ReopenCase', { ...reopen, at: '2024-12-05T09:00:00+08:00' })), 'caseFinal');
  });

  it('refuses a reopening before the resolution (timeOutOfOrder)', () => {
    const result = spec.given(resolvedCase).when(on('ReopenCase', { ...reopen, at: '2024-10-20T14:59:00+08:00' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: RESOLVED_AT });
  });
});

describe('RequestReview (复查 / 复核)', () => {
  it('requests a review of the resolution, then a re-review of the review’s decision', () => {
    expectEvents(spec.given(resolvedCase).when(on('RequestReview', { level: 'review', at: '2024-10-25T09:00:00+08:00' })), [reviewRequested]);
    expectEvents(spec.given(reviewedCase).when(on('RequestReview', { level: 'reReview', at: '2024-11-15T10:00:00+08:00' })), [
      reReviewRequested,
    ]);
  });

  it('refuses a re-review before a decided review (reviewNotDecided)', () => {
    const reReview = on('RequestReview', { level: 'reReview', at: '2024-10-26T09:00:00+08:00' });
    expectRefusal(spec.given(resolvedCase).when(reReview), 'reviewNotDecided');
    expectRefusal(spec.given([...resolvedCase, reviewRequested]).when(reReview), 'reviewNotDecided');
  });

  it('refuses a level already requested (reviewAlreadyRequested)', () => {
    const result = spec.given([...resolvedCase, reviewRequested]).when(on('RequestReview', { level: 'review', at: '2024-10-26T09:00:00+08:00' }));
    expect(expectRefusal(result, 'reviewAlreadyRequested').details).toEqual({ level: 'review' });
  });

  it('allows 30 days from the reply: resolved 2024-10-20, the last day is 2024-11-19 (reviewPeriodExpired after)', () => {
    expectEvents(spec.given(resolvedCase).when(on('RequestReview', { level: 'review', at: '2024-11-19T23:59:00+08:00' })));
    const late = spec.given(resolvedCase).when(on('RequestReview', { level: 'review', at: '2024-11-20T00:00:00+08:00' }));
    expect(expectRefusal(late, 'reviewPeriodExpired').details).toEqual({ deadline: '2024-11-19' });
  });

  it('for a re-review the 30 days run from the review’s decision (2024-11-10 → 2024-12-10)', () => {
    expectEvents(spec.given(reviewedCase).when(on('RequestReview', { level: 'reReview', at: '2024-12-10T18:00:00+08:00' })));
    const late = spec.given(reviewedCase).when(on('RequestReview', { level: 'reReview', at: '2024-12-11T09:00:00+08:00' }));
    expect(expectRefusal(late, 'reviewPeriodExpired').details).toEqual({ deadline: '2024-12-10' });
  });

  it('refuses an unresolved case (notResolved) and a final one (caseFinal)', () => {
    expectRefusal(spec.given(openCase).when(on('RequestReview', { level: 'review', at: '2024-10-01T09:00:00+08:00' })), 'notResolved');
    expectRefusal(spec.given(finalCase).when(on('RequestReview', { level: 'review', at: '2024-12-02T09:00:00+08:00' })), 'caseFinal');
  });

  it('refuses a request before the reply (timeOutOfOrder)', () => {
    const result = spec.given(reviewedCase).when(on('RequestReview', { level: 'reReview', at: '2024-11-09T09:00:00+08:00' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: '2024-11-10T10:00:00+08:00' });
  });
});

describe('DecideReview', () => {
  it('decides a review (not final), then a re-review, which makes the case final (三级终结)', () => {
    expectEvents(spec.given([...resolvedCase, reviewRequested]).when(on('DecideReview', { level: 'review', at: '2024-11-10T10:00:00+08:00', outcome: 'upheld' })), [
      reviewDecided,
    ]);
    const given = [...reviewedCase, reReviewRequested];
    expectEvents(spec.given(given).when(on('DecideReview', { level: 'reReview', at: '2024-12-01T10:00:00+08:00', outcome: 'upheld' })), [
      reReviewDecided,
    ]);
    const state = fold(caseDecider, finalCase);
    expect(state.status !== 'none' && state.final).toBe(true);
    expect(state.status !== 'none' && state.reviews).toEqual([
      { level: 'review', requestedAt: '2024-10-25T09:00:00+08:00', decision: reviewDecided.data },
      { level: 'reReview', requestedAt: '2024-11-15T10:00:00+08:00', decision: reReviewDecided.data },
    ]);
  });

  it('a changed outcome is recorded as such', () => {
    expectEvents(spec.given([...resolvedCase, reviewRequested]).when(on('DecideReview', { level: 'review', at: '2024-11-10T10:00:00+08:00', outcome: 'changed' })), [
      { type: 'ReviewDecided', data: { level: 'review', at: '2024-11-10T10:00:00+08:00', outcome: 'changed', final: false } },
    ]);
  });

  it('refuses a level with no pending request (reviewNotRequested)', () => {
    const decide = on('DecideReview', { level: 'reReview', at: '2024-11-10T10:00:00+08:00', outcome: 'upheld' });
    expect(expectRefusal(spec.given(resolvedCase).when(decide), 'reviewNotRequested').details).toEqual({ level: 'reReview' });
    expectRefusal(spec.given(reviewedCase).when(on('DecideReview', { level: 'review', at: '2024-11-12T10:00:00+08:00', outcome: 'upheld' })), 'reviewNotRequested');
  });

  it('refuses a case reopened while its review was pending (notResolved)', () => {
    const given: CaseEvent[] = [
      ...reviewedCase,
      reReviewRequested,
      { type: 'CaseReopened', data: { at: '2024-11-20T09:00:00+08:00', reason: '重复信访，重新办理', cause: 'repeat' } },
    ];
    expectRefusal(spec.given(given).when(on('DecideReview', { level: 'reReview', at: '2024-12-01T10:00:00+08:00', outcome: 'upheld' })), 'notResolved');
  });

  it('refuses a decision before the request (timeOutOfOrder)', () => {
    const result = spec.given([...resolvedCase, reviewRequested]).when(on('DecideReview', { level: 'review', at: '2024-10-24T10:00:00+08:00', outcome: 'upheld' }));
    expect(expectRefusal(result, 'timeOutOfOrder').details).toEqual({ field: 'at', notBefore: '2024-10-25T09:00:00+08:00' });
  });
});

describe('CloseCase (息诉息访)', () => {
  it('closes a resolved case', () => {
    expectEvents(spec.given(resolvedCase).when(on('CloseCase', { at: '2024-10-25T10:00:00+08:00' })), [closed]);
    const state = fold(caseDecider, closedCase);
    expect(state.status !== 'none' && [state.status, state.closedAt]).toEqual(['closed', '2024-10-25T10:00:00+08:00']);
  });

  it('refuses an unresolved case (notResolved) and a closed one (alreadyClosed)', () => {
    expectRefusal(spec.given(openCase).when(on('CloseCase', { at: '2024-10-25T10:00:00+08:00' })), 'notResolved');
    expectRefusal(spec.given(closedCase).when(on('CloseCase', { at: '2024-10-26T10:00:00+08:00' })), 'alreadyClosed');
  });

  it('refuses a closure before the resolution (timeOutOfOrder)', () => {
    expectRefusal(spec.given(resolvedCase).when(on('CloseCase', { at: '2024-10-19T10:00:00+08:00' })), 'timeOutOfOrder');
  });
});

/** One valid-looking command of each type on an existing case, at `at`. */
const everyCommandOnCase = (at: string): CaseCommand[] => [
  on('DecideAcceptance', { decision: 'accepted', at }),
  on('AssignCase', { responsibleUnit: '社区', responsibleLeaderId: 'leader-1', responsiblePerson: '王芳', measures: '调解', deadline: '2024-11-30', at }),
  on('PackageCase', { leaderId: 'leader-9', at }),
  on('RecordFiveOnes', { item: 'minutes', detail: '会议纪要', at }),
  on('TransferCase', { toUnit: '区住建局', at }),
  on('NotifyPetitioner', { at, content: '告知' }),
  on('RecordProgress', { at, note: '进展' }),
  on('ExtendDeadline', { newDeadline: '2024-12-01', reason: '复杂', approvedBy: '主任', at }),
  on('ResolveCase', { ...resolveBody, at }),
  on('RecordSatisfaction', { at, satisfied: true }),
  on('RecordRepeat', { at, channel: 'letter' }),
  on('RecordEscalation', { at, level: 'province' }),
  on('ReopenCase', { at, reason: '重新办理' }),
  on('RequestReview', { level: 'review', at }),
  on('DecideReview', { level: 'review', at, outcome: 'upheld' }),
  on('CloseCase', { at }),
];

describe('refusals common to every command', () => {
  const commands = everyCommandOnCase('2024-10-01T09:00:00+08:00');

  it('covers all sixteen commands on an existing case', () => {
    expect(new Set(commands.map((c) => c.type)).size).toBe(16);
  });

  it.each(commands.map((c) => [c.type, c] as const))('%s on a missing case: caseNotFound', (_type, command) => {
    const error = expectRefusal(spec.given([]).when(command), 'caseNotFound');
    expect(error.details).toEqual({ caseId: 'c1' });
    expect(error.message.en).toBe('case c1 does not exist');
  });

  it.each(commands.map((c) => [c.type, c] as const))('%s on a rejected case: caseRejected (but a decision is alreadyDecided, a notice is allowed)', (type, command) => {
    const result = spec.given(rejectedCase).when(command);
    if (type === 'NotifyPetitioner') expectEvents(result);
    else expectRefusal(result, type === 'DecideAcceptance' ? 'alreadyDecided' : 'caseRejected');
  });

  it.each(everyCommandOnCase(BEFORE_REGISTRATION).map((c) => [c.type, c] as const))('%s dated before the registration: timeOutOfOrder', (_type, command) => {
    const error = expectRefusal(spec.given(openCase).when(command), 'timeOutOfOrder');
    expect(error.details).toEqual({ field: 'at', notBefore: REGISTERED_AT });
  });

  it('every refusal is a value with a Chinese and an English message, never a throw', () => {
    const error = expectRefusal(spec.given(acceptedCase).when(on('ResolveCase', resolveBody)), 'notAssigned');
    expect(error.message).toEqual({
      zh: '该事项尚未交办（一案一策），不能化解',
      en: 'the case has not been assigned, so it cannot be resolved',
    });
  });
});

describe('evolveCase and the stream', () => {
  it('starts with no case and folds to the same state as decideCase sees', () => {
    expect(caseDecider.initialState).toEqual({ status: 'none' });
    expect(caseDecider.decide).toBe(decideCase);
    expect(fold(caseDecider, openCase)).toEqual(openCase.reduce<CaseState>(evolveCase, initialCaseState));
  });

  it('ignores an event before the registration, and a second registration', () => {
    expect(evolveCase(initialCaseState, accepted)).toEqual(initialCaseState);
    const state = fold(caseDecider, registeredOnly);
    expect(evolveCase(state, registered)).toBe(state);
  });

  it('keeps the deadline history: registration + 15, acceptance + 60, the assignment, the extension', () => {
    const state = fold(caseDecider, [...openCase, extended]);
    expect(state.status !== 'none' && state.deadlines).toEqual([
      { at: REGISTERED_AT, deadline: '2024-10-03', source: 'registration' },
      { at: ACCEPTED_AT, deadline: '2024-11-17', source: 'acceptance' },
      { at: ASSIGNED_AT, deadline: '2024-10-31', source: 'assignment' },
      { at: '2024-10-28T10:00:00+08:00', deadline: '2024-11-30', source: 'extension' },
    ]);
  });

  it('assigning a reopened case keeps it in progress', () => {
    const given: CaseEvent[] = [...resolvedCase, { type: 'CaseReopened', data: { at: '2024-10-22T09:00:00+08:00', reason: '未落实', cause: 'reopen' } }];
    const reassignment = {
      responsibleUnit: '街道综治中心',
      responsibleLeaderId: 'leader-1',
      responsiblePerson: '李强',
      measures: '督促履行调解协议',
      deadline: '2024-11-15',
      at: '2024-10-23T09:00:00+08:00',
    };
    const events = eventsOf(given, on('AssignCase', reassignment));
    expect(statusAfter([...given, ...events])).toBe('inProgress');
  });

  it('names the business time of each event and the stream of a case', () => {
    expect(caseEventTime(registered)).toBe(REGISTERED_AT);
    expect(caseEventTime(visit('v1', '2024-10-01T09:00:00+08:00', false))).toBe('2024-10-01T09:00:00+08:00');
    expect(caseEventTime(resolved)).toBe(RESOLVED_AT);
    expect(caseStream('c1')).toBe('case-c1');
  });
});
