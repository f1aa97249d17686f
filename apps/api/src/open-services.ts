import { dirname } from 'node:path';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import pino, { type Logger } from 'pino';
import { officialCalendar, type WorkingCalendar } from '@xinfang/domain';
import { systemClock, systemIds, type Clock, type EventStore, type IdGenerator } from '@xinfang/event-store';
import {
  createMemoryReadModels,
  createProjectionRunner,
  createSwitchableReadModels,
  createLiveWorldDocs,
  createWorldSource,
  dutyIndexProjection,
  feedLiveDocs,
  LIVE_WORLD_PROJECTIONS,
  loadLiveDocs,
  logBoundsProjection,
  observeReadModels,
  personIndexProjection,
  worldProjections,
} from '@xinfang/projections';
import type { AppDatabase } from './app-database';
import { appDatabasePlace, openAppDatabaseAt } from './app-database-place';
import { besidePaths, installReady, openReadDatabase, readyMisfit, refuseReady } from './read-models-beside';
import { lockReadModels, ReadModelsInUseError } from './read-models-lock';
import { takeSlot } from './read-models-slot';
import { createOffice } from './office';
import { inProcessQueries } from './queries';
import { createQueryPool, defaultPoolSize } from './query-pool';
import { vaultPersonalData } from './personal-data';
import type { Services } from './services';
import { asOpened } from './event-log';
import { openLogAt, type OpenLogAtOptions, type PostgresLog } from './log-place';

export interface OpenOptions {
  /**
   * The SQLite file of the event log; the app's own files sit beside it (`.app.db`, `.read.db`). With
   * `postgres`, only the anchor of the read models' files (log-place.ts): e.g. `data/pg-xinfang/xinfang.db`.
   */
  readonly storePath: string;
  /** The log is in PostgreSQL: the app database too, beside it (app-database-place.ts); the read models stay beside `storePath`. */
  readonly postgres?: PostgresLog;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
  readonly calendar?: WorkingCalendar;
  /**
   * Where the read models live: `file` (default) in a file beside the log kept by this process's runner,
   * in the first free slot (read-models-slot.ts: `.read.db` under `.read.lock` for the first process,
   * `.read.1.db` for a second server on the same store, …), whose lock it holds until `close`; with every
   * slot taken, opening throws `ReadModelsInUseError` before anything is touched. `memory` for a
   * short-lived process on the same store (the CLI while a server runs), which catches up in memory and
   * takes no slot. `lookups` for a
   * process that only writes (`xinfang demo`): in memory like `memory`, but only what commands look things
   * up in (the duty and person indexes), so its memory does not grow with every case's state; its
   * queries replay the log.
   */
  readonly readModels?: 'file' | 'memory' | 'lookups';
  /**
   * With `file`: take slot 0 (`.read.db`) or throw `ReadModelsInUseError` — for `xinfang rebuild
   * --projection`, which rebuilds those in place and is refused beside the server that keeps them.
   */
  readonly firstSlotOnly?: boolean;
  /**
   * How often a server looks for read models built beside it (`xinfang rebuild` while it serves) to swap
   * to; default 1,000 ms.
   */
  readonly besidePollMs?: number;
  /** How long an append waits for another process's write lock before answering 503 (the store's default: 5 s). */
  readonly busyTimeoutMs?: number;
  /**
   * Worker threads that answer the ledgers, KPIs, reports and files off the event loop (see query-pool.ts);
   * 0 answers them in this thread. Default: the smaller of 4 and the machine's cores with file read models;
   * 0 with memory read models (a worker cannot see them) or a calendar of the caller's (it cannot be sent).
   */
  readonly queryWorkers?: number;
  /** Queries that may wait for a worker before more are refused with 503 (default 4 per worker). */
  readonly queryQueueLimit?: number;
}


/**
 * The log, keyed with the app database's chain key (made on first open): the store marks the log from its
 * next position, and the app database records that position, so a marker later removed from the log is
 * noticed. A key that is not the log's (another store's app database) throws here, before anything is written.
 */
