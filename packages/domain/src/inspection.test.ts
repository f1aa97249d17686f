import { isRight } from 'fp-ts/Either';
import type { Type } from 'io-ts';
import { describe, expect, it } from 'vitest';
import { fold } from './decider';
import { deciderSpec, expectEvents, expectRefusal } from './decider-spec';
import {
  InspectionEvent,
  RecordInspectionBody,
  RecordRectificationBody,
  inspectionDecider,
  inspectionEventTime,
  inspectionStream,
  type InspectionCommand,
  type InspectionEvent as Event,
} from './inspection';
import { decodeWith } from './validation';

const spec = deciderSpec(inspectionDecider);
const finding = {
  inspectionId: 'x1',
  unit: 'qingyang-1',
  finding: '接访台账未按要求填写',
  at: '2024-09-25T15:00:00+08:00',
  dueDate: '2024-10-08',
};
const inspect = (data: Partial<typeof finding> = {}): InspectionCommand => ({
  type: 'RecordInspection',
  data: { ...finding, ...data },
});
const inspected: Event = { type: 'InspectionRecorded', data: finding };
const rectification = { inspectionId: 'x1', at: '2024-09-30T10:00:00+08:00', note: '已补齐台账' };
const rectify = (data: Partial<typeof rectification> = {}): InspectionCommand => ({
  type: 'RecordRectification',
  data: { ...rectification, ...data },
});
const rectified = (data: Partial<typeof rectification> = {}): Event => ({
  type: 'RectificationRecorded',
  data: { ...rectification, ...data },
});

const badPaths = <A, O>(codec: Type<A, O, unknown>, input: unknown): string[] => {
  const result = decodeWith(codec, input);
  return isRight(result) ? [] : result.left.map((error) => error.path);
};

describe('inspection', () => {
  it('records a finding, due the same day or later', () => {
    expectEvents(spec.given([]).when(inspect()), [inspected]);
    // The day of the finding is a Shanghai day: 23:30 UTC on the 24th is already the 25th there.
    const sameDay = { at: '2024-09-24T23:30:00Z', dueDate: '2024-09-25' };
    expectEvents(spec.given([]).when(inspect(sameDay)), [
      { type: 'InspectionRecorded', data: { ...finding, ...sameDay } },
    ]);
  });

  it('refuses to record the same inspection twice', () => {
    expectRefusal(spec.given([inspected]).when(inspect()), 'inspectionAlreadyRecorded');
  });

  it('refuses a due date before the day of the finding', () => {
    expectRefusal(spec.given([]).when(inspect({ dueDate: '2024-09-24' })), 'dueDateBeforeFinding');
  });

  it('records rectifications, more than one', () => {
    expectEvents(spec.given([inspected]).when(rectify()), [rectified()]);
    expectEvents(spec.given([inspected, rectified()]).when(rectify({ note: '复查合格' })), [
      rectified({ note: '复查合格' }),
    ]);
    expectEvents(spec.given([inspected]).when(rectify({ at: finding.at })), [rectified({ at: finding.at })]);
  });

  it('refuses a rectification of an unknown inspection, or dated before the finding', () => {
    expectRefusal(spec.given([]).when(rectify()), 'inspectionNotFound');
    expectRefusal(
      spec.given([inspected]).when(rectify({ at: '2024-09-25T14:59:59+08:00' })),
      'rectificationBeforeFinding',
    );
  });

  it('folds to the finding and its rectifications', () => {
    expect(fold(inspectionDecider, [inspected])).toEqual({
      status: 'recorded',
      ...finding,
      rectified: false,
      rectifications: [],
    });
    expect(fold(inspectionDecider, [inspected, rectified(), rectified({ note: '复查合格' })])).toEqual({
      status: 'recorded',
      ...finding,
      rectified: true,
      rectifications: [
        { at: rectification.at, note: '已补齐台账' },
        { at: rectification.at, note: '复查合格' },
      ],
    });
  });

  it('ignores events that do not apply', () => {
    expect(fold(inspectionDecider, [rectified()])).toEqual({ status: 'none' });
    const base = fold(inspectionDecider, [inspected]);
    expect(fold(inspectionDecider, [inspected, { ...inspected, data: { ...finding, finding: '另一个' } }])).toEqual(
      base,
    );
    expect(inspectionDecider.evolve(base, { type: 'Unknown' } as unknown as Event)).toBe(base);
  });

  it('names its stream and the business time of each event', () => {
    expect(inspectionStream('x1')).toBe('inspection-x1');
    expect(inspectionEventTime(inspected)).toBe(finding.at);
    expect(inspectionEventTime(rectified())).toBe(rectification.at);
  });

  it('decodes good bodies (the id is optional) and stored events', () => {
    const { inspectionId: _, ...body } = finding;
    expect(decodeWith(RecordInspectionBody, body)).toEqual({ _tag: 'Right', right: body });
    expect(decodeWith(RecordRectificationBody, { at: rectification.at, note: '已整改' })).toEqual({
      _tag: 'Right',
      right: { at: rectification.at, note: '已整改' },
    });
    for (const event of [inspected, rectified()]) expect(isRight(InspectionEvent.decode(event))).toBe(true);
  });

  it('names the path of a missing field, a wrong type and a bad value', () => {
    const { finding: _, ...withoutFinding } = finding;
    expect(badPaths(RecordInspectionBody, withoutFinding)).toEqual(['finding']);
    expect(badPaths(RecordInspectionBody, { ...finding, dueDate: '2024-10-8' })).toEqual(['dueDate']);
    expect(badPaths(RecordRectificationBody, { at: rectification.at, note: 5 })).toEqual(['note']);
  });

  it('throws on a command it does not know: a programming error, not a refusal', () => {
    expect(() => inspectionDecider.decide({ type: 'Bogus' } as never, inspectionDecider.initialState)).toThrow(/Bogus/);
  });
});
