import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { aggregateOfStream } from './aggregates';
import { ASSESSMENT_STREAM, SetAssessmentWeightsBody, assessmentDecider, defaultAssessmentTable, type AssessmentCommand } from './assessment';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import { decodeWith } from './validation';

const spec = deciderSpec(assessmentDecider);
const at = '2024-10-01T09:00:00+08:00';
const table = { ...defaultAssessmentTable, incidents: { weight: 30, penalty: 100 } };
const set = (data = { table, at }): AssessmentCommand => ({ type: 'SetAssessmentWeights', data });

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(SetAssessmentWeightsBody, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('the assessment table', () => {
  it('has default weights summing to 100', () => {
    expect(Object.values(defaultAssessmentTable).reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it('is set as a whole, each time anew, and kept in the order set', () => {
    const first = { type: 'AssessmentWeightsSet' as const, data: { table, at } };
    expectEvents(spec.given([]).when(set()), [first]);
    const later = { table: defaultAssessmentTable, at: '2024-11-01T09:00:00+08:00' };
    expectEvents(spec.given([first]).when(set(later)), [{ type: 'AssessmentWeightsSet', data: later }]);
    const state = fold(assessmentDecider, [first, { type: 'AssessmentWeightsSet', data: later }]);
    expect(state).toEqual({ status: 'set', tables: [{ table, at }, later] });
    expect(aggregateOfStream(ASSESSMENT_STREAM)).toBe('assessment');
  });

  it('refuses weights that are all 0 (nothing would be assessed)', () => {
    const zero = Object.fromEntries(Object.entries(table).map(([k, c]) => [k, { ...c, weight: 0 }])) as typeof table;
    expectRefusal(spec.given([]).when(set({ table: zero, at })), 'allWeightsZero');
  });

  it('names each bad weight or penalty, and a criterion left out', () => {
    expect(badPaths({ table: { ...table, escalations: { weight: -1, penalty: 25 } }, at })).toEqual(['table.escalations.weight']);
    expect(badPaths({ table: { ...table, timelyAcceptance: { weight: 2.5 } }, at })).toEqual(['table.timelyAcceptance.weight']);
    expect(badPaths({ table: { ...table, incidents: { weight: 10, penalty: 101 } }, at })).toEqual(['table.incidents.penalty']);
    const { onTimeResolution: _left, ...missing } = table;
    expect(badPaths({ table: missing, at })).toEqual(['table.onTimeResolution']);
    expect(badPaths({ table, at: 'yesterday' })).toEqual(['at']);
  });
});
