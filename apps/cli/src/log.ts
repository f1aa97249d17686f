import type { EventStore } from '@xinfang/event-store';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import type { StoreLocation } from './store-location';

/** The event log alone (verify needs nothing else). */
export const openLog = (location: StoreLocation): EventStore => createSqliteEventStore({ path: location.path });
