import { isLeft, left, right, type Either } from 'fp-ts/Either';
import type { CaseCommand, RecordVisitData, RegisterCaseData } from './case-commands';
import { caseErrors as errors } from './case-errors';
import type { CaseEvent, CaseEventOf } from './case-events';
import { evolveCase, foldCase, initialCaseState, type CaseState, type ExistingCase } from './case-state';
import { assertNever, type Decider } from './decider';
import { currentDeadline } from './case-at';
import { handlingDeadline, latestPossibleDeadline, EXTENSION_DAYS, REVIEW_REQUEST_DAYS } from './time-limits';
import type { DomainError } from './errors';
import { addDays, compareInstants, dayOf, daysBetween } from './time';
import { fourResponsibilities } from './vocabulary';
import { noticeBasisAt } from './notice';
import { noticeKindLabels, noticeNumber } from './notice-kind';

type Decision = Either<DomainError, CaseEvent[]>;
const ok = (...events: CaseEvent[]): Decision => right(events);

const unique = <T>(values: readonly T[] = []): T[] => [...new Set(values)];

/** Open: not yet resolved, closed or rejected. Side paths (包案, 五个一, transfer, progress) need this. */
const isOpen = (s: ExistingCase): boolean => s.status === 'registered' || s.status === 'accepted' || s.status === 'inProgress';
const isResolved = (s: ExistingCase): boolean => s.status === 'resolved' || s.status === 'closed';
const lastOf = <T>(items: readonly T[]): T | undefined => items[items.length - 1];

/** Refuses a business time earlier than the fact it follows (a paper form may be late, never impossible). */
const notBefore = (field: string, at: string, earliest: string | undefined): DomainError | undefined =>
  earliest !== undefined && compareInstants(at, earliest) < 0 ? errors.timeOutOfOrder(field, earliest) : undefined;

/**
 * When the deadline in force was set (acceptance, assignment or extension). A new assignment or extension
 * replaces that deadline, so it cannot come before it: it would be superseded at once and have no effect.
 */
const deadlineSetAt = (s: ExistingCase): string =>
  s.deadlines.reduce((latest, d) => (compareInstants(d.at, latest) > 0 ? d.at : latest), s.registration.registeredAt);

const firstError = (...checks: (DomainError | undefined)[]): DomainError | undefined => checks.find((e) => e !== undefined);

/** The registration of a case; `peopleCount` is already settled (never fewer than the petitioners). */
const registration = (data: RegisterCaseData, peopleCount: number): CaseEventOf<'CaseRegistered'> => ({
  type: 'CaseRegistered',
  data: {
    caseId: data.caseId,
    origin: data.origin,
    communityId: data.communityId,
    ...(data.gridId === undefined ? {} : { gridId: data.gridId }),
    category: data.category,
    summary: data.summary,
    ...(data.demands === undefined ? {} : { demands: data.demands }),
    peopleCount,
    riskFlags: unique(data.riskFlags),
    patterns: unique(data.patterns),
    firstPetition: data.firstPetition ?? true,
    petitioners: data.petitioners,
    registeredAt: data.registeredAt,
  },
});

const register = (data: RegisterCaseData): Decision => {
  const peopleCount = data.peopleCount ?? data.petitioners.length;
  if (peopleCount < data.petitioners.length) return left(errors.peopleCountBelowPetitioners(peopleCount, data.petitioners.length));
  return ok(registration(data, peopleCount));
};

const visitEvent = (data: RecordVisitData, repeat: boolean): CaseEventOf<'VisitRecorded'> => ({
  type: 'VisitRecorded',
  data: {
    visitId: data.visitId,
    leaderId: data.leaderId,
    receivedAt: data.receivedAt,
    location: data.location,
    visitorCount: data.visitorCount,
    matter: data.matter,
    petitioners: data.petitioners,
    repeat,
    ...(data.demands === undefined ? {} : { demands: data.demands }),
    ...(data.handlingOpinion === undefined ? {} : { handlingOpinion: data.handlingOpinion }),
  },
});

/**
 * Whether the case was resolved at `at`: it is resolved now and `at` is not before its last resolution.
 * A petition typed in late, from before the last resolution, came while the case was still open.
 */
const resolvedWhen = (s: ExistingCase, at: string): boolean => {
  const last = lastOf(s.resolutions);
  return isResolved(s) && last !== undefined && compareInstants(at, last.at) >= 0;
};

/**
 * A repeat petition (重复访): on an open case it is recorded (and lists the case in the backlog); on a
 * resolved case it reopens it; on a final case it is recorded as not accepted again (不再受理).
 */
const repeatEvents = (s: ExistingCase, at: string, channel: CaseEventOf<'RepeatPetitionRecorded'>['data']['channel'], visitId?: string): CaseEvent[] => {
  const onResolved = resolvedWhen(s, at);
  const repeat: CaseEvent = {
    type: 'RepeatPetitionRecorded',
    data: { at, channel, accepted: !(onResolved && s.final), ...(visitId === undefined ? {} : { visitId }) },
  };
  if (!onResolved || s.final) return [repeat];
  return [repeat, { type: 'CaseReopened', data: { at, reason: '重复信访，重新办理', cause: 'repeat' } }];
};

