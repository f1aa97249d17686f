import { dayOf } from '@xinfang/domain';
import { DOCX_CONTENT_TYPE, campaignDocument, campaignDocx } from '@xinfang/reports';
import { auditor, inspector, office, roles } from '../access';
import { stateAnswerHead } from '../answer-head';
import { resource } from '../endpoint';
import { roleOf } from '../auth';
import { forRole, personalJson } from '../masking';
import { kinds, param } from '../query-params';
import { requiredPeriodParams, viewOf, viewParams } from '../query-view';

/*
 * `GET /reports/campaign?from&to[&asOf][&knownAt][&format=json|docx]`: the campaign summary (总结巩固) of a
 * window for the whole subdistrict — its figures (JSON: the KPIs with the window before, the backlog worked
 * down, the gaps, the assessment) or the written summary as a Word document. Every figure is one `/kpis`
 * and `/assessment` give for the same window. The office, the auditor and the inspector; a community and
 * a leader read their own figures elsewhere, not the subdistrict's summary.
 */

const FORMATS = ['json', 'docx'] as const;

/** Who reads the subdistrict's summary. */
export const readsCampaign = roles([office, auditor, inspector], '专项工作总结由信访办、审计和纪工委查看 / the office, the auditor and the inspector read the campaign summary');

export const campaignReport = resource('/reports/campaign').on(
  {
    method: 'GET',
    path: '/',
    operationId: 'campaignReport',
    tag: 'ledgers',
    summary: { zh: '专项工作总结：指标及环比、积案化解、排查与接访缺项、社区考核', en: 'The campaign summary: KPIs beside the window before, backlog worked down, gaps, community scores' },
    query: {
      ...requiredPeriodParams({ zh: '总结', en: 'the summary' }),
      ...viewParams,
      format: param(kinds.oneOf(FORMATS, 'json'), { zh: 'json 或 docx（Word 文档）', en: 'json, or docx (a Word document)' }),
    },
    success: 200,
    reply: 'object',
    roles: readsCampaign,
  },
  async (c) => {
    const q = c.req.valid('query');
    const { view, shown, atLeast } = await viewOf(c, q);
    const { answer: summary, position } = await c.var.services.queries.run({ kind: 'campaign', window: { from: q.from, to: q.to }, view, shown, atLeast });
    await stateAnswerHead(c, position);
    if (q.format !== 'docx') return personalJson(c, summary);
    // Written from the summary as the role may see it: masked, as its JSON is, for every role but the office.
    const title = `信访工作总结（${q.from} 至 ${q.to}）`;
    const bytes = await campaignDocx(campaignDocument(forRole(roleOf(c), summary)), title);
    const name = `campaign-${q.from}-${q.to}-${dayOf(view.asOf)}.docx`;
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': DOCX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`${title}.docx`)}`,
    });
  },
);
