import { roleOf } from '../auth';
import { compareLabels, kpiRegistry, targetText, type Compare } from '@xinfang/projections';
import { resource } from '../endpoint';
import { kinds, param } from '../query-params';
import { personalJson } from '../masking';
import { communityParam, communityScope, requiredPeriodParams, readsFigures, viewOf, viewParams } from '../query-view';
import { stateAnswerHead } from '../answer-head';

/*
 * `GET /kpis?from&to[&communityId][&asOf][&knownAt]`: the KPIs of REPORTS.md over the days `from`–`to`
 * (both required, `to` inclusive) as of `asOf`, as known at `knownAt`. `{asOf, knownAt, from, to,
 * communityId, ...figures}`; `communityId` is null for the whole subdistrict. With `compare=previous|lastYear`,
 * also `comparison`: the figures of the other window and the change of every count and rate (kpi-compare.ts).
 *
 * The office, the auditor and the inspector read every community's figures and the subdistrict's; a
 * `community:` token its own community's (naming none means its own, another is a 403); a leader none.
 */

const COMPARES = Object.keys(compareLabels) as Compare[];

/** The figures the office is judged by and their targets, from the KPI registry, for the document. */
const judgedFigures = (() => {
  const lines = kpiRegistry.flatMap((d) => d.lines.map((line) => ({ key: line.path === '' ? d.key : `${d.key}.${line.path}`, line })));
  const target = (text: string, zh: boolean) => (text === '' ? '' : zh ? `（目标 ${text}）` : ` (target ${text})`);
  return {
    zh: `考核的指标：${lines.map(({ line }) => `${line.label}${target(targetText(line.target), true)}`).join('、')}。`,
    en: `The figures judged: ${lines.map(({ key, line }) => `${key}${target(targetText(line.target, 'en'), false)}`).join(', ')}.`,
  };
})();

export const kpiQueries = resource('/kpis').on(
  {
    method: 'GET',
    path: '/',
    operationId: 'kpis',
    tag: 'kpis',
    summary: { zh: '工作指标（见 REPORTS.md）', en: 'The KPIs of REPORTS.md' },
    notes: judgedFigures,
    query: {
      ...requiredPeriodParams({ zh: '统计', en: 'the window' }),
      communityId: communityParam,
      ...viewParams,
      compare: param(kinds.oneOf(COMPARES), {
        zh: '与另一时段对比：previous 环比（之前等长的时段），lastYear 同比（去年同期）；该时段按同样提前的 asOf 计算',
        en: 'compare with another window: previous (the window of equal length just before) or lastYear (the same days a year earlier), seen as of asOf moved back as much',
      }),
    },
    success: 200,
    reply: 'object',
    roles: readsFigures,
  },
  async (c) => {
    const q = c.req.valid('query');
    const communityId = communityScope(roleOf(c), q.communityId);
    const { from, to } = q;
    const { view, shown, atLeast } = await viewOf(c, q);
    const window = { from, to, ...(communityId === undefined ? {} : { communityId }) };
    const compare = q.compare === undefined ? {} : { compare: q.compare };
    const { answer: figures, position } = await c.var.services.queries.run({ kind: 'kpis', window, ...compare, view, shown, atLeast });
    await stateAnswerHead(c, position);
    return personalJson(c, { asOf: view.asOf, knownAt: view.knownAt, from, to, communityId: communityId ?? null, ...figures });
  },
);
