import type { RecordedEvent } from '@xinfang/event-store';

/** The columns of `events` in the order every query selects them (see schema.ts). */
export const COLUMNS = 'position, stream_id, revision, event_id, type, data, meta, recorded_at, occurred_at, command_id, prev_hash, hash';

/** A row of `events` as pg returns it: bigint columns come back as strings (pg does not narrow them). */
export interface EventRow {
  readonly position: string;
  readonly stream_id: string;
  readonly revision: string;
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

/** A row as an event: the columns added to the object `JSON.parse` made of the rest of `meta` (as store-sqlite does). */
export const toRecorded = (row: EventRow): RecordedEvent => {
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
  // pg would send 42 as '42' to a text column, and the event would no longer match its hash.
  if (typeof value !== 'string') throw new TypeError(`append: ${field} must be a string, not ${typeof value}`);
  return value;
};

/**
 * Events as the column arrays of one `INSERT … SELECT FROM unnest(…)`: one statement for a whole batch,
 * whatever its size (a multi-row VALUES would run into the 65,535 bind parameters). `data` and `meta` are
 * the text store-sqlite writes: the JSON of a sealed event, which is plain JSON (`toPlainJson`), so
 * JSON.parse gives it back exactly.
 */
export const toColumns = (events: readonly RecordedEvent[]): unknown[] => {
  const columns: unknown[][] = Array.from({ length: 12 }, () => []);
  for (const event of events) {
    const { eventId, streamId, revision, position, recordedAt, occurredAt, commandId, prevHash, hash, ...rest } = event.meta;
    const values = [
      position,
      streamId,
      revision,
      text(eventId, 'meta.eventId'),
      text(event.type, 'type'),
      event.data === undefined ? null : JSON.stringify(event.data),
      JSON.stringify(rest),
      text(recordedAt, 'meta.recordedAt (from the clock)'),
      text(occurredAt, 'meta.occurredAt'),
      text(commandId, 'meta.commandId'),
      prevHash,
      hash,
    ];
    values.forEach((value, i) => (columns[i] as unknown[]).push(value));
  }
  return columns;
};

/** The INSERT that `toColumns` feeds, for the events table `table` (a quoted, schema-qualified name). */
export const insertSql = (table: string): string =>
  `INSERT INTO ${table} (${COLUMNS})
   SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`;
