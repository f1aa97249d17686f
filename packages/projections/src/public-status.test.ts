import { describe, expect, it } from 'vitest';
import { evolveCase, initialCaseState, type CaseEvent, type ExistingCase } from '@xinfang/domain';
import { publicCaseStatus } from './public-status';

const caseOf = (events: readonly CaseEvent[]): ExistingCase => {
  const state = events.reduce(evolveCase, initialCaseState);
  if (state.status === 'none') throw new Error('no case');
  return state;
};

const registered: CaseEvent = {
  type: 'CaseRegistered',
  data: {
    caseId: 'c1', origin: 'visit', communityId: 'dongfeng', category: 'wageArrears', summary: '张三反映工地欠薪，电话15800009011',
    peopleCount: 1, riskFlags: [], patterns: [], firstPetition: true, petitioners: [{ personId: 'p-zhang' }], registeredAt: '2024-09-18T09:30:00+08:00',
  },
};
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: '2024-09-20T10:00:00+08:00' } };
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: { responsibleUnit: '劳动保障所', responsibleLeaderId: 'l1', responsiblePerson: '王五', measures: '约谈施工方', deadline: '2024-10-31', at: '2024-09-21T10:00:00+08:00' },
};
const resolved: CaseEvent = {
  type: 'CaseResolved',
  data: { at: '2024-10-20T16:00:00+08:00', method: 'mediation', level: 'subdistrict', outcome: 'solved', summary: '结清欠薪' },
};

describe('the status a query code shows', () => {
  it('says the stage, the dates, the deadline in force and the unit — each as the case stands', () => {
    expect(publicCaseStatus(caseOf([registered]))).toEqual({
      stage: 'registered', stageLabel: '已登记，待受理', registeredOn: '2024-09-18', acceptedOn: null, rejectedOn: null, resolvedOn: null,
      closedOn: null, deadline: '2024-10-03', deadlineLabel: '受理期限', handlingUnit: null, notices: [],
    });
    expect(publicCaseStatus(caseOf([registered, accepted, assigned]))).toMatchObject({
      stage: 'inProgress', acceptedOn: '2024-09-20', deadline: '2024-10-31', deadlineLabel: '办理期限', handlingUnit: '劳动保障所',
    });
    const transfer: CaseEvent = { type: 'CaseTransferred', data: { toUnit: '区人社局', at: '2024-09-25T09:00:00+08:00' } };
    expect(publicCaseStatus(caseOf([registered, accepted, assigned, transfer])).handlingUnit).toBe('区人社局');
    const notice: CaseEvent = {
      type: 'PetitionerNotified',
      data: { at: '2024-10-21T09:00:00+08:00', content: '处理意见书', notice: { kind: 'opinion', number: 1, templateVersion: 0, issuedBy: '信访办' } },
    };
    expect(publicCaseStatus(caseOf([registered, accepted, assigned, resolved, notice]))).toMatchObject({
      stage: 'resolved', resolvedOn: '2024-10-20', deadline: null, notices: [{ kind: 'opinion', title: '信访事项处理意见书', on: '2024-10-21' }],
    });
    const review: CaseEvent = { type: 'ReviewRequested', data: { level: 'review', at: '2024-11-01T09:00:00+08:00' } };
    expect(publicCaseStatus(caseOf([registered, accepted, assigned, resolved, review])).stage).toBe('inReview');
    const rejected: CaseEvent = { type: 'CaseRejected', data: { at: '2024-09-19T09:00:00+08:00', reason: '张三已起诉' } };
    expect(publicCaseStatus(caseOf([registered, rejected]))).toMatchObject({ stage: 'rejected', rejectedOn: '2024-09-19', deadline: null, handlingUnit: null });
  });

  it('holds nothing of the petitioner or the matter', () => {
    const text = JSON.stringify(publicCaseStatus(caseOf([registered, accepted, assigned, resolved])));
    for (const secret of ['张三', 'p-zhang', '15800009011', '欠薪', '王五', '约谈', 'c1', 'dongfeng', 'l1']) expect(text).not.toContain(secret);
  });
});