export const openKeyedLog = async (
  database: AppDatabase,
  options: Omit<OpenLogAtOptions, 'chainKey'> & { readonly path: string; readonly postgres?: PostgresLog },
): Promise<EventStore> => {
  const { path, postgres, ...rest } = options;
  const store = await openLogAt(path, postgres, { ...rest, chainKey: await database.chain.key() });
  const marker = await store.chainMarker();
  if (marker !== undefined) await database.chain.recordFrom(marker.fromPosition);
  return asOpened(store);
};

/**
 * Opens everything the app needs on one store: the event log, the app database (tokens and personal-data
 * keys, apart from the log), the read models, and a projection runner caught up with the log.
 */
export const openServices = async (options: OpenOptions): Promise<Services & { close: () => Promise<void> }> => {
  if (options.storePath !== ':memory:') mkdirSync(dirname(options.storePath), { recursive: true });
  const clock = options.clock ?? systemClock;
  // First of all: a process that may not keep the read models (a server has them) touches nothing.
  const inMemory = options.readModels === 'memory' || options.readModels === 'lookups' || options.storePath === ':memory:';
  const lookupsOnly = options.readModels === 'lookups';
  const lock = inMemory ? undefined : takeSlot(options.storePath, options.firstSlotOnly === true ? 1 : undefined);
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'info' });
  const appPlace = appDatabasePlace(options.storePath, options.postgres);
  let database: AppDatabase;
  let store: EventStore;
  try {
    database = await openAppDatabaseAt(appPlace, {
      onMirrorError: (error) => logger.warn({ err: error }, '未能读取其他服务器的密钥变更，将重试 / could not read the key changes of other servers: retrying'),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  try {
    store = await openKeyedLog(database, {
      path: options.storePath,
      ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
      clock,
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    });
  } catch (error) {
    await database.close();
    lock?.release();
    throw error;
  }
  // Read models built beside (`xinfang rebuild` while a server serves) are slot 0's, the first process's.
  const paths = lock?.index === 0 ? besidePaths(options.storePath) : undefined;
  // Read models built beside while no server ran (or one stopped before it took them, or ran other
  // projection versions: this start is the upgrade they were built for) go in first — if they are for these.
  const projections = lookupsOnly ? [dutyIndexProjection, personIndexProjection] : [...worldProjections, logBoundsProjection];
  if (paths !== undefined && existsSync(paths.ready) && readyMisfit(paths, projections) === undefined) installReady(paths);
  let served = lock === undefined ? undefined : openReadDatabase(lock.readDb);
  // Switchable: read models built beside are swapped in under the runner, the queries and the office.
  const stored = createSwitchableReadModels(served?.readModels ?? createMemoryReadModels());
  const workers = lock === undefined || options.calendar !== undefined ? 0 : (options.queryWorkers ?? defaultPoolSize());
  // The states and bounds every query is answered from, kept parsed in memory and moved on by the runner's
  // commits (a query no longer reads and parses every stored document): in each query worker, or here.
  const pool =
    lock === undefined || workers === 0
      ? undefined
      : createQueryPool({
          storePath: options.storePath,
          ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
          readDbPath: lock.readDb,
          appDatabase: appPlace,
          size: workers,
          ...(options.queryQueueLimit === undefined ? {} : { queueLimit: options.queryQueueLimit }),
          logger,
        });
  const live = pool === undefined && !lookupsOnly ? createLiveWorldDocs() : undefined;
  const feed = pool ?? (live === undefined ? undefined : feedLiveDocs(live));
  const readModels = feed === undefined ? stored : observeReadModels(stored, feed);
  // A runner that fails (a read-model file locked by another program, a disk full, a projection that
  // throws) must not take the server down, nor fail a query: it is logged and shown by /health, queries
  // are answered as of the last position it committed (query-view.ts), and it tries again by itself.
  const onMismatch = (reason: string) =>
    logger.warn({ reason }, '读模型与事件日志不符，从头重建 / the read models do not follow the log: rebuilding them');
  const runner = createProjectionRunner({
    store,
    readModels,
    projections,
    retry: {},
    onError: (error) => logger.error({ err: error }, '读模型更新失败，将自动重试 / the projection runner failed: retrying'),
    onRecovered: (position) => logger.info({ position }, '读模型已恢复更新 / the projection runner recovered'),
    // Another runner moved this process's read models on (none does while it holds their slot; should one,
    // the documents kept in memory are read again before this runner follows from its checkpoints).
    onFollowed: async () => {
      if (live !== undefined) await loadLiveDocs(live, stored, LIVE_WORLD_PROJECTIONS);
      pool?.reload();
    },
    // A restored backup of the log, a deleted one: the read models are rebuilt from it, never trusted.
    onMismatch,
  });
  try {
    if (live !== undefined) await loadLiveDocs(live, stored, LIVE_WORLD_PROJECTIONS); // before the runner writes
    await runner.start();
  } catch (error) {
    await pool?.close();
    await store.close();
    served?.db.close();
    await database.close();
    lock?.release();
    throw error;
  }

  /*
   * Read models built beside (see read-models-beside.ts): caught up beside while the served ones serve, then
   * swapped in while the runner writes nothing — the last events applied, both files closed, the ready one
   * renamed over the served one and opened, in one synchronous step after which every query reads the new
   * ones (an iteration begun before ends on the old ones, read into memory by `detach`).
   */
  const adopt = async (found: NonNullable<typeof paths>): Promise<void> => {
    // Nothing built, or built for another version and said so already.
    if (!existsSync(found.ready) || existsSync(found.deferred)) return;
    let buildLock: ReturnType<typeof lockReadModels>;
    try {
      buildLock = lockReadModels(found.buildLock);
    } catch (error) {
      if (error instanceof ReadModelsInUseError) return; // a rebuild is replacing it: the next look takes it
      throw error;
    }
    let next: ReturnType<typeof openReadDatabase> | undefined;
    try {
      const misfit = readyMisfit(found, projections);
      if (misfit !== undefined) {
        // Built by a newer app for the upgrade: this server keeps serving its own; the next start takes them.
        writeFileSync(found.deferred, `${misfit}\n`);
        logger.warn({ reason: misfit }, '新建的读模型属于另一版本，将在以该版本重启时启用 / the read models built beside are for another version: taken when the server restarts with it');
        return;
      }
      next = openReadDatabase(found.ready);
      const opened = next;
      const beside = createProjectionRunner({ store, readModels: opened.readModels, projections, onMismatch });
      await beside.catchUp();
      const position = await runner.replaceReadModels(async () => {
        await beside.catchUp();
        // One synchronous step from here: no query sees part of the old read models and part of the new.
        opened.db.close();
        const old = served;
        old?.readModels.detach();
        old?.db.close();
        try {
          installReady(found);
        } finally {
          served = openReadDatabase(found.served);
          stored.switchTo(served.readModels);
        }
        // The live documents start again from the new read models (each worker reads them again itself).
        if (live !== undefined) await loadLiveDocs(live, stored, LIVE_WORLD_PROJECTIONS);
        pool?.reload();
      });
      logger.info({ position }, '已切换到新建的读模型 / switched to the read models built beside');
    } catch (error) {
      logger.error({ err: error }, '未能切换到新建的读模型 / could not switch to the read models built beside');
      if (next?.db.open === true) next.db.close();
      if (existsSync(found.ready)) refuseReady(found);
    } finally {
      buildLock.release();
    }
  };
  let adopting: Promise<void> | undefined;
  const looking =
    paths === undefined
      ? undefined
      : setInterval(() => {
          adopting ??= adopt(paths).finally(() => {
            adopting = undefined;
          });
        }, options.besidePollMs ?? 1_000);
  looking?.unref();

  const office = createOffice({ store, database, clock, readModels, runner });
  // With lookups only, no World is kept: a query replays the log.
  const worlds = lookupsOnly ? createWorldSource({ store }) : createWorldSource({ store, readModels, ...(live === undefined ? {} : { live }) });
  const personalData = vaultPersonalData(database);
  const calendar = options.calendar ?? officialCalendar;
  const services: Services = {
    store,
    database,
    readModels,
    runner,
    worlds,
    queries: pool ?? inProcessQueries(worlds, { personalData, calendar }, database.keys.current),
    office,
    personalData,
    calendar,
    clock,
    ids: options.ids ?? systemIds,
    logger,
  };
  return {
    ...services,
    close: async () => {
      clearInterval(looking);
      await adopting;
      await pool?.close();
      await runner.stop();
      await store.close();
      served?.db.close();
      await database.close();
      lock?.release();
    },
  };
};
