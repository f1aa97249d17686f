import { isLeft } from 'fp-ts/Either';
import {
  caseErrors,
  caseStream,
  currentNoticeTemplate,
  ERASED_TEXT,
  foldCase,
  initialCaseState,
  NOTICE_TEMPLATES_STREAM,
  noticeTemplateAt,
  noticeValues,
  personStream,
  type CaseEvent,
  type Instant,
  type NoticeKind,
  type NoticeRecord,
} from '@xinfang/domain';
import type { CommandResult } from '@xinfang/event-store';
import { MISSING_PERSON_TEXT } from '@xinfang/projections';
import { noticeDocument, type NoticeDocument } from '@xinfang/reports';
import type { CommandContext } from './office';
import { fromDomainError, notFound } from './problem';
import type { Services } from './services';

/*
 * Printing a written notice (notice.ts of the domain), for the route, the case page and the CLI alike:
 * `issueNotice` records it on the case (with the template version in force and who printed it);
 * `printedNotice` fills it again from the case as it stood when it was printed, so a notice printed once
 * reads the same every time it is printed again, whatever the case or the templates became since.
 */

const CASE = '信访事项 / case';
const NOTICE = '告知书 / notice';

export interface PrintedNotice {
  readonly caseId: string;
  readonly at: Instant;
  readonly notice: NoticeRecord;
  readonly document: NoticeDocument;
}

/** Records the printing of a notice of this kind on the case; throws an HttpProblem when it is refused. */
export const issueNotice = async (
  services: Services,
  caseId: string,
  body: { readonly kind: NoticeKind; readonly at: Instant },
  context: CommandContext,
  issuedBy: string,
): Promise<{ readonly result: CommandResult; readonly notice: NoticeRecord }> => {
  const { state: templates } = await services.office.load('noticeTemplates', NOTICE_TEMPLATES_STREAM);
  const { version } = currentNoticeTemplate(templates, body.kind);
  const result = await services.office.execute(
    'case',
    caseStream(caseId),
    { type: 'IssueNotice', data: { caseId, kind: body.kind, at: body.at, templateVersion: version, issuedBy } },
    context,
    (state) => {
      if (state.status === 'none') throw fromDomainError(caseErrors.caseNotFound(caseId));
    },
  );
  const notice = noticeOf(result.events[0]?.data);
  if (notice === undefined) throw new Error(`case ${caseId}: the notice printed was not recorded as one`);
  return { result, notice };
};

/** The notice an event's data records, if it records one. */
export const noticeOf = (data: unknown): NoticeRecord | undefined =>
  typeof data === 'object' && data !== null && 'notice' in data ? (data as { notice: NoticeRecord }).notice : undefined;

/** The petitioners' names as the office reads them (a forgotten person's as `[已删除]`, one without a file as `[无档案]`, as everywhere). */
const namesOf = async (services: Services, personIds: readonly string[]): Promise<string[]> => {
  await services.database.keys.current();
  return Promise.all(
    personIds.map(async (personId) => {
      const { state } = await services.office.load('person', personStream(personId));
      if (state.status === 'none') return MISSING_PERSON_TEXT;
      return state.status === 'registered' ? (services.personalData.read(state)?.name ?? ERASED_TEXT) : ERASED_TEXT;
    }),
  );
};

/** The case's `number`th printed notice, filled as it was printed; a 404 where there is none. */
export const printedNotice = async (services: Services, caseId: string, number: number): Promise<PrintedNotice> => {
  const events = await services.store.readStream(caseStream(caseId));
  if (events.length === 0) throw notFound(CASE, caseId);
  const index = events.findIndex((e) => e.type === 'PetitionerNotified' && noticeOf(e.data)?.number === number);
  const recorded = events[index];
  const notice = noticeOf(recorded?.data);
  if (recorded === undefined || notice === undefined) throw notFound(NOTICE, `${caseId}-${number}`);
  const kase = foldCase(initialCaseState, events.slice(0, index + 1).map((e) => ({ type: e.type, data: e.data }) as CaseEvent));
  if (kase.status === 'none') throw notFound(CASE, caseId);
  const { state: templates } = await services.office.load('noticeTemplates', NOTICE_TEMPLATES_STREAM);
  const template = noticeTemplateAt(templates, notice.kind, notice.templateVersion);
  if (template === undefined) throw new Error(`notice ${caseId}-${number}: template ${notice.kind} v${notice.templateVersion} is not in the log`);
  const at = (recorded.data as { at: Instant }).at;
  const values = noticeValues(kase, notice.kind, {
    at,
    number,
    officeName: template.officeName,
    petitionerNames: await namesOf(services, kase.petitioners.map((p) => p.personId)),
  });
  if (isLeft(values)) throw fromDomainError(values.left);
  return { caseId, at, notice, document: noticeDocument(template, values.right) };
};
