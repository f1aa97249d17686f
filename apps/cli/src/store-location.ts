import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors';

/*
 * `--store` (or `XINFANG_STORE`): where the event log is. `sqlite:PATH` is the embedded store; a plain path
 * is taken as a SQLite file too. PostgreSQL and EventStoreDB are in the design but not built yet: they get
 * a clear refusal, not a crash.
 */

export const DEFAULT_STORE = 'sqlite:./data/xinfang.db';
export const STORE_ENV = 'XINFANG_STORE';

export interface StoreLocation {
  readonly kind: 'sqlite';
  /** The absolute path of the SQLite file of the log. */
  readonly path: string;
  /** As given, for messages. */
  readonly text: string;
}

const notYet = (what: string, example: string): CliError =>
  new CliError(
    `${what} 存储尚未提供，请使用 sqlite:PATH / the ${what} store is not available yet (${example}); use sqlite:PATH`,
  );

export const parseStore = (text: string): StoreLocation => {
  const trimmed = text.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) throw notYet('PostgreSQL', 'postgres://…');
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
export const existingStore = (location: StoreLocation): StoreLocation => {
  if (!existsSync(location.path)) {
    throw new CliError(
      `找不到存储 / no store at ${location.path} (from "${location.text}"): pass --store sqlite:PATH or set ${STORE_ENV}`,
    );
  }
  return location;
};
