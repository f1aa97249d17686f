import type { RecordedEvent } from '@xinfang/event-store';

/** A row of the `events` table as better-sqlite3 returns it (see schema.ts). */
export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string | null;
  readonly meta: string;
  readonly recorded_at: string;
  readonly occurred_at: string;
  readonly command_id: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * A row as an event. The columns are added to the object `JSON.parse` made of the rest of `meta` rather than
 * spread into a new one: spreading a parsed object was most of the cost of reading the log (a replay reads
 * every row), and the result is the same — the parsed fields first, then the columns.
 */
export const toRecorded = (row: EventRow): RecordedEvent => {
  const meta = JSON.parse(row.meta) as Record<string, unknown>;
  meta.eventId = row.event_id;
  meta.streamId = row.stream_id;
  meta.revision = row.revision;
  meta.position = row.position;
  meta.recordedAt = row.recorded_at;
  meta.occurredAt = row.occurred_at;
  meta.commandId = row.command_id;
  meta.prevHash = row.prev_hash;
  meta.hash = row.hash;
  return { type: row.type, data: row.data === null ? undefined : JSON.parse(row.data), meta: meta as unknown as RecordedEvent['meta'] };
};
