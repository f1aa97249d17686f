import { DEFAULT_SCHEMA } from '@xinfang/store-postgres';
import type { ChainKeying } from '@xinfang/event-store';
import type { AppDatabase, AppDatabaseRows, PersonKeys } from './app-database';
import {
  createPostgresAppDatabase,
  openPostgresPersonKeys,
  readPostgresAppRows,
  recordedPostgresChainKeying,
  writePostgresAppRows,
  type PostgresAppDatabaseOptions,
} from './app-database-postgres';
import { openAppDatabase, openPersonKeys, readAppRows, recordedChainKeying, writeAppRows } from './app-database-sqlite';
import type { PostgresLog } from './log-place';
import { siblingPath } from './sibling-path';

/*
 * Where the app database of a log is, for every process and thread that opens it (the server, its query
 * workers, the CLI's commands, a migration): beside a SQLite log, the file `<log>.app.db`; with a log in
 * PostgreSQL, in the same PostgreSQL, in the schema `<log schema>_app` (`xinfang_app` beside the default
 * `xinfang`), so that every server of the log shares its tokens, keys and chain key.
 */

export type AppDatabasePlace =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema: string };

/** The app database of the log at `storePath`, or of the PostgreSQL log `postgres` (see log-place.ts). */
export const appDatabasePlace = (storePath: string, postgres: PostgresLog | undefined): AppDatabasePlace =>
  postgres === undefined
    ? { kind: 'sqlite', path: siblingPath(storePath, '.app.db') }
    : { kind: 'postgres', connectionString: postgres.url, schema: `${postgres.schema ?? DEFAULT_SCHEMA}_app` };

/** How a message names it (never the connection string, which may hold a password). */
export const appDatabaseName = (place: AppDatabasePlace): string =>
  place.kind === 'sqlite' ? place.path : `PostgreSQL schema ${place.schema}`;

/** Opens the app database (made on first use). */
export const openAppDatabaseAt = async (
  place: AppDatabasePlace,
  options: Pick<PostgresAppDatabaseOptions, 'onMirrorError'> = {},
): Promise<AppDatabase> =>
  place.kind === 'sqlite' ? openAppDatabase(place.path) : createPostgresAppDatabase({ connectionString: place.connectionString, schema: place.schema, ...options });

/** Only the personal-data keys, read only (a query worker's). */
export const openPersonKeysAt = async (place: AppDatabasePlace): Promise<PersonKeys> =>
  place.kind === 'sqlite' ? openPersonKeys(place.path) : openPostgresPersonKeys(place);

/** The chain key and its first position as recorded, making nothing: undefined where no app database is (or none recorded them). */
export const recordedChainKeyingAt = async (place: AppDatabasePlace): Promise<ChainKeying | undefined> => {
  return place.kind === 'sqlite' ? recordedChainKeying(place.path) : recordedPostgresChainKeying(place);
};

/** Everything the app database holds (undefined where there is none), and the writing of it elsewhere. */
export const readAppDatabaseRows = async (place: AppDatabasePlace): Promise<AppDatabaseRows | undefined> =>
  place.kind === 'sqlite' ? readAppRows(place.path) : readPostgresAppRows(place);

export const writeAppDatabaseRows = async (place: AppDatabasePlace, rows: AppDatabaseRows): Promise<void> => {
  if (place.kind === 'sqlite') writeAppRows(place.path, rows);
  else await writePostgresAppRows(place, rows);
};
