import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { appDatabasePlace, asOpened, openAppDatabaseAt, recordedChainKeyingAt, vaultPersonalData, type AppDatabase, type AppDatabasePlace } from '@xinfang/api';
import type { ChainKeying, EventStore } from '@xinfang/event-store';
import type { PersonalDataReader } from '@xinfang/projections';
import { openLog } from './log';
import { postgresLog, type AnyStoreLocation } from './store-location';

/*
 * The app database of a log (app-database-place.ts: the file beside a SQLite log, the schema `<schema>_app`
 * beside a PostgreSQL one), opened by a command itself, without the app's projection runner: a command that
 * only reads (replay, export) or only touches tokens must not write the server's read models.
 */

/** Where the log's app database is. */
export const appPlaceOf = (location: AnyStoreLocation): AppDatabasePlace => appDatabasePlace(location.path, postgresLog(location).postgres);

/** The app database: tokens and the keys of personal data (made on first use). */
export const openAppFiles = async (location: AnyStoreLocation): Promise<AppDatabase> => {
  if (location.kind === 'sqlite') mkdirSync(dirname(location.path), { recursive: true });
  return openAppDatabaseAt(appPlaceOf(location));
};

/**
 * The chain key and its first position as the app database records them, without making either: a store
 * whose app database is missing has none (and a keyed log then fails verification at its marker).
 */
export const recordedChainKeying = (location: AnyStoreLocation): Promise<ChainKeying | undefined> => recordedChainKeyingAt(appPlaceOf(location));

/** Runs `work` with the log and a reader of personal data (the office's: unmasked), closing both after. */
export const withLogAndPersonalData = async <T>(
  location: AnyStoreLocation,
  work: (store: EventStore, personal: PersonalDataReader) => Promise<T>,
): Promise<T> => {
  // Replay and export interpret the events: they read them as the app does (old versions as current).
  const store = asOpened(await openLog(location));
  const database = await openAppFiles(location);
  try {
    return await work(store, vaultPersonalData(database));
  } finally {
    await store.close();
    await database.close();
  }
};
