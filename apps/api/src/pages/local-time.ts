/*
 * Every time a person reads on a page is Asia/Shanghai, `YYYY-MM-DD HH:mm` — never the API's raw UTC or
 * offset text. China has kept UTC+8 all year since 1991 (see the domain's time.ts), so the offset is fixed.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-12-03T07:01:30.450Z` → `2026-12-03 15:01`; text that is not an instant is shown as it came. */
export const localTime = (instant: string): string => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
};

/** The Shanghai day of an instant, `YYYY-MM-DD` (a bare day is returned as it is). */
export const localDay = (instantOrDay: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(instantOrDay) ? instantOrDay : localTime(instantOrDay).slice(0, 10);

/** An instant as a `datetime-local` field's value in Shanghai time (`2024-10-31T18:00`). */
export const localInputValue = (instant: string): string => localTime(instant).replace(' ', 'T');
