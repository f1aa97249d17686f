import {
  backlogAt,
  type BacklogReason,
  compareInstants,
  type ExistingCase,
  factsBy,
  happenedBy,
  type Instant,
  latestBy,
  type LocalDate,
} from '@xinfang/domain';
import { caseLedger, type CaseEntry, type CaseLedgerPlan } from './case-ledger';
import { compareText, deadlineAtT, petitionerRefsAt, type Ledger, type Numbered, type Paging } from './ledger';
import { communityName, leaderName } from './lookups';
import { petitionerViews, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 附件2 信访积案和突出问题化解清单 (REPORTS.md): every case in the backlog at T — derived by the domain's
 * `backlogAt`, never typed in — with its reasons, its 包案 leaders and its 五个一.
 */

/** 工作专班 / 化解方案 / 会议纪要 / 稳控措施: the detail recorded for each (the latest up to T), or null. */
export interface FiveOnesColumns {
  readonly taskForce: string | null;
  readonly plan: string | null;
  readonly minutes: string | null;
  readonly stabilization: string | null;
}

/** One row of 附件2, in the form's column order (after `seq` and `caseId`). */
export interface BacklogRow {
  readonly caseId: string;
  readonly petitioners: readonly PetitionerView[];
  /** 社区: the community's name. */
  readonly community: string;
  /** 信访事项. */
  readonly summary: string;
  readonly demands: string | null;
  /** 列入原因: every reason that holds at T, in the domain's order (overdue, repeat, escalation, reopened). */
  readonly reasons: readonly BacklogReason[];
  /** 列入日期: the first day of the current listing. */
  readonly listedSince: LocalDate;
  /** 包案领导: the names of the leaders the case was packaged to, in the order they took it. */
  readonly packageLeader: readonly string[];
  readonly fiveOnes: FiveOnesColumns;
  /** 五个一落实: all five, where 一个领导包案 is met by a package (包案) or a recorded `leader` item. */
  readonly fiveOnesComplete: boolean;
  /** 化解时限 in force at T. */
  readonly deadline: LocalDate | null;
  /** 最新进展: the latest progress note by business time, or null. */
  readonly latestProgress: { readonly at: Instant; readonly note: string } | null;
}

export interface BacklogQuery extends Paging {
  readonly communityId?: string;
}

const fiveOnesItemAt = (s: ExistingCase, item: keyof ExistingCase['fiveOnes'], moment: Instant): string | null => {
  const recorded = s.fiveOnes[item];
  return recorded !== undefined && happenedBy(moment)(recorded) ? recorded.detail : null;
};

/** The 五个一 columns of a case at T. */
export const fiveOnesAt = (s: ExistingCase, moment: Instant): FiveOnesColumns => ({
  taskForce: fiveOnesItemAt(s, 'taskForce', moment),
  plan: fiveOnesItemAt(s, 'plan', moment),
  minutes: fiveOnesItemAt(s, 'minutes', moment),
  stabilization: fiveOnesItemAt(s, 'stabilization', moment),
});

/** The ids of the case's package leaders at T, each once, in the order they took the case. */
export const packageLeaderIdsAt = (s: ExistingCase, moment: Instant): string[] => [
  ...new Set(factsBy(s.packages, moment).map((p) => p.leaderId)),
];

/** 五个一落实 at T. */
export const fiveOnesCompleteAt = (s: ExistingCase, moment: Instant): boolean => {
  const columns = fiveOnesAt(s, moment);
  const leader = packageLeaderIdsAt(s, moment).length > 0 || fiveOnesItemAt(s, 'leader', moment) !== null;
  return leader && Object.values(columns).every((detail) => detail !== null);
};

interface BacklogEntry extends CaseEntry {
  readonly listedSince: LocalDate;
  readonly reasons: readonly BacklogReason[];
  readonly registeredAt: Instant;
}

/** 附件2 in pieces: a case in the backlog at T (of the community) is one entry. */
export const backlogPlan: CaseLedgerPlan<BacklogQuery, BacklogEntry, BacklogRow> = {
  entries: (s, T, query) => {
    if (query.communityId !== undefined && s.registration.communityId !== query.communityId) return [];
    const status = backlogAt(s, T); // a lookup in the state's timeline, made once for every T
    return status.inBacklog && status.listedSince !== undefined
      ? [{ caseId: s.caseId, listedSince: status.listedSince, reasons: status.reasons, registeredAt: s.registration.registeredAt }]
      : [];
  },
  // Longest listed first; then by registration (byRegistration).
  compare: (a, b) => compareText(a.listedSince, b.listedSince) || compareInstants(a.registeredAt, b.registeredAt) || compareText(a.caseId, b.caseId),
  row: (world, s, { listedSince, reasons }, T, personal) => {
    const latest = latestBy(s.progress, T);
    return {
      caseId: s.caseId,
      petitioners: petitionerViews(world, petitionerRefsAt(s, T), personal),
      community: communityName(world, s.registration.communityId),
      summary: s.registration.summary,
      demands: s.registration.demands ?? null,
      reasons: [...reasons],
      listedSince,
      packageLeader: packageLeaderIdsAt(s, T).map((id) => leaderName(world, id)),
      fiveOnes: fiveOnesAt(s, T),
      fiveOnesComplete: fiveOnesCompleteAt(s, T),
      deadline: deadlineAtT(s, T),
      latestProgress: latest === undefined ? null : { at: latest.at, note: latest.note },
    };
  },
};

export const backlogLedger: (world: World, view: TimeView, query: BacklogQuery, personal: PersonalDataReader) => Ledger<Numbered<BacklogRow>> =
  caseLedger(backlogPlan);
