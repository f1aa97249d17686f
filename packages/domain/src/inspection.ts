import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, InstantC, LocalDateC, Text, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';
import { compareInstants, dayOf } from './time';

/*
 * A supervision finding of the 纪工委 on a unit (`"subdistrict"` or a communityId), with the date by
 * which it must be put right, and the rectifications (整改) reported against it. A finding may take
 * several rounds of rectification, so each is kept.
 */

/** `POST /inspections`. The server makes up `inspectionId` when the client leaves it out. */
export const RecordInspectionBody = struct(
  { unit: Id, finding: Text, at: InstantC, dueDate: LocalDateC },
  { inspectionId: Id },
  'RecordInspectionBody',
);
export type RecordInspectionBody = t.TypeOf<typeof RecordInspectionBody>;

/** `POST /inspections/{id}/rectification`: the id comes from the path. */
export const RecordRectificationBody = struct({ at: InstantC, note: Text }, {}, 'RecordRectificationBody');
export type RecordRectificationBody = t.TypeOf<typeof RecordRectificationBody>;

const InspectionData = struct({ inspectionId: Id, unit: Id, finding: Text, at: InstantC, dueDate: LocalDateC }, {});
const RectificationData = struct({ inspectionId: Id, at: InstantC, note: Text }, {});

export type InspectionCommand =
  | { type: 'RecordInspection'; data: t.TypeOf<typeof InspectionData> }
  | { type: 'RecordRectification'; data: t.TypeOf<typeof RectificationData> };

export const InspectionRecorded = t.type(
  { type: t.literal('InspectionRecorded'), data: InspectionData },
  'InspectionRecorded',
);
export type InspectionRecorded = t.TypeOf<typeof InspectionRecorded>;
export const RectificationRecorded = t.type(
  { type: t.literal('RectificationRecorded'), data: RectificationData },
  'RectificationRecorded',
);
export type RectificationRecorded = t.TypeOf<typeof RectificationRecorded>;

export const InspectionEvent = t.union([InspectionRecorded, RectificationRecorded], 'InspectionEvent');
export type InspectionEvent = t.TypeOf<typeof InspectionEvent>;

export type InspectionState =
  | { status: 'none' }
  | (InspectionRecorded['data'] & {
      status: 'recorded';
      /** True from the first rectification on; the list keeps every round. */
      rectified: boolean;
      rectifications: readonly { at: string; note: string }[];
    });

export const inspectionStream = (inspectionId: string): string => `inspection-${inspectionId}`;

export const inspectionEventTime = (event: InspectionEvent): string => event.data.at;

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'InspectionRecorded':
        return state.status === 'none'
          ? { status: 'recorded', ...event.data, rectified: false, rectifications: [] }
          : state;
      case 'RectificationRecorded': {
        if (state.status !== 'recorded') return state;
        const { at, note } = event.data;
        return { ...state, rectified: true, rectifications: [...state.rectifications, { at, note }] };
      }
      default:
        return state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordInspection': {
        const { inspectionId, unit, finding, at, dueDate } = command.data;
        if (state.status !== 'none')
          return left(
            domainError('inspectionAlreadyRecorded', '该督查记录已存在', 'the inspection is already recorded', {
              inspectionId,
            }),
          );
        if (dueDate < dayOf(at))
          return left(
            domainError('dueDateBeforeFinding', '整改期限早于发现问题日期', 'the due date is before the finding', {
              at,
              dueDate,
            }),
          );
        return right([{ type: 'InspectionRecorded', data: { inspectionId, unit, finding, at, dueDate } }]);
      }
      case 'RecordRectification': {
        const { inspectionId, at, note } = command.data;
        if (state.status !== 'recorded')
          return left(domainError('inspectionNotFound', '未找到该督查记录', 'no such inspection', { inspectionId }));
        if (compareInstants(at, state.at) < 0)
          return left(
            domainError(
              'rectificationBeforeFinding',
              '整改时间早于发现问题时间',
              'the rectification is dated before the finding',
              { at, findingAt: state.at },
            ),
          );
        return right([{ type: 'RectificationRecorded', data: { inspectionId, at, note } }]);
      }
      default:
        return assertNever(command);
    }
  },
};
