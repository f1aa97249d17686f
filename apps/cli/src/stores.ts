import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { asOpened, openAppDatabase, siblingPath, vaultPersonalData, type AppDatabase } from '@xinfang/api';
import type { ChainKeying, EventStore } from '@xinfang/event-store';
import type { PersonalDataReader } from '@xinfang/projections';
import { openLog } from './log';
import type { AnyStoreLocation } from './store-location';

/*
 * The app's files beside the log (with a PostgreSQL log, beside its anchor in the local folder: store-location.ts), opened by a command itself, without the app's projection runner: a
 * command that only reads (replay, export) or only touches tokens must not write the server's read models.
 */

/** The app database: tokens and the keys of personal data. */
export const openAppFiles = (location: AnyStoreLocation): AppDatabase => {
  mkdirSync(dirname(location.path), { recursive: true });
  return openAppDatabase(siblingPath(location.path, '.app.db'));
};

/**
 * The chain key and its first position as the app database records them, without making either: a store
 * whose app database is missing has none (and a keyed log then fails verification at its marker).
 */
export const recordedChainKeying = async (location: AnyStoreLocation): Promise<ChainKeying | undefined> => {
  const path = siblingPath(location.path, '.app.db');
  if (!existsSync(path)) return undefined;
  const database = openAppDatabase(path);
  try {
    return await database.chain.keying();
  } finally {
    await database.close();
  }
};

/** Runs `work` with the log and a reader of personal data (the office's: unmasked), closing both after. */
export const withLogAndPersonalData = async <T>(
  location: AnyStoreLocation,
  work: (store: EventStore, personal: PersonalDataReader) => Promise<T>,
): Promise<T> => {
  // Replay and export interpret the events: they read them as the app does (old versions as current).
  const store = asOpened(await openLog(location));
  const database = openAppFiles(location);
  try {
    return await work(store, vaultPersonalData(database));
  } finally {
    await store.close();
    await database.close();
  }
};
