import { ASSESSMENT_STREAM, SetAssessmentWeightsBody, defaultAssessmentTable } from '@xinfang/domain';
import { officeOnly } from '../access';
import { roleOf } from '../auth';
import { commandContext, commandReply } from '../command-context';
import { resource } from '../endpoint';
import { personalJson } from '../masking';
import { stateAnswerHead } from '../answer-head';
import { readsFigures, requiredPeriodParams, viewOf, viewParams } from '../query-view';

/*
 * The community assessment (社区考核): `GET /assessment?from&to[&asOf][&knownAt]` scores every community for
 * the window from its own KPIs with the table in force at T (projections assessment.ts, the formula in
 * docs/ASSESSMENT.md); `POST /assessment/weights` sets a new table from a business time on (the office only).
 *
 * The office, the auditor and the inspector read every community's row; a community reads its own row
 * (with its rank among all, not the others' scores); a leader none.
 */

export const assessmentRoutes = resource('/assessment')
  .on(
    {
      method: 'GET',
      path: '/',
      operationId: 'assessment',
      tag: 'kpis',
      summary: { zh: '社区考核：各社区得分、排名及每项得分的来由', en: 'Community assessment: each community’s score, rank and the breakdown behind it' },
      notes: {
        zh: '每项由该社区本时段的一项指标得出：比率 × 100（无可考核时记满分并注明），或 100 − 扣分 × 次数（不低于 0）；得分为按权重的加权平均。权重表见 docs/ASSESSMENT.md，可由信访办修改。',
        en: 'Each criterion from one KPI of the community for the window: rate × 100 (full marks, said so, when there is nothing to measure), or 100 − penalty × count (never below 0); the score is their weighted mean. The table: docs/ASSESSMENT.md; the office may change it.',
      },
      query: { ...requiredPeriodParams({ zh: '考核', en: 'the assessment' }), ...viewParams },
      success: 200,
      reply: 'object',
      roles: readsFigures,
    },
    async (c) => {
      const q = c.req.valid('query');
      const role = roleOf(c);
      const { view, shown, atLeast } = await viewOf(c, q);
      const { answer, position } = await c.var.services.queries.run({ kind: 'assessment', window: { from: q.from, to: q.to }, view, shown, atLeast });
      await stateAnswerHead(c, position);
      const rows = role.kind === 'community' ? answer.rows.filter((row) => row.communityId === role.communityId) : answer.rows;
      return personalJson(c, { asOf: view.asOf, knownAt: view.knownAt, ...answer, rows });
    },
  )
  .on(
    {
      method: 'POST',
      path: '/weights',
      operationId: 'setAssessmentWeights',
      tag: 'kpis',
      summary: { zh: '修改社区考核的权重与扣分', en: 'Set the assessment’s weights and penalties' },
      notes: {
        zh: '整张表一次提交；自 at（业务时间）起用于考核，此前的考核仍用旧表。权重不能全部为 0。',
        en: 'The whole table at once; it counts from `at` (business time) on, earlier assessments keep the table then in force. The weights must not all be 0.',
      },
      body: SetAssessmentWeightsBody,
      example: { table: defaultAssessmentTable, at: '2024-10-01T09:00:00+08:00' },
      success: 201,
      reply: 'command',
      roles: officeOnly,
    },
    async (c) => {
      const result = await c.var.services.office.execute(
        'assessment',
        ASSESSMENT_STREAM,
        { type: 'SetAssessmentWeights', data: c.req.valid('json') },
        commandContext(c),
      );
      return commandReply(c, ASSESSMENT_STREAM, result, 201);
    },
  );
