import { kpiLines as registeredLines, targetText, verdictOf, type KpiFigure, type Kpis, type Rate, type Verdict } from '@xinfang/projections';

/*
 * Every KPI against its target, as the 工作台 shows it: the figure, the target and the verdict in words
 * (达标 / 未达标) — never a colour alone. The KPIs, their labels and targets and how a figure is judged are
 * the registry's (@xinfang/projections kpi-registry.ts); this only writes them for the page.
 */

export interface KpiLine {
  /** The key of the figure in the KPI answer (a dotted path for a nested one), for tests and links. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The raw figure: a count, or a rate's numerator and denominator (what a test compares with `/kpis`). */
  readonly figure: KpiFigure;
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

const figureText = (figure: KpiFigure): string => ('count' in figure ? String(figure.count) : percentText(figure));

/** The KPI lines of an answer, in the registry's order; `before` is the answer for the period just before. */
export const kpiLines = (k: Kpis, before?: Kpis): KpiLine[] => {
  const previous = new Map(before === undefined ? [] : registeredLines(before).map((line) => [line.key, line.figure]));
  return registeredLines(k).map((line) => {
    const prior = line.target.kind === 'falling' ? previous.get(line.key) : undefined;
    const value = line.detail ?? figureText(line.figure);
    return {
      key: line.key,
      label: line.label,
      value: prior === undefined ? value : `${value}（上期 ${figureText(prior)}）`,
      figure: line.figure,
      target: targetText(line.target),
      verdict: verdictOf(line.target, line.figure, prior),
    };
  });
};
