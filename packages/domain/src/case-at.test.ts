import { describe, expect, it } from 'vitest';
import { assignmentAt, decisionAt, factsBy, happenedBy, isRegisteredBy, isRejectedAt, latestBy, resolutionAt, resolvedAt } from './case-at';
import type { CaseEvent } from './case-events';
import { caseOf, caseRegistered } from './test/case-fixtures';

/*
 * A case as of T, worked by hand: registered 2024-09-18 09:30, accepted 10:00, assigned 09-20, resolved
 * 10-10, reopened 10-12 (the same instant written with another offset as a second resolution's), resolved
 * again 10-20. Business times are what count: the second resolution was typed in first.
 */

const registered = caseRegistered();
const resolved = (at: string, summary: string): CaseEvent => ({
  type: 'CaseResolved',
  data: { at, method: 'mediation', level: 'subdistrict', outcome: 'solved', summary },
});
const worked = caseOf([
  registered,
  { type: 'CaseAccepted', data: { at: '2024-09-18T10:00:00+08:00' } },
  {
    type: 'CaseAssigned',
    data: { responsibleUnit: '劳动监察大队', responsibleLeaderId: 'l1', responsiblePerson: '李强', measures: '约谈', deadline: '2024-11-17', at: '2024-09-20T09:00:00+08:00' },
  },
  resolved('2024-10-10T16:00:00+08:00', '第一次化解'),
  { type: 'CaseReopened', data: { at: '2024-10-12T01:00:00Z', reason: '未到位', cause: 'reopen' } },
  resolved('2024-10-20T16:00:00+08:00', '第二次化解'),
]);

describe('a case as of T', () => {
  it('has happened by T what has a business time at or before T, whatever the offset it is written with', () => {
    expect(happenedBy('2024-10-12T09:00:00+08:00')({ at: '2024-10-12T01:00:00Z' })).toBe(true);
    expect(happenedBy('2024-10-12T08:59:59+08:00')({ at: '2024-10-12T01:00:00Z' })).toBe(false);
    expect(isRegisteredBy(worked, '2024-09-18T09:29:59+08:00')).toBe(false);
    expect(isRegisteredBy(worked, '2024-09-18T09:30:00+08:00')).toBe(true);
  });

  it('knows the decision, the assignment and the resolution in force at T', () => {
    expect(decisionAt(worked, '2024-09-18T09:59:00+08:00')).toBeUndefined();
    expect(decisionAt(worked, '2024-09-18T10:00:00+08:00')?.decision).toBe('accepted');
    expect(isRejectedAt(worked, '2024-12-31T00:00:00+08:00')).toBe(false);
    expect(assignmentAt(worked, '2024-09-19T23:59:59+08:00')).toBeUndefined();
    expect(assignmentAt(worked, '2024-09-20T09:00:00+08:00')?.deadline).toBe('2024-11-17');
    expect(resolutionAt(worked, '2024-10-11T00:00:00+08:00')?.summary).toBe('第一次化解');
    // Reopened on the 12th at 09:00 Shanghai: open again, no resolution in force.
    expect(resolvedAt(worked, '2024-10-12T09:00:00+08:00')).toBe(false);
    expect(resolutionAt(worked, '2024-10-12T09:00:00+08:00')).toBeUndefined();
    expect(resolutionAt(worked, '2024-10-20T16:00:00+08:00')?.summary).toBe('第二次化解');
  });

  it('orders the facts by business time, not by the order they were recorded in', () => {
    const facts = [{ at: '2024-10-20T08:00:00Z', n: 1 }, { at: '2024-10-10T08:00:00Z', n: 2 }, { at: '2024-10-20T16:00:00+08:00', n: 3 }];
    expect(factsBy(facts, '2024-10-20T16:00:00+08:00').map((f) => f.n)).toEqual([2, 1, 3]);
    expect(latestBy(facts, '2024-10-15T00:00:00+08:00')?.n).toBe(2);
    // Equal instants: the one recorded last.
    expect(latestBy(facts, '2024-12-01T00:00:00+08:00')?.n).toBe(3);
    expect(latestBy(facts, '2024-10-01T00:00:00+08:00')).toBeUndefined();
  });

  it('is rejected once the rejection happened, and not before', () => {
    const rejected = caseOf([registered, { type: 'CaseRejected', data: { at: '2024-09-20T10:00:00+08:00', reason: '不属于信访事项' } } as CaseEvent]);
    expect(isRejectedAt(rejected, '2024-09-20T09:59:59+08:00')).toBe(false);
    expect(isRejectedAt(rejected, '2024-09-20T10:00:00+08:00')).toBe(true);
    expect(decisionAt(rejected, '2024-09-21T00:00:00+08:00')?.decision).toBe('rejected');
  });
});
