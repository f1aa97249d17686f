import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { officialCalendar } from '@xinfang/domain';
import {
  createLiveWorldDocs,
  createWorldSource,
  feedLiveDocs,
  LIVE_WORLD_PROJECTIONS,
  loadLiveText,
  readStoredProjections,
} from '@xinfang/projections';
import { openPersonKeysAt } from './app-database-place';
import { vaultPersonalData } from './personal-data';
import { answer, type Query } from './queries';
import type { FromWorker, ToWorker, WorkerConfig } from './query-messages';
import { lowerThreadPriority } from './thread-priority';
import { asOpened } from './event-log';
import { openLogAt } from './log-place';

/*
 * A query worker (see query-pool.ts): read-only connections of its own to the log, the read models and the
 * app database (for the personal-data keys); the live World's documents loaded once from the read models,
 * in one read transaction, then moved on by the commits the serving thread sends. A commit already in what
 * was loaded (at or before its checkpoint) is skipped; after a reset the projection is rebuilt from the
 * commits that follow. A query waits until the documents include the position it was sent for.
 */

const port = parentPort;
if (port === null) throw new Error('query-worker runs in a worker thread');
const config = workerData as WorkerConfig;
// Below the serving thread: a query never keeps /health or a command waiting for a core (thread-priority.ts).
lowerThreadPriority();

const live = createLiveWorldDocs();
const feed = feedLiveDocs(live);
/** Per projection, the checkpoint of what was loaded: commits up to it are in it already. */
const loadedAt = new Map<string, number>();
/** Loads every live document from the read models as they are now, in one read transaction. */
const load = (): void => {
  const readDb = new Database(config.readDbPath, { readonly: true, fileMustExist: true });
  try {
    for (const [projection, stored] of readStoredProjections(readDb, live.projections))
      loadedAt.set(projection, loadLiveText(live, projection, stored, LIVE_WORLD_PROJECTIONS[projection]));
  } finally {
    readDb.close();
  }
};
load();
/**
 * A log or keys that cannot be opened (PostgreSQL down at the worker's start) end the worker, as a failed
 * open at load always did: the pool logs the error, its query answers 503 and the next query starts a new worker.
 */
const orEnd = <T>(opening: Promise<T>): Promise<T> => {
  opening.catch((error: unknown) => {
    setImmediate(() => {
      throw error;
    });
  });
  return opening;
};
// Opening a PostgreSQL log is asynchronous: commits and loads go on meanwhile, queries wait for it.
const worlds = orEnd(openLogAt(config.storePath, config.postgres, { readOnly: true, pollIntervalMs: 0 }).then((store) => createWorldSource({ store: asOpened(store), live })));
// The personal-data keys, brought up to date before each query renders (PostgreSQL: what changed since), so
// that an erasure acknowledged before the query, by this server or another, is never shown.
const rendering = orEnd(openPersonKeysAt(config.appDatabase).then((keys) => ({ keys, personalData: vaultPersonalData({ keys }), calendar: officialCalendar })));

const send = (message: FromWorker): void => port.postMessage(message);

const waiting: { id: number; query: Query }[] = [];

const run = async (id: number, query: Query): Promise<void> => {
  try {
    const { world, position } = await (await worlds).worldFor(query.shown, query.atLeast);
    const deps = await rendering;
    await deps.keys.current();
    send({ type: 'answer', id, answer: answer(world, query, deps), position });
  } catch (error) {
    send({ type: 'failed', id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
};

/** Runs the queries whose position the documents have reached. */
const runReady = (): void => {
  const position = live.position();
  if (position === undefined) return;
  for (let i = 0; i < waiting.length; ) {
    const job = waiting[i]!;
    if (job.query.atLeast <= position) {
      waiting.splice(i, 1);
      void run(job.id, job.query);
    } else i += 1;
  }
};

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'commit':
      if (message.position > (loadedAt.get(message.projection) ?? 0)) feed.commit(message.projection, message.docs, message.position);
      break;
    case 'reset':
      loadedAt.set(message.projection, 0);
      feed.reset(message.projection);
      break;
    case 'reload':
      load();
      break;
    case 'query':
      waiting.push({ id: message.id, query: message.query });
      break;
  }
  runReady();
});
