import { emmettInMemoryFold, emmettSqliteFold, emmettSqliteLoad } from './emmett-job';
import { growCase } from './grow-case-job';
import { rawInsert } from './raw-insert-job';
import { rawReadHash, rawReadParse } from './raw-read-job';
import { prepareReadModels, rebuildAll } from './rebuild-job';
import { serveApp, serveBare } from './server-job';
import { verifyAll } from './verify-job';

/* Every job a child process can run (see probe.ts), by name. */

/** A job takes its arguments as JSON gave them (each job names the fields it reads). */
type Job = (args: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;

const table = {
  rawReadParse,
  rawReadHash,
  prepareReadModels,
  rebuildAll,
  verifyAll,
  emmettInMemoryFold,
  emmettSqliteLoad,
  emmettSqliteFold,
  rawInsert,
  growCase,
  serveApp,
  serveBare,
} as const;

export const jobs = table as unknown as Record<string, Job>;
