import {
  compareInstants,
  dayOf,
  type ExistingCase,
  factsBy,
  type Instant,
  latestBy,
  type LocalDate,
} from '@xinfang/domain';
import { caseLedger, type CaseEntry, type CaseLedgerPlan } from './case-ledger';
import { caseStatusAt, compareText, dayInWindow, resolutionSummaryAt, type CaseLedgerStatus, type Ledger, type Numbered, type Paging } from './ledger';
import { leaderInfo } from './lookups';
import { petitionerViews, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 附件3 领导干部接待群众来访登记表 (REPORTS.md): one row per visit (VisitRecorded) received in the window.
 * 转交办单位, 告知情况 and 办理结果 are those of the case the visit was recorded on, at T.
 */

/** 告知情况: whether the petitioner was notified on the case by T, and what the latest notice said. */
export interface NoticeColumn {
  readonly given: boolean;
  readonly content: string | null;
}

/** 办理结果: the case's 化解状态 at T and its latest resolution's summary. */
export interface VisitResult {
  readonly status: CaseLedgerStatus;
  readonly resolutionSummary: string | null;
}

/** One row of 附件3, in the form's column order (after `seq`, `caseId` and `visitId`). */
export interface VisitsRow {
  readonly caseId: string;
  readonly visitId: string;
  readonly receivedAt: Instant;
  readonly location: string;
  /** 接访领导: the name; 职务: the position ('' for an unknown leader). */
  readonly leader: string;
  readonly leaderPosition: string;
  /** 来访人 (姓名, 身份证号, 电话, 住址): the visit's own petitioners. */
  readonly petitioners: readonly PetitionerView[];
  readonly visitorCount: number;
  /** 反映问题. */
  readonly matter: string;
  readonly demands: string | null;
  readonly handlingOpinion: string | null;
  /** 转交办单位: the units the case was transferred to by T, each once, in order. */
  readonly transferredTo: readonly string[];
  readonly noticeGiven: NoticeColumn;
  /** 重复访. */
  readonly repeat: boolean;
  readonly result: VisitResult;
}

export interface VisitsQuery extends Paging {
  /** Days of `receivedAt` from `from` to `to`, both included (Asia/Shanghai). */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  readonly leaderId?: string;
  /** The community of the case the visit was recorded on. */
  readonly communityId?: string;
}

/** The units a case was transferred to by T, each once, in order. */
export const transferredToAt = (s: ExistingCase, moment: Instant): string[] => [
  ...new Set(factsBy(s.transfers, moment).map((t) => t.toUnit)),
];

export const noticeAt = (s: ExistingCase, moment: Instant): NoticeColumn => {
  const latest = latestBy(s.notices, moment);
  return { given: latest !== undefined, content: latest?.content ?? null };
};

interface VisitsEntry extends CaseEntry {
  /** The visit's place in its case's visits. */
  readonly index: number;
  readonly visitId: string;
  readonly receivedAt: Instant;
}

/** 附件3 in pieces: each visit of a case (of the community) received by T in the window (by the leader) is an entry. */
export const visitsPlan: CaseLedgerPlan<VisitsQuery, VisitsEntry, VisitsRow> = {
  entries: (s, T, query) => {
    if (query.communityId !== undefined && s.registration.communityId !== query.communityId) return [];
    return s.visits.flatMap((visit, index) =>
      compareInstants(visit.receivedAt, T) <= 0 &&
      dayInWindow(dayOf(visit.receivedAt), query.from, query.to) &&
      (query.leaderId === undefined || visit.leaderId === query.leaderId)
        ? [{ caseId: s.caseId, index, visitId: visit.visitId, receivedAt: visit.receivedAt }]
        : [],
    );
  },
  // Visits tied on both keep the order of the World's cases (a stable sort), as before.
  compare: (a, b) => compareInstants(a.receivedAt, b.receivedAt) || compareText(a.visitId, b.visitId),
  row: (world, s, { index }, T, personal) => {
    const visit = s.visits[index];
    if (visit === undefined) throw new Error(`visitsLedger: no visit ${index} on ${s.caseId}`);
    const leader = leaderInfo(world, visit.leaderId);
    return {
      caseId: s.caseId,
      visitId: visit.visitId,
      receivedAt: visit.receivedAt,
      location: visit.location,
      leader: leader.name,
      leaderPosition: leader.position,
      petitioners: petitionerViews(world, visit.petitioners, personal),
      visitorCount: visit.visitorCount,
      matter: visit.matter,
      demands: visit.demands ?? null,
      handlingOpinion: visit.handlingOpinion ?? null,
      transferredTo: transferredToAt(s, T),
      noticeGiven: noticeAt(s, T),
      repeat: visit.repeat,
      result: { status: caseStatusAt(s, T), resolutionSummary: resolutionSummaryAt(s, T) },
    };
  },
};

export const visitsLedger: (world: World, view: TimeView, query: VisitsQuery, personal: PersonalDataReader) => Ledger<Numbered<VisitsRow>> =
  caseLedger(visitsPlan);
