import { STORED_COLUMN_NAMES, STORED_COLUMNS, toStoredRow, type RecordedEvent, type StoredRow } from '@xinfang/event-store';

/** The columns of `events` in the order every query selects them (see schema.ts). */
export const COLUMNS = STORED_COLUMNS;

/** A row of `events` as pg returns it: bigint columns come back as text (pg does not narrow them). */
export type EventRow = StoredRow<string>;

/**
 * Events as the column arrays of one `INSERT … SELECT FROM unnest(…)`: one statement for a whole batch,
 * whatever its size (a multi-row VALUES would run into the 65,535 bind parameters). `data` and `meta` are
 * the text store-sqlite writes: the JSON of a sealed event, which is plain JSON (`toPlainJson`), so
 * JSON.parse gives it back exactly.
 */
export const toColumns = (events: readonly RecordedEvent[]): unknown[] => {
  const columns: unknown[][] = STORED_COLUMN_NAMES.map(() => []);
  for (const event of events) {
    const row = toStoredRow(event);
    STORED_COLUMN_NAMES.forEach((name, i) => (columns[i] as unknown[]).push(row[name]));
  }
  return columns;
};

/** The INSERT that `toColumns` feeds, for the events table `table` (a quoted, schema-qualified name). */
export const insertSql = (table: string): string =>
  `INSERT INTO ${table} (${COLUMNS})
   SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`;
