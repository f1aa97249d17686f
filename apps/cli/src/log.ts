import type { EventStore } from '@xinfang/event-store';
import { createPostgresEventStore } from '@xinfang/store-postgres';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import type { AnyStoreLocation } from './store-location';

export interface OpenLogOptions {
  /** Only reads (a migration's origin): a SQLite file that cannot be written is still read. */
  readonly readOnly?: boolean;
  /** The id a new log takes: a migration's copy takes its origin's. */
  readonly storeId?: string;
}

/** The event log alone, as stored (verify and migrate need nothing else). */
export const openLog = async (location: AnyStoreLocation, options: OpenLogOptions = {}): Promise<EventStore> => {
  const storeId = options.storeId === undefined ? {} : { storeId: options.storeId };
  if (location.kind === 'postgres') {
    return createPostgresEventStore({ connectionString: location.url, ...(location.schema === undefined ? {} : { schema: location.schema }), ...storeId });
  }
  return createSqliteEventStore({ path: location.path, ...(options.readOnly === true ? { readOnly: true } : {}), ...storeId });
};
