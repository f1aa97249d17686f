import { roleOf } from '../auth';
import { resource } from '../endpoint';
import { personalJson } from '../masking';
import { notFound } from '../problem';
import { kinds, param, required, requiredParam } from '../query-params';
import { communityScope, pagingParams, readsFigures, viewOf, viewParams } from '../query-view';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /reports/screening?communityId&date`: the list a community sends the office for one Wednesday or
 * Friday (REPORTS.md) — the cases it registered with origin `screening` since its previous report day,
 * plus every one of its cases still unresolved at `asOf` — and the report it submitted that day, if any.
 *
 * `date` is required. `asOf` defaults to now like every query, so the statuses are today's; ask with
 * `asOf=<date>` for the report as it stood on its day. `communityId` is required but for a `community:`
 * token, whose own community it defaults to (another is a 403). Office, auditor and inspector read any
 * community's report; a leader none. An unknown community is a 404. Petitioners are masked as everywhere.
 */

export const screeningReportQuery = resource('/reports/screening').on(
  {
    method: 'GET',
    path: '/',
    operationId: 'screeningReport',
    tag: 'ledgers',
    summary: { zh: '社区周三、周五排查报送清单', en: 'The Wednesday/Friday list a community sends to the office' },
    notes: {
      zh: '上一个报送日以来以"排查"登记的事项，加上截至 asOf 仍未化解的本社区事项，以及当天提交的报告。',
      en: 'The cases registered with origin screening since the previous report day, plus every case of the community still unresolved at asOf, and the report submitted that day.',
    },
    query: {
      ...viewParams,
      ...pagingParams,
      communityId: param(kinds.id, {
        zh: '社区（必填；社区角色默认本社区）',
        en: 'community (required, but a community token defaults to its own)',
      }),
      date: requiredParam(kinds.date, { zh: '报送日期（周三或周五）', en: 'the report day (a Wednesday or Friday)' }),
    },
    success: 200,
    reply: 'object',
    roles: readsFigures,
  },
  async (c) => {
    const q = c.req.valid('query');
    const scoped = communityScope(roleOf(c), q.communityId);
    const communityId = required('communityId', scoped);
    const { date } = q;
    const { view, shown, atLeast } = await viewOf(c, q);
    const paging = { ...(q.limit === undefined ? {} : { limit: q.limit }), ...(q.offset === undefined ? {} : { offset: q.offset }) };
    const { answer: { report }, position } = await c.var.services.queries.run({ kind: 'screeningReport', communityId, date, paging, view, shown, atLeast });
    await stateAnswerHead(c, position);
    if (report === undefined) throw notFound('社区 / community', communityId);
    return personalJson(c, report);
  },
);
