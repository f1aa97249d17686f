import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/*
 * The query workers (query-pool.ts) run at a lower scheduling priority than the thread that answers every
 * request: while they fold and derive past-date ledgers on every core, `/health`, commands and small reads
 * still get a core the moment they need one, instead of a share of it among the workers. Linux gives each
 * thread a priority of its own (setpriority on a thread id); elsewhere (no /proc/thread-self) the thread
 * keeps the process's, as before.
 */

/** How much lower the workers run: at nice +10 a thread weighs about a tenth of one at the process's nice. */
export const QUERY_WORKER_NICENESS = 10;

/** This thread's id on Linux, or undefined where a thread has no id of its own to set a priority on. */
const threadId = (): number | undefined => {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Lowers this thread's priority by `niceness` (up to the lowest, 19); returns its nice value after, or
 * undefined where threads have none of their own or it may not be changed (the thread then runs as before).
 */
export const lowerThreadPriority = (niceness: number = QUERY_WORKER_NICENESS): number | undefined => {
  const id = threadId();
  if (id === undefined) return undefined;
  try {
    setPriority(id, Math.min(19, getPriority(id) + niceness));
    return getPriority(id);
  } catch {
    return undefined;
  }
};
