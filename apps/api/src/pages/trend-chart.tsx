import { barsOf, CHART_BOX, type TrendPoint } from './trend-bars';

/*
 * A small trend chart as inline SVG (no script, no image request): one bar per period with its value over
 * it and the period's first day under it. The chart says in words what it shows (`aria-label`), and each
 * bar has a title, so a screen reader and a printout read the same figures as the eye.
 */

export interface TrendChartProps {
  readonly title: string;
  readonly points: readonly TrendPoint[];
  /** How a value is written: a count as it is, a rate as a percentage. */
  readonly format: (value: number) => string;
  /** A fixed top for the scale (1 for a rate); else the largest value. */
  readonly scaleTop?: number;
}

export const TrendChart = ({ title, points, format, scaleTop }: TrendChartProps) => {
  const bars = barsOf(points, CHART_BOX, scaleTop);
  const words = points.map((p) => `${p.label} 起 ${p.value === null ? '无数据' : format(p.value)}`).join('；');
  const base = CHART_BOX.height - CHART_BOX.labels;
  return (
    <figure class="trend">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${CHART_BOX.width} ${CHART_BOX.height}`}
        width={CHART_BOX.width}
        height={CHART_BOX.height}
        role="img"
        aria-label={`${title}：${words}`}
      >
        <line x1="0" y1={base} x2={CHART_BOX.width} y2={base} stroke="#8c959f" stroke-width="1" />
        {bars.map((bar) => (
          <g>
            <title>{`${bar.point.label} 起：${bar.point.value === null ? '无数据' : format(bar.point.value)}`}</title>
            {bar.point.value !== null && <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#b42318" />}
            <text x={bar.middle} y={bar.y - 3} text-anchor="middle" font-size="10" fill="#1f2328">
              {bar.point.value === null ? '—' : format(bar.point.value)}
            </text>
            <text x={bar.middle} y={CHART_BOX.height - 4} text-anchor="middle" font-size="10" fill="#57606a">
              {bar.point.label}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
};
