import { describe, expect, it } from 'vitest';
import { caseDecider, fold, type CaseEvent, type ExistingCase } from '@xinfang/domain';
import type { Role } from '../roles';
import { caseActionsFor } from './case-actions';

const NOW = '2024-10-31T18:00:00+08:00';

const registered: CaseEvent = {
  type: 'CaseRegistered',
  data: {
    caseId: 'c1',
    origin: 'screening',
    communityId: 'qinghua',
    category: 'neighbour',
    summary: '楼上漏水，邻里纠纷',
    peopleCount: 1,
    riskFlags: [],
    patterns: [],
    firstPetition: true,
    petitioners: [{ personId: 'p1' }],
    registeredAt: '2024-09-18T09:30:00+08:00',
  },
};
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: '2024-09-19T09:00:00+08:00' } };
const rejected: CaseEvent = { type: 'CaseRejected', data: { at: '2024-09-19T09:00:00+08:00', reason: '不属于信访事项' } };
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: {
    responsibleUnit: '清华社区居委会',
    responsibleLeaderId: 'L01',
    responsiblePerson: '王芳',
    measures: '上门调解',
    deadline: '2024-10-31',
    at: '2024-09-20T09:00:00+08:00',
  },
};
const extended: CaseEvent = {
  type: 'DeadlineExtended',
  data: { previousDeadline: '2024-10-31', newDeadline: '2024-11-15', reason: '协调物业', approvedBy: '主任', at: '2024-10-28T10:00:00+08:00' },
};
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: { at: '2024-10-20T15:00:00+08:00', method: 'mediation', level: 'community', outcome: 'solved', summary: '已维修' },
};
const satisfied: CaseEvent = { type: 'SatisfactionRecorded', data: { at: '2024-10-21T10:00:00+08:00', satisfied: true } };
const reviewRequested: CaseEvent = { type: 'ReviewRequested', data: { level: 'review', at: '2024-10-22T09:00:00+08:00' } };
const reviewDecided: CaseEvent = {
  type: 'ReviewDecided',
  data: { level: 'review', at: '2024-10-25T10:00:00+08:00', outcome: 'upheld', final: false },
};
const closed: CaseEvent = { type: 'CaseClosed', data: { at: '2024-10-26T10:00:00+08:00' } };

const kase = (...events: CaseEvent[]): ExistingCase => {
  const state = fold(caseDecider, events);
  if (state.status === 'none') throw new Error('not registered');
  return state;
};
const office: Role = { kind: 'office' };
const types = (role: Role, ...events: CaseEvent[]): string[] => caseActionsFor(role, kase(...events), NOW).map((a) => a.type);

describe('caseActionsFor: the forms a case page offers', () => {
  it('a registered case: the office decides acceptance and may record the side facts, not assign or resolve', () => {
    expect(types(office, registered)).toEqual([
      'DecideAcceptance',
      'PackageCase',
      'RecordFiveOnes',
      'TransferCase',
      'NotifyPetitioner',
      'RecordProgress',
      'RecordRepeat',
      'RecordEscalation',
    ]);
  });

  it('an accepted case: assignment and extension open, acceptance gone, resolution waits for the assignment', () => {
    const offered = types(office, registered, accepted);
    expect(offered).toContain('AssignCase');
    expect(offered).toContain('ExtendDeadline');
    expect(offered).not.toContain('DecideAcceptance');
    expect(offered).not.toContain('ResolveCase');
  });

  it('an assigned case: the office resolves it; an extension used once is not offered again', () => {
    expect(types(office, registered, accepted, assigned)).toContain('ResolveCase');
    expect(types(office, registered, accepted, assigned)).toContain('ExtendDeadline');
    expect(types(office, registered, accepted, assigned, extended)).not.toContain('ExtendDeadline');
  });

  it('a resolved case: satisfaction, review, reopen and closure — and the satisfaction call only once', () => {
    const offered = caseActionsFor(office, kase(registered, accepted, assigned, resolved), NOW);
    expect(offered.map((a) => a.type)).toEqual([
      'NotifyPetitioner',
      'RecordSatisfaction',
      'RecordRepeat',
      'RecordEscalation',
      'ReopenCase',
      'RequestReview',
      'CloseCase',
    ]);
    expect(offered.find((a) => a.type === 'RequestReview')).toEqual({ type: 'RequestReview', segment: 'review', levels: ['review'] });
    expect(types(office, registered, accepted, assigned, resolved, satisfied)).not.toContain('RecordSatisfaction');
  });

  it('a decided review opens the re-review (request), a pending one its decision at its level', () => {
    const pending = caseActionsFor(office, kase(registered, accepted, assigned, resolved, reviewRequested), NOW);
    expect(pending.find((a) => a.type === 'DecideReview')?.levels).toEqual(['review']);
    expect(pending.find((a) => a.type === 'RequestReview')).toBeUndefined();
    const decided = caseActionsFor(office, kase(registered, accepted, assigned, resolved, reviewRequested, reviewDecided), NOW);
    expect(decided.find((a) => a.type === 'RequestReview')?.levels).toEqual(['reReview']);
  });

  it('a closed case: no closure again; a rejected case: only a notice to the petitioner', () => {
    expect(types(office, registered, accepted, assigned, resolved, closed)).not.toContain('CloseCase');
    expect(types(office, registered, rejected)).toEqual(['NotifyPetitioner']);
  });

  it('a leader acts on the cases it leads, every action the state allows; on others none', () => {
    const led = [registered, accepted, assigned];
    expect(types({ kind: 'leader', leaderId: 'L01' }, ...led)).toEqual(types(office, ...led));
    expect(types({ kind: 'leader', leaderId: 'L02' }, ...led)).toEqual([]);
  });

  it('a community, the auditor and the inspector are offered no action on a case', () => {
    for (const role of [{ kind: 'community', communityId: 'qinghua' }, { kind: 'auditor' }, { kind: 'inspector' }] as Role[]) {
      expect(types(role, registered, accepted, assigned)).toEqual([]);
    }
  });

  it('what a form will say is judged by the API: a deadline already past is no reason to hide assignment', () => {
    // Accepted 2024-09-19: the statutory limit (acceptance + 60 days) is past on 2024-12-31.
    expect(caseActionsFor(office, kase(registered, accepted), '2024-12-31T10:00:00+08:00').map((a) => a.type)).toContain('AssignCase');
  });
});
