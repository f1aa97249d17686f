/**
 * Days and weeks in Asia/Shanghai. China has kept UTC+8 all year since 1991, so a fixed offset is exact
 * and keeps the domain free of any time-zone database.
 */

/** A day in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;
/** An ISO 8601 instant with an offset, e.g. `2024-09-18T09:30:00+08:00`. */
export type Instant = string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD`. */
export const isLocalDate = (value: string): boolean => {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
};

/** Whether `value` is an ISO 8601 instant with an explicit offset (a bare local time is ambiguous). */
export const isInstant = (value: string): boolean =>
  INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value)) && isLocalDate(value.slice(0, 10));

/** Milliseconds since the epoch of an instant. */
export const epochMs = (instant: Instant): number => Date.parse(instant);

/**
 * Whether two instants are written alike — the same length, the same offset, hours below 24 — so that their
 * text sorts as the moments they name: every field is fixed-width digits, most significant first (`T24:00`,
 * the end of a day, is the next day's `T00:00` and sorts wrong, so it is left to `Date.parse`).
 */
const sameLayout = (a: Instant, b: Instant): boolean => {
  const n = a.length;
  if (b.length !== n || a[10] !== 'T' || b[10] !== 'T') return false;
  if ((a[11] === '2' && a[12] === '4') || (b[11] === '2' && b[12] === '4')) return false;
  if (a[n - 1] === 'Z') return b[n - 1] === 'Z';
  if (a[n - 6] !== '+' && a[n - 6] !== '-') return false;
  for (let i = n - 6; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
};

/**
 * Compares two instants by the moment they name (not by their text): the sign says which is earlier. Most
 * instants of one log share a layout and an offset, and are compared as text, without a `Date.parse` each
 * (which was a tenth of deriving the backlog); the others are compared as epoch milliseconds.
 */
export const compareInstants = (a: Instant, b: Instant): number => {
  if (a === b) return 0;
  if (sameLayout(a, b)) return a < b ? -1 : 1;
  return epochMs(a) - epochMs(b);
};

/** A real instant written at +08:00 with hours 00–23: its own date is its Asia/Shanghai day. */
const SHANGHAI_INSTANT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?\+08:00$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const daysInMonth = (year: number, month: number): number => (month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number));

/**
 * The Asia/Shanghai day on which an instant falls. Most instants are written at +08:00 already, and their
 * date is read from the text (a `Date` made and printed for each was a large part of deriving the KPIs);
 * any other (another offset, a day past its month's end that `Date.parse` rolls over, bad text) goes
 * through `Date`, as before.
 */
export const dayOf = (instant: Instant): LocalDate => {
  const match = SHANGHAI_INSTANT.exec(instant);
  if (match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]))) return instant.slice(0, 10);
  return new Date(epochMs(instant) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
};

const utcMidnight = (date: LocalDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtcMidnight = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

/** The day `days` calendar days after `date` (negative goes back). */
export const addDays = (date: LocalDate, days: number): LocalDate => fromUtcMidnight(utcMidnight(date) + days * DAY_MS);

/** Calendar days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: LocalDate): number => {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
};

/** The Monday of the ISO week that holds `date`. */
export const mondayOf = (date: LocalDate): LocalDate => addDays(date, 1 - weekdayOf(date));

/** The ISO week of a day, as `2024-W38`. */
export const isoWeekOf = (date: LocalDate): string => {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
};

/** The first instant of a Shanghai day. */
export const startOfDay = (date: LocalDate): Instant => `${date}T00:00:00+08:00`;

/** The last millisecond of a Shanghai day: "as of 2024-10-01" means up to and including that day. */
export const endOfDay = (date: LocalDate): Instant => `${date}T23:59:59.999+08:00`;

/** Every day from `from` to `to`, both included. */
export const daysFrom = (from: LocalDate, to: LocalDate): LocalDate[] => {
  const days: LocalDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/** The Chinese name of a weekday (星期一 … 星期日). */
export const weekdayLabel = (date: LocalDate): string => `星期${'一二三四五六日'[weekdayOf(date) - 1]}`;
