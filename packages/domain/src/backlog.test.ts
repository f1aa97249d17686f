import { describe, expect, it } from 'vitest';
import { backlogAt, backlogReasonsAt } from './backlog';
import { resolvedAt } from './case-at';
import type { CaseEvent } from './case-events';
import { caseOf, caseRegistered } from './test/case-fixtures';
import { endOfDay, startOfDay } from './time';

/*
 * REPORTS.md, "in backlog (积案) at T", worked by hand. The case is accepted on 2024-09-18, so without an
 * assignment its deadline is 2024-11-17 (acceptance + 60).
 */

const registered = caseRegistered();
const accepted: CaseEvent = { type: 'CaseAccepted', data: { at: '2024-09-18T10:00:00+08:00' } };
const assigned = (deadline: string, at = '2024-09-20T09:00:00+08:00'): CaseEvent => ({
  type: 'CaseAssigned',
  data: { responsibleUnit: '劳动监察大队', responsibleLeaderId: 'l1', responsiblePerson: '李强', measures: '约谈', deadline, at },
});
const resolved = (at: string): CaseEvent => ({
  type: 'CaseResolved',
  data: { at, method: 'mediation', level: 'subdistrict', outcome: 'solved', summary: '工资已付' },
});
const reopened = (at: string, cause: 'reopen' | 'repeat'): CaseEvent => ({ type: 'CaseReopened', data: { at, reason: '未到位', cause } });
const repeat = (at: string, accepted = true): CaseEvent => ({ type: 'RepeatPetitionRecorded', data: { at, channel: 'phone', accepted } });
const escalation = (at: string, level: 'city' | 'province' | 'beijing'): CaseEvent => ({
  type: 'EscalationRecorded',
  data: { at, level, collective: false, abnormal: false },
});
const progress = (at: string): CaseEvent => ({ type: 'ProgressRecorded', data: { at, note: '已约谈' } });
const rejected = (at: string): CaseEvent => ({ type: 'CaseRejected', data: { at } });
const extended = (previousDeadline: string, newDeadline: string, at: string): CaseEvent => ({
  type: 'DeadlineExtended',
  data: { previousDeadline, newDeadline, reason: '老板失联', approvedBy: '主任', at },
});

const notListed = { inBacklog: false, reasons: [] };

