import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  IncidentEvent,
  RecordIncidentBody,
  incidentDecider,
  incidentEventTime,
  incidentStream,
  type IncidentCommand,
  type IncidentEvent as Event,
} from './incident';
import { decodeWith } from './validation';

const spec = deciderSpec(incidentDecider);
const incident = {
  incidentId: 'i1',
  type: 'massPetition' as const,
  at: '2024-09-20T09:00:00+08:00',
  summary: '三十余人到区政府集体上访',
};
const record: IncidentCommand = { type: 'RecordIncident', data: incident };
const recorded: Event = { type: 'IncidentRecorded', data: incident };

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(RecordIncidentBody, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('incident', () => {
  it('records an incident, with or without its case', () => {
    expectEvents(spec.given([]).when(record), [recorded]);
    const data = { ...incident, caseId: 'c1' };
    expectEvents(spec.given([]).when({ type: 'RecordIncident', data }), [{ type: 'IncidentRecorded', data }]);
  });

  it('refuses to record the same incident twice', () => {
    expectRefusal(spec.given([recorded]).when(record), 'incidentAlreadyRecorded');
  });

  it('folds to the recorded incident and ignores a second one', () => {
    const other: Event = { type: 'IncidentRecorded', data: { ...incident, type: 'opinionHype' } };
    expect(fold(incidentDecider, [recorded, other])).toEqual({ status: 'recorded', ...incident });
  });

  it('names its stream and the business time of its event', () => {
    expect(incidentStream('i1')).toBe('incident-i1');
    expect(incidentEventTime(recorded)).toBe(incident.at);
  });

  it('decodes a good body (the id is optional) and its stored event', () => {
    const { incidentId: _, ...body } = incident;
    expect(decodeWith(RecordIncidentBody, body)).toEqual({ _tag: 'Right', right: body });
    expect(isRight(IncidentEvent.decode(recorded))).toBe(true);
    expect(isRight(IncidentEvent.decode({ ...recorded, data: body }))).toBe(false); // the event needs its id
  });

  it('names the path of a missing field, a wrong type and an unknown type of incident', () => {
    expect(badPaths({ type: 'massPetition', at: incident.at })).toEqual(['summary']);
    expect(badPaths({ ...incident, caseId: 42 })).toEqual(['caseId']);
    expect(badPaths({ ...incident, type: 'riot' })).toEqual(['type']);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => incidentDecider.decide({ type: 'Bogus' } as never, incidentDecider.initialState)).toThrow(/Bogus/);
  });

  it('ignores an event it does not know', () => {
    expect(incidentDecider.evolve(incidentDecider.initialState, { type: 'Unknown' } as never)).toBe(
      incidentDecider.initialState,
    );
  });
});
