import {
  backlogAt,
  backlogReasonLabels,
  caseDeadlineAt,
  daysBetween,
  levelLabels,
  resolvedAt,
  type BacklogReason,
  type LocalDate,
  type ResolutionLevel,
} from '@xinfang/domain';
import { countBy, type KpiScope } from './kpi-scope';
import { rate, rateOf, type Rate } from './rate';

/*
 * The backlog (积案) at T, the levels cases were resolved at, and the deadlines coming due (REPORTS.md,
 * "KPIs").
 */

export interface BacklogKpi {
  /** Cases in backlog (积案) at T. */
  readonly open: number;
  /** 积案化解率: cases ever in backlog by T that are resolved at T / cases ever in backlog by T. */
  readonly resolution: Rate;
  /** The open backlog cases by reason; a case listed for several reasons counts under each. */
  readonly byReason: Readonly<Record<BacklogReason, number>>;
}

export type ResolutionLevelsKpi = Readonly<Record<ResolutionLevel, number>> & {
  /** Cases resolved in the window. */
  readonly total: number;
  /** 小事不出网格、大事不出街道: the share not resolved `above`. */
  readonly keptBelowAbove: Rate;
};

export interface DeadlineWarning {
  readonly caseId: string;
  readonly communityId: string;
  /** The deadline in force at T. */
  readonly deadline: LocalDate;
  /** Calendar days from T's day to the deadline: 0 to 3 when due soon, negative when overdue. */
  readonly daysLeft: number;
}

export interface DeadlineWarningsKpi {
  /** Open cases whose deadline is T's day or one of the 3 days after it (not overdue yet). */
  readonly dueSoon: readonly DeadlineWarning[];
  /** Open cases whose deadline is before T's day. */
  readonly overdue: readonly DeadlineWarning[];
}

/** How many days after T a deadline is "due soon". */
export const DEADLINE_WARNING_DAYS = 3;

export const backlogKpi = ({ cases, T }: KpiScope): BacklogKpi => {
  const statuses = cases.map((s) => ({ s, status: backlogAt(s, T) }));
  const listed = statuses.filter(({ status }) => status.inBacklog);
  return {
    open: listed.length,
    resolution: rateOf(
      statuses.filter(({ status }) => status.firstListed !== undefined),
      ({ s }) => resolvedAt(s, T),
    ),
    byReason: countBy(
      backlogReasonLabels,
      listed.flatMap(({ status }) => status.reasons),
      (reason) => reason,
    ),
  };
};

/** By the level of its last resolution in the window. */
export const resolutionLevelsKpi = ({ resolvedIn }: KpiScope): ResolutionLevelsKpi => {
  const levels = countBy(levelLabels, resolvedIn, ({ last }) => last.level);
  return { ...levels, total: resolvedIn.length, keptBelowAbove: rate(resolvedIn.length - levels.above, resolvedIn.length) };
};

export const deadlineWarningsKpi = ({ cases, T, today }: KpiScope): DeadlineWarningsKpi => {
  const warnings = cases
    .flatMap((s) => {
      if (resolvedAt(s, T)) return [];
      const deadline = caseDeadlineAt(s, T); // none once rejected
      return deadline === undefined
        ? []
        : [{ caseId: s.caseId, communityId: s.registration.communityId, deadline, daysLeft: daysBetween(today, deadline) }];
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return {
    dueSoon: warnings.filter((w) => w.daysLeft >= 0 && w.daysLeft <= DEADLINE_WARNING_DAYS),
    overdue: warnings.filter((w) => w.daysLeft < 0),
  };
};