describe('overdue', () => {
  const s = caseOf([registered, accepted]);

  it('a case accepted 2024-09-18 with deadline 2024-11-17 is not overdue on 2024-11-17', () => {
    expect(backlogAt(s, startOfDay('2024-11-17'))).toEqual(notListed);
    expect(backlogAt(s, endOfDay('2024-11-17'))).toEqual(notListed);
  });

  it('and is overdue on 2024-11-18, listed since that day', () => {
    const listing = { inBacklog: true, reasons: ['overdue'], listedSince: '2024-11-18', firstListed: '2024-11-18' };
    expect(backlogAt(s, startOfDay('2024-11-18'))).toEqual(listing);
    expect(backlogAt(s, '2024-12-25T15:00:00+08:00')).toEqual(listing);
  });

  it('an undecided case is overdue the day after registration + 15 (2024-10-03 → 2024-10-04)', () => {
    const undecided = caseOf([registered]);
    expect(backlogAt(undecided, endOfDay('2024-10-03'))).toEqual(notListed);
    expect(backlogAt(undecided, '2024-10-04T08:00:00+08:00')).toEqual({
      inBacklog: true,
      reasons: ['overdue'],
      listedSince: '2024-10-04',
      firstListed: '2024-10-04',
    });
  });

  it('a case decided late leaves the backlog at its acceptance (the deadline is then acceptance + 60)', () => {
    const late = caseOf([registered, { type: 'CaseAccepted', data: { at: '2024-10-08T10:00:00+08:00' } }]);
    expect(backlogAt(late, '2024-10-06T10:00:00+08:00').listedSince).toBe('2024-10-04');
    expect(backlogAt(late, '2024-10-08T10:00:00+08:00')).toEqual({ ...notListed, firstListed: '2024-10-04' });
  });

  it('an assignment’s deadline counts, and is overdue from the next Asia/Shanghai day', () => {
    const t = caseOf([registered, accepted, assigned('2024-09-30')]);
    expect(backlogAt(t, '2024-09-30T23:30:00+08:00')).toEqual(notListed);
    expect(backlogAt(t, '2024-09-30T15:59:59Z')).toEqual(notListed);
    expect(backlogAt(t, '2024-09-30T16:30:00Z')).toEqual({ inBacklog: true, reasons: ['overdue'], listedSince: '2024-10-01', firstListed: '2024-10-01' });
  });

  it('an extension takes a case out until its new deadline passes; listedSince restarts', () => {
    const t = caseOf([registered, accepted, assigned('2024-10-31'), extended('2024-10-31', '2024-11-30', '2024-11-03T10:00:00+08:00')]);
    expect(backlogAt(t, '2024-11-02T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['overdue'], listedSince: '2024-11-01', firstListed: '2024-11-01' });
    expect(backlogAt(t, '2024-11-10T10:00:00+08:00')).toEqual({ ...notListed, firstListed: '2024-11-01' });
    expect(backlogAt(t, '2024-12-01T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['overdue'], listedSince: '2024-12-01', firstListed: '2024-11-01' });
  });
});

describe('repeat, escalation and reopening', () => {
  it('a repeat petition lists the case on the day of the repeat', () => {
    const s = caseOf([registered, accepted, repeat('2024-10-10T14:00:00+08:00')]);
    expect(backlogAt(s, '2024-10-10T13:59:00+08:00')).toEqual(notListed);
    expect(backlogAt(s, '2024-10-10T14:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['repeat'], listedSince: '2024-10-10', firstListed: '2024-10-10' });
  });

  it('uses Asia/Shanghai days: a repeat at 2024-09-30T23:30+08:00 is on 30 Sep, one at 2024-09-30T16:30Z on 1 Oct', () => {
    const evening = caseOf([registered, accepted, repeat('2024-09-30T23:30:00+08:00')]);
    expect(backlogAt(evening, endOfDay('2024-10-02')).listedSince).toBe('2024-09-30');
    const utc = caseOf([registered, accepted, repeat('2024-09-30T16:30:00Z')]);
    expect(backlogAt(utc, endOfDay('2024-10-02')).listedSince).toBe('2024-10-01');
  });

  it('an escalation to the city does not list the case; to the province or Beijing it does', () => {
    const at = '2024-10-12T09:00:00+08:00';
    const later = '2024-10-13T09:00:00+08:00';
    expect(backlogAt(caseOf([registered, accepted, escalation(at, 'city')]), later)).toEqual(notListed);
    const listing = { inBacklog: true, reasons: ['escalation'], listedSince: '2024-10-12', firstListed: '2024-10-12' };
    expect(backlogAt(caseOf([registered, accepted, escalation(at, 'province')]), later)).toEqual(listing);
    expect(backlogAt(caseOf([registered, accepted, escalation(at, 'beijing')]), later)).toEqual(listing);
  });

  it('an explicit reopening lists the case (reopened); a reopening caused by a repeat gives reason repeat', () => {
    const base = [registered, accepted, assigned('2024-11-17'), resolved('2024-10-20T10:00:00+08:00')];
    const explicit = caseOf([...base, reopened('2024-10-25T10:00:00+08:00', 'reopen')]);
    expect(backlogAt(explicit, '2024-10-26T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['reopened'], listedSince: '2024-10-25', firstListed: '2024-10-25' });
    const byRepeat = caseOf([...base, repeat('2024-10-25T10:00:00+08:00'), reopened('2024-10-25T10:00:00+08:00', 'repeat')]);
    expect(backlogAt(byRepeat, '2024-10-26T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['repeat'], listedSince: '2024-10-25', firstListed: '2024-10-25' });
  });

  it('gives every reason that holds at T, in a fixed order', () => {
    const s = caseOf([
      registered,
      accepted,
      assigned('2024-10-15'),
      escalation('2024-10-01T09:00:00+08:00', 'beijing'),
      repeat('2024-10-02T09:00:00+08:00'),
      resolved('2024-10-10T10:00:00+08:00'),
      reopened('2024-10-12T10:00:00+08:00', 'reopen'),
    ]);
    expect(backlogReasonsAt(s, '2024-10-20T10:00:00+08:00')).toEqual(['overdue', 'repeat', 'escalation', 'reopened']);
    expect(backlogAt(s, '2024-10-20T10:00:00+08:00')).toEqual({
      inBacklog: true,
      reasons: ['overdue', 'repeat', 'escalation', 'reopened'],
      listedSince: '2024-10-12',
      firstListed: '2024-10-01',
    });
    expect(backlogReasonsAt(s, '2024-10-11T10:00:00+08:00')).toEqual([]);
  });
});

describe('leaving the backlog', () => {
  const overdueThenResolved = [registered, accepted, assigned('2024-11-17'), resolved('2024-11-25T10:00:00+08:00')];

  it('a resolved case is not in the backlog, but firstListed remembers it was', () => {
    expect(backlogAt(caseOf(overdueThenResolved), '2024-11-30T10:00:00+08:00')).toEqual({ ...notListed, firstListed: '2024-11-18' });
  });

  it('a closed case is not in the backlog', () => {
    const s = caseOf([...overdueThenResolved, repeat('2024-11-01T10:00:00+08:00'), { type: 'CaseClosed', data: { at: '2024-11-28T10:00:00+08:00' } }]);
    expect(backlogAt(s, '2024-12-30T10:00:00+08:00')).toEqual({ ...notListed, firstListed: '2024-11-01' });
  });

  it('listedSince restarts after a case leaves and re-enters the backlog', () => {
    const s = caseOf([...overdueThenResolved, reopened('2024-12-02T10:00:00+08:00', 'reopen')]);
    expect(backlogAt(s, '2024-11-24T10:00:00+08:00').listedSince).toBe('2024-11-18');
    expect(backlogAt(s, '2024-12-05T10:00:00+08:00')).toEqual({
      inBacklog: true,
      reasons: ['overdue', 'reopened'],
      listedSince: '2024-12-02',
      firstListed: '2024-11-18',
    });
  });

  it('a rejected case never is, even with an escalation to Beijing; nor does it count as ever listed', () => {
    const s = caseOf([registered, escalation('2024-09-19T09:00:00+08:00', 'beijing'), rejected('2024-09-25T10:00:00+08:00')]);
    expect(backlogAt(s, '2024-09-25T10:00:00+08:00')).toEqual(notListed);
    expect(backlogAt(s, '2024-12-31T10:00:00+08:00')).toEqual(notListed);
    expect(backlogReasonsAt(s, '2024-12-31T10:00:00+08:00')).toEqual([]);
    // As of a day before the rejection it was an open case like any other (the ledger as of that day shows it).
    expect(backlogAt(s, '2024-09-20T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['escalation'], listedSince: '2024-09-19', firstListed: '2024-09-19' });
  });

  it('a repeat on a final case (not accepted again) leaves it out: it stays resolved', () => {
    const s = caseOf([registered, accepted, assigned('2024-10-31'), resolved('2024-10-20T10:00:00+08:00'), repeat('2024-12-10T10:00:00+08:00', false)]);
    expect(backlogAt(s, '2024-12-11T10:00:00+08:00')).toEqual(notListed);
  });

  it('nothing is listed before the registration', () => {
    expect(backlogAt(caseOf([registered, accepted]), '2024-01-01T00:00:00+08:00')).toEqual(notListed);
    expect(backlogReasonsAt(caseOf([registered, accepted]), '2024-01-01T00:00:00+08:00')).toEqual([]);
  });
});

describe('resolvedAt', () => {
  it('follows the resolutions and reopenings by business time', () => {
    const s = caseOf([
      registered,
      accepted,
      assigned('2024-10-31'),
      resolved('2024-10-10T10:00:00+08:00'),
      reopened('2024-10-15T10:00:00+08:00', 'reopen'),
      resolved('2024-10-20T10:00:00+08:00'),
    ]);
    expect(resolvedAt(s, '2024-10-10T09:59:00+08:00')).toBe(false);
    expect(resolvedAt(s, '2024-10-10T10:00:00+08:00')).toBe(true);
    expect(resolvedAt(s, '2024-10-16T10:00:00+08:00')).toBe(false);
    expect(resolvedAt(s, '2024-10-20T10:00:00+08:00')).toBe(true);
  });

  it('a reopening at the very instant of the resolution leaves the case open', () => {
    const s = caseOf([registered, accepted, assigned('2024-10-31'), resolved('2024-10-10T10:00:00+08:00'), repeat('2024-10-10T10:00:00+08:00'), reopened('2024-10-10T02:00:00Z', 'repeat')]);
    expect(resolvedAt(s, '2024-10-10T10:00:00+08:00')).toBe(false);
    expect(backlogAt(s, '2024-10-11T10:00:00+08:00').reasons).toEqual(['repeat']);
  });

  it('honours a later resolution typed in with an earlier business time', () => {
    // Progress of 2024-11-05 was typed in first; the resolution of 2024-10-30 (before the 2024-10-31
    // deadline) was typed in after it. The case was resolved on 30 Oct and was never overdue.
    const before = [registered, accepted, assigned('2024-10-31'), progress('2024-11-05T10:00:00+08:00')];
    expect(backlogAt(caseOf(before), '2024-11-10T10:00:00+08:00')).toEqual({ inBacklog: true, reasons: ['overdue'], listedSince: '2024-11-01', firstListed: '2024-11-01' });
    const after = caseOf([...before, resolved('2024-10-30T10:00:00+08:00')]);
    expect(resolvedAt(after, '2024-10-31T10:00:00+08:00')).toBe(true);
    expect(resolvedAt(after, '2024-10-29T10:00:00+08:00')).toBe(false);
    expect(backlogAt(after, '2024-11-10T10:00:00+08:00')).toEqual(notListed);
  });
});
