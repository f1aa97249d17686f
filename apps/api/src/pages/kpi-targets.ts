import type { ComplianceRule, Kpis, Rate } from '@xinfang/projections';

/*
 * Every KPI of REPORTS.md against its target, as the 工作台 shows it: the figure, the target and the verdict
 * in words (达标 / 未达标) — never a colour alone. The targets are REPORTS.md's table; this is the one place
 * the app writes them down. A rate with nothing to measure (denominator 0) has no verdict: "nothing to
 * measure" reads neither as met nor as missed. A "falling" target is judged against the period of the same
 * length just before, when the page has it.
 */

export type Verdict = 'met' | 'unmet' | 'none';

export const verdictLabels: Readonly<Record<Verdict, string>> = { met: '达标', unmet: '未达标', none: '无可考核' };

export interface KpiLine {
  /** The key of the figure in the KPI answer (a dotted path for a nested one), for tests and links. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The raw figure: a count, or a rate's numerator and denominator (what a test compares with `/kpis`). */
  readonly figure: { readonly count: number } | Rate;
  /** The target in words, or '' when REPORTS.md sets none. */
  readonly target: string;
  readonly verdict: Verdict;
}

/**
 * A rate as the office reads it: `97.5%（39/40）`, or `—（0/0）` when there is nothing to measure. Cut to
 * one decimal, not rounded: 9,999 of 10,000 reads 99.9 %, never a 100.0 % that missed its target.
 */
export const percentText = (r: Rate): string =>
  `${r.denominator === 0 ? '—' : `${(Math.floor((r.numerator * 1000) / r.denominator) / 10).toFixed(1)}%`}（${r.numerator}/${r.denominator}）`;

const atLeast = (key: string, label: string, r: Rate, min: number | undefined): KpiLine => ({
  key,
  label,
  value: percentText(r),
  figure: r,
  target: min === undefined ? '' : min === 1 ? '100%' : `≥ ${Math.round(min * 100)}%`,
  verdict: min === undefined || r.rate === null ? 'none' : r.rate >= min ? 'met' : 'unmet',
});

const rule = <Gap>(key: string, label: string, r: ComplianceRule<Gap>): KpiLine =>
  atLeast(key, label, { numerator: r.fulfilled, denominator: r.required, rate: r.rate }, 1);

const zero = (key: string, label: string, count: number, value = String(count)): KpiLine => ({
  key,
  label,
  value,
  figure: { count },
  target: '0',
  verdict: count === 0 ? 'met' : 'unmet',
});

/** Falling: fewer than the period before; none in both is met too (nothing to fall from). */
const falling = (key: string, label: string, count: number, before: number | undefined, value = String(count)): KpiLine => ({
  key,
  label,
  value: before === undefined ? value : `${value}（上期 ${before}）`,
  figure: { count },
  target: '下降',
  verdict: before === undefined ? 'none' : count < before || (count === 0 && before === 0) ? 'met' : 'unmet',
});

const plain = (key: string, label: string, count: number, value = String(count)): KpiLine => ({
  key,
  label,
  value,
  figure: { count },
  target: '',
  verdict: 'none',
});

/** The KPI lines of an answer, in REPORTS.md's order; `before` is the answer for the period just before. */
export const kpiLines = (k: Kpis, before?: Kpis): KpiLine[] => [
  falling('volume.total', '信访总量', k.volume.total, before?.volume.total),
  plain('visits.batches', '来访批次', k.visits.batches, `${k.visits.batches}（${k.visits.people} 人次，集体访 ${k.visits.collective} 批）`),
  zero(
    'escalations.total',
    '越级上访',
    k.escalations.total,
    `${k.escalations.total}（到市 ${k.escalations.city}，到省 ${k.escalations.province}，进京 ${k.escalations.beijing}）`,
  ),
  falling('repeatPetitions.total', '重复信访', k.repeatPetitions.total, before?.repeatPetitions.total),
  atLeast('firstPetitionOneTimeResolution', '初信初访一次性化解率', k.firstPetitionOneTimeResolution, 0.99),
  atLeast('timelyAcceptance', '及时受理率', k.timelyAcceptance, 1),
  atLeast('onTimeResolution', '按期办结率', k.onTimeResolution, 1),
  atLeast('satisfaction', '满意率', k.satisfaction, undefined),
  atLeast('participation', '参评率', k.participation, undefined),
  atLeast('packageResolution', '包案化解率', k.packageResolution, 0.85),
  zero('backlog.open', '在册积案', k.backlog.open),
  atLeast('backlog.resolution', '积案化解率', k.backlog.resolution, undefined),
  atLeast('resolutionLevels.keptBelowAbove', '小事不出网格、大事不出街道', k.resolutionLevels.keptBelowAbove, undefined),
  rule('receptionCompliance.principalWeekly', '主要领导每周接访', k.receptionCompliance.principalWeekly),
  rule('receptionCompliance.dailyDuty', '街道每个工作日有领导接访', k.receptionCompliance.dailyDuty),
  rule('receptionCompliance.firstGridLeaderWeekly', '第一网格长每周接访', k.receptionCompliance.firstGridLeaderWeekly),
  rule('receptionCompliance.announcedAhead', '接访安排提前公告', k.receptionCompliance.announcedAhead),
  rule('screeningReports', '周三、周五排查报送', k.screeningReports),
  zero('incidents.total', '三个不发生（事件数）', k.incidents.total, k.incidents.held ? '0（守住）' : `${k.incidents.total}（已发生）`),
];
