import { describe, expect, it } from 'vitest';
import { daysLeftText, todoCount, todoHeading, todoOfCases, todoOfKpis } from './dashboard-todo';

const none = { required: 0, fulfilled: 0, rate: null, gaps: [] };

describe('the to-do list of the 工作台', () => {
  it("takes the KPI answer's deadline warnings, missing reports and rosters never announced", () => {
    const overdue = [{ caseId: 'c2', communityId: 'yangguang', deadline: '2024-10-01', daysLeft: -14 }];
    const dueSoon = [{ caseId: 'c3', communityId: 'qinghua', deadline: '2024-10-17', daysLeft: 2 }];
    const todo = todoOfKpis({
      deadlineWarnings: { overdue, dueSoon },
      screeningReports: { required: 2, fulfilled: 1, rate: 0.5, gaps: [{ communityId: 'qinghua', date: '2024-10-09' }] },
      receptionCompliance: {
        principalWeekly: none,
        dailyDuty: none,
        firstGridLeaderWeekly: none,
        announcedAhead: {
          required: 3,
          fulfilled: 1,
          rate: 1 / 3,
          gaps: [
            { unit: 'qinghua', weekOf: '2024-10-07', due: '2024-10-05', announcedAt: '2024-10-07T09:00:00+08:00' },
            { unit: 'subdistrict', weekOf: '2024-10-14', due: '2024-10-12', announcedAt: null },
          ],
        },
      },
    });
    expect(todo).toEqual({
      overdue,
      dueSoon,
      missingReports: [{ communityId: 'qinghua', date: '2024-10-09' }],
      // The roster announced late is a missed target, no longer something to do.
      unannounced: [{ unit: 'subdistrict', weekOf: '2024-10-14', due: '2024-10-12', announcedAt: null }],
    });
    expect(todoCount(todo)).toBe(4);
  });

  it("takes a leader's cases from the case list, leaving out a row with no deadline", () => {
    const row = (caseId: string, deadline: string | null, daysLeft: number | null) => ({ caseId, summary: `事项 ${caseId}`, communityId: 'qinghua', deadline, daysLeft });
    const todo = todoOfCases([row('c1', '2024-10-01', -3), row('c9', null, null)], [row('c2', '2024-10-05', 1)]);
    expect(todo).toEqual({
      overdue: [{ caseId: 'c1', communityId: 'qinghua', deadline: '2024-10-01', daysLeft: -3, summary: '事项 c1' }],
      dueSoon: [{ caseId: 'c2', communityId: 'qinghua', deadline: '2024-10-05', daysLeft: 1, summary: '事项 c2' }],
      missingReports: [],
      unannounced: [],
    });
  });

  it('is a to-do for those who act, and what to look into for the auditor and the inspector', () => {
    expect(todoHeading({ kind: 'office' })).toBe('待办事项');
    expect(todoHeading({ kind: 'community', communityId: 'qinghua' })).toBe('待办事项');
    expect(todoHeading({ kind: 'leader', leaderId: 'L01' })).toBe('待办事项');
    expect(todoHeading({ kind: 'inspector' })).toBe('督查关注');
    expect(todoHeading({ kind: 'auditor' })).toBe('关注事项');
  });

  it('says how far a deadline is in words', () => {
    expect([-14, -1, 0, 1, 3].map(daysLeftText)).toEqual(['超期 14 天', '超期 1 天', '今日到期', '1 天后到期', '3 天后到期']);
  });
});
