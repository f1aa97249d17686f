import chineseDays from 'chinese-days';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it, vi } from 'vitest';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  CalendarFileC,
  CalendarYearC,
  DayOverrideC,
  createCalendar,
  officialCalendar,
  statutoryHolidays,
  type CalendarFile,
  type CalendarYear,
} from './calendar';
import { CHINESE_DAYS_SOURCE, chineseDaysYears, yearsOfChineseDays } from './calendar-data';
import { daysFrom, weekdayOf } from './time';
import { decodeWith } from './validation';

const cal = officialCalendar;
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);
const offDays = (from: string, to: string) => daysFrom(from, to).filter((d) => !cal.isWorkingDay(d));
const dates = (days: readonly { date: string }[]) => days.map((d) => d.date);

describe('chinese-days data', () => {
  it('publishes 2004–2026 (chinese-days 1.5.7: update when the package is bumped)', () => {
    expect(cal.publishedYears()).toEqual(range(2004, 2026));
    expect(chineseDaysYears.map((y) => y.year)).toEqual(range(2004, 2026));
    expect(chineseDaysYears.every((y) => y.source === CHINESE_DAYS_SOURCE)).toBe(true);
  });

  it('keeps only years with a holiday, and the official names', () => {
    const years = yearsOfChineseDays({
      holidays: { '2031-01-01': "New Year's Day,元旦,1", '2031-10-06': 'Mid-autumn Festival,中秋,1', '2031-05-01': '劳动节' },
      workdays: { '2031-09-28': 'National Day,国庆节,3', '2032-01-04': "New Year's Day,元旦,1" },
    });
    expect(years).toEqual([
      {
        year: 2031,
        holidays: [
          { date: '2031-01-01', name: '元旦' },
          { date: '2031-05-01', name: '劳动节' },
          { date: '2031-10-06', name: '中秋节' },
        ],
        workdays: [{ date: '2031-09-28', name: '国庆节' }],
        source: CHINESE_DAYS_SOURCE,
      },
    ]);
  });
});

describe('2024: Mid-Autumn and National Day', () => {
  it('15–17 Sep and 1–7 Oct are holidays', () => {
    for (const date of [...daysFrom('2024-09-15', '2024-09-17'), ...daysFrom('2024-10-01', '2024-10-07')]) {
      expect(cal.isWorkingDay(date), date).toBe(false);
      expect(cal.dayInfo(date).kind, date).toBe('holiday');
    }
    expect(cal.dayInfo('2024-09-17')).toEqual({ date: '2024-09-17', working: false, kind: 'holiday', name: '中秋节', provisional: false });
    expect(cal.dayInfo('2024-10-05')).toEqual({ date: '2024-10-05', working: false, kind: 'holiday', name: '国庆节', provisional: false });
  });

  it('Sunday 29 Sep and Saturday 12 Oct are swapped working days', () => {
    expect(weekdayOf('2024-09-29')).toBe(7);
    expect(weekdayOf('2024-10-12')).toBe(6);
    expect(cal.dayInfo('2024-09-29')).toEqual({ date: '2024-09-29', working: true, kind: 'swappedWorkday', name: '国庆节', provisional: false });
    expect(cal.dayInfo('2024-10-12')).toMatchObject({ working: true, kind: 'swappedWorkday', name: '国庆节' });
    expect(cal.isWorkingDay('2024-09-29')).toBe(true);
    expect(cal.isWorkingDay('2024-10-12')).toBe(true);
  });

  it('Wednesday 18 Sep is an ordinary working day, Wednesday 2 Oct is not', () => {
    expect(cal.dayInfo('2024-09-18')).toEqual({ date: '2024-09-18', working: true, kind: 'workday', provisional: false });
    expect(weekdayOf('2024-10-02')).toBe(3);
    expect(cal.isWorkingDay('2024-10-02')).toBe(false);
  });

  it('an ordinary weekend rests, and Saturday 14 Sep is a swapped working day', () => {
    expect(cal.dayInfo('2024-09-21')).toEqual({ date: '2024-09-21', working: false, kind: 'weekend', provisional: false });
    expect(cal.dayInfo('2024-09-14')).toMatchObject({ working: true, kind: 'swappedWorkday', name: '中秋节' });
  });
});

