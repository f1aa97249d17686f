import * as t from 'io-ts';
import { Count, Id, InstantC, LocalDateC, Text, struct } from './codecs';
import { PetitionerRef } from './case-commands';
import { NoticeRecord } from './notice-kind';
import {
  Category,
  Channel,
  EscalationLevel,
  FiveOnesItem,
  Origin,
  Pattern,
  ResolutionLevel,
  ResolutionMethod,
  ResolutionOutcome,
  ReviewLevel,
  ReviewOutcome,
  RiskFlag,
} from './vocabulary';

/*
 * The events of a case stream. They are decoded with these codecs whenever they are read back, so a
 * stored event that does not match its schema is found at once rather than folded into a wrong ledger.
 */

const event = <T extends string, P extends t.Props, O extends t.Props>(type: T, required: P, optional: O) =>
  t.type({ type: t.literal(type), data: struct(required, optional) }, type);

export const CaseRegistered = event(
  'CaseRegistered',
  {
    caseId: Id,
    origin: Origin,
    communityId: Id,
    category: Category,
    summary: Text,
    peopleCount: Count,
    riskFlags: t.array(RiskFlag),
    patterns: t.array(Pattern),
    firstPetition: t.boolean,
    petitioners: t.array(PetitionerRef),
    registeredAt: InstantC,
  },
  { gridId: Id, demands: Text },
);
export const VisitRecorded = event(
  'VisitRecorded',
  {
    visitId: Id,
    leaderId: Id,
    receivedAt: InstantC,
    location: Text,
    visitorCount: Count,
    matter: Text,
    petitioners: t.array(PetitionerRef),
    /** A visit on a case that already had a visit or was resolved is a repeat petition (重复访). */
    repeat: t.boolean,
  },
  { demands: Text, handlingOpinion: Text },
);
export const CaseAccepted = event('CaseAccepted', { at: InstantC }, { reason: Text });
export const CaseRejected = event('CaseRejected', { at: InstantC }, { reason: Text });
export const CaseAssigned = event(
  'CaseAssigned',
  {
    responsibleUnit: Text,
    responsibleLeaderId: Id,
    responsiblePerson: Text,
    measures: Text,
    deadline: LocalDateC,
    at: InstantC,
  },
  {},
);
export const CasePackaged = event(
  'CasePackaged',
  {
    leaderId: Id,
    at: InstantC,
    /** 四包: the leader takes on all four at once, as the campaign plan requires. */
    responsibilities: t.array(t.keyof({ situation: null, education: null, resolution: null, closure: null })),
  },
  {},
);
export const FiveOnesRecorded = event('FiveOnesRecorded', { item: FiveOnesItem, detail: Text, at: InstantC }, {});
export const CaseTransferred = event('CaseTransferred', { toUnit: Text, at: InstantC }, { note: Text });
/** `notice`: a printed written notice (notice.ts) — which one, from which template version, printed by whom. */
export const PetitionerNotified = event('PetitionerNotified', { at: InstantC, content: Text }, { notice: NoticeRecord });
export const ProgressRecorded = event('ProgressRecorded', { at: InstantC, note: Text }, {});
export const DeadlineExtended = event(
  'DeadlineExtended',
  { previousDeadline: LocalDateC, newDeadline: LocalDateC, reason: Text, approvedBy: Text, at: InstantC },
  {},
);
export const CaseResolved = event(
  'CaseResolved',
  { at: InstantC, method: ResolutionMethod, level: ResolutionLevel, outcome: ResolutionOutcome, summary: Text },
  {},
);
export const SatisfactionRecorded = event('SatisfactionRecorded', { at: InstantC, satisfied: t.boolean }, {});
export const RepeatPetitionRecorded = event(
  'RepeatPetitionRecorded',
  {
    at: InstantC,
    channel: Channel,
    /** false on a final case: recorded, but not accepted again (不再受理). */
    accepted: t.boolean,
  },
  { visitId: Id },
);
export const EscalationRecorded = event(
  'EscalationRecorded',
  { at: InstantC, level: EscalationLevel, collective: t.boolean, abnormal: t.boolean },
  {},
);
export const CaseReopened = event(
  'CaseReopened',
  {
    at: InstantC,
    reason: Text,
    /** `reopen`: the explicit command (a backlog reason of its own); `repeat`: a repeat petition reopened it. */
    cause: t.keyof({ reopen: null, repeat: null }),
  },
  {},
);
export const ReviewRequested = event('ReviewRequested', { level: ReviewLevel, at: InstantC }, {});
export const ReviewDecided = event(
  'ReviewDecided',
  { level: ReviewLevel, at: InstantC, outcome: ReviewOutcome, final: t.boolean },
  {},
);
export const CaseClosed = event('CaseClosed', { at: InstantC }, {});

export const CaseEvent = t.union(
  [
    CaseRegistered,
    VisitRecorded,
    CaseAccepted,
    CaseRejected,
    CaseAssigned,
    CasePackaged,
    FiveOnesRecorded,
    CaseTransferred,
    PetitionerNotified,
    ProgressRecorded,
    DeadlineExtended,
    CaseResolved,
    SatisfactionRecorded,
    RepeatPetitionRecorded,
    EscalationRecorded,
    CaseReopened,
    ReviewRequested,
    ReviewDecided,
    CaseClosed,
  ],
  'CaseEvent',
);
export type CaseEvent = t.TypeOf<typeof CaseEvent>;
export type CaseEventOf<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>;

/** The business time of a case event: when it happened, not when it was typed in. */
export const caseEventTime = (e: CaseEvent): string => {
  switch (e.type) {
    case 'CaseRegistered':
      return e.data.registeredAt;
    case 'VisitRecorded':
      return e.data.receivedAt;
    default:
      return e.data.at;
  }
};

export const caseStream = (caseId: string): string => `case-${caseId}`;
