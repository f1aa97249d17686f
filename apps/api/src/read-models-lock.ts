import Database from 'better-sqlite3';

/*
 * One process at a time keeps a store's read models (`x.read.db`): the server, or `xinfang rebuild`. Two
 * would undo each other — a rebuild resets a read model the server goes on committing to, and the server's
 * next commit leaves it with one case — so the keeper holds a lock for as long as it keeps them, and any
 * other refuses before it touches anything.
 *
 * The lock is SQLite's own write lock on a small file beside them (`x.read.lock`), taken with
 * `BEGIN IMMEDIATE` and held, never committed, until release. It is a lock of the operating system on the
 * file, so it goes with the process: a server that crashed or was killed leaves nothing stale behind to
 * clear, and there is no process id to check (nor one reused by another process to be fooled by). SQLite
 * keeps it between connections of one process too.
 */

/** Another process keeps the read models (a server, or a rebuild): nothing was touched. */
export class ReadModelsInUseError extends Error {
  override readonly name = 'ReadModelsInUseError';
  constructor(readonly lockPath: string) {
    super(
      `读模型正由另一个进程使用（服务正在运行，或正在重建）/ the read models are kept by another process (a server is running, or a rebuild): ${lockPath} is locked`,
    );
  }
}

export interface ReadModelsLock {
  /** Gives the lock up (idempotent). */
  readonly release: () => void;
}

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
};

/** Takes the lock of the read models, or throws `ReadModelsInUseError` at once (it does not wait). */
export const lockReadModels = (lockPath: string): ReadModelsLock => {
  const db = new Database(lockPath, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new ReadModelsInUseError(lockPath);
    throw error;
  }
  return {
    release: () => {
      // Closing the connection rolls the open transaction back, which releases the lock.
      if (db.open) db.close();
    },
  };
};

/** Whether another process keeps the read models now (takes the lock and gives it back at once). */
export const readModelsInUse = (lockPath: string): boolean => {
  try {
    lockReadModels(lockPath).release();
    return false;
  } catch (error) {
    if (error instanceof ReadModelsInUseError) return true;
    throw error;
  }
};