describe('2025 and 2026 from the data', () => {
  it('2025: Spring Festival 28 Jan–4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked', () => {
    expect(offDays('2025-01-25', '2025-02-09')).toEqual([
      '2025-01-25',
      ...daysFrom('2025-01-28', '2025-02-04'),
      '2025-02-09',
    ]);
    expect(cal.dayInfo('2025-01-26')).toEqual({ date: '2025-01-26', working: true, kind: 'swappedWorkday', name: '春节', provisional: false });
    expect(cal.dayInfo('2025-02-08').kind).toBe('swappedWorkday');
  });

  it('2025: Labour Day 1–5 May, National Day and Mid-Autumn 1–8 Oct', () => {
    expect(offDays('2025-04-26', '2025-05-11')).toEqual(['2025-04-26', ...daysFrom('2025-05-01', '2025-05-05'), '2025-05-10', '2025-05-11']);
    expect(offDays('2025-09-27', '2025-10-12')).toEqual(['2025-09-27', ...daysFrom('2025-10-01', '2025-10-08'), '2025-10-12']);
    expect(cal.dayInfo('2025-10-06').name).toBe('中秋节');
    expect(cal.dayInfo('2025-09-28').kind).toBe('swappedWorkday');
    expect(cal.dayInfo('2025-10-11').kind).toBe('swappedWorkday');
  });

  it('2026: National Day 1–7 Oct, Sunday 20 Sep and Saturday 10 Oct worked; Spring Festival 15–23 Feb', () => {
    expect(offDays('2026-09-19', '2026-10-11')).toEqual([
      '2026-09-19',
      ...daysFrom('2026-09-25', '2026-09-27'),
      ...daysFrom('2026-10-01', '2026-10-07'),
      '2026-10-11',
    ]);
    expect(cal.dayInfo('2026-09-20')).toMatchObject({ working: true, kind: 'swappedWorkday', name: '国庆节' });
    expect(cal.dayInfo('2026-10-10')).toMatchObject({ working: true, kind: 'swappedWorkday' });
    expect(offDays('2026-02-14', '2026-02-28')).toEqual([...daysFrom('2026-02-15', '2026-02-23')]);
    expect(cal.dayInfo('2026-01-04')).toMatchObject({ working: true, kind: 'swappedWorkday', name: '元旦' });
  });

  it('2024–2026 are published, not provisional; 2027 on are', () => {
    for (const date of ['2024-01-01', '2025-06-30', '2026-12-31']) {
      expect(cal.isProvisional(date)).toBe(false);
      expect(cal.dayInfo(date).provisional).toBe(false);
    }
    expect(cal.isProvisional('2027-01-01')).toBe(true);
    expect(cal.provisionalYearsIn('2024-01-01', '2026-12-31')).toEqual([]);
    expect(cal.provisionalYearsIn('2026-06-01', '2028-03-01')).toEqual([2027, 2028]);
    expect(cal.provisionalYearsIn('2028-03-01', '2026-06-01')).toEqual([]);
  });
});

