import type { KpiScope } from './kpi-scope';
import { backlogKpi, deadlineWarningsKpi, resolutionLevelsKpi } from './kpis-backlog';
import { incidentsKpi, receptionComplianceKpi, screeningReportsKpi } from './kpis-compliance';
import { escalationsKpi, repeatPetitionsKpi, visitsKpi, volumeKpi } from './kpis-counts';
import {
  firstPetitionOneTimeResolutionKpi,
  onTimeResolutionKpi,
  packageResolutionKpi,
  participationKpi,
  satisfactionKpi,
  timelyAcceptanceKpi,
} from './kpis-rates';
import type { Rate } from './rate';
import type { ComplianceRule } from './reception-compliance';

/*
 * Every KPI of REPORTS.md, once: its key in the answer of `GET /kpis`, how it is computed (kpis-*.ts), and
 * the figures the office is judged by — each with its Chinese label and its target. `GET /kpis`, the
 * dashboard (工作台), the OpenAPI document and the docs page all take their KPIs, labels and targets from
 * here, in this order (REPORTS.md's). Adding a KPI is an entry here, its computation and its test.
 */

/** What a figure is judged against (REPORTS.md, the target column). */
export type KpiTarget =
  | { readonly kind: 'atLeast'; readonly share: number }
  | { readonly kind: 'zero' }
  /** Fewer than in the period of the same length just before. */
  | { readonly kind: 'falling' }
  | { readonly kind: 'none' };

/** A figure judged: a count, or a rate (a compliance rule is the rate of its requirements fulfilled). */
export type KpiFigure = { readonly count: number } | Rate;

/** One figure of a KPI the office is judged by. */
export interface KpiLineDefinition<V> {
  /** Where the figure is in the KPI's answer: '' for the KPI itself, else a dotted path (`total`). */
  readonly path: string;
  readonly label: string;
  readonly target: KpiTarget;
  readonly figure: (value: V) => KpiFigure;
  /** The figure as the office reads it, when more than the bare number says it better. */
  readonly detail?: (value: V) => string;
}

export interface KpiDefinition<K extends string, V> {
  readonly key: K;
  readonly compute: (scope: KpiScope) => V;
  /** The figures judged, in the order the dashboard shows them (none for a list, such as the deadlines). */
  readonly lines: readonly KpiLineDefinition<V>[];
}

const kpi = <K extends string, V>(definition: KpiDefinition<K, V>): KpiDefinition<K, V> => definition;

const atLeast = (share: number): KpiTarget => ({ kind: 'atLeast', share });
const all = atLeast(1);
const zero: KpiTarget = { kind: 'zero' };
const falling: KpiTarget = { kind: 'falling' };
const none: KpiTarget = { kind: 'none' };

const count = (n: number): KpiFigure => ({ count: n });
const ruleRate = <Gap>(r: ComplianceRule<Gap>): Rate => ({ numerator: r.fulfilled, denominator: r.required, rate: r.rate });
/** A KPI that is a rate, judged as a whole. */
const rateLine = (label: string, target: KpiTarget): KpiLineDefinition<Rate> => ({ path: '', label, target, figure: (r) => r });

