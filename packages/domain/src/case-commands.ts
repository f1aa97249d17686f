import * as t from 'io-ts';
import { Count, Id, InstantC, LocalDateC, SHORT_LIST_MAX, Text, boundedArray, nonEmptyArray, struct } from './codecs';
import { NoticeKind } from './notice-kind';
import { PetitionerInput } from './person';
import {
  AcceptanceDecision,
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
 * The commands on a case (`case-<id>`). Each `…Body` codec is the HTTP body of API.md; the command the
 * decider takes is the body plus what the server resolved: the case id, and petitioners as references to
 * their person files, because personal data lives only in the (encrypted) person stream.
 */

/** A petitioner as a case or a visit refers to it: their person file. */
export const PetitionerRef = t.type({ personId: Id }, 'PetitionerRef');
export type PetitionerRef = t.TypeOf<typeof PetitionerRef>;

/** The most petitioners one case or visit names: far above any joint petition, low enough to bound one request. */
export const PETITIONERS_MAX = 1_000;

const PetitionerRefs = nonEmptyArray(PetitionerRef, 'PetitionerRefs', PETITIONERS_MAX);

const PetitionerInputs = nonEmptyArray(PetitionerInput, 'PetitionerInputs', PETITIONERS_MAX);

// What a new case says about itself, shared by the HTTP body and the command (which differ only in how
// the petitioners are given and in whether the case id is known yet).
const caseFields = { origin: Origin, communityId: Id, category: Category, summary: Text, registeredAt: InstantC };
const optionalCaseFields = {
  gridId: Id,
  demands: Text,
  peopleCount: Count,
  riskFlags: boundedArray(RiskFlag, { minItems: 0, maxItems: SHORT_LIST_MAX }),
  patterns: boundedArray(Pattern, { minItems: 0, maxItems: SHORT_LIST_MAX }),
  firstPetition: t.boolean,
};

/**
 * `POST /cases`. Petitioners come with their personal data; the server turns each into a reference to a
 * person file (an existing `personId`, a known id number matched by its keyed hash, or a new file).
 */
export const RegisterCaseBody = struct(
  { ...caseFields, petitioners: PetitionerInputs },
  { caseId: Id, ...optionalCaseFields },
  'RegisterCaseBody',
);
export type RegisterCaseBody = t.TypeOf<typeof RegisterCaseBody>;

export const RegisterCaseData = struct(
  { caseId: Id, ...caseFields, petitioners: PetitionerRefs },
  optionalCaseFields,
  'RegisterCase',
);
export type RegisterCaseData = t.TypeOf<typeof RegisterCaseData>;

const visitFields = { leaderId: Id, receivedAt: InstantC, location: Text, visitorCount: Count, matter: Text };
const optionalVisitFields = { communityId: Id, category: Category, demands: Text, handlingOpinion: Text };

/** `POST /visits`: without `caseId` it registers a new case with origin `visit`. */
export const RecordVisitBody = struct(
  { ...visitFields, petitioners: PetitionerInputs },
  { visitId: Id, caseId: Id, ...optionalVisitFields },
  'RecordVisitBody',
);
export type RecordVisitBody = t.TypeOf<typeof RecordVisitBody>;

export const RecordVisitData = struct(
  { caseId: Id, visitId: Id, ...visitFields, petitioners: PetitionerRefs },
  {
    ...optionalVisitFields,
    /** The client named the case: it must exist (a visit never creates a case the client thought was there). */
    onExistingCase: t.boolean,
  },
  'RecordVisit',
);
export type RecordVisitData = t.TypeOf<typeof RecordVisitData>;

export const DecideAcceptanceBody = struct({ decision: AcceptanceDecision, at: InstantC }, { reason: Text }, 'DecideAcceptance');
export const AssignCaseBody = struct(
  {
    responsibleUnit: Text,
    responsibleLeaderId: Id,
    responsiblePerson: Text,
    measures: Text,
    deadline: LocalDateC,
    at: InstantC,
  },
  {},
  'AssignCase',
);
export const PackageCaseBody = struct({ leaderId: Id, at: InstantC }, {}, 'PackageCase');
export const RecordFiveOnesBody = struct({ item: FiveOnesItem, detail: Text, at: InstantC }, {}, 'RecordFiveOnes');
export const TransferCaseBody = struct({ toUnit: Text, at: InstantC }, { note: Text }, 'TransferCase');
export const NotifyPetitionerBody = struct({ at: InstantC, content: Text }, {}, 'NotifyPetitioner');
export const RecordProgressBody = struct({ at: InstantC, note: Text }, {}, 'RecordProgress');
export const ExtendDeadlineBody = struct(
  { newDeadline: LocalDateC, reason: Text, approvedBy: Text, at: InstantC },
  {},
  'ExtendDeadline',
);
export const ResolveCaseBody = struct(
  { at: InstantC, method: ResolutionMethod, level: ResolutionLevel, outcome: ResolutionOutcome, summary: Text },
  {},
  'ResolveCase',
);
export const RecordSatisfactionBody = struct({ at: InstantC, satisfied: t.boolean }, {}, 'RecordSatisfaction');
export const RecordRepeatBody = struct({ at: InstantC, channel: Channel }, {}, 'RecordRepeat');
export const RecordEscalationBody = struct(
  { at: InstantC, level: EscalationLevel },
  { collective: t.boolean, abnormal: t.boolean },
  'RecordEscalation',
);
export const ReopenCaseBody = struct({ at: InstantC, reason: Text }, {}, 'ReopenCase');
export const RequestReviewBody = struct({ level: ReviewLevel, at: InstantC }, {}, 'RequestReview');
export const DecideReviewBody = struct({ level: ReviewLevel, at: InstantC, outcome: ReviewOutcome }, {}, 'DecideReview');
export const CloseCaseBody = struct({ at: InstantC }, {}, 'CloseCase');
/** `POST /cases/{id}/notices`: print a written notice of this kind (recorded on the case). */
export const IssueNoticeBody = struct({ kind: NoticeKind, at: InstantC }, {}, 'IssueNoticeBody');
export type IssueNoticeData = t.TypeOf<typeof IssueNoticeBody> & { caseId: string; templateVersion: number; issuedBy: string };

type Body<C extends t.Mixed> = t.TypeOf<C>;
/** A command on an existing case: its body plus the case id from the path. */
type OnCase<Type extends string, C extends t.Mixed> = { type: Type; data: Body<C> & { caseId: string } };

export type CaseCommand =
  | { type: 'RegisterCase'; data: RegisterCaseData }
  | { type: 'RecordVisit'; data: RecordVisitData }
  | OnCase<'DecideAcceptance', typeof DecideAcceptanceBody>
  | OnCase<'AssignCase', typeof AssignCaseBody>
  | OnCase<'PackageCase', typeof PackageCaseBody>
  | OnCase<'RecordFiveOnes', typeof RecordFiveOnesBody>
  | OnCase<'TransferCase', typeof TransferCaseBody>
  | OnCase<'NotifyPetitioner', typeof NotifyPetitionerBody>
  | OnCase<'RecordProgress', typeof RecordProgressBody>
  | OnCase<'ExtendDeadline', typeof ExtendDeadlineBody>
  | OnCase<'ResolveCase', typeof ResolveCaseBody>
  | OnCase<'RecordSatisfaction', typeof RecordSatisfactionBody>
  | OnCase<'RecordRepeat', typeof RecordRepeatBody>
  | OnCase<'RecordEscalation', typeof RecordEscalationBody>
  | OnCase<'ReopenCase', typeof ReopenCaseBody>
  | OnCase<'RequestReview', typeof RequestReviewBody>
  | OnCase<'DecideReview', typeof DecideReviewBody>
  | OnCase<'CloseCase', typeof CloseCaseBody>
  /** Printing a written notice (notice.ts): the server fills in the template version and who printed it. */
  | { type: 'IssueNotice'; data: IssueNoticeData };

/** The body codec of each command on an existing case, keyed by command type: the HTTP layer's table. */
export const caseCommandBodies = {
  DecideAcceptance: DecideAcceptanceBody,
  AssignCase: AssignCaseBody,
  PackageCase: PackageCaseBody,
  RecordFiveOnes: RecordFiveOnesBody,
  TransferCase: TransferCaseBody,
  NotifyPetitioner: NotifyPetitionerBody,
  RecordProgress: RecordProgressBody,
  ExtendDeadline: ExtendDeadlineBody,
  ResolveCase: ResolveCaseBody,
  RecordSatisfaction: RecordSatisfactionBody,
  RecordRepeat: RecordRepeatBody,
  RecordEscalation: RecordEscalationBody,
  ReopenCase: ReopenCaseBody,
  RequestReview: RequestReviewBody,
  DecideReview: DecideReviewBody,
  CloseCase: CloseCaseBody,
} as const;

/** The path segment of each command on an existing case: `POST /cases/{id}/<segment>` (API.md). */
export const caseCommandSegments = {
  acceptance: 'DecideAcceptance',
  assignment: 'AssignCase',
  package: 'PackageCase',
  'five-ones': 'RecordFiveOnes',
  transfer: 'TransferCase',
  notice: 'NotifyPetitioner',
  progress: 'RecordProgress',
  extension: 'ExtendDeadline',
  resolution: 'ResolveCase',
  satisfaction: 'RecordSatisfaction',
  repeat: 'RecordRepeat',
  escalation: 'RecordEscalation',
  reopen: 'ReopenCase',
  review: 'RequestReview',
  'review-decision': 'DecideReview',
  closure: 'CloseCase',
} as const satisfies Record<string, keyof typeof caseCommandBodies>;
