import type * as t from 'io-ts';
import { AssessmentEvent, assessmentDecider, assessmentEventTime } from './assessment';
import { caseDecider } from './case';
import { CaseEvent, caseEventTime } from './case-events';
import { CommunityEvent, communityDecider, communityEventTime } from './community';
import type { Decider } from './decider';
import { DutyEvent, dutyDecider, dutyEventTime } from './duty';
import { IncidentEvent, incidentDecider, incidentEventTime } from './incident';
import { InspectionEvent, inspectionDecider, inspectionEventTime } from './inspection';
import { LeaderEvent, leaderDecider, leaderEventTime } from './leader';
import { MatterLinkEvent, matterLinkDecider, matterLinkEventTime } from './matter-link';
import { NoticeTemplateEvent, noticeTemplateDecider, noticeTemplateEventTime } from './notice-template';
import { PersonEvent, personDecider, personEventTime } from './person';
import { ScreeningEvent, screeningDecider, screeningEventTime } from './screening';

/**
 * Every aggregate in one table: its stream prefix, its decider, the codec of its stored events and the
 * business time of each event. The command side (which stream a command goes to) and the read side
 * (which evolve folds a stored event) both look things up here, so an aggregate is declared once.
 */
export interface Aggregate<Command, Event, State> {
  /** Streams are named `<prefix>-<id…>`. */
  readonly prefix: string;
  readonly decider: Decider<Command, Event, State>;
  readonly eventCodec: t.Decoder<unknown, Event>;
  readonly eventTime: (event: Event) => string;
}

const aggregate = <C, E, S>(
  prefix: string,
  decider: Decider<C, E, S>,
  eventCodec: t.Decoder<unknown, E>,
  eventTime: (event: E) => string,
): Aggregate<C, E, S> => ({ prefix, decider, eventCodec, eventTime });

export const aggregates = {
  case: aggregate('case', caseDecider, CaseEvent, caseEventTime),
  person: aggregate('person', personDecider, PersonEvent, personEventTime),
  community: aggregate('community', communityDecider, CommunityEvent, communityEventTime),
  leader: aggregate('leader', leaderDecider, LeaderEvent, leaderEventTime),
  duty: aggregate('duty', dutyDecider, DutyEvent, dutyEventTime),
  screening: aggregate('screening', screeningDecider, ScreeningEvent, screeningEventTime),
  incident: aggregate('incident', incidentDecider, IncidentEvent, incidentEventTime),
  inspection: aggregate('inspection', inspectionDecider, InspectionEvent, inspectionEventTime),
  assessment: aggregate('assessment', assessmentDecider, AssessmentEvent, assessmentEventTime),
  matter: aggregate('matter', matterLinkDecider, MatterLinkEvent, matterLinkEventTime),
  noticeTemplates: aggregate('notice', noticeTemplateDecider, NoticeTemplateEvent, noticeTemplateEventTime),
} as const;

export type AggregateName = keyof typeof aggregates;
type AggregateOf<N extends AggregateName> = (typeof aggregates)[N];
export type StateOf<N extends AggregateName> = AggregateOf<N>['decider']['initialState'];
export type EventOf<N extends AggregateName> = Parameters<AggregateOf<N>['decider']['evolve']>[1];
export type CommandOf<N extends AggregateName> = Parameters<AggregateOf<N>['decider']['decide']>[0];

const byPrefix = new Map<string, AggregateName>(
  (Object.keys(aggregates) as AggregateName[]).map((name) => [aggregates[name].prefix, name]),
);

/** The aggregate a stream belongs to (`case-c1` → `case`), or undefined for a stream of no aggregate. */
export const aggregateOfStream = (streamId: string): AggregateName | undefined => {
  const dash = streamId.indexOf('-');
  return dash <= 0 ? undefined : byPrefix.get(streamId.slice(0, dash));
};
