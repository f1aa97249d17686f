import { addDays, dayOf, isLocalDate, type Instant, type LocalDate } from '@xinfang/domain';

/*
 * The days the 工作台 shows its figures for. Asked for, `from` and `to` (both dates, `to` inclusive); not
 * asked for, the month up to today — unless the store holds no event of that month: then the month up to
 * the day of its latest event, so that a store of a past campaign (the demo's is 15 Sep – 15 Oct 2024)
 * opens on its data, not on an empty month of zeroes and every case overdue.
 */

/** The days of the default range: a month, as long as the demo's campaign (15 Sep – 15 Oct 2024). */
export const DEFAULT_RANGE_DAYS = 31;

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

const monthTo = (to: LocalDate): DateRange => ({ from: addDays(to, 1 - DEFAULT_RANGE_DAYS), to });

/**
 * The default range on `today`, given the business time of the latest event in the store (none when it is
 * empty). An event dated after today (typed ahead) is recent: today's month is shown.
 */
export const defaultRange = (today: LocalDate, latestEventAt: Instant | undefined): DateRange => {
  const recent = monthTo(today);
  if (latestEventAt === undefined) return recent;
  const latest = dayOf(latestEventAt);
  return latest >= recent.from ? recent : monthTo(latest);
};

export type RangeAnswer = { readonly ok: true; readonly range: DateRange } | { readonly ok: false; readonly errors: readonly RangeFieldError[] };

export interface RangeFieldError {
  readonly field: 'from' | 'to';
  readonly message: string;
}

/**
 * The range a request asks for: a field left empty takes the default's day; a day that is not a date, or a
 * `from` after `to`, is an error beside its field.
 */
export const askedRange = (asked: { readonly from?: string; readonly to?: string }, fallback: DateRange): RangeAnswer => {
  const errors: RangeFieldError[] = [];
  const day = (field: 'from' | 'to'): LocalDate => {
    const text = asked[field]?.trim() ?? '';
    if (text === '') return fallback[field];
    if (!isLocalDate(text)) errors.push({ field, message: '请填写日期，格式为 YYYY-MM-DD' });
    return text;
  };
  const from = day('from');
  const to = day('to');
  if (errors.length === 0 && from > to) errors.push({ field: 'to', message: '截止日期不能早于起始日期' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, range: { from, to } };
};