describe('statutory fallback (2024 rules, in force from 2025)', () => {
  it('2030 is provisional and gets 1 Jan, the Spring Festival’s 4 days, 1–2 May, 1–3 Oct off', () => {
    expect(cal.isProvisional('2030-06-01')).toBe(true);
    expect(cal.provisionalYearsIn('2030-01-01', '2030-12-31')).toEqual([2030]);
    expect(cal.dayInfo('2030-01-01')).toEqual({ date: '2030-01-01', working: false, kind: 'holiday', name: '元旦', provisional: true });
    // Lunar New Year 2030 is Sunday 3 Feb; the Eve (lunar 12/30) is Saturday 2 Feb.
    for (const date of [...daysFrom('2030-02-02', '2030-02-05'), '2030-05-01', '2030-05-02', ...daysFrom('2030-10-01', '2030-10-03')]) {
      expect(cal.dayInfo(date), date).toMatchObject({ working: false, kind: 'holiday', provisional: true });
    }
    expect(cal.dayInfo('2030-02-02').name).toBe('春节');
    expect(cal.dayInfo('2030-10-03').name).toBe('国庆节');
  });

  it('2030: the whole list, with make-up days for the Eve and New Year falling on a weekend', () => {
    expect(statutoryHolidays(2030)).toEqual([
      { date: '2030-01-01', name: '元旦' },
      { date: '2030-02-02', name: '春节' },
      { date: '2030-02-03', name: '春节' },
      { date: '2030-02-04', name: '春节' },
      { date: '2030-02-05', name: '春节' },
      { date: '2030-02-06', name: '春节补休' },
      { date: '2030-02-07', name: '春节补休' },
      { date: '2030-04-05', name: '清明节' },
      { date: '2030-05-01', name: '劳动节' },
      { date: '2030-05-02', name: '劳动节' },
      { date: '2030-06-05', name: '端午节' },
      { date: '2030-09-12', name: '中秋节' },
      { date: '2030-10-01', name: '国庆节' },
      { date: '2030-10-02', name: '国庆节' },
      { date: '2030-10-03', name: '国庆节' },
    ]);
    expect(statutoryHolidays(2030)).toBe(statutoryHolidays(2030));
  });

  it('no swapped working days are guessed: every weekend of 2030 rests', () => {
    const weekends = daysFrom('2030-01-01', '2030-12-31').filter((d) => weekdayOf(d) >= 6);
    expect(weekends.filter((d) => cal.isWorkingDay(d))).toEqual([]);
    expect(cal.dayInfo('2030-01-05')).toEqual({ date: '2030-01-05', working: false, kind: 'weekend', provisional: true });
    expect(cal.dayInfo('2030-01-07')).toEqual({ date: '2030-01-07', working: true, kind: 'workday', provisional: true });
  });

  it('2028: Mid-Autumn on 3 Oct coincides with National Day and gets a day more', () => {
    const october = statutoryHolidays(2028).filter((d) => d.date.startsWith('2028-10'));
    expect(october).toEqual([
      { date: '2028-10-01', name: '国庆节' },
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '中秋节、国庆节' },
      { date: '2028-10-04', name: '国庆节补休' },
      { date: '2028-10-05', name: '国庆节补休' },
    ]);
  });

  it('for 2025 and 2026 (same rules) the fallback is part of the published holidays', () => {
    for (const year of [2025, 2026]) {
      const published = new Set(dates(chineseDaysYears.find((y) => y.year === year)?.holidays ?? []));
      const fallback = dates(statutoryHolidays(year));
      expect(fallback.length).toBeGreaterThanOrEqual(13);
      expect(fallback.filter((d) => !published.has(d)), String(year)).toEqual([]);
    }
    expect(dates(statutoryHolidays(2025))).toEqual([
      '2025-01-01',
      ...daysFrom('2025-01-28', '2025-01-31'),
      '2025-04-04',
      '2025-05-01',
      '2025-05-02',
      '2025-05-31',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
    ]);
  });

  it('the lunar and solar-term days match every published year since 2008 (清明, 端午, 中秋, lunar 1/1–1/3)', () => {
    for (const year of range(2008, 2026)) {
      const festivals = statutoryHolidays(year).filter((d) => /清明节|端午节|中秋节|春节/.test(d.name) && !d.name.endsWith('补休'));
      const eve = festivals.find((d) => d.name === '春节');
      expect(festivals.length).toBeGreaterThanOrEqual(7);
      for (const day of festivals) {
        if (day === eve) continue; // the Eve was a working day in 2014–2024
        expect(cal.isWorkingDay(day.date), `${year} ${day.date} ${day.name}`).toBe(false);
      }
    }
  });

  it('does not depend on the time zone of the machine', async () => {
    const saved = process.env.TZ;
    const freshIn = async (tz: string) => {
      process.env.TZ = tz;
      vi.resetModules();
      const fresh = await import('./statutory-holidays');
      return range(2027, 2040).map((y) => fresh.statutoryHolidays(y));
    };
    try {
      const shanghai = await freshIn('Asia/Shanghai');
      const losAngeles = await freshIn('America/Los_Angeles');
      // chinese-days' own solar-term date is a day early here, so the correction is really exercised:
      expect(chineseDays.getSolarTermDate(2030, 4, 'pure_brightness')).toBe('2030-04-04');
      const kiritimati = await freshIn('Pacific/Kiritimati');
      expect(losAngeles).toEqual(shanghai);
      expect(kiritimati).toEqual(shanghai);
      expect(shanghai[3]).toEqual(statutoryHolidays(2030));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
      vi.resetModules();
    }
  });

  it('covers 1901–2100 only', () => {
    expect([CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR]).toEqual([1901, 2100]);
    expect(statutoryHolidays(2100).length).toBeGreaterThanOrEqual(13);
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
    expect(() => statutoryHolidays(2030.5)).toThrow(RangeError);
    expect(() => cal.dayInfo('2101-01-01')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(RangeError);
    expect(() => cal.isProvisional('20240101')).toThrow(RangeError);
  });
});

