import {
  ASSESSMENT_STREAM,
  assessmentCriteria,
  compareInstants,
  defaultAssessmentTable,
  officialCalendar,
  type AssessmentCriterion,
  type AssessmentTable,
  type Instant,
  type LocalDate,
  type WorkingCalendar,
} from '@xinfang/domain';
import { kpiLines, type KpiFigure, type KpiLine } from './kpi-registry';
import type { KpiWindow } from './kpi-window';
import { kpis } from './kpis';
import { compareText } from './ledger';
import type { TimeView } from './view';
import type { World } from './world';

/*
 * Each community's score for a window (`GET /assessment`), from its own KPIs, with the table in force at T
 * (the domain's default until the office sets one). docs/ASSESSMENT.md gives the formula with a worked
 * example:
 *
 * - a criterion scored from a rate (screening reports, timely acceptance, on-time resolution) scores the
 *   rate × 100; with nothing to measure (denominator 0) it scores 100, and says so;
 * - a criterion scored from a count (repeat petitions, escalations, incidents) scores 100 − penalty × count,
 *   never below 0;
 * - the score is Σ weight × sub-score / Σ weight (0–100), to one decimal; the ranks are by score, equal
 *   scores sharing a rank.
 */

/** The KPI each criterion is scored from (a key of the KPI registry's judged figures). */
const criterionKpi: Readonly<Record<AssessmentCriterion, string>> = {
  screeningReports: 'screeningReports',
  timelyAcceptance: 'timelyAcceptance',
  onTimeResolution: 'onTimeResolution',
  repeatPetitions: 'repeatPetitions.total',
  escalations: 'escalations.total',
  incidents: 'incidents.total',
};

export interface CriterionScore {
  readonly criterion: AssessmentCriterion;
  readonly label: string;
  /** The KPI figure it was scored from: a count, or a rate's numerator and denominator. */
  readonly figure: KpiFigure;
  /** 0–100. */
  readonly subScore: number;
  readonly weight: number;
  /** What it adds to the score: weight × sub-score / total weight. */
  readonly points: number;
  /** A rate with nothing to measure: full marks. */
  readonly nothingToMeasure: boolean;
}

export interface CommunityScore {
  readonly communityId: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly breakdown: readonly CriterionScore[];
}

export interface Assessment {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly weights: { readonly table: AssessmentTable; readonly since: Instant | null };
  readonly rows: readonly CommunityScore[];
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** The table in force at T: the latest set whose business time is not after T; else the default. */
export const assessmentTableAt = (world: World, asOf: Instant): { table: AssessmentTable; since: Instant | null } => {
  const state = world.assessment.get(ASSESSMENT_STREAM);
  let current: { table: AssessmentTable; at: Instant } | undefined;
  for (const set of state?.status === 'set' ? state.tables : []) {
    if (compareInstants(set.at, asOf) <= 0 && (current === undefined || compareInstants(set.at, current.at) >= 0)) current = set;
  }
  return current === undefined ? { table: defaultAssessmentTable, since: null } : { table: current.table, since: current.at };
};

const subScoreOf = (criterion: AssessmentCriterion, figure: KpiFigure, table: AssessmentTable): { subScore: number; nothingToMeasure: boolean } => {
  if ('count' in figure) {
    const { penalty } = table[criterion] as { readonly penalty: number };
    return { subScore: Math.max(0, 100 - penalty * figure.count), nothingToMeasure: false };
  }
  return figure.rate === null ? { subScore: 100, nothingToMeasure: true } : { subScore: figure.rate * 100, nothingToMeasure: false };
};

/** The score of every registered community for the window, as of T, ranked. */
export const assessment = (world: World, view: TimeView, window: Omit<KpiWindow, 'communityId'>, calendar: WorkingCalendar = officialCalendar): Assessment => {
  const { table, since } = assessmentTableAt(world, view.asOf);
  const totalWeight = assessmentCriteria.reduce((sum, c) => sum + table[c].weight, 0);
  const communities = [...world.community.values()]
    .flatMap((c) => (c.status === 'registered' ? [{ communityId: c.communityId, name: c.name }] : []))
    .sort((a, b) => compareText(a.communityId, b.communityId));
  const scored = communities.map(({ communityId, name }) => {
    const lines = new Map(kpiLines(kpis(world, view, { from: window.from, to: window.to, communityId }, calendar)).map((l) => [l.key, l]));
    const breakdown = assessmentCriteria.map((criterion): CriterionScore => {
      const { figure, label } = lines.get(criterionKpi[criterion]) as KpiLine;
      const { subScore, nothingToMeasure } = subScoreOf(criterion, figure, table);
      const weight = table[criterion].weight;
      return {
        criterion,
        label,
        figure,
        subScore: oneDecimal(subScore),
        weight,
        points: oneDecimal((weight * subScore) / totalWeight),
        nothingToMeasure,
      };
    });
    const exact = breakdown.reduce((sum, b) => sum + (b.weight * subScoreOf(b.criterion, b.figure, table).subScore) / totalWeight, 0);
    return { communityId, name, score: oneDecimal(exact), breakdown };
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score || compareText(a.communityId, b.communityId));
  const rows = ranked.map((row) => ({ ...row, rank: 1 + ranked.filter((other) => other.score > row.score).length }));
  return { from: window.from, to: window.to, weights: { table, since }, rows };
};
