import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import pino, { type Logger } from 'pino';
import { officialCalendar, type WorkingCalendar } from '@xinfang/domain';
import { systemClock, systemIds, type Clock, type EventStore, type IdGenerator } from '@xinfang/event-store';
import {
  createProjectionRunner,
  createSqliteReadModels,
  createWorldSource,
  logBoundsProjection,
  worldProjections,
} from '@xinfang/projections';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import { openAppDatabase } from './app-database';
import { createOffice } from './office';
import { vaultPersonalData } from './personal-data';
import type { Services } from './services';

export interface OpenOptions {
  /** The SQLite file of the event log; the app's own files sit beside it (`.app.db`, `.read.db`). */
  readonly storePath: string;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
  readonly calendar?: WorkingCalendar;
}

const sibling = (path: string, suffix: string): string => (path === ':memory:' ? ':memory:' : path.replace(/(\.db)?$/, suffix));

/**
 * Opens everything the app needs on one store: the event log, the app database (tokens and personal-data
 * keys, apart from the log), the read models, and a projection runner caught up with the log.
 */
export const openServices = async (options: OpenOptions): Promise<Services & { close: () => Promise<void> }> => {
  if (options.storePath !== ':memory:') mkdirSync(dirname(options.storePath), { recursive: true });
  const clock = options.clock ?? systemClock;
  const store: EventStore = createSqliteEventStore({ path: options.storePath, clock });
  const database = openAppDatabase(sibling(options.storePath, '.app.db'));
  const readDb = new Database(sibling(options.storePath, '.read.db'));
  readDb.pragma('journal_mode = WAL');
  const readModels = createSqliteReadModels(readDb);
  const runner = createProjectionRunner({ store, readModels, projections: [...worldProjections, logBoundsProjection] });
  await runner.start();
  const office = createOffice({ store, database, clock, readModels, runner });
  const services: Services = {
    store,
    database,
    readModels,
    runner,
    worlds: createWorldSource({ store, readModels }),
    office,
    personalData: vaultPersonalData(database),
    calendar: options.calendar ?? officialCalendar,
    clock,
    ids: options.ids ?? systemIds,
    logger: options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' }),
  };
  return {
    ...services,
    close: async () => {
      await runner.stop();
      await store.close();
      readDb.close();
      database.close();
    },
  };
};