describe('what an office adds', () => {
  const year2030: CalendarYear = {
    year: 2030,
    holidays: [
      { date: '2030-01-01', name: '元旦' },
      ...daysFrom('2030-02-02', '2030-02-10').map((date) => ({ date, name: '春节' })),
    ],
    workdays: [{ date: '2030-01-26', name: '春节' }],
    source: '国办发明电〔2029〕1号',
  };

  it('a newly published year replaces the fallback and is no longer provisional', () => {
    const office = createCalendar({ years: [year2030] });
    expect(office.publishedYears()).toEqual([...range(2004, 2026), 2030]);
    expect(office.isProvisional('2030-06-01')).toBe(false);
    expect(office.provisionalYearsIn('2029-01-01', '2031-01-01')).toEqual([2029, 2031]);
    expect(office.dayInfo('2030-01-26')).toEqual({ date: '2030-01-26', working: true, kind: 'swappedWorkday', name: '春节', provisional: false });
    expect(office.dayInfo('2030-02-08').kind).toBe('holiday');
    // The whole year is replaced: the fallback's 1–3 Oct are ordinary days now.
    expect(office.dayInfo('2030-10-01')).toEqual({ date: '2030-10-01', working: true, kind: 'workday', provisional: false });
    // The official calendar is not changed.
    expect(cal.isProvisional('2030-06-01')).toBe(true);
  });

  it('a year of chinese-days can be replaced too', () => {
    const office = createCalendar({ years: [{ year: 2024, holidays: [{ date: '2024-10-01', name: '国庆节' }], workdays: [] }] });
    expect(office.isWorkingDay('2024-10-01')).toBe(false);
    expect(office.isWorkingDay('2024-10-02')).toBe(true);
    expect(office.isWorkingDay('2024-09-29')).toBe(false);
  });

  it('an override flips a day and wins over everything', () => {
    const office = createCalendar({
      overrides: [
        { date: '2024-10-08', working: false, name: '街道停电' },
        { date: '2024-10-02', working: true, name: '集中接访日' },
        { date: '2024-10-12', working: false, name: '取消调休' },
        { date: '2024-10-19', working: true, name: '补班' },
        { date: '2030-10-02', working: true, name: '集中接访日' },
      ],
    });
    expect(office.dayInfo('2024-10-08')).toEqual({ date: '2024-10-08', working: false, kind: 'holiday', name: '街道停电', provisional: false });
    expect(office.dayInfo('2024-10-02')).toEqual({ date: '2024-10-02', working: true, kind: 'workday', name: '集中接访日', provisional: false });
    expect(office.dayInfo('2024-10-12')).toEqual({ date: '2024-10-12', working: false, kind: 'weekend', name: '取消调休', provisional: false });
    expect(office.dayInfo('2024-10-19')).toMatchObject({ working: true, kind: 'swappedWorkday', name: '补班' });
    expect(office.dayInfo('2030-10-02')).toMatchObject({ working: true, kind: 'workday', provisional: true });
    expect(office.isWorkingDay('2024-10-08')).toBe(false);
    expect(cal.isWorkingDay('2024-10-08')).toBe(true);
  });

  it('refuses an invalid calendar', () => {
    expect(() => createCalendar({ overrides: [{ date: '2024-13-01', working: true, name: 'x' }] })).toThrow(
      /invalid calendar: .*overrides.*date/,
    );
  });
});

