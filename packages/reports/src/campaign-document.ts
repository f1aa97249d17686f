import { backlogReasonLabels, categoryLabels, originLabels } from '@xinfang/domain';
import type { CampaignSummary, KpiChange } from '@xinfang/projections';
import { formatDateTime, joinList } from './format';
import { kpiTextLines } from './kpi-text';
import { verdictLabels } from '@xinfang/projections';

/*
 * The campaign summary (总结巩固) as a document in Chinese: headings, paragraphs and tables, written from
 * the summary's figures only. The Word document (campaign-docx.ts) and the printable page render these
 * same blocks, so both say the same.
 */

export type CampaignBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };

const change = (c: KpiChange | undefined): string => {
  if (c === undefined || c.before === null || c.after === null || c.change === null) return '';
  return c.change === 0 ? '，与上期持平' : c.change > 0 ? `，比上期增加 ${c.change}` : `，比上期减少 ${-c.change}`;
};

const nameOf = (names: Readonly<Record<string, string>>, id: string): string => names[id] ?? id;

/** At most this many rows of a hotspot table: the rest are in /analysis/hotspots. */
const TOP = 5;

const hotspotBlocks = (s: CampaignSummary): CampaignBlock[] => {
  const h = s.hotspots;
  const rising = <R extends { readonly count: number }>(rows: readonly R[]): R[] => rows.filter((r) => r.count > 0).slice(0, TOP);
  const suggested = h.sameMatter.filter((m) => m.status === 'suggested').length;
  const confirmed = h.sameMatter.length - suggested;
  return [
    { kind: 'paragraph', text: `登记事项最多的网格（前 ${TOP} 个，与上期比较）：` },
    {
      kind: 'table',
      head: ['网格', '本期', '上期'],
      rows: rising(h.byGrid).map((r) => [r.name, String(r.count), String(r.previous)]),
    },
    {
      kind: 'paragraph',
      text:
        `反复来访的信访人 ${h.repeatPetitioners.length} 人` +
        (h.repeatPetitioners.length === 0
          ? ''
          : `（${joinList(h.repeatPetitioners.slice(0, TOP).map((r) => `${r.petitioner.name} ${r.caseIds.length} 件`))}${h.repeatPetitioners.length > TOP ? ' 等' : ''}）`) +
        `；疑似串访联访 ${h.sameMatter.length} 组（已确认 ${confirmed} 组，待核实 ${suggested} 组）。`,
    },
  ];
};

