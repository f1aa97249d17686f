import { compareInstants, endOfDay, type Instant, type LocalDate } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';

/**
 * The two times of every query (REPORTS.md): `asOf`, the business time — the world as it stood then;
 * `knownAt`, the recording time — what the system had been told by then. A ledger "as of 1 October,
 * as known on 5 October" takes the events that happened by 1 October and were typed in by 5 October.
 */
export interface TimeView {
  readonly asOf: Instant;
  readonly knownAt: Instant;
}

/** Whether an event is part of the world a view shows. */
export const isVisible = (event: RecordedEvent, view: TimeView): boolean =>
  compareInstants(event.meta.occurredAt, view.asOf) <= 0 && compareInstants(event.meta.recordedAt, view.knownAt) <= 0;

/** The view of everything up to now (a live read model shows exactly this). */
export const currentView = (now: Instant): TimeView => ({ asOf: now, knownAt: now });

/** A plain date as `asOf` means the end of that day in Asia/Shanghai. */
export const asOfDate = (date: LocalDate): Instant => endOfDay(date);
