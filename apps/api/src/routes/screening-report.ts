import { Hono } from 'hono';
import { roleOf } from '../auth';
import type { AppEnv } from '../env';
import { personalJson } from '../masking';
import { notFound } from '../problem';
import { communityScope, pagingParams, params, readsFigures, query, required, viewOf, viewParams } from '../query-view';
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

export const screeningReportQuery = new Hono<AppEnv>().get(
  '/',
  readsFigures,
  query({ ...viewParams, ...pagingParams, communityId: params.id, date: params.date }),
  async (c) => {
    const q = c.req.valid('query');
    const scoped = communityScope(roleOf(c), q.communityId);
    const communityId = required('communityId', scoped);
    const date = required('date', q.date);
    const { view, shown, atLeast } = await viewOf(c, q);
    const paging = { ...(q.limit === undefined ? {} : { limit: q.limit }), ...(q.offset === undefined ? {} : { offset: q.offset }) };
    const { answer: { report }, position } = await c.var.services.queries.run({ kind: 'screeningReport', communityId, date, paging, view, shown, atLeast });
    await stateAnswerHead(c, position);
    if (report === undefined) throw notFound('社区 / community', communityId);
    return personalJson(c, report);
  },
);
