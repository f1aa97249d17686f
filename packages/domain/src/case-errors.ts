import { domainError, type DomainError } from './errors';
import type { CaseStatus } from './case-state';

/** The refusals of the case aggregate. Codes are stable: other tools match on them. */
export const caseErrors = {
  caseNotFound: (caseId: string): DomainError =>
    domainError('caseNotFound', `信访事项 ${caseId} 不存在`, `case ${caseId} does not exist`, { caseId }),
  caseAlreadyExists: (caseId: string): DomainError =>
    domainError('caseAlreadyExists', `信访事项 ${caseId} 已登记`, `case ${caseId} is already registered`, { caseId }),
  caseRejected: (): DomainError =>
    domainError('caseRejected', '该事项已不予受理，不能再办理', 'the case was rejected and cannot be acted on'),
  caseNotOpen: (status: CaseStatus): DomainError =>
    domainError('caseNotOpen', '该事项已化解或已息诉，不能再办理', 'the case is resolved or closed', { status }),
  alreadyDecided: (): DomainError =>
    domainError('alreadyDecided', '该事项已作出受理决定', 'acceptance was already decided'),
  notAccepted: (): DomainError => domainError('notAccepted', '该事项尚未受理', 'the case has not been accepted'),
  notAssigned: (): DomainError =>
    domainError('notAssigned', '该事项尚未交办（一案一策），不能化解', 'the case has not been assigned, so it cannot be resolved'),
  alreadyResolved: (): DomainError => domainError('alreadyResolved', '该事项已化解', 'the case is already resolved'),
  notResolved: (): DomainError => domainError('notResolved', '该事项尚未化解', 'the case has not been resolved'),
  alreadyClosed: (): DomainError => domainError('alreadyClosed', '该事项已息诉息访', 'the case is already closed'),
  caseFinal: (): DomainError =>
    domainError('caseFinal', '该事项已三级终结，不再受理', 'the case is final (re-review decided) and is not accepted again'),
  timeOutOfOrder: (field: string, notBefore: string): DomainError =>
    domainError('timeOutOfOrder', `${field} 不能早于 ${notBefore}`, `${field} may not be earlier than ${notBefore}`, {
      field,
      notBefore,
    }),
  peopleCountBelowPetitioners: (peopleCount: number, petitioners: number): DomainError =>
    domainError(
      'peopleCountBelowPetitioners',
      `涉及人数（${peopleCount}）少于登记的信访人数（${petitioners}）`,
      `peopleCount (${peopleCount}) is less than the number of petitioners (${petitioners})`,
      { peopleCount, petitioners },
    ),
  communityRequired: (): DomainError =>
    domainError('communityRequired', '登记新事项须填写所属社区（communityId）', 'a new case needs a communityId'),
  visitAlreadyRecorded: (visitId: string): DomainError =>
    domainError('visitAlreadyRecorded', `来访 ${visitId} 已登记`, `visit ${visitId} is already recorded`, { visitId }),
  deadlineInPast: (deadline: string, day: string): DomainError =>
    domainError('deadlineInPast', `化解时限 ${deadline} 早于交办日 ${day}`, `deadline ${deadline} is before the day of assignment ${day}`, {
      deadline,
      day,
    }),
  deadlineBeyondLimit: (deadline: string, limit: string): DomainError =>
    domainError(
      'deadlineBeyondLimit',
      `化解时限 ${deadline} 超过法定期限 ${limit}（受理后 60 日），超期须办理延期`,
      `deadline ${deadline} is past the statutory limit ${limit} (acceptance + 60 days); extend it instead`,
      { deadline, limit },
    ),
  extensionAlreadyUsed: (): DomainError =>
    domainError('extensionAlreadyUsed', '该事项已延期一次，不能再延期', 'the deadline was already extended once'),
  extensionNotLater: (newDeadline: string, deadline: string): DomainError =>
    domainError('extensionNotLater', `延期后时限 ${newDeadline} 须晚于现时限 ${deadline}`, `the new deadline ${newDeadline} must be after the current ${deadline}`, {
      newDeadline,
      deadline,
    }),
  extensionTooLong: (newDeadline: string, limit: string): DomainError =>
    domainError('extensionTooLong', `延期不得超过 30 日（最迟 ${limit}）`, `an extension is at most 30 days (until ${limit})`, {
      newDeadline,
      limit,
    }),
  extensionBeyondLimit: (newDeadline: string, limit: string): DomainError =>
    domainError(
      'extensionBeyondLimit',
      `延期后时限不得晚于受理后 90 日（${limit}）`,
      `an extended deadline may not end after acceptance + 90 days (${limit})`,
      { newDeadline, limit },
    ),
  satisfactionAlreadyRecorded: (): DomainError =>
    domainError('satisfactionAlreadyRecorded', '本次化解已有满意度评价', 'satisfaction was already recorded for this resolution'),
  reviewAlreadyRequested: (level: string): DomainError =>
    domainError('reviewAlreadyRequested', '已申请过该级复查/复核', `a ${level} was already requested`, { level }),
  reviewNotDecided: (): DomainError =>
    domainError('reviewNotDecided', '复核须在复查决定之后申请', 'a re-review needs a decided review first'),
  reviewPeriodExpired: (deadline: string): DomainError =>
    domainError('reviewPeriodExpired', `申请期限已过（应于 ${deadline} 前申请）`, `the 30 days to request it ended on ${deadline}`, {
      deadline,
    }),
  reviewNotRequested: (level: string): DomainError =>
    domainError('reviewNotRequested', '没有待决定的该级复查/复核申请', `no pending ${level} request to decide`, { level }),
};
