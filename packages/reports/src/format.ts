import { dayOf, epochMs, isLocalDate, type Instant, type LocalDate } from '@xinfang/domain';

/*
 * How a value reads on a form, shared by the CSV and the XLSX writers. Dates and times are Asia/Shanghai
 * wall time (UTC+8 all year since 1991, so a fixed offset is exact, as in the domain).
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A plain date (`LocalDate`, `YYYY-MM-DD`) or an instant (`Instant`), told apart by their shape; both are
 * strings, so this is a string too. Where a day is wanted, an instant stands for its Shanghai day.
 */
export type DayOrInstant = string;

/**
 * A `Date` whose UTC fields are the Asia/Shanghai wall time of an instant. Excel has no time zones: a cell
 * holds a wall time, and exceljs writes a `Date` by its UTC fields, so this is how a time is handed to it.
 */
export const shanghaiWallTime = (instant: Instant): Date => new Date(epochMs(instant) + SHANGHAI_OFFSET_MS);

/** The Shanghai day of a plain date (itself) or of an instant. */
export const dayOfDateOrInstant = (value: DayOrInstant): LocalDate => (isLocalDate(value) ? value : dayOf(value));

/** A `Date` at UTC midnight of the day: the day as Excel sees it (see `shanghaiWallTime`). */
export const excelDate = (value: DayOrInstant): Date => new Date(`${dayOfDateOrInstant(value)}T00:00:00Z`);

/** `YYYY-MM-DD` (Asia/Shanghai). */
export const formatDate = (value: DayOrInstant): string => dayOfDateOrInstant(value);

/** `YYYY-MM-DD HH:mm` (Asia/Shanghai). */
export const formatDateTime = (instant: Instant): string => {
  const iso = shanghaiWallTime(instant).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/** 是 / 否. */
export const yesNo = (value: boolean): string => (value ? '是' : '否');

/** A list as the forms write it: joined by `、`. */
export const joinList = (items: readonly string[]): string => items.join('、');
