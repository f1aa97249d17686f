import { isLeft } from 'fp-ts/Either';
import { caseCommandSegments, caseDecider, reviewLevelLabels, type Instant, type ExistingCase, type ReviewLevel } from '@xinfang/domain';
import { mayActOnCase, type CaseAction } from '../case-access';
import type { Role } from '../roles';

/*
 * Which actions the case page offers as forms: exactly those the API would take from this role on this
 * case now. Nothing here restates a rule. Whether the role may act is `mayActOnCase` (case-access.ts);
 * whether the case's state allows it is the domain's decider, asked with a probe command. A probe's
 * values are stand-ins, so a refusal about the values the user will type (a time before the last fact, a
 * deadline out of range) does not hide the form — only a refusal about where the case stands does.
 */

type ActionType = CaseAction['type'];

/** Refusals about a form's values, not the case's state: the form is offered, the API judges what is typed. */
const VALUE_REFUSALS: ReadonlySet<string> = new Set([
  'timeOutOfOrder',
  'deadlineInPast',
  'deadlineBeyondLimit',
  'extensionNotLater',
  'extensionTooLong',
  'extensionBeyondLimit',
  'reviewPeriodExpired',
]);

export interface CaseActionOffer {
  readonly type: ActionType;
  /** `POST /cases/{id}/<segment>`. */
  readonly segment: string;
  /** For 复查/复核 (request and decision): the levels the case allows now. */
  readonly levels?: readonly ReviewLevel[];
}

const segmentOf = Object.fromEntries(Object.entries(caseCommandSegments).map(([segment, type]) => [type, segment])) as Record<
  ActionType,
  string
>;

const STAND_IN = '—';

/** A command of the type with stand-in values; the leader's own id where a 包案 names the leader. */
const probe = (type: ActionType, role: Role, caseId: string, at: Instant, level: ReviewLevel): CaseAction => {
  const data = ((): Record<string, unknown> => {
    switch (type) {
      case 'DecideAcceptance':
        return { decision: 'accepted', at };
      case 'AssignCase':
        return { responsibleUnit: STAND_IN, responsibleLeaderId: 'probe', responsiblePerson: STAND_IN, measures: STAND_IN, deadline: at.slice(0, 10), at };
      case 'PackageCase':
        return { leaderId: role.kind === 'leader' ? role.leaderId : 'probe', at };
      case 'RecordFiveOnes':
        return { item: 'leader', detail: STAND_IN, at };
      case 'TransferCase':
        return { toUnit: STAND_IN, at };
      case 'NotifyPetitioner':
        return { at, content: STAND_IN };
      case 'RecordProgress':
        return { at, note: STAND_IN };
      case 'ExtendDeadline':
        return { newDeadline: '9999-12-31', reason: STAND_IN, approvedBy: STAND_IN, at };
      case 'ResolveCase':
        return { at, method: 'mediation', level: 'community', outcome: 'solved', summary: STAND_IN };
      case 'RecordSatisfaction':
        return { at, satisfied: true };
      case 'RecordRepeat':
        return { at, channel: 'visit' };
      case 'RecordEscalation':
        return { at, level: 'city' };
      case 'ReopenCase':
        return { at, reason: STAND_IN };
      case 'RequestReview':
        return { level, at };
      case 'DecideReview':
        return { level, at, outcome: 'upheld' };
      case 'CloseCase':
        return { at };
    }
  })();
  return { type, data: { ...data, caseId } } as CaseAction;
};

const allowed = (role: Role, kase: ExistingCase, action: CaseAction): boolean => {
  if (!mayActOnCase(role, action, kase)) return false;
  const decided = caseDecider.decide(action, kase);
  return !isLeft(decided) || VALUE_REFUSALS.has(decided.left.code);
};

const LEVELS = Object.keys(reviewLevelLabels) as ReviewLevel[];
const HAS_LEVELS: ReadonlySet<ActionType> = new Set(['RequestReview', 'DecideReview']);

/**
 * The actions `role` may take on `kase` at `now`, in the order of API.md's command table. `now` is the
 * probes' business time: the latest a form may say.
 */
export const caseActionsFor = (role: Role, kase: ExistingCase, now: Instant): CaseActionOffer[] =>
  (Object.keys(segmentOf) as ActionType[]).flatMap((type): CaseActionOffer[] => {
    const segment = segmentOf[type];
    if (!HAS_LEVELS.has(type)) return allowed(role, kase, probe(type, role, kase.caseId, now, 'review')) ? [{ type, segment }] : [];
    const levels = LEVELS.filter((level) => allowed(role, kase, probe(type, role, kase.caseId, now, level)));
    return levels.length > 0 ? [{ type, segment, levels }] : [];
  });