const recordVisit = (data: RecordVisitData, state: CaseState): Decision => {
  if (state.status === 'none') {
    if (data.onExistingCase === true) return left(errors.caseNotFound(data.caseId));
    if (data.communityId === undefined) return left(errors.communityRequired());
    const registered = registration(
      {
        caseId: data.caseId,
        origin: 'visit',
        communityId: data.communityId,
        category: data.category ?? 'other',
        summary: data.matter,
        registeredAt: data.receivedAt,
        petitioners: data.petitioners,
        ...(data.demands === undefined ? {} : { demands: data.demands }),
      },
      Math.max(data.visitorCount, data.petitioners.length),
    );
    return ok(registered, visitEvent(data, false));
  }
  if (state.status === 'rejected') return left(errors.caseRejected());
  if (state.visits.some((v) => v.visitId === data.visitId)) return left(errors.visitAlreadyRecorded(data.visitId));
  const late = notBefore('receivedAt', data.receivedAt, state.registration.registeredAt);
  if (late) return left(late);
  const repeat = state.visits.length > 0 || resolvedWhen(state, data.receivedAt);
  return ok(visitEvent(data, repeat), ...(repeat ? repeatEvents(state, data.receivedAt, 'visit', data.visitId) : []));
};

/** Decides a command on an existing case; `register` and `recordVisit` handle the ones that may create it. */
const decideOnCase = (command: Exclude<CaseCommand, { type: 'RegisterCase' | 'RecordVisit' }>, s: ExistingCase): Decision => {
  const tooEarly = notBefore('at', command.data.at, s.registration.registeredAt);
  if (tooEarly) return left(tooEarly);
  if (s.status === 'rejected' && command.type !== 'NotifyPetitioner' && command.type !== 'IssueNotice') {
    return left(command.type === 'DecideAcceptance' ? errors.alreadyDecided() : errors.caseRejected());
  }
  const lastResolution = lastOf(s.resolutions);
  switch (command.type) {
    case 'DecideAcceptance': {
      if (s.status !== 'registered') return left(errors.alreadyDecided());
      const { decision, at, reason } = command.data;
      const data = { at, ...(reason === undefined ? {} : { reason }) };
      return ok(decision === 'accepted' ? { type: 'CaseAccepted', data } : { type: 'CaseRejected', data });
    }
    case 'AssignCase': {
      if (s.status === 'registered') return left(errors.notAccepted());
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      const { caseId: _id, ...data } = command.data;
      const acceptedAt = s.acceptance?.at ?? s.registration.registeredAt;
      const day = dayOf(data.at);
      const limit = handlingDeadline(acceptedAt);
      const refused = firstError(
        notBefore('at', data.at, deadlineSetAt(s)),
        data.deadline < day ? errors.deadlineInPast(data.deadline, day) : undefined,
        data.deadline > limit ? errors.deadlineBeyondLimit(data.deadline, limit) : undefined,
      );
      return refused ? left(refused) : ok({ type: 'CaseAssigned', data });
    }
    case 'PackageCase': {
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      const { leaderId, at } = command.data;
      return ok({ type: 'CasePackaged', data: { leaderId, at, responsibilities: [...fourResponsibilities] } });
    }
    case 'RecordFiveOnes': {
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      const { item, detail, at } = command.data;
      return ok({ type: 'FiveOnesRecorded', data: { item, detail, at } });
    }
    case 'TransferCase': {
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      const { caseId: _id, ...data } = command.data;
      return ok({ type: 'CaseTransferred', data });
    }
    case 'NotifyPetitioner': {
      const { at, content } = command.data;
      return ok({ type: 'PetitionerNotified', data: { at, content } });
    }
    case 'IssueNotice': {
      const { kind, at, templateVersion, issuedBy } = command.data;
      const basis = noticeBasisAt(s, kind);
      if (isLeft(basis)) return basis;
      const late = notBefore('at', at, basis.right);
      if (late) return left(late);
      const number = s.notices.filter((n) => n.notice !== undefined).length + 1;
      return ok({
        type: 'PetitionerNotified',
        data: { at, content: `${noticeKindLabels[kind]}（${noticeNumber(s.caseId, number)}）`, notice: { kind, number, templateVersion, issuedBy } },
      });
    }
    case 'RecordProgress': {
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      const { at, note } = command.data;
      return ok({ type: 'ProgressRecorded', data: { at, note } });
    }
    case 'ExtendDeadline': {
      if (s.status === 'registered') return left(errors.notAccepted());
      if (!isOpen(s)) return left(errors.caseNotOpen(s.status));
      if (s.extension !== undefined) return left(errors.extensionAlreadyUsed());
      const { caseId: _id, ...data } = command.data;
      const acceptedAt = s.acceptance?.at ?? s.registration.registeredAt;
      const deadline = currentDeadline(s.deadlines) ?? handlingDeadline(acceptedAt);
      const cap = latestPossibleDeadline(acceptedAt);
      // The statutory cap is checked before the 30 days: a deadline past acceptance + 90 is always more
      // than 30 days after the one in force (which is at most acceptance + 60), and the cap is what it broke.
      const refused = firstError(
        notBefore('at', data.at, deadlineSetAt(s)),
        data.newDeadline <= deadline ? errors.extensionNotLater(data.newDeadline, deadline) : undefined,
        data.newDeadline > cap ? errors.extensionBeyondLimit(data.newDeadline, cap) : undefined,
        daysBetween(deadline, data.newDeadline) > EXTENSION_DAYS
          ? errors.extensionTooLong(data.newDeadline, addDays(deadline, EXTENSION_DAYS))
          : undefined,
      );
      return refused ? left(refused) : ok({ type: 'DeadlineExtended', data: { previousDeadline: deadline, ...data } });
    }
    case 'ResolveCase': {
      if (isResolved(s)) return left(errors.alreadyResolved());
      if (s.status !== 'inProgress' || s.assignment === undefined) return left(errors.notAssigned());
      const { caseId: _id, ...data } = command.data;
      const refused = firstError(notBefore('at', data.at, s.assignment.at), notBefore('at', data.at, lastOf(s.reopens)?.at));
      return refused ? left(refused) : ok({ type: 'CaseResolved', data });
    }
    case 'RecordSatisfaction': {
      if (!isResolved(s) || lastResolution === undefined) return left(errors.notResolved());
      const { at, satisfied } = command.data;
      const late = notBefore('at', at, lastResolution.at);
      if (late) return left(late);
      if (s.satisfactions.some((r) => compareInstants(r.at, lastResolution.at) >= 0)) return left(errors.satisfactionAlreadyRecorded());
      return ok({ type: 'SatisfactionRecorded', data: { at, satisfied } });
    }
    case 'RecordRepeat':
      return ok(...repeatEvents(s, command.data.at, command.data.channel));
    case 'RecordEscalation': {
      const { at, level, collective, abnormal } = command.data;
      return ok({ type: 'EscalationRecorded', data: { at, level, collective: collective ?? false, abnormal: abnormal ?? false } });
    }
    case 'ReopenCase': {
      if (!isResolved(s) || lastResolution === undefined) return left(errors.notResolved());
      if (s.final) return left(errors.caseFinal());
      const { at, reason } = command.data;
      const late = notBefore('at', at, lastResolution.at);
      return late ? left(late) : ok({ type: 'CaseReopened', data: { at, reason, cause: 'reopen' } });
    }
    case 'RequestReview': {
      if (!isResolved(s) || lastResolution === undefined) return left(errors.notResolved());
      if (s.final) return left(errors.caseFinal());
      const { level, at } = command.data;
      if (s.reviews.some((r) => r.level === level)) return left(errors.reviewAlreadyRequested(level));
      const review = s.reviews.find((r) => r.level === 'review');
      if (level === 'reReview' && review?.decision === undefined) return left(errors.reviewNotDecided());
      // The 30 days run from the reply: the resolution for a review, the review's decision for a re-review.
      const reply = level === 'review' ? lastResolution.at : (review?.decision?.at ?? lastResolution.at);
      const requestBy = addDays(dayOf(reply), REVIEW_REQUEST_DAYS);
      const refused = firstError(
        notBefore('at', at, reply),
        dayOf(at) > requestBy ? errors.reviewPeriodExpired(requestBy) : undefined,
      );
      return refused ? left(refused) : ok({ type: 'ReviewRequested', data: { level, at } });
    }
    case 'DecideReview': {
      const { level, at, outcome } = command.data;
      const pending = s.reviews.find((r) => r.level === level && r.decision === undefined);
      if (pending === undefined) return left(errors.reviewNotRequested(level));
      // A case reopened while its review was pending is resolved again first: a re-review decided on an
      // open case would make it final (不再受理) while it is still being handled.
      if (!isResolved(s)) return left(errors.notResolved());
      const late = notBefore('at', at, pending.requestedAt);
      return late ? left(late) : ok({ type: 'ReviewDecided', data: { level, at, outcome, final: level === 'reReview' } });
    }
    case 'CloseCase': {
      if (s.status === 'closed') return left(errors.alreadyClosed());
      if (s.status !== 'resolved' || lastResolution === undefined) return left(errors.notResolved());
      const late = notBefore('at', command.data.at, lastResolution.at);
      return late ? left(late) : ok({ type: 'CaseClosed', data: { at: command.data.at } });
    }
    default:
      return assertNever(command);
  }
};

export const decideCase = (command: CaseCommand, state: CaseState): Decision => {
  switch (command.type) {
    case 'RegisterCase':
      return state.status === 'none' ? register(command.data) : left(errors.caseAlreadyExists(command.data.caseId));
    case 'RecordVisit':
      return recordVisit(command.data, state);
    default:
      return state.status === 'none' ? left(errors.caseNotFound(command.data.caseId)) : decideOnCase(command, state);
  }
};

/** The case aggregate (`case-<id>`): a petition from registration to closure. */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
  foldMany: foldCase,
};
