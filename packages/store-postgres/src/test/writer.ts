import { fileURLToPath } from 'node:url';
import { runWriterOn, startWriterProcess, type Acknowledged, type ChildWriter, type WriterPlan, type WriterReport } from '@xinfang/event-store/testing';
import { createPostgresEventStore } from '../postgres-store';

/*
 * The shared test writer (@xinfang/event-store/testing) on a PostgreSQL log, in this process and in a child
 * process at the same time, both on one log: two app servers on one PostgreSQL.
 */

export type { Acknowledged };

export interface PostgresWriterPlan extends WriterPlan {
  readonly url: string;
  readonly schema: string;
}

export const runWriter = async (plan: PostgresWriterPlan, onAcknowledged: (ack: Acknowledged) => void): Promise<WriterReport> => {
  let commits = 0;
  const store = await createPostgresEventStore({
    connectionString: plan.url,
    schema: plan.schema,
    maxConnections: 3,
    aroundCommit: async (commit) => {
      await commit();
      commits += 1;
    },
  });
  return runWriterOn({ store, commits: () => commits }, plan, onAcknowledged);
};

/** `runWriter` in a child process (it loads this module). */
export const startChildWriter = (plan: PostgresWriterPlan): ChildWriter => startWriterProcess(fileURLToPath(import.meta.url), plan);
