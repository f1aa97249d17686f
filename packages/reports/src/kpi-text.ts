import {
  comparedPeriodLabels,
  kpiLines as registeredLines,
  targetText,
  verdictOf,
  type Compare,
  type KpiFigure,
  type Kpis,
  type Rate,
  type Verdict,
} from '@xinfang/projections';

/*
 * Every KPI against its target, in words, as the 工作台 and the campaign summary write it: the figure, the
 * target and the verdict (达标 / 未达标) — never a colour alone — and, beside the window compared with, how
 * it moved. The KPIs, their labels and targets and how a figure is judged are the registry's
 * (@xinfang/projections kpi-registry.ts); this only writes them.
 */

export interface KpiTextLine {
  /** The key of the figure in the KPI answer (a dotted path for a nested one), for tests and links. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The raw figure: a count, or a rate's numerator and denominator (what a test compares with `/kpis`). */
  readonly figure: KpiFigure;
  /** The target in words, or '' when REPORTS.md sets none. */
  readonly target: string;
  readonly verdict: Verdict;
  /** Beside the window compared with: its figure and the change in words (`上期 50，减少 10`). */
  readonly compared?: string;
}

/** The other window's figures, and which it is (环比 or 同比). */
export interface ComparedFigures {
  readonly compare: Compare;
  readonly figures: Kpis;
}

/**
 * A rate as the office reads it: `97.5%（39/40）`, or `—（0/0）` when there is nothing to measure. Cut to
 * one decimal, not rounded: 9,999 of 10,000 reads 99.9 %, never a 100.0 % that missed its target.
 */
export const percentText = (r: Rate): string =>
  `${r.denominator === 0 ? '—' : `${(Math.floor((r.numerator * 1000) / r.denominator) / 10).toFixed(1)}%`}（${r.numerator}/${r.denominator}）`;

export const figureText = (figure: KpiFigure): string => ('count' in figure ? String(figure.count) : percentText(figure));

/** How a figure moved, in words: `增加 3`, `减少 10`, `持平`; a rate in percentage points. */
export const changeText = (figure: KpiFigure, before: KpiFigure): string => {
  if ('count' in figure && 'count' in before) {
    const change = figure.count - before.count;
    return change === 0 ? '持平' : change > 0 ? `增加 ${change}` : `减少 ${-change}`;
  }
  if (!('rate' in figure) || !('rate' in before) || figure.rate === null || before.rate === null) return '无可比较';
  const points = Math.round((figure.rate - before.rate) * 1000) / 10;
  return points === 0 ? '持平' : points > 0 ? `提高 ${points.toFixed(1)} 个百分点` : `下降 ${(-points).toFixed(1)} 个百分点`;
};

/** The KPI lines of an answer, in the registry's order, each beside the window it is compared with, if any. */
export const kpiTextLines = (k: Kpis, compared?: ComparedFigures): KpiTextLine[] => {
  const previous = new Map(compared === undefined ? [] : registeredLines(compared.figures).map((line) => [line.key, line.figure]));
  const period = compared === undefined ? '' : comparedPeriodLabels[compared.compare];
  return registeredLines(k).map((line) => {
    const before = previous.get(line.key);
    const prior = line.target.kind === 'falling' ? before : undefined;
    const value = line.detail ?? figureText(line.figure);
    return {
      key: line.key,
      label: line.label,
      value: prior === undefined ? value : `${value}（${period} ${figureText(prior)}）`,
      figure: line.figure,
      target: targetText(line.target),
      verdict: verdictOf(line.target, line.figure, prior),
      ...(before === undefined ? {} : { compared: `${period} ${figureText(before)}，${changeText(line.figure, before)}` }),
    };
  });
};
