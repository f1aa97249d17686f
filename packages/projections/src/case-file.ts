import {
  assignmentAt,
  decisionAt,
  backlogAt,
  type BacklogReason,
  type Category,
  type Channel,
  COLLECTIVE_THRESHOLD,
  compareInstants,
  type EscalationLevel,
  type ExistingCase,
  factsBy,
  type FiveOnesItem,
  type FourResponsibility,
  happenedBy,
  type Instant,
  type NoticeRecord,
  isRegisteredBy,
  type LocalDate,
  type Origin,
  type Pattern,
  type ResolutionLevel,
  type ResolutionMethod,
  type ResolutionOutcome,
  type ReviewLevel,
  type ReviewOutcome,
  type RiskFlag,
} from '@xinfang/domain';
import { fiveOnesCompleteAt } from './backlog-ledger';
import { caseStatusAt, deadlineAtT, petitionerRefsAt, type CaseLedgerStatus } from './ledger';
import { caseById, communityName, gridName, leaderInfo } from './lookups';
import { petitionerViews, type PersonalDataReader, type PetitionerView } from './personal-data';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * 一案一册: everything about one case as of T, every list oldest first by business time. The stream's
 * revision is not part of the world; the API adds it from the store.
 */

export interface LeaderRef {
  readonly leaderId: string;
  readonly name: string;
  readonly position: string;
}

export interface CaseFileVisit {
  readonly visitId: string;
  readonly receivedAt: Instant;
  readonly location: string;
  readonly leader: LeaderRef;
  readonly visitorCount: number;
  readonly matter: string;
  readonly demands: string | null;
  readonly handlingOpinion: string | null;
  readonly repeat: boolean;
  readonly petitioners: readonly PetitionerView[];
}

export interface CaseFile {
  readonly asOf: Instant;
  readonly knownAt: Instant;
  readonly caseId: string;
  readonly origin: Origin;
  readonly communityId: string;
  readonly community: string;
  readonly gridId: string | null;
  readonly grid: string | null;
  readonly category: Category;
  readonly summary: string;
  readonly demands: string | null;
  readonly peopleCount: number;
  /** 集体访: 5 or more people. */
  readonly collective: boolean;
  readonly riskFlags: readonly RiskFlag[];
  readonly patterns: readonly Pattern[];
  readonly firstPetition: boolean;
  readonly registeredAt: Instant;
  /** 化解状态 at T (see `caseStatusAt`). */
  readonly status: CaseLedgerStatus;
  readonly acceptance: { readonly decision: 'accepted' | 'rejected'; readonly at: Instant; readonly reason: string | null } | null;
  /** The deadline in force at T (null once rejected), and every deadline set up to T. */
  readonly deadline: LocalDate | null;
  readonly deadlines: readonly {
    readonly at: Instant;
    readonly deadline: LocalDate;
    readonly source: 'registration' | 'acceptance' | 'assignment' | 'extension';
  }[];
  readonly extension: {
    readonly at: Instant;
    readonly previousDeadline: LocalDate;
    readonly newDeadline: LocalDate;
    readonly reason: string;
    readonly approvedBy: string;
  } | null;
  readonly backlog: {
    readonly inBacklog: boolean;
    readonly reasons: readonly BacklogReason[];
    readonly listedSince: LocalDate | null;
    readonly firstListed: LocalDate | null;
  };
  /** Every petitioner on the case (those of later visits included). */
  readonly petitioners: readonly PetitionerView[];
  readonly visits: readonly CaseFileVisit[];
  /** 一案一策 in force at T. */
  readonly assignment: {
    readonly at: Instant;
    readonly responsibleUnit: string;
    readonly responsibleLeader: LeaderRef;
    readonly responsiblePerson: string;
    readonly measures: string;
    readonly deadline: LocalDate;
  } | null;
  /** 包案, with the four responsibilities (四包). */
  readonly packages: readonly { readonly at: Instant; readonly leader: LeaderRef; readonly responsibilities: readonly FourResponsibility[] }[];
  readonly fiveOnes: Readonly<Record<FiveOnesItem, { readonly at: Instant; readonly detail: string } | null>>;
  readonly fiveOnesComplete: boolean;
  readonly transfers: readonly { readonly at: Instant; readonly toUnit: string; readonly note: string | null }[];
  /** `notice`: a printed written notice — its kind, number (`GET /cases/{id}/notices/{number}`), template version and who printed it. */
  readonly notices: readonly { readonly at: Instant; readonly content: string; readonly notice?: NoticeRecord }[];
  readonly progress: readonly { readonly at: Instant; readonly note: string }[];
  readonly resolutions: readonly {
    readonly at: Instant;
    readonly method: ResolutionMethod;
    readonly level: ResolutionLevel;
    readonly outcome: ResolutionOutcome;
    readonly summary: string;
  }[];
  readonly satisfactions: readonly { readonly at: Instant; readonly satisfied: boolean }[];
  readonly reviews: readonly {
    readonly level: ReviewLevel;
    readonly requestedAt: Instant;
    readonly decision: { readonly at: Instant; readonly outcome: ReviewOutcome } | null;
  }[];
  readonly escalations: readonly {
    readonly at: Instant;
    readonly level: EscalationLevel;
    readonly collective: boolean;
    readonly abnormal: boolean;
  }[];
  /** 重复访; `accepted` false on a final case (不再受理). */
  readonly repeats: readonly { readonly at: Instant; readonly channel: Channel; readonly accepted: boolean; readonly visitId: string | null }[];
  readonly reopens: readonly { readonly at: Instant; readonly reason: string; readonly cause: 'reopen' | 'repeat' }[];
  /** 三级终结 by T: the re-review was decided. */
  readonly final: boolean;
  readonly closedAt: Instant | null;
}

