import {
  backlogAt,
  type BacklogReason,
  type Category,
  compareInstants,
  dayOf,
  daysBetween,
  type ExistingCase,
  type Instant,
  isRegisteredBy,
  leadsCase,
  type LocalDate,
  type Origin,
} from '@xinfang/domain';
import { DEADLINE_WARNING_DAYS } from './kpis-backlog';
import { caseStatusAt, compareText, dayInWindow, deadlineAtT, isUnresolvedAt, petitionerRefsAt, registrationDay, toLedger, type CaseLedgerStatus, type Ledger, type Numbered, type Paging } from './ledger';
import { existingCases } from './lookups';
import { petitionerViews, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * The case list (API.md v1.1, `GET /cases`): the to-do view of the office, a community or a leader —
 * every case registered by T, filtered, sorted and paged, each row as the case stands at T.
 */

export const caseListSorts = ['deadline', 'registeredAt', '-registeredAt'] as const;
export type CaseListSort = (typeof caseListSorts)[number];

export const caseListDues = ['overdue', 'soon'] as const;
export type CaseListDue = (typeof caseListDues)[number];

export interface CaseListQuery extends Paging {
  readonly status?: CaseLedgerStatus;
  readonly communityId?: string;
  readonly category?: Category;
  readonly origin?: Origin;
  /** The responsible leader of the assignment in force, or a 包案 leader. */
  readonly leaderId?: string;
  /** `overdue`: unresolved past its deadline; `soon`: unresolved, due within DEADLINE_WARNING_DAYS days. */
  readonly due?: CaseListDue;
  /** Only the cases in the backlog (积案) at T. */
  readonly backlog?: boolean;
  /** Text in the case id, the summary or the demands (case-insensitive). */
  readonly q?: string;
  /** Registration days from `from` to `to`, both included (Asia/Shanghai). */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  /** Default `-registeredAt`: the newest first. */
  readonly sort?: CaseListSort;
}

export interface CaseListRow {
  readonly caseId: string;
  readonly summary: string;
  readonly communityId: string;
  readonly category: Category;
  readonly origin: Origin;
  readonly status: CaseLedgerStatus;
  readonly registeredAt: Instant;
  /** The deadline in force at T; null once rejected. */
  readonly deadline: LocalDate | null;
  /** Calendar days from T's day to the deadline (negative when overdue); null without a deadline. */
  readonly daysLeft: number | null;
  /** Why the case is in the backlog at T; empty when it is not. */
  readonly backlogReasons: readonly BacklogReason[];
  readonly petitioners: readonly PetitionerView[];
}

const daysLeftAt = (s: ExistingCase, T: Instant): number | null => {
  const deadline = deadlineAtT(s, T);
  return deadline === null ? null : daysBetween(dayOf(T), deadline);
};

const isDue = (s: ExistingCase, T: Instant, due: CaseListDue): boolean => {
  if (!isUnresolvedAt(s, T)) return false;
  const left = daysLeftAt(s, T);
  if (left === null) return false;
  return due === 'overdue' ? left < 0 : left >= 0 && left <= DEADLINE_WARNING_DAYS;
};

const mentions = (s: ExistingCase, text: string): boolean => {
  const needle = text.toLowerCase();
  const r = s.registration;
  return [s.caseId, r.summary, r.demands ?? ''].some((field) => field.toLowerCase().includes(needle));
};

const matches = (s: ExistingCase, T: Instant, query: CaseListQuery): boolean =>
  isRegisteredBy(s, T) &&
  (query.communityId === undefined || s.registration.communityId === query.communityId) &&
  (query.category === undefined || s.registration.category === query.category) &&
  (query.origin === undefined || s.registration.origin === query.origin) &&
  (query.leaderId === undefined || leadsCase(query.leaderId, s)) &&
  dayInWindow(registrationDay(s), query.from, query.to) &&
  (query.status === undefined || caseStatusAt(s, T) === query.status) &&
  (query.due === undefined || isDue(s, T, query.due)) &&
  (query.backlog !== true || backlogAt(s, T).inBacklog) &&
  (query.q === undefined || mentions(s, query.q));

const byRegistered = (a: ExistingCase, b: ExistingCase): number =>
  compareInstants(a.registration.registeredAt, b.registration.registeredAt) || compareText(a.caseId, b.caseId);

/** The order of a sort; ties fall back to registration, then id, so every order is total. */
const comparator = (sort: CaseListSort, T: Instant): ((a: ExistingCase, b: ExistingCase) => number) => {
  switch (sort) {
    case 'registeredAt':
      return byRegistered;
    case '-registeredAt':
      return (a, b) => byRegistered(b, a);
    case 'deadline': {
      // The nearest deadline first; cases without one (rejected) last.
      const key = (s: ExistingCase) => deadlineAtT(s, T) ?? '9999-12-31';
      return (a, b) => compareText(key(a), key(b)) || byRegistered(a, b);
    }
    default: {
      const never: never = sort;
      throw new Error(`unknown sort ${String(never)}`);
    }
  }
};

const rowOf = (world: World, s: ExistingCase, T: Instant, personal: PersonalDataReader): CaseListRow => {
  const r = s.registration;
  return {
    caseId: s.caseId,
    summary: r.summary,
    communityId: r.communityId,
    category: r.category,
    origin: r.origin,
    status: caseStatusAt(s, T),
    registeredAt: r.registeredAt,
    deadline: deadlineAtT(s, T),
    daysLeft: daysLeftAt(s, T),
    backlogReasons: backlogAt(s, T).reasons,
    petitioners: petitionerViews(world, petitionerRefsAt(s, T), personal),
  };
};

/** The case list at the view's T: only the page's rows are worked out in full. */
export const caseList = (world: World, view: TimeView, query: CaseListQuery, personal: PersonalDataReader): Ledger<Numbered<CaseListRow>> => {
  const T = view.asOf;
  const found = existingCases(world)
    .filter((s) => matches(s, T, query))
    .sort(comparator(query.sort ?? '-registeredAt', T));
  // Paged before the rows are made: a page of 20 works out 20 rows, not every case's.
  const paged = toLedger(view, found.map((s) => ({ s })), query);
  return { ...paged, rows: paged.rows.map(({ seq, s }) => ({ seq, ...rowOf(world, s, T, personal) })) };
};
