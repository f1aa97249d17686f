import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, InstantC, Text, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';
import { IncidentType } from './vocabulary';

/*
 * An incident that breaks the "三个不发生" goal (a mass petition, an extreme act, an opinion hype).
 * The KPI counts them; each is its own stream because nothing about one constrains another.
 */

/** `POST /incidents`. The server makes up `incidentId` when the client leaves it out. */
export const RecordIncidentBody = struct(
  { type: IncidentType, at: InstantC, summary: Text },
  { incidentId: Id, caseId: Id },
  'RecordIncidentBody',
);
export type RecordIncidentBody = t.TypeOf<typeof RecordIncidentBody>;

const IncidentData = struct({ incidentId: Id, type: IncidentType, at: InstantC, summary: Text }, { caseId: Id });

export type IncidentCommand = { type: 'RecordIncident'; data: t.TypeOf<typeof IncidentData> };

export const IncidentRecorded = t.type({ type: t.literal('IncidentRecorded'), data: IncidentData }, 'IncidentRecorded');
export type IncidentRecorded = t.TypeOf<typeof IncidentRecorded>;

/** Every event of an incident stream (one kind so far). */
export const IncidentEvent = IncidentRecorded;
export type IncidentEvent = IncidentRecorded;

export type IncidentState = { status: 'none' } | ({ status: 'recorded' } & IncidentRecorded['data']);

export const incidentStream = (incidentId: string): string => `incident-${incidentId}`;

export const incidentEventTime = (event: IncidentEvent): string => event.data.at;

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: { status: 'none' },
  evolve: (state, event) =>
    event.type === 'IncidentRecorded' && state.status === 'none' ? { status: 'recorded', ...event.data } : state,
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordIncident': {
        const { incidentId, type, at, summary, caseId } = command.data;
        if (state.status !== 'none')
          return left(
            domainError('incidentAlreadyRecorded', '该事件已登记', 'the incident is already recorded', { incidentId }),
          );
        const data = { incidentId, type, at, summary };
        return right([{ type: 'IncidentRecorded', data: caseId === undefined ? data : { ...data, caseId } }]);
      }
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
