import type { RecordedEvent } from './envelope';

/*
 * How a store keeps an event in a table row — every SQL store alike (store-sqlite, store-postgres): the
 * envelope's scalar fields in columns of their own, the rest of `meta` and the `data` as JSON text. Stored
 * events are read back by one function, `fromStoredRow`, whichever store holds them.
 */

/** The columns, in the order every store's queries select and insert them. */
export const STORED_COLUMN_NAMES = [
  'position',
  'stream_id',
  'revision',
  'event_id',
  'type',
  'data',
  'meta',
  'recorded_at',
  'occurred_at',
  'command_id',
  'prev_hash',
  'hash',
] as const;

export const STORED_COLUMNS = STORED_COLUMN_NAMES.join(', ');

/** A row of events. `Whole` is how the driver gives whole numbers back: pg gives a bigint as text. */
export interface StoredRow<Whole extends number | string = number> {
  readonly position: Whole;
  readonly stream_id: string;
  readonly revision: Whole;
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
export const fromStoredRow = (row: StoredRow<number | string>): RecordedEvent => {
  const meta = JSON.parse(row.meta) as Record<string, unknown>;
  meta.eventId = row.event_id;
  meta.streamId = row.stream_id;
  meta.revision = Number(row.revision);
  meta.position = Number(row.position);
  meta.recordedAt = row.recorded_at;
  meta.occurredAt = row.occurred_at;
  meta.commandId = row.command_id;
  meta.prevHash = row.prev_hash;
  meta.hash = row.hash;
  return { type: row.type, data: row.data === null ? undefined : JSON.parse(row.data), meta: meta as unknown as RecordedEvent['meta'] };
};

const text = (value: unknown, field: string): string => {
  // A store would keep 42 as '42' in a text column, and the event would no longer match its hash.
  if (typeof value !== 'string') throw new TypeError(`append: ${field} must be a string, not ${typeof value}`);
  return value;
};

/**
 * A sealed event as a row: the scalar fields in columns, the rest of `meta` and `data` as JSON. A sealed event
 * is plain JSON (`toPlainJson`), so JSON.stringify → JSON.parse gives it back exactly. Throws on a field of the
 * wrong type, before anything is written.
 */
export const toStoredRow = (event: RecordedEvent): StoredRow => {
  const { eventId, streamId, revision, position, recordedAt, occurredAt, commandId, prevHash, hash, ...rest } = event.meta;
  return {
    position,
    stream_id: streamId,
    revision,
    event_id: text(eventId, 'meta.eventId'),
    type: text(event.type, 'type'),
    data: event.data === undefined ? null : JSON.stringify(event.data),
    meta: JSON.stringify(rest),
    recorded_at: text(recordedAt, 'meta.recordedAt (from the clock)'),
    occurred_at: text(occurredAt, 'meta.occurredAt'),
    command_id: text(commandId, 'meta.commandId'),
    prev_hash: prevHash,
    hash,
  };
};
