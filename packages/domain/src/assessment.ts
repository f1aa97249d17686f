import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { InstantC, Points } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';

/*
 * The community assessment's table (the plan: the campaign's results count in each community's quarterly
 * and yearly assessment): for each criterion its weight, and for a criterion that counts what should not
 * happen, the points each occurrence takes off. The office changes the table without a release: each
 * change is an event of the one stream `assessment-weights`, so an assessment as of T uses the table in
 * force at T, and the log shows who changed it and when. The formula: docs/ASSESSMENT.md.
 */

/** The criteria, each scored from one KPI of the community for the window (their labels are the KPIs'). */
export const assessmentCriteria = ['screeningReports', 'timelyAcceptance', 'onTimeResolution', 'repeatPetitions', 'escalations', 'incidents'] as const;
export type AssessmentCriterion = (typeof assessmentCriteria)[number];

/** A criterion scored from a rate: its weight. */
const RateCriterion = t.exact(t.type({ weight: Points }), 'RateCriterion');
/** A criterion scored from a count: its weight, and the points each occurrence takes off its 100. */
const CountCriterion = t.exact(t.type({ weight: Points, penalty: Points }), 'CountCriterion');

export const AssessmentTable = t.exact(
  t.type({
    screeningReports: RateCriterion,
    timelyAcceptance: RateCriterion,
    onTimeResolution: RateCriterion,
    repeatPetitions: CountCriterion,
    escalations: CountCriterion,
    incidents: CountCriterion,
  }),
  'AssessmentTable',
);
export type AssessmentTable = t.TypeOf<typeof AssessmentTable>;

/** The table before the office sets one (docs/ASSESSMENT.md): weights summing to 100. */
export const defaultAssessmentTable: AssessmentTable = {
  screeningReports: { weight: 20 },
  timelyAcceptance: { weight: 15 },
  onTimeResolution: { weight: 20 },
  repeatPetitions: { weight: 15, penalty: 10 },
  escalations: { weight: 20, penalty: 25 },
  incidents: { weight: 10, penalty: 50 },
};

/** `POST /assessment/weights`: the whole table, and from when it counts (business time). */
export const SetAssessmentWeightsBody = t.exact(t.type({ table: AssessmentTable, at: InstantC }), 'SetAssessmentWeightsBody');
export type SetAssessmentWeightsBody = t.TypeOf<typeof SetAssessmentWeightsBody>;

export type AssessmentCommand = { type: 'SetAssessmentWeights'; data: SetAssessmentWeightsBody };

export const AssessmentWeightsSet = t.type(
  { type: t.literal('AssessmentWeightsSet'), data: t.exact(t.type({ table: AssessmentTable, at: InstantC })) },
  'AssessmentWeightsSet',
);
export type AssessmentWeightsSet = t.TypeOf<typeof AssessmentWeightsSet>;

/** Every event of the assessment stream (one kind so far). */
export const AssessmentEvent = AssessmentWeightsSet;
export type AssessmentEvent = AssessmentWeightsSet;

/** Every table set, in the order set (an assessment as of T takes the latest whose `at` is not after T). */
export type AssessmentState = { status: 'none' } | { status: 'set'; tables: readonly AssessmentWeightsSet['data'][] };

/** The one stream of the table. */
export const ASSESSMENT_STREAM = 'assessment-weights';

export const assessmentEventTime = (event: AssessmentEvent): string => event.data.at;

export const assessmentDecider: Decider<AssessmentCommand, AssessmentEvent, AssessmentState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => ({ status: 'set', tables: [...(state.status === 'set' ? state.tables : []), event.data] }),
  decide: (command, _state) => {
    switch (command.type) {
      case 'SetAssessmentWeights': {
        const { table, at } = command.data;
        if (Object.values(table).every((criterion) => criterion.weight === 0))
          return left(domainError('allWeightsZero', '权重不能全部为 0', 'the weights must not all be 0', { field: 'table' }));
        return right([{ type: 'AssessmentWeightsSet', data: { table, at } }]);
      }
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
