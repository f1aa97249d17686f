import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { appDatabaseName, besidePaths, MAX_SLOTS, siblingPath, slotPaths } from '@xinfang/api';
import { DEFAULT_SCHEMA } from '@xinfang/store-postgres';
import Database from 'better-sqlite3';
import { CliError, messageOf } from '../errors';
import { lockOrRefuse } from '../in-use';
import { say } from '../output';
import { appPlaceOf } from '../stores';
import { existingStore, parseAnyStore, type StoreLocation } from '../store-location';

/*
 * `xinfang backup --to DIR` and `xinfang restore --from DIR`. What must be kept is the log (`x.db`) and the
 * app database (`x.app.db`: tokens and the keys that open personal data — without it every name reads
 * [已删除]); the read models (`x.read.db`) are rebuilt from the log. A plain `cp` of a live store misses
 * what is still in the WAL, so the copies are made with SQLite's online backup, which reads through a
 * connection and sees every committed event, while the server keeps running.
 */

export const MANIFEST = 'manifest.json';
const LOG_FILE = 'xinfang.db';
const APP_FILE = 'xinfang.app.db';

export interface LogHead {
  readonly position: number;
  readonly hash: string;
}

export interface BackupManifest {
  readonly format: 'xinfang-backup/1';
  readonly createdAt: string;
  /** The store that was backed up. */
  readonly store: string;
  /** The log's head in the backup: compare it with `xinfang verify` after a restore. */
  readonly head: LogHead;
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
}

const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

const headOf = (logPath: string): LogHead => {
  const db = new Database(logPath, { fileMustExist: true });
  try {
    const row = db.prepare<[], LogHead>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1').get();
    return row ?? { position: 0, hash: '' };
  } finally {
    db.close();
  }
};

/** SQLite's online backup of one database file into `target` (a consistent snapshot, WAL included). */
const onlineBackup = async (source: string, target: string): Promise<void> => {
  const db = new Database(source, { fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
};

/** Backup and restore copy SQLite files; a PostgreSQL log is PostgreSQL's to back up (pg_dump). */
const sqliteStore = (text: string): StoreLocation => {
  const location = parseAnyStore(text);
  if (location.kind === 'sqlite') return location;
  const app = appPlaceOf(location);
  throw new CliError(
    'PostgreSQL 中的日志请用 pg_dump / pg_restore 备份与恢复，连同其应用数据库的 schema / a log in PostgreSQL is backed up with ' +
      `pg_dump and restored with pg_restore: schema ${location.schema ?? DEFAULT_SCHEMA} and, with it, its app database (${appDatabaseName(app)})`,
  );
};

export const backup = async (options: { store: string; to: string }): Promise<BackupManifest> => {
  const location = existingStore(sqliteStore(options.store));
  const dir = resolve(options.to);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new CliError(`备份目录不是空的 / the backup folder ${dir} is not empty`);
  mkdirSync(dir, { recursive: true });
  const appPath = siblingPath(location.path, '.app.db');
  try {
    // The log first, then the app database: a person registered meanwhile then has a key in the backup
    // (a key too many is harmless); the other order could keep a person without the key to read them.
    await onlineBackup(location.path, join(dir, LOG_FILE));
    if (existsSync(appPath)) await onlineBackup(appPath, join(dir, APP_FILE));
  } catch (error) {
    throw new CliError(`备份失败 / the backup failed: ${messageOf(error)}`);
  }
  const names = existsSync(join(dir, APP_FILE)) ? [LOG_FILE, APP_FILE] : [LOG_FILE];
  const manifest: BackupManifest = {
    format: 'xinfang-backup/1',
    createdAt: new Date().toISOString(),
    store: location.path,
    head: headOf(join(dir, LOG_FILE)),
    files: names.map((name) => ({ name, bytes: readFileSync(join(dir, name)).length, sha256: sha256Of(join(dir, name)) })),
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  say(`已备份 / backed up ${location.path} to ${dir}`);
  say(`  日志末尾 log head: position ${manifest.head.position}, hash ${manifest.head.hash}`);
  if (!names.includes(APP_FILE)) say(`  注意：没有应用数据库 / note: no app database at ${appPath}`);
  return manifest;
};

const readManifest = (dir: string): BackupManifest => {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BackupManifest;
    if (manifest.format !== 'xinfang-backup/1') throw new Error(`unknown format ${String(manifest.format)}`);
    return manifest;
  } catch (error) {
    throw new CliError(`不是 xinfang 备份 / ${dir} is not an xinfang backup (${MANIFEST}): ${messageOf(error)}`);
  }
};

/** A database file and the WAL and shared-memory files SQLite keeps beside it. */
const withSidecars = (path: string): string[] => [path, `${path}-wal`, `${path}-shm`];

export const restore = async (options: { store: string; from: string; force?: boolean }): Promise<void> => {
  const location = sqliteStore(options.store);
  const dir = resolve(options.from);
  const manifest = readManifest(dir);
  for (const file of manifest.files) {
    const path = join(dir, basename(file.name));
    if (!existsSync(path) || sha256Of(path) !== file.sha256) {
      throw new CliError(`备份文件缺失或已改动 / the backup's ${file.name} is missing or does not match its manifest`);
    }
  }
  const appPath = siblingPath(location.path, '.app.db');
  // Every server's read models (read-models-slot.ts: x.read.db, x.read.1.db, …).
  const readPaths = Array.from({ length: MAX_SLOTS }, (_, index) => slotPaths(location.path, index).readDb);
  if ((existsSync(location.path) || existsSync(appPath)) && options.force !== true) {
    throw new CliError(`存储已存在，加 --force 覆盖 / a store exists at ${location.path}: stop its server, then pass --force to overwrite it`);
  }
  mkdirSync(resolve(location.path, '..'), { recursive: true });
  // Not under a running server: it keeps the read models (and their lock) until it stops. Held while the
  // files are replaced, so that no server starts on them half-way.
  const lock = lockOrRefuse(location.path, { zh: '恢复', en: 'restore' });
  try {
    // Whatever was there goes, WAL included, or SQLite would replay an old WAL onto the restored file; and
    // the read models, which are rebuilt from the restored log when the store is next opened.
    // Read models built beside for the old log too: a server would take them before rebuilding.
    const beside = besidePaths(location.path);
    for (const path of [location.path, appPath, ...readPaths, beside.building, beside.ready, beside.refused].flatMap(withSidecars)) rmSync(path, { force: true });
    copyFileSync(join(dir, LOG_FILE), location.path);
    if (manifest.files.some((f) => f.name === APP_FILE)) copyFileSync(join(dir, APP_FILE), appPath);
  } finally {
    lock.release();
  }
  const head = headOf(location.path);
  say(`已恢复 / restored ${dir} to ${location.path}`);
  say(`  日志末尾 log head: position ${head.position}, hash ${head.hash}`);
  say('  读模型将在下次打开时重建 / the read models are rebuilt when the store is next opened');
};
