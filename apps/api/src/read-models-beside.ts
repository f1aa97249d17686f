import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EventStore } from '@xinfang/event-store';
import {
  createProjectionRunner,
  createSqliteReadModels,
  type AnyProjection,
  type ProgressListener,
  type SqliteReadModels,
} from '@xinfang/projections';
import { lockReadModels, type ReadModelsLock } from './read-models-lock';
import { siblingPath } from './sibling-path';
import { asOpened } from './event-log';
import { openLogAt, type PostgresLog } from './log-place';

/*
 * Read models built beside the served ones, then swapped in: how `xinfang rebuild` runs while a server
 * serves. The files, beside the log `x.db`:
 *
 * - `x.read.next.db`: being built (by a rebuild holding `x.read.next.lock`); thrown away if it is left over;
 * - `x.read.ready.db`: built up to the head of the log as it was then, closed whole, renamed from `next` in
 *   one step — the only sign that it is complete;
 * - `x.read.db`: served. Only the keeper of `x.read.lock` (the server) puts `ready` in its place: it opens
 *   `ready`, catches it up beside (the old ones keep serving), then, while its runner writes nothing,
 *   catches up the last few events, closes both and renames `ready` over `x.read.db` in one synchronous
 *   step, and goes on from there (`openServices`). A server that starts and finds `ready` for its own
 *   projection versions puts it in place before opening anything;
 * - `x.read.refused.db`: ready read models the server could not take (it says why in its log);
 * - `x.read.ready.deferred`: the running server found `ready` built for other projection versions (a newer
 *   app's rebuild before an upgrade): it keeps serving its own, and a server of those versions takes them
 *   when it starts — a restart after a version change without a rebuild before it answers.
 */

export interface BesidePaths {
  readonly served: string;
  readonly building: string;
  readonly ready: string;
  /** Ready read models the server could not take (it logs why); kept to look into, until the next rebuild. */
  readonly refused: string;
  /**
   * Written by a running server beside ready read models of other projection versions than its own (built by
   * a newer `xinfang rebuild`): it keeps serving its own, and the ready ones wait for a server of their
   * versions — the next start after the upgrade takes them. Holds the reason.
   */
  readonly deferred: string;
  readonly buildLock: string;
}

/** The files of the read models beside the log at `storePath` (`x.db`). */
export const besidePaths = (storePath: string): BesidePaths => ({
  served: siblingPath(storePath, '.read.db'),
  building: siblingPath(storePath, '.read.next.db'),
  ready: siblingPath(storePath, '.read.ready.db'),
  refused: siblingPath(storePath, '.read.refused.db'),
  deferred: siblingPath(storePath, '.read.ready.deferred'),
  buildLock: siblingPath(storePath, '.read.next.lock'),
});

const SIDECARS = ['-wal', '-shm'] as const;

/** A SQLite file and its WAL and shared memory. */
const removeDatabase = (path: string): void => {
  for (const suffix of ['', ...SIDECARS]) rmSync(path + suffix, { force: true });
};

/** Read models in a SQLite file, opened as the app opens them. */
/** Ready read models not taken: renamed aside, so that they are not tried again and again. */
export const refuseReady = (paths: BesidePaths): void => {
  removeDatabase(paths.refused);
  renameSync(paths.ready, paths.refused);
};

export const openReadDatabase = (path: string): { db: Database.Database; readModels: SqliteReadModels } => {
  /*
   * A short busy timeout: only this process writes its read models (read-models-slot.ts), so their file is
   * busy only when another program holds it (a backup tool, an sqlite3 shell). better-sqlite3 waits for
   * it on the event loop; the runner's commit then fails soon, and the runner tries again later
   * (runner.ts, retry) rather than freezing every request for the default 5 s at each attempt.
   */
  const db = new Database(path, { timeout: 250 });
  db.pragma('journal_mode = WAL');
  /*
   * No sync at each commit (WAL, NORMAL: synced at checkpoints only). The runner commits read models on the
   * event loop after every command; a FULL sync there made each command wait for the disk twice. Read
   * models need no durability of their own: a power cut can only take them back to an earlier commit, still
   * whole, and the runner catches up from that checkpoint (or rebuilds, when its hash no longer matches the
   * log's event at that position).
   */
  db.pragma('synchronous = NORMAL');
  return { db, readModels: createSqliteReadModels(db) };
};

/**
 * Puts `ready` in place of the served read models. Only for the keeper of `x.read.lock`, with no connection
 * open to either file: the served file's WAL goes first (SQLite would replay it onto the new file), then one
 * rename. Returns whether there was anything to put in place.
 */
export const installReady = (paths: BesidePaths): boolean => {
  if (!existsSync(paths.ready)) return false;
  for (const suffix of SIDECARS) rmSync(paths.served + suffix, { force: true });
  renameSync(paths.ready, paths.served);
  rmSync(paths.deferred, { force: true });
  return true;
};

/**
 * Why the ready read models are not for these projections (a projection they hold at another version, or
 * lack), or undefined when they are. Read-only; the file is closed again.
 */
export const readyMisfit = (paths: BesidePaths, projections: readonly AnyProjection[]): string | undefined => {
  const db = new Database(paths.ready, { readonly: true, fileMustExist: true });
  try {
    const versions = new Map(
      db.prepare<[], { projection: string; version: number }>('SELECT projection, version FROM checkpoints').all().map((row) => [row.projection, row.version]),
    );
    for (const { name, version } of projections) {
      const built = versions.get(name);
      if (built !== version) return `read model "${name}" is built at version ${built ?? 'none'}, this version of the app has ${version}`;
    }
    return undefined;
  } finally {
    db.close();
  }
};

/**
 * Builds every projection into `x.read.next.db` from the log, in one pass, and marks it ready. Throws
 * `ReadModelsInUseError` (on `x.read.next.lock`) while another rebuild builds beside. Returns the position
 * the read models were built to.
 */
export const buildBeside = async (options: {
  readonly storePath: string;
  /** The log is in PostgreSQL (`storePath` anchors the read-model files, see log-place.ts). */
  readonly postgres?: PostgresLog;
  readonly projections: readonly AnyProjection[];
  readonly onProgress?: ProgressListener;
}): Promise<number> => {
  const paths = besidePaths(options.storePath);
  const lock: ReadModelsLock = lockReadModels(paths.buildLock);
  try {
    removeDatabase(paths.building);
    removeDatabase(paths.refused);
    rmSync(paths.deferred, { force: true });
    const store: EventStore = asOpened(await openLogAt(options.storePath, options.postgres, { readOnly: true, pollIntervalMs: 0 }));
    const { db, readModels } = openReadDatabase(paths.building);
    let position: number;
    try {
      position = await createProjectionRunner({ store, readModels, projections: options.projections }).rebuildAll(options.onProgress);
    } finally {
      // Closing the last connection folds the WAL into the file and removes it: one file to rename.
      db.close();
      await store.close();
    }
    renameSync(paths.building, paths.ready);
    return position;
  } catch (error) {
    removeDatabase(paths.building);
    throw error;
  } finally {
    lock.release();
  }
};