/** The summary's blocks, in the order a summary is written: overview, breakdowns, backlog, gaps, scores. */
export const campaignDocument = (s: CampaignSummary): CampaignBlock[] => {
  const k = s.kpis;
  const c = s.comparison.changes;
  const communities = s.names.communities;
  const lines = kpiTextLines(k, { compare: 'previous', figures: s.comparison.figures });
  const reception = k.receptionCompliance;
  const missingReports = new Map<string, string[]>();
  for (const gap of k.screeningReports.gaps) missingReports.set(gap.communityId, [...(missingReports.get(gap.communityId) ?? []), gap.date]);
  const byCount = (counts: Readonly<Record<string, number>>, label: (key: string) => string, key: string) =>
    Object.entries(counts)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([id, n]) => [label(id), String(n), String(c[`${key}.${id}`]?.before ?? 0)]);
  return [
    { kind: 'title', text: `信访工作总结（${s.from} 至 ${s.to}）` },
    {
      kind: 'paragraph',
      text: `数据截至 ${formatDateTime(s.asOf)}，录入截至 ${formatDateTime(s.knownAt)}；上期为 ${s.comparison.from} 至 ${s.comparison.to}。`,
    },
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      text:
        `本期共登记信访事项 ${k.volume.total} 件${change(c['volume.total'])}；接待群众来访 ${k.visits.batches} 批 ${k.visits.people} 人次，` +
        `其中集体访 ${k.visits.collective} 批${change(c['visits.collective'])}；越级上访 ${k.escalations.total} 次` +
        `（到市 ${k.escalations.city}、到省 ${k.escalations.province}、进京 ${k.escalations.beijing}）${change(c['escalations.total'])}；` +
        `重复信访 ${k.repeatPetitions.total} 次${change(c['repeatPetitions.total'])}；` +
        `"三个不发生"${k.incidents.held ? '全部守住' : `发生事件 ${k.incidents.total} 起`}。`,
    },
    {
      kind: 'table',
      head: ['指标', '本期', '目标', '结论', '与上期比较'],
      rows: lines.map((l) => [l.label, l.value, l.target === '' ? '—' : l.target, l.target === '' ? '—' : verdictLabels[l.verdict], l.compared ?? '—']),
    },
    { kind: 'heading', text: '二、问题来源' },
    { kind: 'paragraph', text: '按类别、来源和社区分列本期与上期登记的事项。' },
    { kind: 'table', head: ['类别', '本期', '上期'], rows: byCount(k.volume.byCategory, (id) => categoryLabels[id as keyof typeof categoryLabels] ?? id, 'volume.byCategory') },
    { kind: 'table', head: ['来源', '本期', '上期'], rows: byCount(k.volume.byOrigin, (id) => originLabels[id as keyof typeof originLabels] ?? id, 'volume.byOrigin') },
    { kind: 'table', head: ['社区', '本期', '上期'], rows: byCount(k.volume.byCommunity, (id) => nameOf(communities, id), 'volume.byCommunity') },
    { kind: 'heading', text: '三、热点问题' },
    ...hotspotBlocks(s),
    { kind: 'heading', text: '四、积案化解' },
    {
      kind: 'paragraph',
      text:
        `期初在册积案 ${s.backlog.atStart} 件，期末 ${s.backlog.atEnd} 件；期内化解出列 ${s.backlog.workedDown} 件，新列入 ${s.backlog.newlyListed} 件。` +
        `期末积案按原因：${joinList(Object.entries(s.backlog.byReason).map(([reason, n]) => `${backlogReasonLabels[reason as keyof typeof backlogReasonLabels]} ${n} 件`))}。`,
    },
    { kind: 'heading', text: '五、排查报送' },
    missingReports.size === 0
      ? { kind: 'paragraph', text: `各社区周三、周五排查报送 ${k.screeningReports.fulfilled} 次，全部按时报送。` }
      : {
          kind: 'table',
          head: ['社区', '缺报次数', '缺报日期'],
          rows: [...missingReports.entries()].map(([id, dates]) => [nameOf(communities, id), String(dates.length), joinList(dates)]),
        },
    { kind: 'heading', text: '六、领导接访' },
    {
      kind: 'paragraph',
      text:
        `街道工作日有领导接访 ${reception.dailyDuty.fulfilled}/${reception.dailyDuty.required} 天` +
        (reception.dailyDuty.gaps.length === 0 ? '' : `（缺：${joinList(reception.dailyDuty.gaps.map((g) => g.date))}）`) +
        `；主要领导每周接访 ${reception.principalWeekly.fulfilled}/${reception.principalWeekly.required}` +
        (reception.principalWeekly.gaps.length === 0
          ? ''
          : `（缺：${joinList(reception.principalWeekly.gaps.map((g) => `${nameOf(s.names.leaders, g.leaderId)} ${g.weekOf} 周`))}）`) +
        `；第一网格长每周接访 ${reception.firstGridLeaderWeekly.fulfilled}/${reception.firstGridLeaderWeekly.required}` +
        `；接访安排提前公告 ${reception.announcedAhead.fulfilled}/${reception.announcedAhead.required}` +
        (reception.announcedAhead.gaps.length === 0
          ? '。'
          : `（未按时公告：${joinList(reception.announcedAhead.gaps.map((g) => `${g.unit === 'subdistrict' ? '街道' : nameOf(communities, g.unit)} ${g.weekOf} 周`))}）。`),
    },
    { kind: 'heading', text: '七、社区考核' },
    {
      kind: 'paragraph',
      text: `按考核表（${s.assessment.weights.since === null ? '默认权重' : `自 ${formatDateTime(s.assessment.weights.since)} 起的权重`}）计分，满分 100。`,
    },
    {
      kind: 'table',
      head: ['排名', '社区', '得分', ...(s.assessment.rows[0]?.breakdown.map((b) => b.label) ?? [])],
      rows: s.assessment.rows.map((r) => [String(r.rank), r.name, r.score.toFixed(1), ...r.breakdown.map((b) => b.points.toFixed(1))]),
    },
  ];
};
