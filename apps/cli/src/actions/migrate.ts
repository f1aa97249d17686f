import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chainKeyCheck, ImportError, type EventStore, type LogOrigin, type RecordedEvent } from '@xinfang/event-store';
import { appDatabaseName, readAppDatabaseRows, verifyLog, writeAppDatabaseRows } from '@xinfang/api';
import Database from 'better-sqlite3';
import { CliError, messageOf } from '../errors';
import { openLog } from '../log';
import { say } from '../output';
import { progressBar } from '../progress';
import { appPlaceOf, recordedChainKeying } from '../stores';
import { existingStore, parseAnyStore, type AnyStoreLocation } from '../store-location';

/*
 * `xinfang migrate --from STORE --to STORE`: copies a whole log into another store, keeping every event's
 * order, ids, times and hashes (`importRecorded`), so that the copy is the same log and verifies with the same
 * chain key — and the app database with it (tokens, the keys of personal data, the chain key), without which
 * the copy's personal data would read [已删除]. Each batch is one transaction, and the copy starts from what
 * the target already holds: an interrupted migration is run again and goes on where it stopped, without
 * duplicates (the first event it adds must link to the target's last hash, or nothing is added).
 * The read models are not copied: they are rebuilt from the copy when it is served.
 */

const DEFAULT_BATCH = 2_000;

export interface MigrateOptions {
  readonly from: string;
  readonly to: string;
  readonly batch?: string;
}

export interface MigrateResult {
  readonly copied: number;
  readonly head: number;
}

const batchOf = (text: string | undefined): number => {
  if (text === undefined) return DEFAULT_BATCH;
  const n = Number(text);
  if (!(Number.isSafeInteger(n) && n >= 1 && n <= 100_000)) throw new CliError(`--batch 应为 1 到 100000 的整数 / --batch takes a whole number from 1 to 100000, not "${text}"`);
  return n;
};

/** A target app database (a resumed migration's) must hold the log's chain key, or the copy could not be verified. */
const checkAppDatabase = async (from: AnyStoreLocation, to: AnyStoreLocation): Promise<void> => {
  const [ours, theirs] = [await recordedChainKeying(from), await recordedChainKeying(to)];
  if (ours === undefined || theirs === undefined) return;
  if (chainKeyCheck(theirs.key) !== chainKeyCheck(ours.key) || theirs.fromPosition !== ours.fromPosition) {
    throw new CliError(`目标的应用数据库不是这份日志的（链密钥不同）/ the target's app database is not this log's (another chain key): ${appDatabaseName(appPlaceOf(to))}`);
  }
};

/**
 * The app database goes with the log, copied whole after the events, replacing a copy an earlier run made:
 * every person of the copied events then has their key, every token works. The origin is the authority.
 * Between two SQLite files, SQLite's online backup; else every row, into the target's file or its schema
 * beside the PostgreSQL log (app-database-place.ts), where serve and verify on that store look.
 */
const copyAppDatabase = async (from: AnyStoreLocation, to: AnyStoreLocation): Promise<void> => {
  const [source, target] = [appPlaceOf(from), appPlaceOf(to)];
  if (source.kind === 'sqlite' && target.kind === 'sqlite') {
    if (!existsSync(source.path)) return;
    const db = new Database(source.path, { fileMustExist: true, readonly: true });
    try {
      await db.backup(target.path);
    } finally {
      db.close();
    }
    return;
  }
  const rows = await readAppDatabaseRows(source);
  if (rows !== undefined) await writeAppDatabaseRows(target, rows);
};

/** Reads the origin from `after` in batches of `size` and imports each batch whole. */
async function* batches(store: EventStore, after: number, size: number): AsyncGenerator<RecordedEvent[]> {
  let batch: RecordedEvent[] = [];
  for await (const event of store.readAll({ afterPosition: after, batchSize: size })) {
    batch.push(event);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const sameStore = (a: AnyStoreLocation, b: AnyStoreLocation): boolean =>
  a.kind === 'sqlite' ? b.kind === 'sqlite' && a.path === b.path : b.kind === 'postgres' && a.url === b.url && a.schema === b.schema;

/** The last event's position and hash (0 and '' for an empty log). */
const headOf = async (store: EventStore): Promise<{ position: number; hash: string }> => {
  const position = await store.headPosition();
  if (position === 0) return { position, hash: '' };
  for await (const event of store.readAll({ afterPosition: position - 1, batchSize: 1 })) return { position, hash: event.meta.hash };
  return { position, hash: '' };
};

export const migrate = async (options: MigrateOptions): Promise<MigrateResult> => {
  const size = batchOf(options.batch);
  const from = existingStore(parseAnyStore(options.from));
  const to = parseAnyStore(options.to);
  if (sameStore(from, to)) throw new CliError(`--from 与 --to 是同一个存储 / --from and --to are the same store: ${to.text}`);
  if (to.kind === 'sqlite') mkdirSync(dirname(to.path), { recursive: true });
  // The chain key is the origin's: the copy is the same log, verified with the same key.
  const keying = await recordedChainKeying(from);
  const origin = await openLog(from, { readOnly: true });
  try {
    const logOrigin: LogOrigin = { storeId: await origin.storeId(), chainMarker: await origin.chainMarker() };
    const total = await origin.headPosition();
    await checkAppDatabase(from, to);
    const target = await openLog(to, logOrigin.storeId === undefined ? {} : { storeId: logOrigin.storeId });
    try {
      const importRecorded = target.importRecorded;
      if (importRecorded === undefined) throw new CliError(`目标存储不能导入事件 / the target store cannot import events: ${to.text}`);
      const start = await target.headPosition();
      const bar = progressBar('迁移 migrate', '事件 events');
      let head = start;
      try {
        bar.update(head, total);
        for await (const batch of batches(origin, start, size)) {
          await importRecorded(logOrigin, batch);
          head = batch.at(-1)?.meta.position ?? head;
          bar.update(head, Math.max(total, head));
        }
      } catch (error) {
        if (error instanceof ImportError) throw new CliError(`目标不是这份日志的副本，未写入 / the target is not a copy of this log; nothing was written: ${error.message}`);
        throw error;
      } finally {
        bar.stop();
      }
      await copyAppDatabase(from, to);
      say(`已迁移 / migrated: ${head - start} 个事件 / events (${start > 0 ? `接续位置 ${start} / resumed after position ${start}; ` : ''}共 ${head} / ${head} in all) → ${to.text}`);
      if (keying === undefined && logOrigin.chainMarker !== undefined) {
        // A keyed log whose key is not at hand here: the copy is checked against the origin's head instead.
        const [ours, theirs] = [await headOf(origin), await headOf(target)];
        if (ours.position !== theirs.position || ours.hash !== theirs.hash) throw new CliError(`副本的末尾与源不同 / the copy's head ${theirs.position}:${theirs.hash} is not the origin's ${ours.position}:${ours.hash}`);
        say(`副本末尾与源相同 / the copy ends as the origin does: ${theirs.position}:${theirs.hash}`);
        return { copied: head - start, head };
      }
      const verification = await verifyLog(target, keying);
      if (!verification.ok) throw new CliError(`副本校验失败，位置 ${verification.firstBrokenPosition} / the copy does not verify at position ${verification.firstBrokenPosition}`);
      say(`副本校验通过 / the copy verifies: ${verification.checked} 个事件 / events, head hash ${verification.headHash}`);
      return { copied: head - start, head };
    } finally {
      await target.close();
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`迁移失败 / the migration failed: ${messageOf(error)}`);
  } finally {
    await origin.close();
  }
};
