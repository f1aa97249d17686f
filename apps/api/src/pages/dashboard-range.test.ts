import { describe, expect, it } from 'vitest';
import { askedRange, defaultRange } from './dashboard-range';

describe('the 工作台 date range', () => {
  it('is the month up to today when the store holds an event of that month', () => {
    expect(defaultRange('2026-12-05', '2026-11-20T10:00:00+08:00')).toEqual({ from: '2026-11-05', to: '2026-12-05' });
    expect(defaultRange('2026-12-05', '2026-11-05T00:00:00+08:00')).toEqual({ from: '2026-11-05', to: '2026-12-05' });
  });

  it("is the month up to the latest event's day when the store holds none of this month: the demo's campaign", () => {
    expect(defaultRange('2026-12-05', '2024-10-15T17:30:00+08:00')).toEqual({ from: '2024-09-15', to: '2024-10-15' });
    // 4 November 23:59 in Shanghai is still the day before the month up to 5 December begins.
    expect(defaultRange('2026-12-05', '2026-11-04T23:59:59+08:00')).toEqual({ from: '2026-10-05', to: '2026-11-04' });
    // The day is Shanghai's, not UTC's: 15:59 UTC on 4 November is already 5 November there.
    expect(defaultRange('2026-12-05', '2026-11-04T16:00:00Z')).toEqual({ from: '2026-11-05', to: '2026-12-05' });
  });

  it('is the month up to today for an empty store, or one whose latest event is dated ahead', () => {
    expect(defaultRange('2026-12-05', undefined)).toEqual({ from: '2026-11-05', to: '2026-12-05' });
    expect(defaultRange('2026-12-05', '2031-01-01T09:00:00+08:00')).toEqual({ from: '2026-11-05', to: '2026-12-05' });
  });

  it('takes the days asked for, each one left empty from the default', () => {
    const fallback = { from: '2024-09-15', to: '2024-10-15' };
    expect(askedRange({}, fallback)).toEqual({ ok: true, range: fallback });
    expect(askedRange({ from: '2024-10-01', to: '' }, fallback)).toEqual({ ok: true, range: { from: '2024-10-01', to: '2024-10-15' } });
    expect(askedRange({ from: ' 2024-09-01 ', to: '2024-09-30' }, fallback)).toEqual({ ok: true, range: { from: '2024-09-01', to: '2024-09-30' } });
  });

  it('refuses a day that is not a date, or a range that ends before it starts, naming the field', () => {
    const fallback = { from: '2024-09-15', to: '2024-10-15' };
    expect(askedRange({ from: '2024-02-30', to: '十月' }, fallback)).toEqual({
      ok: false,
      errors: [
        { field: 'from', message: '请填写日期，格式为 YYYY-MM-DD' },
        { field: 'to', message: '请填写日期，格式为 YYYY-MM-DD' },
      ],
    });
    expect(askedRange({ from: '2024-10-16' }, fallback)).toEqual({ ok: false, errors: [{ field: 'to', message: '截止日期不能早于起始日期' }] });
  });
});
