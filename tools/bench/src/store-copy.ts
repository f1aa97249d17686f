import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/*
 * A copy of the dataset's store (the log, its app database and its read models) for a measurement that
 * writes: the cached dataset stays as it was generated.
 */

export const copyStore = (path: string, toDir: string): string => {
  mkdirSync(toDir, { recursive: true });
  const base = path.replace(/\.db$/, '');
  for (const suffix of ['.db', '.app.db', '.read.db']) {
    for (const extra of ['', '-wal', '-shm']) {
      const from = `${base}${suffix}${extra}`;
      if (existsSync(from)) copyFileSync(from, resolve(toDir, basename(from)));
    }
  }
  return resolve(toDir, basename(path));
};
