import type { EventStore } from '@xinfang/event-store';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import type { StoreLocation } from './store-location';

export interface OpenLogOptions {
  /** Only reads (a migration's origin): a store that cannot be written is still read. */
  readonly readOnly?: boolean;
  /** The id a new log takes: a migration's copy takes its origin's. */
  readonly storeId?: string;
}

/** The event log alone (verify needs nothing else). */
export const openLog = (location: StoreLocation, options: OpenLogOptions = {}): EventStore =>
  createSqliteEventStore({
    path: location.path,
    ...(options.readOnly === true ? { readOnly: true } : {}),
    ...(options.storeId === undefined ? {} : { storeId: options.storeId }),
  });
