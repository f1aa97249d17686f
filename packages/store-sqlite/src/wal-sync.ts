import { open, type FileHandle } from 'node:fs/promises';

export interface WalSyncer {
  /** Resolves after a sync of the WAL file that began after this call: whatever was committed before is on disk. */
  readonly sync: () => Promise<void>;
  /** Closes the file, once every sync asked for has run. */
  readonly close: () => Promise<void>;
}

/**
 * Syncs a WAL file (fdatasync, on libuv's thread pool, so the event loop runs on meanwhile), one sync at a
 * time: those who ask while one runs share the next one, which begins when it ends — it may have begun
 * before their commit. fdatasync syncs the file, whichever descriptor wrote it (SQLite's own here).
 * `around` wraps each sync (for tests).
 */
export const walSyncer = (path: string, around: (sync: () => Promise<void>) => Promise<void> = (sync) => sync()): WalSyncer => {
  let file: Promise<FileHandle> | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const syncNow = (): Promise<void> =>
    around(async () => {
      // Opened on first use: SQLite has made the file by the first commit. A failed open is tried again.
      if (file === undefined) {
        const opening = open(path, 'r+');
        file = opening;
        opening.catch(() => {
          if (file === opening) file = undefined;
        });
      }
      await (await file).datasync();
    });

  const sync = (): Promise<void> => {
    if (running === undefined) {
      running = syncNow().finally(() => {
        running = undefined;
      });
      return running;
    }
    next ??= running.then(
      () => {
        next = undefined;
        return sync();
      },
      () => {
        next = undefined;
        return sync();
      },
    );
    return next;
  };

  return {
    sync,
    close: async () => {
      while (running !== undefined || next !== undefined) await (next ?? running)?.catch(() => undefined);
      const opened = file;
      file = undefined;
      if (opened !== undefined) await (await opened).close();
    },
  };
};
