import {
  assignmentAt,
  type Category,
  compareInstants,
  type ExistingCase,
  type Instant,
  isRegisteredBy,
  type LocalDate,
  type RiskFlag,
} from '@xinfang/domain';
import { caseLedger, type CaseEntry, type CaseLedgerPlan } from './case-ledger';
import { caseStatusAt, compareText, deadlineAtT, dayInWindow, petitionerRefsAt, registrationDay, resolutionSummaryAt, type CaseLedgerStatus, type Ledger, type Numbered, type Paging } from './ledger';
import { communityName, gridName, leaderName } from './lookups';
import { petitionerViews, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 附件1 矛盾纠纷排查化解清单 (REPORTS.md, "The four forms"): every case registered in the window, whatever
 * its origin, newest last, each as it stood at T.
 */

/** One row of 附件1, in the form's column order (after `seq` and `caseId`). */
export interface DisputesRow {
  readonly caseId: string;
  /** 社区: the community's name. */
  readonly community: string;
  /** 网格: the grid's name, or null when the case names no grid. */
  readonly grid: string | null;
  /** 排查日期. */
  readonly registeredAt: Instant;
  /** 当事人: every petitioner on the case at T (those of later visits included). */
  readonly petitioners: readonly PetitionerView[];
  readonly peopleCount: number;
  readonly category: Category;
  readonly summary: string;
  readonly demands: string | null;
  readonly riskFlags: readonly RiskFlag[];
  /** 责任单位, 责任领导 (the leader's name), 责任人, 化解措施: from the assignment (一案一策) at T, else null. */
  readonly responsibleUnit: string | null;
  readonly responsibleLeader: string | null;
  readonly responsiblePerson: string | null;
  readonly measures: string | null;
  /** 化解时限: the deadline in force at T; null for a rejected case. */
  readonly deadline: LocalDate | null;
  /** 化解状态 at T; `rejected` (不予受理) besides the four of REPORTS.md. */
  readonly status: CaseLedgerStatus;
  /** 化解情况: the latest resolution's summary up to T, or null. */
  readonly resolutionSummary: string | null;
}

export interface DisputesQuery extends Paging {
  readonly communityId?: string;
  /** Registration days from `from` to `to`, both included (Asia/Shanghai). */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  readonly category?: Category;
}

/** A case as 附件1 shows it at T (also the rows of the screening report). */
export const disputesRow = (world: World, s: ExistingCase, moment: Instant, personal: PersonalDataReader): DisputesRow => {
  const r = s.registration;
  const assignment = assignmentAt(s, moment);
  return {
    caseId: s.caseId,
    community: communityName(world, r.communityId),
    grid: r.gridId === undefined ? null : gridName(world, r.communityId, r.gridId),
    registeredAt: r.registeredAt,
    petitioners: petitionerViews(world, petitionerRefsAt(s, moment), personal),
    peopleCount: r.peopleCount,
    category: r.category,
    summary: r.summary,
    demands: r.demands ?? null,
    riskFlags: r.riskFlags,
    responsibleUnit: assignment?.responsibleUnit ?? null,
    responsibleLeader: assignment === undefined ? null : leaderName(world, assignment.responsibleLeaderId),
    responsiblePerson: assignment?.responsiblePerson ?? null,
    measures: assignment?.measures ?? null,
    deadline: deadlineAtT(s, moment),
    status: caseStatusAt(s, moment),
    resolutionSummary: resolutionSummaryAt(s, moment),
  };
};

interface DisputesEntry extends CaseEntry {
  readonly registeredAt: Instant;
}

/** 附件1 in pieces: a case registered by T in the window (and of the community, the category) is one entry. */
export const disputesPlan: CaseLedgerPlan<DisputesQuery, DisputesEntry, DisputesRow> = {
  entries: (s, T, query) =>
    isRegisteredBy(s, T) &&
    dayInWindow(registrationDay(s), query.from, query.to) &&
    (query.communityId === undefined || s.registration.communityId === query.communityId) &&
    (query.category === undefined || s.registration.category === query.category)
      ? [{ caseId: s.caseId, registeredAt: s.registration.registeredAt }]
      : [],
  // byRegistration: newest last, then by id.
  compare: (a, b) => compareInstants(a.registeredAt, b.registeredAt) || compareText(a.caseId, b.caseId),
  row: (world, s, _entry, T, personal) => disputesRow(world, s, T, personal),
};

export const disputesLedger: (world: World, view: TimeView, query: DisputesQuery, personal: PersonalDataReader) => Ledger<Numbered<DisputesRow>> =
  caseLedger(disputesPlan);
