import {
  acceptanceDecisionLabels,
  caseDeadlineAt,
  caseStatusLabels,
  compareInstants,
  dayOf,
  assignmentAt,
  happenedBy,
  isRegisteredBy,
  isRejectedAt,
  latestBy,
  resolvedAt,
  type ExistingCase,
  type Instant,
  type LocalDate,
} from '@xinfang/domain';
import type { TimeView } from './view';

/*
 * What every ledger has in common: the result shape of API.md (`{asOf, knownAt, total, rows}`), paging,
 * the 序号, and the few facts of a case "at T" that several forms show. The world a ledger reads was built
 * for its view, so it holds no fact after T; the helpers still compare business times with T, so that a
 * ledger over a wider world (a live read model) means the same.
 */

/** `limit`/`offset` of API.md: by default every row. */
export interface Paging {
  readonly limit?: number;
  readonly offset?: number;
}

/** A ledger as the API returns it. `total` counts the rows before paging. */
export interface Ledger<Row> {
  readonly asOf: Instant;
  readonly knownAt: Instant;
  readonly total: number;
  readonly rows: readonly Row[];
}

/** A row with its 序号: from 1 over the filtered, ordered rows (so a second page goes on counting). */
export type Numbered<Row> = { readonly seq: number } & Row;

const checkPaging = (name: string, value: number | undefined): void => {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
};

/** Numbers the rows (already filtered and ordered) and takes one page of them. */
export const toLedger = <Row extends object>(
  view: TimeView,
  rows: readonly Row[],
  paging: Paging = {},
): Ledger<Numbered<Row>> => {
  checkPaging('limit', paging.limit);
  checkPaging('offset', paging.offset);
  const offset = paging.offset ?? 0;
  const end = paging.limit === undefined ? rows.length : offset + paging.limit;
  const page = rows.slice(offset, end).map((row, i) => ({ seq: offset + i + 1, ...row }));
  return { asOf: view.asOf, knownAt: view.knownAt, total: rows.length, rows: page };
};

/** Whether a day is in the window `[from, to]` (both optional, both inclusive). */
export const dayInWindow = (day: LocalDate, from?: LocalDate, to?: LocalDate): boolean =>
  (from === undefined || day >= from) && (to === undefined || day <= to);

/** Orders by business time; equal times keep their recorded order (the sort is stable). */
export const byTime =
  <T>(timeOf: (item: T) => string) =>
  (a: T, b: T): number =>
    compareInstants(timeOf(a), timeOf(b));

// ——— a case at T ———

/**
 * 化解状态 (REPORTS.md, 附件1), plus `rejected` (不予受理): REPORTS.md's four values have no place for a
 * rejected case, and 附件1 lists every case registered in the window, so it is shown with a fifth value
 * rather than left out or shown as something it is not.
 */
export const caseLedgerStatusLabels = { ...caseStatusLabels, rejected: acceptanceDecisionLabels.rejected } as const;
export type CaseLedgerStatus = keyof typeof caseLedgerStatusLabels;

/**
 * The case's 化解状态 at T: `rejected` once rejected; `closed` (已息诉) when resolved and closed; `resolved`
 * (已化解) when resolved (the domain's `resolvedAt`: the last of its resolutions and reopenings is a
 * resolution); `inProgress` (化解中) when assigned (一案一策) or reopened; else `open` (未化解): registered or
 * accepted, not yet assigned.
 */
export const caseStatusAt = (s: ExistingCase, moment: Instant): CaseLedgerStatus => {
  if (isRejectedAt(s, moment)) return 'rejected';
  if (resolvedAt(s, moment)) {
    return s.closedAt !== undefined && compareInstants(s.closedAt, moment) <= 0 ? 'closed' : 'resolved';
  }
  return assignmentAt(s, moment) !== undefined || s.reopens.some(happenedBy(moment)) ? 'inProgress' : 'open';
};

/** Unresolved at T: registered by then, neither resolved (or closed) nor rejected. */
export const isUnresolvedAt = (s: ExistingCase, moment: Instant): boolean => {
  const status = caseStatusAt(s, moment);
  return isRegisteredBy(s, moment) && (status === 'open' || status === 'inProgress');
};

/** 化解时限: the deadline in force at T (none for a rejected case). */
export const deadlineAtT = (s: ExistingCase, moment: Instant): LocalDate | null => caseDeadlineAt(s, moment) ?? null;

/** 化解情况: the summary of the latest resolution up to T (kept after a reopening), or null. */
export const resolutionSummaryAt = (s: ExistingCase, moment: Instant): string | null =>
  latestBy(s.resolutions, moment)?.summary ?? null;

/**
 * The petitioners on the case at T: those it was registered with, then those of each visit up to T, each
 * once (as the domain adds them).
 */
export const petitionerRefsAt = (s: ExistingCase, moment: Instant): { readonly personId: string }[] => {
  const seen = new Set<string>();
  const visits = s.visits.filter((v) => compareInstants(v.receivedAt, moment) <= 0);
  return [...s.registration.petitioners, ...visits.flatMap((v) => v.petitioners)].filter((p) => {
    if (seen.has(p.personId)) return false;
    seen.add(p.personId);
    return true;
  });
};

/** Compares two codes by their characters (no locale: the order must not depend on the machine). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders cases by registration time, then id: "newest last". */
export const byRegistration = (a: ExistingCase, b: ExistingCase): number =>
  compareInstants(a.registration.registeredAt, b.registration.registeredAt) || compareText(a.caseId, b.caseId);

/** The Shanghai day a case was registered on. */
export const registrationDay = (s: ExistingCase): LocalDate => dayOf(s.registration.registeredAt);
