import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import pino, { type Logger } from 'pino';
import { officialCalendar, type WorkingCalendar } from '@xinfang/domain';
import { systemClock, systemIds, type Clock, type EventStore, type IdGenerator } from '@xinfang/event-store';
import {
  createMemoryReadModels,
  createProjectionRunner,
  createSqliteReadModels,
  createLiveWorldDocs,
  createWorldSource,
  feedLiveDocs,
  LIVE_WORLD_PROJECTIONS,
  loadLiveDocs,
  logBoundsProjection,
  observeReadModels,
  worldProjections,
} from '@xinfang/projections';
import { createSqliteEventStore, type SqliteEventStoreOptions } from '@xinfang/store-sqlite';
import { openAppDatabase, type AppDatabase } from './app-database';
import { lockReadModels } from './read-models-lock';
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
  /**
   * Where the read models live: `file` (default) in `.read.db` beside the log, kept by this process's
   * runner, which holds their lock (`.read.lock`) until `close`: while another process holds it, opening
   * throws `ReadModelsInUseError` before anything is touched. `memory` for a second process on the same
   * store (the CLI while a server runs), which catches up in memory and takes no lock.
   */
  readonly readModels?: 'file' | 'memory';
  /** How long an append waits for another process's write lock before answering 503 (the store's default: 5 s). */
  readonly busyTimeoutMs?: number;
}

/** The path of a file the app keeps beside the log: `siblingPath('data/x.db', '.app.db')` is `data/x.app.db`. */
export const siblingPath = (path: string, suffix: string): string =>
  path === ':memory:' ? ':memory:' : path.replace(/(\.db)?$/, suffix);

/**
 * The log, keyed with the app database's chain key (made on first open): the store marks the log from its
 * next position, and the app database records that position, so a marker later removed from the log is
 * noticed. A key that is not the log's (another store's app database) throws here, before anything is written.
 */
export const openKeyedLog = async (database: AppDatabase, options: Omit<SqliteEventStoreOptions, 'chainKey'>): Promise<EventStore> => {
  const store = createSqliteEventStore({ ...options, chainKey: database.chain.key() });
  const marker = await store.chainMarker();
  if (marker !== undefined) database.chain.recordFrom(marker.fromPosition);
  return store;
};

/**
 * Opens everything the app needs on one store: the event log, the app database (tokens and personal-data
 * keys, apart from the log), the read models, and a projection runner caught up with the log.
 */
export const openServices = async (options: OpenOptions): Promise<Services & { close: () => Promise<void> }> => {
  if (options.storePath !== ':memory:') mkdirSync(dirname(options.storePath), { recursive: true });
  const clock = options.clock ?? systemClock;
  // First of all: a process that may not keep the read models (a server has them) touches nothing.
  const lock =
    options.readModels === 'memory' || options.storePath === ':memory:'
      ? undefined
      : lockReadModels(siblingPath(options.storePath, '.read.lock'));
  let database: AppDatabase;
  let store: EventStore;
  try {
    database = openAppDatabase(siblingPath(options.storePath, '.app.db'));
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    store = await openKeyedLog(database, {
      path: options.storePath,
      clock,
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
  } catch (error) {
    database.close();
    lock?.release();
    throw error;
  }
  const readDb = options.readModels === 'memory' ? undefined : new Database(siblingPath(options.storePath, '.read.db'));
  readDb?.pragma('journal_mode = WAL');
  const stored = readDb === undefined ? createMemoryReadModels() : createSqliteReadModels(readDb);
  // The states and bounds every query is answered from, kept parsed in memory and moved on by the runner's
  // commits: a query no longer reads and parses every stored document.
  const live = createLiveWorldDocs();
  const readModels = observeReadModels(stored, feedLiveDocs(live));
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  // A runner that stops (another process rebuilding the same read models, say) must not take the server
  // down: it is logged, and queries fall back to replaying the log (see createWorldSource).
  const runner = createProjectionRunner({
    store,
    readModels,
    projections: [...worldProjections, logBoundsProjection],
    onError: (error) => logger.error({ err: error }, 'projection runner stopped'),
    // A restored backup of the log, a deleted one: the read models are rebuilt from it, never trusted.
    onMismatch: (reason) => logger.warn({ reason }, '读模型与事件日志不符，从头重建 / the read models do not follow the log: rebuilding them'),
  });
  try {
    await loadLiveDocs(live, stored, LIVE_WORLD_PROJECTIONS); // before the runner writes
    await runner.start();
  } catch (error) {
    await store.close();
    readDb?.close();
    database.close();
    lock?.release();
    throw error;
  }
  const office = createOffice({ store, database, clock, readModels, runner });
  const services: Services = {
    store,
    database,
    readModels,
    runner,
    worlds: createWorldSource({ store, readModels, live }),
    office,
    personalData: vaultPersonalData(database),
    calendar: options.calendar ?? officialCalendar,
    clock,
    ids: options.ids ?? systemIds,
    logger,
  };
  return {
    ...services,
    close: async () => {
      await runner.stop();
      await store.close();
      readDb?.close();
      database.close();
      lock?.release();
    },
  };
};
