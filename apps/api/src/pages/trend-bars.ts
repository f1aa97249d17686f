/*
 * The geometry of the 工作台's small trend charts (inline SVG, no script): one bar per period, scaled to the
 * largest value (or to a fixed top, 100 % for a rate), with room under the bars for the period's label.
 * A period with nothing to measure (a rate with denominator 0) has no bar — not a bar of 0.
 */

export interface TrendPoint {
  /** What the period is called under its bar, e.g. `09-18` (its first day). */
  readonly label: string;
  /** The figure, or null when there is nothing to measure. */
  readonly value: number | null;
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Where the bar's middle is, for its labels. */
  readonly middle: number;
  readonly point: TrendPoint;
}

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** The height kept under the bars for the labels. */
  readonly labels: number;
  /** The height kept over the tallest bar for its value. */
  readonly top: number;
}

export const CHART_BOX: ChartBox = { width: 260, height: 92, labels: 16, top: 14 };

const GAP = 0.3;

export const barsOf = (points: readonly TrendPoint[], box: ChartBox = CHART_BOX, scaleTop?: number): Bar[] => {
  const max = scaleTop ?? Math.max(0, ...points.map((p) => p.value ?? 0));
  const slot = box.width / Math.max(1, points.length);
  const width = slot * (1 - GAP);
  const room = box.height - box.labels - box.top;
  const base = box.height - box.labels;
  return points.map((point, i) => {
    const height = point.value === null || max === 0 ? 0 : Math.round((point.value / max) * room * 10) / 10;
    const x = Math.round((i * slot + (slot - width) / 2) * 10) / 10;
    return { x, y: Math.round((base - height) * 10) / 10, width: Math.round(width * 10) / 10, height, middle: Math.round((i + 0.5) * slot * 10) / 10, point };
  });
};
