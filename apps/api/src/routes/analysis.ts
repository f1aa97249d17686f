import { caseStream, DecideMatterLinkBody, domainError, matterLinkId, matterLinkStream } from '@xinfang/domain';
import { officeOnly } from '../access';
import { roleOf } from '../auth';
import { stateAnswerHead } from '../answer-head';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { personalJson } from '../masking';
import { fromDomainError } from '../problem';
import { communityParam, communityScope, readsFigures, requiredPeriodParams, viewOf, viewParams } from '../query-view';

/*
 * 专题分析: `GET /analysis/hotspots` — where the window's cases come from (category, community, grid, week,
 * each beside the window before), the people who come back with case after case, and cases that may be one
 * matter brought by several people (projections hotspots.ts); `POST /analysis/matter-links` — an officer
 * confirms or dismisses such a suggestion (recorded; the cases are never merged).
 *
 * Read as the KPIs are: the office, the auditor and the inspector any community or all; a community its
 * own; a leader none. Petitioners are masked for every role but the office.
 */

export const analysis = resource('/analysis')
  .on(
    {
      method: 'GET',
      path: '/hotspots',
      operationId: 'hotspots',
      tag: 'kpis',
      summary: { zh: '热点分析：类别、社区、网格、周的分布及趋势，重复信访人，疑似串访联访', en: 'Hotspots: by category, community, grid and week with the trend; repeat petitioners; possible joint petitions' },
      notes: {
        zh: '疑似同一事项：同社区、同类别、登记相隔 7 天内、信访人不同、基本情况文字相近（字对重合度 ≥ 0.3）；仅为提示，由信访办确认或排除。',
        en: 'Possibly one matter: same community and category, registered within 7 days, other petitioners, summaries alike (character-pair Jaccard ≥ 0.3); suggestions only, which the office confirms or dismisses.',
      },
      query: { ...requiredPeriodParams({ zh: '分析', en: 'the analysis' }), communityId: communityParam, ...viewParams },
      success: 200,
      reply: 'object',
      roles: readsFigures,
    },
    async (c) => {
      const q = c.req.valid('query');
      const communityId = communityScope(roleOf(c), q.communityId);
      const { view, shown, atLeast } = await viewOf(c, q);
      const window = { from: q.from, to: q.to, ...(communityId === undefined ? {} : { communityId }) };
      const { answer, position } = await c.var.services.queries.run({ kind: 'hotspots', window, view, shown, atLeast });
      await stateAnswerHead(c, position);
      return personalJson(c, { asOf: view.asOf, knownAt: view.knownAt, communityId: communityId ?? null, ...answer });
    },
  )
  .on(
    {
      method: 'POST',
      path: '/matter-links',
      operationId: 'decideMatterLink',
      tag: 'kpis',
      summary: { zh: '确认或排除疑似同一事项（串访/联访）', en: 'Confirm or dismiss a possible joint petition' },
      notes: {
        zh: '按所列事项记录决定（编号由事项决定，与热点分析中的 id 相同）；不合并事项。',
        en: 'Records the decision on those cases (its id is theirs, the id hotspots gives); the cases are never merged.',
      },
      body: DecideMatterLinkBody,
      example: { caseIds: ['case-001', 'case-002'], decision: 'confirmed', at: '2024-10-08T09:00:00+08:00', note: '同一工地欠薪' },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const body = c.req.valid('json');
      const { office } = c.var.services;
      for (const [index, caseId] of body.caseIds.entries()) {
        if ((await office.load('case', caseStream(caseId))).state.status === 'none')
          throw fromDomainError(domainError('unknownCase', '所列事项不存在', 'a listed case does not exist', { caseId, field: `caseIds.${index}` }));
      }
      const id = matterLinkId(body.caseIds);
      const result = await office.execute('matter', matterLinkStream(id), { type: 'DecideMatterLink', data: body }, commandContext(c));
      return commandReply(c, id, result, 201);
    },
  );
