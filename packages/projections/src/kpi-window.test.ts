import { describe, expect, it } from 'vitest';
import { createCalendar, endOfDay } from '@xinfang/domain';
import { checkWindow, inWindow, trackCalendar, windowDaysUpTo, windowWeeks } from './kpi-window';

const campaign = { from: '2024-09-15', to: '2024-10-15' };

describe('in the window', () => {
  const inCampaign = inWindow(campaign, endOfDay('2024-10-15'));
  it('is the Asia/Shanghai day of the business time', () => {
    expect(inCampaign('2024-09-14T15:59:59Z')).toBe(false); // 14 Sep 23:59:59 in Shanghai
    expect(inCampaign('2024-09-14T16:00:00Z')).toBe(true); // 15 Sep 00:00 in Shanghai
    expect(inCampaign('2024-10-15T23:59:59+08:00')).toBe(true);
    expect(inCampaign('2024-10-16T00:00:00+08:00')).toBe(false);
  });
  it('and never after T', () => {
    expect(inWindow(campaign, '2024-09-20T12:00:00+08:00')('2024-09-20T12:00:01+08:00')).toBe(false);
    expect(inWindow(campaign, '2024-09-20T12:00:00+08:00')('2024-09-20T12:00:00+08:00')).toBe(true);
  });
  it('refuses a bound that is not a date', () => {
    expect(() => checkWindow({ from: '2024-09-15', to: '2024-10-32' })).toThrow(RangeError);
    expect(() => checkWindow(campaign)).not.toThrow();
  });
});

describe('days and weeks of the window', () => {
  it('days stop at T', () => {
    expect(windowDaysUpTo(campaign, endOfDay('2024-09-17'))).toEqual(['2024-09-15', '2024-09-16', '2024-09-17']);
    expect(windowDaysUpTo(campaign, endOfDay('2024-09-14'))).toEqual([]);
  });
  it('weeks with a working day in the window: not W37 (only Sunday 15 Sep, a holiday)', () => {
    const calendar = trackCalendar();
    expect(windowWeeks(campaign, endOfDay('2024-10-15'), calendar)).toEqual(['2024-09-16', '2024-09-23', '2024-09-30', '2024-10-07', '2024-10-14']);
    expect(calendar.provisionalYears()).toEqual([]);
  });
  it('a week of holidays only is no week of the window', () => {
    expect(windowWeeks({ from: '2024-10-01', to: '2024-10-06' }, endOfDay('2024-10-06'), trackCalendar())).toEqual([]);
  });
});

describe('the tracked calendar', () => {
  it('remembers the unpublished years it was asked about', () => {
    const calendar = trackCalendar(createCalendar());
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2027-09-15')).toBe(false);
    expect(calendar.isWorkingDay('2028-03-01')).toBe(true); // a Wednesday
    expect(calendar.provisionalYears()).toEqual([2027, 2028]);
  });
});
