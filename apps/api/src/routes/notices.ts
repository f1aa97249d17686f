import {
  currentNoticeTemplate,
  defaultNoticeTemplates,
  IssueNoticeBody,
  isNoticeNumber,
  NOTICE_TEMPLATES_STREAM,
  noticeKindLabels,
  noticeKinds,
  noticePlaceholders,
  requiredPlaceholders,
  SetNoticeTemplateBody,
} from '@xinfang/domain';
import { DOCX_CONTENT_TYPE, noticeDocx, noticeLines } from '@xinfang/reports';
import { officeOnly } from '../access';
import { commandContext, commandReply, priorResult } from '../command-context';
import { resource } from '../endpoint';
import { issueNotice, noticeOf, printedNotice } from '../notices';
import { badRequest } from '../problem';
import { kinds, param } from '../query-params';

/*
 * The written notices (告知书、意见书): `POST /cases/{id}/notices` prints one — recorded on the case as a
 * notice event (kind, number, template version, who) — and `GET /cases/{id}/notices/{number}` gives a
 * printed one again, as JSON or a Word document, filled as it was printed. `GET|POST /notices/templates`:
 * the office's templates (its name, seal text, wording), changed without a release. The office only:
 * a notice names the petitioner.
 */

const FORMATS = ['json', 'docx'] as const;

/** The path of a printed notice under `/api/v1`. */
export const noticePath = (caseId: string, number: number): string => `/cases/${encodeURIComponent(caseId)}/notices/${number}`;

export const caseNotices = resource('/cases')
  .on(
    {
      method: 'POST',
      path: '/{id}/notices',
      operationId: 'issueNotice',
      tag: 'cases',
      summary: { zh: '出具书面告知（受理、不予受理、转送交办、延期、处理意见、复查复核意见）', en: 'Print a written notice (acceptance, rejection, transfer, extension, opinion, review)' },
      notes: {
        zh: '按当前模板填入事项的情况，记入事项（告知事件：种类、编号、模板版本、出具人）；事项尚无该告知所述的结果时 422（nothingToNotify）。',
        en: 'Fills the template in force with the case’s facts and records it on the case (a notice event: kind, number, template version, who); 422 nothingToNotify when the case has nothing that notice tells of yet.',
      },
      body: IssueNoticeBody,
      example: { kind: 'acceptance', at: '2024-09-20T10:30:00+08:00' },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const context = commandContext(c);
      const reply = (result: Parameters<typeof commandReply>[2]) => {
        const notice = noticeOf(result.events[0]?.data);
        return commandReply(c, id, result, 201, notice === undefined ? {} : { notice, document: `/api/v1${noticePath(id, notice.number)}` });
      };
      const prior = await priorResult(c, context, (r) => noticeOf(r.events[0]?.data) !== undefined);
      if (prior !== undefined) return reply(prior);
      const { result } = await issueNotice(c.var.services, id, c.req.valid('json'), context, c.var.caller.name);
      return reply(result);
    },
  )
  .on(
    {
      method: 'GET',
      path: '/{id}/notices/{number}',
      operationId: 'getNotice',
      tag: 'cases',
      summary: { zh: '已出具的告知书（JSON 或 Word）', en: 'A printed notice (JSON or Word)' },
      notes: { zh: '按出具时的事项情况和模板版本重新生成，与当时一致。', en: 'Made again from the case as it stood and the template version used: the same as when it was printed.' },
      query: { format: param(kinds.oneOf(FORMATS, 'json'), { zh: 'json 或 docx（Word 文档）', en: 'json, or docx (a Word document)' }) },
      success: 200,
      reply: 'object',
      roles: officeOnly,
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const text = c.req.param('number') ?? '';
      if (!isNoticeNumber(text)) throw badRequest([{ path: 'number', message: '应为告知书编号（正整数）/ expected the notice number (a whole number ≥ 1)' }]);
      const printed = await printedNotice(c.var.services, id, Number(text));
      if (c.req.valid('query').format !== 'docx') return c.json({ ...printed, lines: noticeLines(printed.document) });
      const title = `${printed.document.title}-${id}-${printed.notice.number}`;
      return c.body(new Uint8Array(await noticeDocx(printed.document)), 200, {
        'content-type': DOCX_CONTENT_TYPE,
        'content-disposition': `attachment; filename="notice-${encodeURIComponent(id)}-${printed.notice.number}.docx"; filename*=UTF-8''${encodeURIComponent(`${title}.docx`)}`,
      });
    },
  );

export const noticeTemplates = resource('/notices')
  .on(
    {
      method: 'GET',
      path: '/templates',
      operationId: 'noticeTemplates',
      tag: 'cases',
      summary: { zh: '告知书模板（当前版本、可用占位符）', en: 'The notice templates: the version in force, the placeholders each may use' },
      success: 200,
      reply: 'object',
      roles: officeOnly,
    },
    async (c) => {
      const { state } = await c.var.services.office.load('noticeTemplates', NOTICE_TEMPLATES_STREAM);
      return c.json({
        templates: noticeKinds.map((kind) => ({
          kind,
          label: noticeKindLabels[kind],
          ...currentNoticeTemplate(state, kind),
          placeholders: noticePlaceholders[kind],
          required: requiredPlaceholders[kind],
        })),
      });
    },
  )
  .on(
    {
      method: 'POST',
      path: '/templates',
      operationId: 'setNoticeTemplate',
      tag: 'cases',
      summary: { zh: '修改一种告知书的模板（机关名称、印章文字、标题、正文）', en: 'Set one kind’s notice template (office name, seal text, title, wording)' },
      notes: {
        zh: '自 at 起出具的告知书使用新版本；已出具的仍按其当时的版本。正文用 {占位符} 引用事项情况，只能用该种告知书可用的占位符，且须保留其必须告知的（required，如处理意见书的 {复查申请天数}）（GET /notices/templates）。',
        en: 'Notices printed from `at` on use the new version; those printed before keep theirs. The wording names the case’s facts as {placeholders}: only those of its kind, keeping the ones it must tell (`required`, e.g. the opinion’s {复查申请天数}) (GET /notices/templates).',
      },
      body: SetNoticeTemplateBody,
      example: { kind: 'acceptance', ...defaultNoticeTemplates.acceptance, officeName: '东风街道信访工作办公室', at: '2024-10-01T09:00:00+08:00' },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const result = await c.var.services.office.execute(
        'noticeTemplates',
        NOTICE_TEMPLATES_STREAM,
        { type: 'SetNoticeTemplate', data: c.req.valid('json') },
        commandContext(c),
      );
      return commandReply(c, NOTICE_TEMPLATES_STREAM, result, 201);
    },
  );
