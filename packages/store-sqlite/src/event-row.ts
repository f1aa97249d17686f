import type { StoredRow } from '@xinfang/event-store';

/** A row of the `events` table as better-sqlite3 returns it (see schema.ts): the shared row of every SQL store. */
export type EventRow = StoredRow;