const leaderRef = (world: World, leaderId: string): LeaderRef => {
  const { name, position } = leaderInfo(world, leaderId);
  return { leaderId, name, position };
};

const fiveOnesItems: readonly FiveOnesItem[] = ['leader', 'taskForce', 'plan', 'minutes', 'stabilization'];

/** The case file as of the view, or undefined when the view holds no such case. */
export const caseFile = (world: World, view: TimeView, caseId: string, personal: PersonalDataReader): CaseFile | undefined => {
  const s = caseById(world, caseId);
  const T = view.asOf;
  if (s === undefined || !isRegisteredBy(s, T)) return undefined;
  return caseFileOf(world, view, s, personal);
};

const caseFileOf = (world: World, view: TimeView, s: ExistingCase, personal: PersonalDataReader): CaseFile => {
  const T = view.asOf;
  const r = s.registration;
  const by = happenedBy(T);
  const assignment = assignmentAt(s, T);
  const backlog = backlogAt(s, T);
  const reviews = s.reviews
    .filter((review) => compareInstants(review.requestedAt, T) <= 0)
    .map((review) => {
      const decision = review.decision !== undefined && by(review.decision) ? review.decision : undefined;
      return {
        level: review.level,
        requestedAt: review.requestedAt,
        decision: decision === undefined ? null : { at: decision.at, outcome: decision.outcome },
        final: decision?.final ?? false,
      };
    });
  const fiveOnes = Object.fromEntries(
    fiveOnesItems.map((item) => {
      const recorded = s.fiveOnes[item];
      return [item, recorded !== undefined && by(recorded) ? { at: recorded.at, detail: recorded.detail } : null];
    }),
  ) as CaseFile['fiveOnes'];
  const closedAt = s.closedAt !== undefined && compareInstants(s.closedAt, T) <= 0 ? s.closedAt : null;
  const decision = decisionAt(s, T);
  return {
    asOf: view.asOf,
    knownAt: view.knownAt,
    caseId: s.caseId,
    origin: r.origin,
    communityId: r.communityId,
    community: communityName(world, r.communityId),
    gridId: r.gridId ?? null,
    grid: r.gridId === undefined ? null : gridName(world, r.communityId, r.gridId),
    category: r.category,
    summary: r.summary,
    demands: r.demands ?? null,
    peopleCount: r.peopleCount,
    collective: r.peopleCount >= COLLECTIVE_THRESHOLD,
    riskFlags: r.riskFlags,
    patterns: r.patterns,
    firstPetition: r.firstPetition,
    registeredAt: r.registeredAt,
    status: caseStatusAt(s, T),
    acceptance: decision === undefined ? null : { decision: decision.decision, at: decision.at, reason: decision.reason ?? null },
    deadline: deadlineAtT(s, T),
    deadlines: factsBy(s.deadlines, T).map(({ at, deadline, source }) => ({ at, deadline, source })),
    extension:
      s.extension !== undefined && by(s.extension)
        ? {
            at: s.extension.at,
            previousDeadline: s.extension.previousDeadline,
            newDeadline: s.extension.newDeadline,
            reason: s.extension.reason,
            approvedBy: s.extension.approvedBy,
          }
        : null,
    backlog: {
      inBacklog: backlog.inBacklog,
      reasons: backlog.reasons,
      listedSince: backlog.listedSince ?? null,
      firstListed: backlog.firstListed ?? null,
    },
    petitioners: petitionerViews(world, petitionerRefsAt(s, T), personal),
    visits: s.visits
      .filter((v) => compareInstants(v.receivedAt, T) <= 0)
      .sort((a, b) => compareInstants(a.receivedAt, b.receivedAt))
      .map((v) => ({
        visitId: v.visitId,
        receivedAt: v.receivedAt,
        location: v.location,
        leader: leaderRef(world, v.leaderId),
        visitorCount: v.visitorCount,
        matter: v.matter,
        demands: v.demands ?? null,
        handlingOpinion: v.handlingOpinion ?? null,
        repeat: v.repeat,
        petitioners: petitionerViews(world, v.petitioners, personal),
      })),
    assignment:
      assignment === undefined
        ? null
        : {
            at: assignment.at,
            responsibleUnit: assignment.responsibleUnit,
            responsibleLeader: leaderRef(world, assignment.responsibleLeaderId),
            responsiblePerson: assignment.responsiblePerson,
            measures: assignment.measures,
            deadline: assignment.deadline,
          },
    packages: factsBy(s.packages, T).map((p) => ({
      at: p.at,
      leader: leaderRef(world, p.leaderId),
      responsibilities: p.responsibilities,
    })),
    fiveOnes,
    fiveOnesComplete: fiveOnesCompleteAt(s, T),
    transfers: factsBy(s.transfers, T).map((t) => ({ at: t.at, toUnit: t.toUnit, note: t.note ?? null })),
    notices: factsBy(s.notices, T).map(({ at, content, notice }) => ({ at, content, ...(notice === undefined ? {} : { notice }) })),
    progress: factsBy(s.progress, T).map(({ at, note }) => ({ at, note })),
    resolutions: factsBy(s.resolutions, T).map(({ at, method, level, outcome, summary }) => ({ at, method, level, outcome, summary })),
    satisfactions: factsBy(s.satisfactions, T).map(({ at, satisfied }) => ({ at, satisfied })),
    reviews: reviews.map(({ level, requestedAt, decision }) => ({ level, requestedAt, decision })),
    escalations: factsBy(s.escalations, T).map(({ at, level, collective, abnormal }) => ({ at, level, collective, abnormal })),
    repeats: factsBy(s.repeats, T).map((p) => ({ at: p.at, channel: p.channel, accepted: p.accepted, visitId: p.visitId ?? null })),
    reopens: factsBy(s.reopens, T).map(({ at, reason, cause }) => ({ at, reason, cause })),
    final: reviews.some((review) => review.final),
    closedAt,
  };
};
