import type { AnnouncementGap, DeadlineWarning, Kpis, ScreeningGap } from '@xinfang/projections';
import type { Role } from '../roles';

/*
 * The 工作台's to-do list: what the user's role has to do, taken from what the API already answers — never
 * a rule worked out a second time here. For every role that reads figures, from the KPI answer of the
 * range (as of its end): its `deadlineWarnings` (open cases overdue, and due within 3 days), the
 * Wednesday/Friday screening reports missing (`screeningReports.gaps`) and the rosters with slots that were
 * not announced at all (`receptionCompliance.announcedAhead` gaps with no announcement; one announced late
 * is a missed target, not something left to do). The API scopes all of it: a community sees its own. A
 * leader reads no figures: its to-do is the cases it leads, from the case list (`GET /cases?due=…`).
 */

/** A case with a deadline to watch: overdue (red) or due within 3 days (amber). */
export interface CaseDue extends DeadlineWarning {
  /** What the case is about, when the answer it came from says it (the case list does, the KPIs do not). */
  readonly summary?: string;
}

export interface Todo {
  readonly overdue: readonly CaseDue[];
  readonly dueSoon: readonly CaseDue[];
  readonly missingReports: readonly ScreeningGap[];
  readonly unannounced: readonly AnnouncementGap[];
}

export const todoOfKpis = (k: Pick<Kpis, 'deadlineWarnings' | 'screeningReports' | 'receptionCompliance'>): Todo => ({
  overdue: k.deadlineWarnings.overdue,
  dueSoon: k.deadlineWarnings.dueSoon,
  missingReports: k.screeningReports.gaps,
  unannounced: k.receptionCompliance.announcedAhead.gaps.filter((gap) => gap.announcedAt === null),
});

/** A row of `GET /cases` (API.md v1.1), the fields a to-do needs. */
export interface CaseListRow {
  readonly caseId: string;
  readonly summary: string;
  readonly communityId: string;
  readonly deadline: string | null;
  readonly daysLeft: number | null;
}

const caseDue = (row: CaseListRow): CaseDue[] =>
  row.deadline === null || row.daysLeft === null
    ? []
    : [{ caseId: row.caseId, communityId: row.communityId, deadline: row.deadline, daysLeft: row.daysLeft, summary: row.summary }];

/** A leader's to-do: its cases of `GET /cases?due=overdue` and `?due=soon`, most urgent first as listed. */
export const todoOfCases = (overdue: readonly CaseListRow[], dueSoon: readonly CaseListRow[]): Todo => ({
  overdue: overdue.flatMap(caseDue),
  dueSoon: dueSoon.flatMap(caseDue),
  missingReports: [],
  unannounced: [],
});

/** The number of things on the list. */
export const todoCount = (todo: Todo): number =>
  todo.overdue.length + todo.dueSoon.length + todo.missingReports.length + todo.unannounced.length;

/**
 * What the list is to the role: the office, a community and a leader act on it; the auditor and the
 * inspector (纪工委) do not handle cases — to them it is what to look into.
 */
export const todoHeading = (role: Role): string => {
  switch (role.kind) {
    case 'office':
    case 'community':
    case 'leader':
      return '待办事项';
    case 'inspector':
      return '督查关注';
    case 'auditor':
      return '关注事项';
  }
};

/** How far a deadline is, in words: `超期 3 天`, `今日到期`, `2 天后到期`. */
export const daysLeftText = (daysLeft: number): string =>
  daysLeft < 0 ? `超期 ${-daysLeft} 天` : daysLeft === 0 ? '今日到期' : `${daysLeft} 天后到期`;
