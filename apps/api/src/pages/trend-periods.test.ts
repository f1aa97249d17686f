import { describe, expect, it } from 'vitest';
import { trendPeriods, TREND_PERIODS } from './trend-periods';

describe('the periods of a trend', () => {
  it('splits the demo campaign (31 days) into weeks back from its last day, the first one cut at its first', () => {
    expect(trendPeriods({ from: '2024-09-15', to: '2024-10-15' })).toEqual([
      { from: '2024-09-15', to: '2024-09-17' },
      { from: '2024-09-18', to: '2024-09-24' },
      { from: '2024-09-25', to: '2024-10-01' },
      { from: '2024-10-02', to: '2024-10-08' },
      { from: '2024-10-09', to: '2024-10-15' },
    ]);
  });

  it('takes longer periods for a long range (a leap year: 74 days, the first 70), never more than the limit', () => {
    const year = trendPeriods({ from: '2024-01-01', to: '2024-12-31' });
    expect(year).toHaveLength(TREND_PERIODS);
    expect(year.map((p) => p.from)).toEqual(['2024-01-01', '2024-03-11', '2024-05-24', '2024-08-06', '2024-10-19']);
    expect(year.map((p) => p.to)).toEqual(['2024-03-10', '2024-05-23', '2024-08-05', '2024-10-18', '2024-12-31']);
  });

  it('is one period for a week or less, and one day for a day', () => {
    expect(trendPeriods({ from: '2024-10-01', to: '2024-10-07' })).toEqual([{ from: '2024-10-01', to: '2024-10-07' }]);
    expect(trendPeriods({ from: '2024-10-01', to: '2024-10-01' })).toEqual([{ from: '2024-10-01', to: '2024-10-01' }]);
  });
});