describe('codecs', () => {
  const good = {
    years: [
      {
        year: 2027,
        holidays: [{ date: '2027-01-01', name: '元旦' }],
        workdays: [{ date: '2027-02-20', name: '春节' }],
        source: '国办发明电〔2026〕1号',
        note: 'dropped',
      },
    ],
    overrides: [{ date: '2027-03-05', working: false, name: '区人大会议' }],
  };

  it('decodes a good calendar file (unknown keys dropped) and builds a calendar from it', () => {
    const decoded = CalendarFileC.decode(good);
    expect(isRight(decoded)).toBe(true);
    if (!isRight(decoded)) return;
    const file: CalendarFile = decoded.right;
    expect(file.years?.[0]).toEqual({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      workdays: [{ date: '2027-02-20', name: '春节' }],
      source: '国办发明电〔2026〕1号',
    });
    const office = createCalendar(file);
    expect(office.isProvisional('2027-06-01')).toBe(false);
    expect(office.dayInfo('2027-02-20').kind).toBe('swappedWorkday');
    expect(office.dayInfo('2027-03-05')).toMatchObject({ working: false, kind: 'holiday', name: '区人大会议' });
    expect(CalendarFileC.is(good)).toBe(true);
    expect(CalendarFileC.encode(decoded.right)).toEqual(file);
    expect(isRight(CalendarFileC.decode({}))).toBe(true);
  });

  it('refuses a bad calendar file, with the path of each bad field', () => {
    const bad = {
      years: [{ year: 2027, holidays: [{ date: '2027-02-30', name: '春节' }], workdays: [{ date: '2027-02-20' }] }],
      overrides: [{ date: '2027-03-05', working: 'no', name: '' }],
    };
    const result = decodeWith(CalendarFileC, bad);
    expect(isLeft(result)).toBe(true);
    if (!isLeft(result)) return;
    // Compared without the array indices: fieldErrors also shows the indices of struct's intersection.
    const fields = result.left.map((e) => e.path.split('.').filter((key) => !/^\d+$/.test(key)).join('.'));
    expect(fields.sort()).toEqual(['overrides.name', 'overrides.working', 'years.holidays.date', 'years.workdays.name']);
    expect(CalendarFileC.is(bad)).toBe(false);
  });

  it('refuses a date outside its year, a date listed twice, a year listed twice, an override date listed twice', () => {
    const year = (y: number, holidays: string[], workdays: string[] = []) => ({
      year: y,
      holidays: holidays.map((date) => ({ date, name: '元旦' })),
      workdays: workdays.map((date) => ({ date, name: '元旦' })),
    });
    expect(isLeft(CalendarYearC.decode(year(2027, ['2028-01-01'])))).toBe(true);
    expect(isLeft(CalendarYearC.decode(year(2027, ['2027-01-02'], ['2027-01-02'])))).toBe(true);
    expect(isLeft(CalendarYearC.decode(year(2101, [])))).toBe(true);
    expect(isLeft(CalendarYearC.decode(year(2027.5, [])))).toBe(true);
    expect(isRight(CalendarYearC.decode(year(2027, ['2027-01-01'], ['2027-01-03'])))).toBe(true);
    expect(isLeft(CalendarFileC.decode({ years: [year(2027, []), year(2027, [])] }))).toBe(true);
    const override = { date: '2027-03-05', working: true, name: '补班' };
    expect(isRight(DayOverrideC.decode(override))).toBe(true);
    expect(isLeft(DayOverrideC.decode({ ...override, date: '1900-03-05' }))).toBe(true);
    expect(isLeft(CalendarFileC.decode({ overrides: [override, override] }))).toBe(true);
    expect(isLeft(CalendarFileC.decode('not a file'))).toBe(true);
    expect(() => createCalendar({ years: [year(2027, []), year(2027, [])] })).toThrow(RangeError);
  });
});

describe('counting working days', () => {
  it('workingDaysIn across the 2024 National Day', () => {
    expect(cal.workingDaysIn('2024-09-28', '2024-10-13')).toEqual([
      '2024-09-29',
      '2024-09-30',
      '2024-10-08',
      '2024-10-09',
      '2024-10-10',
      '2024-10-11',
      '2024-10-12',
    ]);
    expect(cal.workingDaysIn('2024-10-01', '2024-10-07')).toEqual([]);
    expect(cal.workingDaysIn('2024-10-13', '2024-09-28')).toEqual([]);
    expect(() => cal.workingDaysIn('2024-09-28', 'later')).toThrow(RangeError);
    expect(cal.workingDaysIn('2024-01-01', '2024-12-31')).toHaveLength(251);
  });

  it('addWorkingDays across the 2024 National Day', () => {
    expect(cal.addWorkingDays('2024-09-27', 1)).toBe('2024-09-29');
    expect(cal.addWorkingDays('2024-09-30', 1)).toBe('2024-10-08');
    expect(cal.addWorkingDays('2024-09-30', 5)).toBe('2024-10-12');
    expect(cal.addWorkingDays('2024-09-30', 6)).toBe('2024-10-14');
    expect(cal.addWorkingDays('2024-10-03', 1)).toBe('2024-10-08');
    expect(cal.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(cal.addWorkingDays('2024-10-08', -2)).toBe('2024-09-29');
    expect(cal.addWorkingDays('2024-10-03', 0)).toBe('2024-10-03');
    expect(() => cal.addWorkingDays('2024-10-03', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2024-10-32', 1)).toThrow(RangeError);
  });

  it('addWorkingDays agrees with workingDaysIn', () => {
    const days = cal.workingDaysIn('2024-09-01', '2025-02-28');
    const start = '2024-08-30';
    days.forEach((day, i) => expect(cal.addWorkingDays(start, i + 1)).toBe(day));
    expect(cal.addWorkingDays(days[days.length - 1] ?? '', -(days.length - 1))).toBe(days[0]);
  });
});
