import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadModelsInUseError } from './read-models-lock';
import { lockAllSlots, MAX_SLOTS, takeSlot } from './read-models-slot';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-slot-'));
  dirs.push(dir);
  return dir;
};

/** Writes one checkpoint row into a read-models file, as a runner would have. */
const writeCheckpoint = (path: string, position: number): void => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS checkpoints (projection TEXT PRIMARY KEY, position INTEGER, version INTEGER, hash TEXT)');
  db.prepare('INSERT OR REPLACE INTO checkpoints VALUES (?, ?, 1, NULL)').run('aggregates', position);
  db.close();
};
const checkpointIn = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT position FROM checkpoints').get() as { position: number }).position;
  } finally {
    db.close();
  }
};

describe('read-model slots', () => {
  it('gives each process the first free slot; a new one starts as a copy of slot 0; a freed one is taken again', () => {
    const dir = tempDir();
    const storePath = join(dir, 'x.db');
    const first = takeSlot(storePath);
    expect(first).toMatchObject({ index: 0, readDb: join(dir, 'x.read.db'), lock: join(dir, 'x.read.lock') });
    writeCheckpoint(first.readDb, 42);
    const second = takeSlot(storePath);
    expect(second).toMatchObject({ index: 1, readDb: join(dir, 'x.read.1.db'), lock: join(dir, 'x.read.1.lock') });
    expect(checkpointIn(second.readDb)).toBe(42);
    expect(existsSync(`${second.readDb}.partial`)).toBe(false);
    writeCheckpoint(second.readDb, 50);

    // While any slot is kept, a command that replaces the read models is refused.
    expect(() => lockAllSlots(storePath)).toThrow(ReadModelsInUseError);
    first.release();
    expect(() => lockAllSlots(storePath)).toThrow(ReadModelsInUseError);
    // The next process takes slot 0 again; slot 1 keeps its own file, not copied again.
    const third = takeSlot(storePath);
    expect(third.index).toBe(0);
    second.release();
    const fourth = takeSlot(storePath);
    expect(fourth.index).toBe(1);
    expect(checkpointIn(fourth.readDb)).toBe(50);
    third.release();
    fourth.release();
    lockAllSlots(storePath).release();
  });

  it('refuses a process when every slot is taken', () => {
    const storePath = join(tempDir(), 'x.db');
    const slots = Array.from({ length: MAX_SLOTS }, () => takeSlot(storePath));
    expect(slots.map((slot) => slot.index)).toEqual([...Array(MAX_SLOTS).keys()]);
    expect(() => takeSlot(storePath)).toThrow(ReadModelsInUseError);
    for (const slot of slots) slot.release();
  });
});
