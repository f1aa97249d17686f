import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './case-events';
import { caseOf, caseRegistered } from './test/case-fixtures';
import type { DeadlineEntry } from './case-state';
import { caseDeadlineAt, currentDeadline, deadlineAt } from './case-at';
import {
  ACCEPTANCE_DAYS,
  acceptanceDeadline,
  EXTENSION_DAYS,
  HANDLING_DAYS,
  handlingDeadline,
  latestPossibleDeadline,
  REVIEW_REQUEST_DAYS,
} from './time-limits';

/* REPORTS.md, "Time limits": every date below is worked out by hand on a calendar. */

const registered = caseRegistered({ origin: 'screening', category: 'neighbour', summary: '楼上漏水', peopleCount: 1 });
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: '2024-09-18T10:00:00+08:00' } };
const assigned: CaseEvent = {
  type: 'CaseAssigned',
  data: { responsibleUnit: '社区', responsibleLeaderId: 'l1', responsiblePerson: '王芳', measures: '调解', deadline: '2024-10-31', at: '2024-09-20T09:00:00+08:00' },
};
const extended: CaseEvent = {
  type: 'DeadlineExtended',
  data: { previousDeadline: '2024-10-31', newDeadline: '2024-11-30', reason: '复杂', approvedBy: '主任', at: '2024-10-28T10:00:00+08:00' },
};

describe('the statutory limits', () => {
  it('are 15, 60, 30 and 30 calendar days', () => {
    expect([ACCEPTANCE_DAYS, HANDLING_DAYS, EXTENSION_DAYS, REVIEW_REQUEST_DAYS]).toEqual([15, 60, 30, 30]);
  });

  it('registration 2024-09-18 + 15 days is 2024-10-03', () => {
    expect(acceptanceDeadline('2024-09-18T09:30:00+08:00')).toBe('2024-10-03');
  });

  it('acceptance 2024-09-18 + 60 days is 2024-11-17; + 90 days is 2024-12-17', () => {
    expect(handlingDeadline('2024-09-18T10:00:00+08:00')).toBe('2024-11-17');
    expect(latestPossibleDeadline('2024-09-18T10:00:00+08:00')).toBe('2024-12-17');
  });

  it('counts from the Asia/Shanghai day: 2024-09-30T23:30+08:00 is 30 Sep, 2024-09-30T16:30Z is 1 Oct', () => {
    expect(acceptanceDeadline('2024-09-30T23:30:00+08:00')).toBe('2024-10-15');
    expect(acceptanceDeadline('2024-09-30T16:30:00Z')).toBe('2024-10-16');
    expect(handlingDeadline('2024-09-30T16:30:00Z')).toBe('2024-11-30');
  });

  it('crosses a year end and a leap day', () => {
    expect(handlingDeadline('2024-12-31T10:00:00+08:00')).toBe('2025-03-01');
    expect(acceptanceDeadline('2024-02-20T10:00:00+08:00')).toBe('2024-03-06');
  });
});

describe('the deadline of a case, as of a moment', () => {
  it('an undecided case: registration + 15 days', () => {
    const s = caseOf([registered]);
    expect(deadlineAt(s.deadlines, '2024-09-18T09:30:00+08:00')).toBe('2024-10-03');
    expect(deadlineAt(s.deadlines, '2024-12-31T00:00:00+08:00')).toBe('2024-10-03');
    expect(deadlineAt(s.deadlines, '2024-09-18T09:29:59+08:00')).toBeUndefined();
  });

  it('an accepted case: acceptance + 60 days, from the moment of acceptance', () => {
    const s = caseOf([registered, accepted]);
    expect(deadlineAt(s.deadlines, '2024-09-18T09:59:00+08:00')).toBe('2024-10-03');
    expect(deadlineAt(s.deadlines, '2024-09-18T10:00:00+08:00')).toBe('2024-11-17');
    expect(currentDeadline(s.deadlines)).toBe('2024-11-17');
  });

  it('an assigned case: the deadline its assignment set', () => {
    const s = caseOf([registered, accepted, assigned]);
    expect(deadlineAt(s.deadlines, '2024-09-19T12:00:00+08:00')).toBe('2024-11-17');
    expect(deadlineAt(s.deadlines, '2024-09-20T09:00:00+08:00')).toBe('2024-10-31');
    expect(currentDeadline(s.deadlines)).toBe('2024-10-31');
  });

  it('an extension replaces it from the moment it was approved', () => {
    const s = caseOf([registered, accepted, assigned, extended]);
    expect(deadlineAt(s.deadlines, '2024-10-28T09:59:00+08:00')).toBe('2024-10-31');
    expect(deadlineAt(s.deadlines, '2024-10-28T10:00:00+08:00')).toBe('2024-11-30');
    expect(currentDeadline(s.deadlines)).toBe('2024-11-30');
  });

  it('orders the entries by business time, not by the order they were typed in; a tie goes to the later entry', () => {
    const entries: DeadlineEntry[] = [
      { at: '2024-10-28T10:00:00+08:00', deadline: '2024-11-30', source: 'extension' },
      { at: '2024-09-20T09:00:00+08:00', deadline: '2024-10-31', source: 'assignment' },
      { at: '2024-09-18T10:00:00+08:00', deadline: '2024-11-17', source: 'acceptance' },
    ];
    expect(deadlineAt(entries, '2024-10-01T00:00:00+08:00')).toBe('2024-10-31');
    expect(deadlineAt(entries, '2024-11-01T00:00:00+08:00')).toBe('2024-11-30');
    expect(currentDeadline(entries)).toBe('2024-11-30');
    const tie: DeadlineEntry[] = [
      { at: '2024-09-20T09:00:00+08:00', deadline: '2024-10-31', source: 'assignment' },
      { at: '2024-09-20T01:00:00Z', deadline: '2024-11-05', source: 'assignment' },
    ];
    expect(deadlineAt(tie, '2024-09-21T00:00:00+08:00')).toBe('2024-11-05');
    expect(currentDeadline(tie)).toBe('2024-11-05');
    expect(currentDeadline([])).toBeUndefined();
  });

  it('a rejected case has no deadline once rejected (caseDeadlineAt)', () => {
    const s = caseOf([registered, { type: 'CaseRejected', data: { at: '2024-09-20T10:00:00+08:00' } }]);
    expect(caseDeadlineAt(s, '2024-09-19T10:00:00+08:00')).toBe('2024-10-03');
    expect(caseDeadlineAt(s, '2024-09-20T10:00:00+08:00')).toBeUndefined();
    expect(caseDeadlineAt(caseOf([registered, accepted, assigned]), '2024-10-01T00:00:00+08:00')).toBe('2024-10-31');
  });
});
