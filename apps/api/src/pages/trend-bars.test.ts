import { describe, expect, it } from 'vitest';
import { barsOf, CHART_BOX } from './trend-bars';

describe('the bars of a trend chart', () => {
  it('scales the bars to the largest value, standing on the line above the labels', () => {
    const bars = barsOf([
      { label: '09-15', value: 31 },
      { label: '09-18', value: 62 },
      { label: '09-25', value: 0 },
    ]);
    const base = CHART_BOX.height - CHART_BOX.labels;
    const room = base - CHART_BOX.top;
    expect(bars.map((b) => b.height)).toEqual([room / 2, room, 0]);
    expect(bars.map((b) => b.y + b.height)).toEqual([base, base, base]);
    expect(bars.map((b) => b.middle)).toEqual([43.3, 130, 216.7]);
    expect(bars.every((b) => b.x >= 0 && b.x + b.width <= CHART_BOX.width)).toBe(true);
  });

  it('scales a rate to its top, and draws no bar where there is nothing to measure', () => {
    const bars = barsOf(
      [
        { label: '10-02', value: 0.5 },
        { label: '10-09', value: null },
      ],
      CHART_BOX,
      1,
    );
    expect(bars.map((b) => b.height)).toEqual([(CHART_BOX.height - CHART_BOX.labels - CHART_BOX.top) / 2, 0]);
  });

  it('draws nothing tall when every value is 0', () => {
    expect(barsOf([{ label: 'a', value: 0 }]).map((b) => b.height)).toEqual([0]);
    expect(barsOf([])).toEqual([]);
  });
});
