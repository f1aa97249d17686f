import { compareInstants, endOfDay, isInstant, isLocalDate, type Instant } from '@xinfang/domain';
import { readLastEvent, type EventStore } from '@xinfang/event-store';
import type { TimeView } from '@xinfang/projections';
import { CliError } from './errors';

/*
 * `--as-of` (business time) and `--known-at` (recording time): a plain date means the end of that day in
 * Asia/Shanghai, an instant needs its offset (`2024-10-01T18:00:00+08:00`). Both default to now, except
 * that a default never hides what the log holds: `--known-at` is the latest recording time when that is
 * after now (events written while a server's clock ran fast), as the API's default view (API.md, "Queries").
 */

export const parseMoment = (option: string, text: string): Instant => {
  const value = text.trim();
  if (isLocalDate(value)) return endOfDay(value);
  if (isInstant(value)) return value;
  throw new CliError(
    `${option} 应为日期 YYYY-MM-DD 或带时区的时刻 / ${option} expects a date (2024-10-01) or an instant with an offset (2024-10-01T18:00:00+08:00), not "${text}"`,
  );
};

export const timeView = (options: { asOf?: string; knownAt?: string }, now: Instant, latestRecordedAt?: Instant): TimeView => ({
  asOf: options.asOf === undefined ? now : parseMoment('--as-of', options.asOf),
  knownAt:
    options.knownAt !== undefined
      ? parseMoment('--known-at', options.knownAt)
      : latestRecordedAt !== undefined && compareInstants(latestRecordedAt, now) > 0
        ? latestRecordedAt
        : now,
});

/** The recording time of the log's last event (recording times never go backwards), if it has one. */
export const latestRecordedAt = async (store: EventStore): Promise<Instant | undefined> => (await readLastEvent(store))?.meta.recordedAt;

/** `2024-10-15 18:00` in Asia/Shanghai. */
export const shanghaiTime = (instant: Instant): string => {
  const iso = new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/** How a view reads in a heading: `截至 2024-10-01（录入截至 2024-10-05 23:59）`. */
export const describeView = (view: TimeView, now: Instant): string => {
  const asOf = compareInstants(view.asOf, now) === 0 ? `现在 now (${shanghaiTime(now)})` : shanghaiTime(view.asOf);
  const knownAt = compareInstants(view.knownAt, now) === 0 ? '' : `；录入截至 known at ${shanghaiTime(view.knownAt)}`;
  return `截至 as of ${asOf}${knownAt}`;
};
