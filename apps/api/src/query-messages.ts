import type { AppDatabasePlace } from './app-database-place';
import type { PostgresLog } from './log-place';
import type { Query } from './queries';

/*
 * What the serving thread and a query worker say to each other (structured-cloned). Every commit of the
 * live projections reaches every worker, in the order made, before any query sent after it: a worker
 * answering a query has seen every commit up to the position the query was waited for.
 */

/** Where a worker finds the store: it opens its own read-only connections. */
export interface WorkerConfig {
  readonly storePath: string;
  /** The log is in PostgreSQL (`storePath` only anchors the files beside it). */
  readonly postgres?: PostgresLog;
  readonly readDbPath: string;
  /** Where the personal-data keys are (app-database-place.ts): the worker keeps its own reader of them. */
  readonly appDatabase: AppDatabasePlace;
}

export type ToWorker =
  | {
      readonly type: 'commit';
      readonly projection: string;
      /** Changed documents as stored (JSON text), `undefined` for a deleted one. */
      readonly docs: ReadonlyMap<string, string | undefined>;
      readonly position: number;
    }
  | { readonly type: 'reset'; readonly projection: string }
  /** The read models were swapped for ones built beside: read them again (commits after this follow them). */
  | { readonly type: 'reload' }
  | { readonly type: 'query'; readonly id: number; readonly query: Query };

export type FromWorker =
  | { readonly type: 'answer'; readonly id: number; readonly answer: unknown; readonly position: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
