import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError } from './errors';

/*
 * `--store` (or `XINFANG_STORE`): where the event log is. `sqlite:PATH` is the embedded store; a plain path
 * is taken as a SQLite file too. `postgres://…` is a log in PostgreSQL (`?schema=NAME` picks the schema that
 * holds it, default xinfang): serve, token, verify, rebuild, export, replay and migrate take it (parseAnyStore);
 * backup, restore and demo take SQLite only, and say so. EventStoreDB gets a clear refusal, not a crash.
 *
 * With a PostgreSQL log, the app database (tokens, personal-data keys, chain key) is in the same PostgreSQL,
 * in the schema `<schema>_app`, shared by every server of the log (app-database-place.ts in @xinfang/api).
 * Each server's read models (read-model slots and their locks) are kept in a local folder:
 * `./data/pg-<schema>/` under the working directory, or the folder `?local=DIR` names. `path` is then an
 * anchor inside it (`…/xinfang.db`, never made) beside which they sit, as they sit beside a SQLite log.
 * Servers on one machine may share the folder (each takes a slot); servers on other machines have their own.
 */
export const DEFAULT_STORE = 'sqlite:./data/xinfang.db';
export const STORE_ENV = 'XINFANG_STORE';

/** A log in a SQLite file (what every command takes). */
export interface StoreLocation {
  readonly kind: 'sqlite';
  /** The absolute path of the SQLite file of the log. */
  readonly path: string;
  /** As given, for messages. */
  readonly text: string;
}

const notYet = (what: string, example: string): CliError =>
  new CliError(
    `此命令暂不支持 ${what} 存储，请使用 sqlite:PATH / the ${what} store is not available yet for this command (${example}); use sqlite:PATH` +
      (what === 'PostgreSQL' ? ' (serve, token, verify, rebuild, export, replay and migrate take postgres://…)' : ''),
  );

/** A log in PostgreSQL: the connection string (without `schema` and `local`) and the schema of the log's tables. */
export interface PostgresLocation {
  readonly kind: 'postgres';
  readonly url: string;
  readonly schema: string | undefined;
  /** The anchor of the app's files in the local folder (see above): no file is made at this path. */
  readonly path: string;
  /** As given, for messages (the password masked). */
  readonly text: string;
}

export type AnyStoreLocation = StoreLocation | PostgresLocation;

const POSTGRES = /^postgres(ql)?:\/\//i;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const parsePostgres = (text: string): PostgresLocation => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`PostgreSQL 地址无效 / not a PostgreSQL connection string: use postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new CliError(`schema 应为小写字母、数字与下划线 / ?schema= takes lower-case letters, digits and _, not "${schema}"`);
  }
  const local = url.searchParams.get('local') ?? join('data', `pg-${schema ?? 'xinfang'}`);
  if (local.trim() === '') throw new CliError('?local= 应为目录 / ?local= takes a folder for the read models');
  url.searchParams.delete('schema');
  url.searchParams.delete('local');
  const shown = new URL(url);
  if (shown.password !== '') shown.password = '***';
  return { kind: 'postgres', url: url.toString(), schema, path: join(resolve(local), 'xinfang.db'), text: shown.toString() };
};

/** What openServices takes for this log: `{ postgres }` when it is in PostgreSQL, nothing for SQLite. */
export const postgresLog = (location: AnyStoreLocation): { postgres?: { url: string; schema?: string } } =>
  location.kind === 'postgres' ? { postgres: { url: location.url, ...(location.schema === undefined ? {} : { schema: location.schema }) } } : {};

/** `--store` for the commands that take any store (serve, token, verify, rebuild, export, replay, migrate). */
export const parseAnyStore = (text: string): AnyStoreLocation => (POSTGRES.test(text.trim()) ? parsePostgres(text.trim()) : parseStore(text));

export const parseStore = (text: string): StoreLocation => {
  const trimmed = text.trim();
  if (POSTGRES.test(trimmed)) throw notYet('PostgreSQL', 'postgres://…');
  if (/^(esdb|esdb\+discover|kurrentdb|kurrent|kdb):\/\//i.test(trimmed)) throw notYet('EventStoreDB', 'esdb://…');
  let path: string;
  if (/^sqlite:/i.test(trimmed)) path = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.)/, '');
  else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) {
    throw new CliError(`不认识的存储地址 / unknown store "${text}": use sqlite:PATH (e.g. ${DEFAULT_STORE})`);
  } else path = trimmed;
  if (path === '') throw new CliError(`存储地址缺少文件路径 / no file path in "${text}": use sqlite:PATH (e.g. ${DEFAULT_STORE})`);
  return { kind: 'sqlite', path: resolve(path), text };
};

/** For commands that only read: a store that is not there is a mistake, not something to create. */
export const existingStore = <L extends AnyStoreLocation>(location: L): L => {
  if (location.kind === 'sqlite' && !existsSync(location.path)) {
    throw new CliError(
      `找不到存储 / no store at ${location.path} (from "${location.text}"): pass --store sqlite:PATH or set ${STORE_ENV}`,
    );
  }
  return location;
};
