import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { lockReadModels, ReadModelsInUseError, type ReadModelsLock } from './read-models-lock';
import { siblingPath } from './sibling-path';

/*
 * Several processes on one store (DESIGN.md, "Several processes, one store"): each keeps read models of its
 * own, in a slot — a SQLite file beside the log with a lock file of its own — and only one process at a
 * time keeps a slot. Slot 0 is `x.read.db` under `x.read.lock`, as with one server: the first process
 * takes it, and it is the one `xinfang rebuild` builds beside and swaps. A second server takes slot 1
 * (`x.read.1.db`, `x.read.1.lock`), a third slot 2, and so on.
 *
 * Why not one shared file under one runner, the others reading it? A query is answered from documents
 * kept parsed in memory, moved on by the runner's own commits (live-docs.ts, the query workers): a process
 * that did not write the file would have to read back and parse what another wrote, after every commit.
 * With a slot each, every process follows the log itself, as one server does: two servers answer the same
 * because both fold the same log with the same projections, and each reads what the other wrote as soon
 * as its store's subscription sees it (the SQLite store polls the file for other processes' appends).
 * Nothing of one process's runner can stop another's.
 *
 * The lock is the operating system's (read-models-lock.ts): a process that dies, SIGKILL included, leaves
 * its slot free, and the next process to start takes it over — and its file, from its checkpoint (a
 * checkpoint of another log or of other events is rebuilt: log-match.ts). A slot with no file yet starts
 * from a copy of slot 0's (one read transaction: consistent at its checkpoints), so a new server catches
 * up the events since, rather than the whole log.
 */

/** More servers than this on one machine and one store are refused (each slot is a file of read models). */
export const MAX_SLOTS = 16;

export interface SlotPaths {
  /** The read models' file. */
  readonly readDb: string;
  /** Its lock, held by the process that keeps the slot. */
  readonly lock: string;
}

export const slotPaths = (storePath: string, index: number): SlotPaths =>
  index === 0
    ? { readDb: siblingPath(storePath, '.read.db'), lock: siblingPath(storePath, '.read.lock') }
    : { readDb: siblingPath(storePath, `.read.${index}.db`), lock: siblingPath(storePath, `.read.${index}.lock`) };

export interface ReadModelsSlot extends SlotPaths {
  readonly index: number;
  /** Gives the slot up (idempotent). */
  readonly release: () => void;
}

/** A new slot's file: a copy of slot 0's, made in one read transaction (VACUUM INTO), then renamed in place. */
const seedFrom = (source: string, target: string): void => {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(partial, target);
};

/**
 * Takes the first free slot of the store's read models (slot 0 when no other process keeps one) among the
 * first `slots`; a new slot's file starts as a copy of slot 0's. Throws `ReadModelsInUseError` when every
 * one is taken.
 */
export const takeSlot = (storePath: string, slots = MAX_SLOTS): ReadModelsSlot => {
  for (let index = 0; index < Math.min(slots, MAX_SLOTS); index++) {
    const paths = slotPaths(storePath, index);
    let lock: ReadModelsLock;
    try {
      lock = lockReadModels(paths.lock);
    } catch (error) {
      if (error instanceof ReadModelsInUseError) continue;
      throw error;
    }
    try {
      const first = slotPaths(storePath, 0).readDb;
      // A failed copy is no harm: the slot's runner then builds its read models from the log.
      if (index > 0 && !existsSync(paths.readDb) && existsSync(first)) {
        try {
          seedFrom(first, paths.readDb);
        } catch {
          rmSync(`${paths.readDb}.partial`, { force: true });
        }
      }
    } catch (error) {
      lock.release();
      throw error;
    }
    return { ...paths, index, release: lock.release };
  }
  throw new ReadModelsInUseError(slotPaths(storePath, Math.min(slots, MAX_SLOTS) - 1).lock);
};

/**
 * Takes every slot's lock, for a command that replaces the read models or the log under them (rebuild in
 * place, restore): throws `ReadModelsInUseError` (naming the lock) while any process keeps a slot.
 */
export const lockAllSlots = (storePath: string): ReadModelsLock => {
  const held: ReadModelsLock[] = [];
  const release = (): void => {
    for (const lock of held.splice(0)) lock.release();
  };
  try {
    for (let index = 0; index < MAX_SLOTS; index++) {
      const { lock } = slotPaths(storePath, index);
      // A slot never taken has no lock file; slot 0's is made, as before, so it is held while the command runs.
      if (index > 0 && !existsSync(lock)) continue;
      held.push(lockReadModels(lock));
    }
  } catch (error) {
    release();
    throw error;
  }
  return { release };
};
