import * as t from 'io-ts';
import { left, right } from 'fp-ts/Either';
import { Id, LocalDateC, boundedArray, struct } from './codecs';
import { assertNever, type Decider } from './decider';
import { domainError } from './errors';
import { startOfDay } from './time';

/*
 * A community's screening report (排查报送) for one day — due every Wednesday and Friday — listing the
 * cases it sends to the office, or saying explicitly that there is nothing (零报告). A nil report is
 * a report: "nothing to report" must be told apart from "did not report".
 */

/** The most cases one report sends: far above a community's day, low enough to bound one request. */
export const REPORTED_CASES_MAX = 10_000;

/** `POST /screening-reports`. */
export const SubmitScreeningReportBody = struct(
  {
    communityId: Id,
    reportDate: LocalDateC,
    caseIds: boundedArray(Id, { minItems: 0, maxItems: REPORTED_CASES_MAX }),
  },
  { nil: t.boolean },
  'SubmitScreeningReportBody',
);
export type SubmitScreeningReportBody = t.TypeOf<typeof SubmitScreeningReportBody>;

export type ScreeningCommand = { type: 'SubmitScreeningReport'; data: SubmitScreeningReportBody };

export const ScreeningReportSubmitted = t.type(
  {
    type: t.literal('ScreeningReportSubmitted'),
    data: struct({ communityId: Id, reportDate: LocalDateC, caseIds: t.array(Id), nil: t.boolean }, {}),
  },
  'ScreeningReportSubmitted',
);
export type ScreeningReportSubmitted = t.TypeOf<typeof ScreeningReportSubmitted>;

/** Every event of a screening stream (one kind so far). */
export const ScreeningEvent = ScreeningReportSubmitted;
export type ScreeningEvent = ScreeningReportSubmitted;

export type ScreeningState = { status: 'none' } | ({ status: 'submitted' } & ScreeningReportSubmitted['data']);

export const screeningStream = (communityId: string, reportDate: string): string =>
  `screening-${communityId}-${reportDate}`;

/** A report is for a day; when in that day it was sent does not matter to the Wednesday/Friday rule. */
export const screeningEventTime = (event: ScreeningEvent): string => startOfDay(event.data.reportDate);

export const screeningDecider: Decider<ScreeningCommand, ScreeningEvent, ScreeningState> = {
  initialState: { status: 'none' },
  evolve: (state, event) =>
    event.type === 'ScreeningReportSubmitted' && state.status === 'none'
      ? { status: 'submitted', ...event.data }
      : state,
  decide: (command, state) => {
    switch (command.type) {
      case 'SubmitScreeningReport': {
        const { communityId, reportDate, caseIds, nil = false } = command.data;
        // One report per community and day: a later addition is a new case, which the next report lists.
        if (state.status !== 'none')
          return left(
            domainError(
              'reportAlreadySubmitted',
              '该日排查报告已报送',
              'the report for this day was already submitted',
              { communityId, reportDate },
            ),
          );
        if (nil && caseIds.length > 0)
          return left(domainError('nilReportWithCases', '零报告不能列有事项', 'a nil report cannot list cases'));
        if (!nil && caseIds.length === 0)
          return left(
            domainError(
              'emptyReportNotNil',
              '未列事项的报告须标明为零报告',
              'a report without cases must be marked nil',
            ),
          );
        const duplicate = caseIds.find((caseId, i) => caseIds.indexOf(caseId) !== i);
        if (duplicate !== undefined)
          return left(
            domainError('duplicateCaseInReport', '报告中事项重复', 'a case appears twice in the report', {
              caseId: duplicate,
            }),
          );
        return right([
          { type: 'ScreeningReportSubmitted', data: { communityId, reportDate, caseIds: [...caseIds], nil } },
        ]);
      }
      default:
        return assertNever(command.type); // one kind of command: TypeScript narrows its tag, not the command
    }
  },
};
