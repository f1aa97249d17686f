import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  ScreeningEvent,
  SubmitScreeningReportBody,
  screeningDecider,
  screeningEventTime,
  screeningStream,
  type ScreeningCommand,
  type ScreeningEvent as Event,
} from './screening';
import { decodeWith } from './validation';

const spec = deciderSpec(screeningDecider);
const report = { communityId: 'qingyang-1', reportDate: '2024-09-18', caseIds: ['c1', 'c2'] };
const submit = (data: Partial<ScreeningCommand['data']> = {}): ScreeningCommand => ({
  type: 'SubmitScreeningReport',
  data: { ...report, ...data },
});
const submitted: Event = { type: 'ScreeningReportSubmitted', data: { ...report, nil: false } };
const nilReport: Event = { type: 'ScreeningReportSubmitted', data: { ...report, caseIds: [], nil: true } };

const badPaths = (input: unknown): string[] => {
  const result = decodeWith(SubmitScreeningReportBody, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('screening', () => {
  it('submits a report of cases, nil normalised to false', () => {
    expectEvents(spec.given([]).when(submit()), [submitted]);
    expectEvents(spec.given([]).when(submit({ nil: false })), [submitted]);
  });

  it('submits a nil report (零报告)', () => {
    expectEvents(spec.given([]).when(submit({ caseIds: [], nil: true })), [nilReport]);
  });

  it('refuses a second report for the same community and day', () => {
    expectRefusal(spec.given([submitted]).when(submit({ caseIds: ['c3'] })), 'reportAlreadySubmitted');
    expectRefusal(spec.given([nilReport]).when(submit()), 'reportAlreadySubmitted');
  });

  it('refuses a nil report that lists cases, and an empty report not marked nil', () => {
    expectRefusal(spec.given([]).when(submit({ nil: true })), 'nilReportWithCases');
    expectRefusal(spec.given([]).when(submit({ caseIds: [] })), 'emptyReportNotNil');
    expectRefusal(spec.given([]).when(submit({ caseIds: [], nil: false })), 'emptyReportNotNil');
  });

  it('refuses a case listed twice', () => {
    const refusal = expectRefusal(
      spec.given([]).when(submit({ caseIds: ['c1', 'c2', 'c1'] })),
      'duplicateCaseInReport',
    );
    expect(refusal.details).toEqual({ caseId: 'c1' });
  });

  it('folds to the submitted report and ignores a second one', () => {
    expect(fold(screeningDecider, [])).toEqual({ status: 'none' });
    expect(fold(screeningDecider, [submitted, nilReport])).toEqual({ status: 'submitted', ...submitted.data });
  });

  it('names its stream, and dates its event at the start of the report day in Shanghai', () => {
    expect(screeningStream('qingyang-1', '2024-09-18')).toBe('screening-qingyang-1-2024-09-18');
    expect(screeningEventTime(submitted)).toBe('2024-09-18T00:00:00+08:00');
  });

  it('decodes a good body and its stored event', () => {
    expect(decodeWith(SubmitScreeningReportBody, { ...report, caseIds: [], nil: true })).toEqual({
      _tag: 'Right',
      right: { ...report, caseIds: [], nil: true },
    });
    expect(isRight(ScreeningEvent.decode(submitted))).toBe(true);
    expect(isRight(ScreeningEvent.decode({ ...submitted, data: report }))).toBe(false); // nil is written out
  });

  it('names the path of a missing field, a wrong type and a bad item', () => {
    expect(badPaths({ communityId: 'qingyang-1', reportDate: '2024-09-18' })).toEqual(['caseIds']);
    expect(badPaths({ ...report, nil: 'yes' })).toEqual(['nil']);
    expect(badPaths({ ...report, reportDate: '18/09/2024' })).toEqual(['reportDate']);
    expect(badPaths({ ...report, caseIds: ['c1', 'c 2'] })).toEqual(['caseIds.1']);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => screeningDecider.decide({ type: 'Bogus' } as never, screeningDecider.initialState)).toThrow(/Bogus/);
  });

  it('ignores an event it does not know', () => {
    expect(screeningDecider.evolve(screeningDecider.initialState, { type: 'Unknown' } as never)).toBe(
      screeningDecider.initialState,
    );
  });
});
