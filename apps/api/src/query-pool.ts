import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { LIVE_WORLD_PROJECTIONS, type LiveFeed } from '@xinfang/projections';
import type { Answered, Query } from './queries';
import type { FromWorker, ToWorker, WorkerConfig } from './query-messages';

/*
 * The heavy queries (ledgers, KPIs, reports, case and person files) run in a small pool of worker threads,
 * off the event loop that answers every request: while they work, `/health`, commands and small reads are
 * answered at once. Each worker opens the store read-only and keeps its own copy of the live World's
 * documents, loaded once and then moved on by the commits the runner makes here (the pool is the runner's
 * `LiveFeed`), so a query parses nothing it did not change.
 *
 * Concurrency is bounded: at most `size` queries run at once (a worker is started when one is needed, so a
 * quiet server keeps none), at most `queueLimit` wait; past that a query is refused at once
 * (`QueriesBusyError`: 503 with Retry-After) rather than left to wait behind a queue that only grows. A
 * worker that dies fails its query (`QueryWorkerFailedError`: 503) and is replaced by the next query.
 */

/** Every worker is busy and the queue is full: retry later. */
export class QueriesBusyError extends Error {
  constructor(readonly running: number, readonly queued: number) {
    super(`every query worker is busy (${running} running, ${queued} queued)`);
    this.name = 'QueriesBusyError';
  }
}

/** The worker answering a query stopped before it answered (it crashed, or was killed): retry. */
export class QueryWorkerFailedError extends Error {
  constructor(readonly reason: string) {
    super(`the query worker stopped before answering: ${reason}`);
    this.name = 'QueryWorkerFailedError';
  }
}

/** A query that failed in the worker (a fault of ours, as it would be in process). */
export class QueryFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryFailedError';
  }
}

export interface QueryPoolOptions extends WorkerConfig {
  /** Queries running at once (worker threads); default the smaller of 4 and the machine's cores. */
  readonly size?: number;
  /** Queries waiting for a worker before more are refused; default 4 per worker. */
  readonly queueLimit?: number;
  readonly logger: Logger;
}

export interface QueryPool extends LiveFeed {
  readonly run: <Q extends Query>(query: Q) => Promise<Answered<Q['kind']>>;
  /** The worker threads running now (for tests: one may be killed). */
  readonly workers: () => readonly Worker[];
  /** Starts a worker (it loads the live documents) if none runs: the first query then waits for none. */
  readonly warm: () => void;
  /** The read models were replaced (built beside and swapped in): every worker reads them again. */
  readonly reload: () => void;
  /** Queries running and waiting now. */
  readonly load: () => { readonly running: number; readonly queued: number };
  readonly close: () => Promise<void>;
}

interface Job {
  readonly id: number;
  readonly query: Query;
  readonly resolve: (answer: unknown) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | undefined;
}

export const defaultPoolSize = (): number => Math.max(1, Math.min(4, availableParallelism()));

/**
 * The worker's entry: run from the TypeScript sources (tests, `xinfang` from the repository), a small
 * module that registers TypeScript and the `@xinfang/source` condition in the worker first; from a build,
 * the built worker beside this module (ESM or CJS, as this module was loaded).
 */
const workerEntry = (): URL => {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./query-worker.source.mjs', here);
  return new URL(here.endsWith('.cjs') ? './query-worker.cjs' : './query-worker.js', here);
};

export const createQueryPool = (options: QueryPoolOptions): QueryPool => {
  const size = options.size ?? defaultPoolSize();
  const queueLimit = options.queueLimit ?? 4 * size;
  if (!(Number.isSafeInteger(size) && size > 0)) throw new RangeError(`bad query pool size ${size}`);
  if (!(Number.isSafeInteger(queueLimit) && queueLimit >= 0)) throw new RangeError(`bad query queue limit ${queueLimit}`);
  const config: WorkerConfig = {
    storePath: options.storePath,
    ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
    readDbPath: options.readDbPath,
    appDatabase: options.appDatabase,
  };
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const post = (slot: Slot, message: ToWorker): void => slot.worker.postMessage(message);

  // A worker with a query keeps the process alive until it answers; an idle one does not.
  const start = (slot: Slot, job: Job): void => {
    slot.job = job;
    slot.worker.ref();
    post(slot, { type: 'query', id: job.id, query: job.query });
  };

  const next = (slot: Slot): void => {
    slot.job = undefined;
    const job = queue.shift();
    if (job !== undefined) start(slot, job);
    else slot.worker.unref();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerEntry(), { workerData: config });
    const slot: Slot = { worker, job: undefined };
    slots.add(slot);
    worker.on('message', (message: FromWorker) => {
      const { job } = slot;
      if (job === undefined || job.id !== message.id) return;
      if (message.type === 'answer') job.resolve({ answer: message.answer, position: message.position });
      else job.reject(new QueryFailedError(message.message));
      next(slot);
    });
    worker.on('error', (error) => options.logger.error({ err: error }, '查询线程出错 / a query worker failed'));
    worker.on('exit', (code) => {
      slots.delete(slot);
      slot.job?.reject(new QueryWorkerFailedError(`exit code ${code}`));
      slot.job = undefined;
      // Its queue goes on: the first waiting query gets a new worker.
      const waiting = queue.shift();
      if (waiting !== undefined && !closed) start(spawn(), waiting);
    });
    worker.unref();
    return slot;
  };

  const run = <Q extends Query>(query: Q): Promise<Answered<Q['kind']>> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new QueryWorkerFailedError('the pool is closed'));
        return;
      }
      const job: Job = { id: nextId++, query, resolve: resolve as (answer: unknown) => void, reject };
      const idle = [...slots].find((slot) => slot.job === undefined);
      if (idle !== undefined) start(idle, job);
      else if (slots.size < size) start(spawn(), job);
      else if (queue.length < queueLimit) queue.push(job);
      else reject(new QueriesBusyError(slots.size, queue.length));
    });

  return {
    projections: Object.keys(LIVE_WORLD_PROJECTIONS),
    commit: (projection, docs, position) => {
      for (const slot of slots) post(slot, { type: 'commit', projection, docs, position });
    },
    reset: (projection) => {
      for (const slot of slots) post(slot, { type: 'reset', projection });
    },
    warm: () => {
      if (slots.size === 0 && !closed) spawn();
    },
    reload: () => {
      for (const slot of slots) post(slot, { type: 'reload' });
    },
    run,
    workers: () => [...slots].map((slot) => slot.worker),
    load: () => ({ running: [...slots].filter((slot) => slot.job !== undefined).length, queued: queue.length }),
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new QueryWorkerFailedError('the pool is closed'));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
};
