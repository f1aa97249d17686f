import { currentDeadline, dayOf, handlingUnitOf, noticeKindLabels, type ExistingCase, type LocalDate, type NoticeKind } from '@xinfang/domain';

/*
 * What the holder of a receipt's query code sees of the case (GET /public/status/{code}): where it stands,
 * its dates, its deadline and the unit handling it — never a name, an id number, a phone, an address or
 * what the matter is about. It is built only of those fields, so nothing else can slip in.
 */

export const publicStageLabels = {
  registered: '已登记，待受理',
  accepted: '已受理',
  inProgress: '办理中',
  inReview: '复查（复核）中',
  resolved: '已办结',
  closed: '已办结（息诉息访）',
  rejected: '不予受理',
} as const;
export type PublicStage = keyof typeof publicStageLabels;

export interface PublicCaseStatus {
  readonly stage: PublicStage;
  readonly stageLabel: string;
  readonly registeredOn: LocalDate;
  readonly acceptedOn: LocalDate | null;
  readonly rejectedOn: LocalDate | null;
  readonly resolvedOn: LocalDate | null;
  readonly closedOn: LocalDate | null;
  /** The date the office must act by now: decide acceptance (15 days), or resolve (60, or as extended). */
  readonly deadline: LocalDate | null;
  readonly deadlineLabel: string | null;
  /** The unit the case was last assigned or transferred to. */
  readonly handlingUnit: string | null;
  /** The written notices printed, by kind and date (what they say is on paper, with the petitioner). */
  readonly notices: readonly { readonly kind: NoticeKind; readonly title: string; readonly on: LocalDate }[];
}

const dayOrNull = (instant: string | undefined): LocalDate | null => (instant === undefined ? null : dayOf(instant));

const stageOf = (kase: ExistingCase): PublicStage => {
  if (kase.status !== 'resolved') return kase.status;
  return kase.reviews.some((r) => r.decision === undefined) ? 'inReview' : 'resolved';
};

export const publicCaseStatus = (kase: ExistingCase): PublicCaseStatus => {
  const stage = stageOf(kase);
  const open = stage === 'registered' || stage === 'accepted' || stage === 'inProgress';
  const deadline = open ? (currentDeadline(kase.deadlines) ?? null) : null;
  const lastResolution = kase.resolutions[kase.resolutions.length - 1];
  return {
    stage,
    stageLabel: publicStageLabels[stage],
    registeredOn: dayOf(kase.registration.registeredAt),
    acceptedOn: kase.acceptance?.decision === 'accepted' ? dayOf(kase.acceptance.at) : null,
    rejectedOn: kase.acceptance?.decision === 'rejected' ? dayOf(kase.acceptance.at) : null,
    resolvedOn: stage === 'resolved' || stage === 'closed' || stage === 'inReview' ? dayOrNull(lastResolution?.at) : null,
    closedOn: stage === 'closed' ? dayOrNull(kase.closedAt) : null,
    deadline,
    deadlineLabel: deadline === null ? null : stage === 'registered' ? '受理期限' : '办理期限',
    handlingUnit: stage === 'rejected' ? null : (handlingUnitOf(kase)?.unit ?? null),
    notices: kase.notices.flatMap((n) => (n.notice === undefined ? [] : [{ kind: n.notice.kind, title: noticeKindLabels[n.notice.kind], on: dayOf(n.at) }])),
  };
};
