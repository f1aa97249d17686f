import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices } from './open-services';
import { lockReadModels, readModelsInUse, ReadModelsInUseError } from './read-models-lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-lock-'));
  dirs.push(dir);
  return dir;
};

describe('the lock of the read models', () => {
  it('is held by one keeper at a time, refused to another at once, and taken again once released', () => {
    const path = join(tempDir(), 'x.read.lock');
    const first = lockReadModels(path);
    expect(readModelsInUse(path)).toBe(true);
    const started = Date.now();
    expect(() => lockReadModels(path)).toThrow(ReadModelsInUseError);
    expect(Date.now() - started).toBeLessThan(1000); // it does not wait for the keeper
    expect(() => lockReadModels(path)).toThrow(/另一个进程使用.*kept by another process/);
    first.release();
    first.release(); // idempotent
    expect(readModelsInUse(path)).toBe(false);
    const second = lockReadModels(path);
    expect(readModelsInUse(path)).toBe(true);
    second.release();
  });

  it('is held by openServices while it keeps the read models, so a second one keeps its own (slot 1)', async () => {
    const dir = tempDir();
    const storePath = join(dir, 'x.db');
    const serving = await openServices({ storePath });
    try {
      expect(readModelsInUse(join(dir, 'x.read.lock'))).toBe(true);
      const second = await openServices({ storePath });
      expect(readModelsInUse(join(dir, 'x.read.1.lock'))).toBe(true);
      await second.close();
      expect(readModelsInUse(join(dir, 'x.read.1.lock'))).toBe(false);
      expect(existsSync(join(dir, 'x.read.1.db'))).toBe(true);
      // In memory (the CLI beside a server) it needs no lock.
      const beside = await openServices({ storePath, readModels: 'memory' });
      await beside.close();
    } finally {
      await serving.close();
    }
    expect(readModelsInUse(join(dir, 'x.read.lock'))).toBe(false);
    const again = await openServices({ storePath });
    await again.close();
    expect(existsSync(join(dir, 'x.read.db'))).toBe(true);
  });
});
