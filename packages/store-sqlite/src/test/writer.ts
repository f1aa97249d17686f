import { fileURLToPath } from 'node:url';
import { runWriterOn, startWriterProcess, type Acknowledged, type ChildWriter, type WriterPlan, type WriterReport } from '@xinfang/event-store/testing';
import { createSqliteEventStore } from '../sqlite-store';

/*
 * The shared test writer (@xinfang/event-store/testing) on a SQLite file, in this process and in a child
 * process at the same time, both on one file: the CLI and the server appending at once.
 */

export type { Acknowledged };

export interface SqliteWriterPlan extends WriterPlan {
  readonly path: string;
}

export const runWriter = (plan: SqliteWriterPlan, onAcknowledged: (ack: Acknowledged) => void): Promise<WriterReport> => {
  let commits = 0;
  const store = createSqliteEventStore({
    path: plan.path,
    busyTimeoutMs: 10_000,
    // Traced before SQLite runs it; an append's promise settles only after the statement has returned.
    trace: (sql) => {
      if (sql === 'COMMIT') commits += 1;
    },
  });
  // Between two appends, a chance for the other process to take the file's write lock.
  return runWriterOn({ store, commits: () => commits, yieldBetweenAppends: true }, plan, onAcknowledged);
};

/** `runWriter` in a child process (it loads this module). */
export const startChildWriter = (plan: SqliteWriterPlan): ChildWriter => startWriterProcess(fileURLToPath(import.meta.url), plan);