export const kpiRegistry = [
  kpi({ key: 'volume', compute: volumeKpi, lines: [{ path: 'total', label: '信访总量', target: falling, figure: (v) => count(v.total) }] }),
  kpi({
    key: 'visits',
    compute: visitsKpi,
    lines: [
      {
        path: 'batches',
        label: '来访批次',
        target: none,
        figure: (v) => count(v.batches),
        detail: (v) => `${v.batches}（${v.people} 人次，集体访 ${v.collective} 批）`,
      },
    ],
  }),
  kpi({
    key: 'escalations',
    compute: escalationsKpi,
    lines: [
      {
        path: 'total',
        label: '越级上访',
        target: zero,
        figure: (v) => count(v.total),
        detail: (v) => `${v.total}（到市 ${v.city}，到省 ${v.province}，进京 ${v.beijing}）`,
      },
    ],
  }),
  kpi({
    key: 'repeatPetitions',
    compute: repeatPetitionsKpi,
    lines: [{ path: 'total', label: '重复信访', target: falling, figure: (v) => count(v.total) }],
  }),
  kpi({
    key: 'firstPetitionOneTimeResolution',
    compute: firstPetitionOneTimeResolutionKpi,
    lines: [rateLine('初信初访一次性化解率', atLeast(0.99))],
  }),
  kpi({ key: 'timelyAcceptance', compute: timelyAcceptanceKpi, lines: [rateLine('及时受理率', all)] }),
  kpi({ key: 'onTimeResolution', compute: onTimeResolutionKpi, lines: [rateLine('按期办结率', all)] }),
  kpi({ key: 'satisfaction', compute: satisfactionKpi, lines: [rateLine('满意率', none)] }),
  kpi({ key: 'participation', compute: participationKpi, lines: [rateLine('参评率', none)] }),
  kpi({ key: 'packageResolution', compute: packageResolutionKpi, lines: [rateLine('包案化解率', atLeast(0.85))] }),
  kpi({
    key: 'backlog',
    compute: backlogKpi,
    lines: [
      { path: 'open', label: '在册积案', target: zero, figure: (v) => count(v.open) },
      { path: 'resolution', label: '积案化解率', target: none, figure: (v) => v.resolution },
    ],
  }),
  kpi({
    key: 'resolutionLevels',
    compute: resolutionLevelsKpi,
    lines: [{ path: 'keptBelowAbove', label: '小事不出网格、大事不出街道', target: none, figure: (v) => v.keptBelowAbove }],
  }),
  kpi({
    key: 'receptionCompliance',
    compute: receptionComplianceKpi,
    lines: [
      { path: 'principalWeekly', label: '主要领导每周接访', target: all, figure: (v) => ruleRate(v.principalWeekly) },
      { path: 'dailyDuty', label: '街道每个工作日有领导接访', target: all, figure: (v) => ruleRate(v.dailyDuty) },
      { path: 'firstGridLeaderWeekly', label: '第一网格长每周接访', target: all, figure: (v) => ruleRate(v.firstGridLeaderWeekly) },
      { path: 'announcedAhead', label: '接访安排提前公告', target: all, figure: (v) => ruleRate(v.announcedAhead) },
    ],
  }),
  kpi({
    key: 'screeningReports',
    compute: screeningReportsKpi,
    lines: [{ path: '', label: '周三、周五排查报送', target: all, figure: ruleRate }],
  }),
  kpi({
    key: 'incidents',
    compute: incidentsKpi,
    lines: [
      {
        path: 'total',
        label: '三个不发生（事件数）',
        target: zero,
        figure: (v) => count(v.total),
        detail: (v) => (v.held ? '0（守住）' : `${v.total}（已发生）`),
      },
    ],
  }),
  kpi({ key: 'deadlineWarnings', compute: deadlineWarningsKpi, lines: [] }),
] as const;

type Registered = (typeof kpiRegistry)[number];

/** The KPIs of REPORTS.md (`GET /kpis`): one field per registered KPI, and whether a provisional calendar year was used. */
export type Kpis = { readonly [D in Registered as D['key']]: ReturnType<D['compute']> } & {
  /** Some working day the figures used falls in a year the calendar has not published. */
  readonly provisional: boolean;
  /** Those years, in order. */
  readonly provisionalYears: readonly number[];
};

/** A judged figure of an answer, with what the registry says of it. */
export interface KpiLine {
  /** `volume.total`, `timelyAcceptance`: where the figure is in the answer. */
  readonly key: string;
  readonly label: string;
  readonly target: KpiTarget;
  readonly figure: KpiFigure;
  readonly detail?: string;
}

/** Every judged figure of an answer, in the registry's order. */
export const kpiLines = (k: Kpis): KpiLine[] =>
  kpiRegistry.flatMap((d) =>
    (d.lines as readonly KpiLineDefinition<unknown>[]).map((line) => {
      const value: unknown = k[d.key];
      const detail = line.detail?.(value);
      return {
        key: line.path === '' ? d.key : `${d.key}.${line.path}`,
        label: line.label,
        target: line.target,
        figure: line.figure(value),
        ...(detail === undefined ? {} : { detail }),
      };
    }),
  );

/** The target in words: `≥ 99%`, `100%`, `0`, `下降` (`falling` in English), or '' when REPORTS.md sets none. */
export const targetText = (target: KpiTarget, language: 'zh' | 'en' = 'zh'): string => {
  switch (target.kind) {
    case 'atLeast':
      return target.share === 1 ? '100%' : `≥ ${Math.round(target.share * 100)}%`;
    case 'zero':
      return '0';
    case 'falling':
      return language === 'zh' ? '下降' : 'falling';
    case 'none':
      return '';
  }
};

export type Verdict = 'met' | 'unmet' | 'none';

export const verdictLabels: Readonly<Record<Verdict, string>> = { met: '达标', unmet: '未达标', none: '无可考核' };

const countOf = (figure: KpiFigure): number => ('count' in figure ? figure.count : figure.numerator);

/**
 * A figure against its target. A rate with nothing to measure (denominator 0) has no verdict: "nothing to
 * measure" reads neither as met nor as missed. "Falling" is judged against `before`, the same figure for
 * the period of the same length just before, when there is one; none in both is met (nothing to fall from).
 */
export const verdictOf = (target: KpiTarget, figure: KpiFigure, before?: KpiFigure): Verdict => {
  switch (target.kind) {
    case 'atLeast':
      if (!('rate' in figure) || figure.rate === null) return 'none';
      return figure.rate >= target.share ? 'met' : 'unmet';
    case 'zero':
      return countOf(figure) === 0 ? 'met' : 'unmet';
    case 'falling': {
      if (before === undefined) return 'none';
      const now = countOf(figure);
      const then = countOf(before);
      return now < then || (now === 0 && then === 0) ? 'met' : 'unmet';
    }
    case 'none':
      return 'none';
  }
};
