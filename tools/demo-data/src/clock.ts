import { officialCalendar } from '@xinfang/domain';

/*
 * Time as the generator counts it: a day is a whole number (days since 1970-01-01 in Asia/Shanghai) and
 * an instant is milliseconds since the epoch. Both turn into the API's strings only when a body is made.
 * China has kept UTC+8 all year since 1991, so a fixed offset is exact.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** `2024-09-18` → its day number. */
export const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

const dates = new Map<number, string>();
/** Day number → `YYYY-MM-DD`. */
export const dateOf = (day: number): string => {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
};

/** The instant `minute` minutes into `day` (Shanghai). */
export const at = (day: number, minute: number): number => day * DAY + minute * MINUTE - OFFSET;

/** The Shanghai day of an instant. */
export const dayOfInstant = (ms: number): number => Math.floor((ms + OFFSET) / DAY);

/** Minutes since midnight (Shanghai) of an instant. */
export const minuteOfDay = (ms: number): number => Math.floor(((ms + OFFSET) % DAY) / MINUTE);

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** An instant as the API writes it: `2024-09-18T09:30:00+08:00` (whole seconds). */
export const iso = (ms: number): string => {
  const local = ms + OFFSET;
  const day = Math.floor(local / DAY);
  const seconds = Math.floor((local - day * DAY) / 1000);
  return `${dateOf(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}+08:00`;
};

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekday = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** The Monday of the week of `day`. */
export const mondayOf = (day: number): number => day - weekday(day) + 1;

const working = new Map<number, boolean>();
/** Whether `day` is a working day of the official calendar (holidays and 调休 included). */
export const isWorkingDay = (day: number): boolean => {
  let result = working.get(day);
  if (result === undefined) {
    result = officialCalendar.isWorkingDay(dateOf(day));
    working.set(day, result);
  }
  return result;
};

/** `day` itself when it is a working day, else the next one. */
export const workingOnOrAfter = (day: number): number => {
  let d = day;
  while (!isWorkingDay(d)) d += 1;
  return d;
};

/** `day` itself when it is a working day, else the one before. */
export const workingOnOrBefore = (day: number): number => {
  let d = day;
  while (!isWorkingDay(d)) d -= 1;
  return d;
};

/** The `n`-th working day after `day` (`n` ≥ 0; 0 gives the first working day on or after it). */
export const addWorkingDays = (day: number, n: number): number => {
  let d = workingOnOrAfter(day);
  for (let i = 0; i < n; i += 1) d = workingOnOrAfter(d + 1);
  return d;
};

/** The working days from `from` to `to`, both included. */
export const workingDaysIn = (from: number, to: number): number[] => {
  const days: number[] = [];
  for (let d = from; d <= to; d += 1) if (isWorkingDay(d)) days.push(d);
  return days;
};
