import { Hono } from 'hono';
import { roleOf } from '../auth';
import type { AppEnv } from '../env';
import { personalJson } from '../masking';
import { communityScope, params, readsFigures, query, required, viewOf, viewParams } from '../query-view';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /kpis?from&to[&communityId][&asOf][&knownAt]`: the KPIs of REPORTS.md over the days `from`–`to`
 * (both required, `to` inclusive) as of `asOf`, as known at `knownAt`. `{asOf, knownAt, from, to,
 * communityId, ...figures}`; `communityId` is null for the whole subdistrict.
 *
 * The office, the auditor and the inspector read every community's figures and the subdistrict's; a
 * `community:` token its own community's (naming none means its own, another is a 403); a leader none.
 */

export const kpiQueries = new Hono<AppEnv>().get(
  '/',
  readsFigures,
  query({ ...viewParams, from: params.date, to: params.date, communityId: params.id }),
  async (c) => {
    const q = c.req.valid('query');
    const communityId = communityScope(roleOf(c), q.communityId);
    const from = required('from', q.from);
    const to = required('to', q.to);
    const { view, shown, atLeast } = await viewOf(c, q);
    const window = { from, to, ...(communityId === undefined ? {} : { communityId }) };
    const { answer: figures, position } = await c.var.services.queries.run({ kind: 'kpis', window, view, shown, atLeast });
    await stateAnswerHead(c, position);
    return personalJson(c, { asOf: view.asOf, knownAt: view.knownAt, from, to, communityId: communityId ?? null, ...figures });
  },
);
