import type { EventStore, RecordedEvent, Subscription } from '@xinfang/event-store';
import { createDocCache, type CachedDocs } from './doc-cache';
import type { AnyProjection } from './projection';
import { logMismatch } from './log-match';
import { CheckpointConflictError, type ProjectionCommit, type ReadModelStore } from './read-model-store';

/*
 * The projection runner keeps read models up to date with the log. Per projection it knows the position
 * of the last event its documents include (the checkpoint, stored with the documents). It reads the log
 * after the lowest checkpoint once for all projections, in batches; it applies each batch to every
 * projection in memory and commits the changed documents of all of them, with their new checkpoints, in one
 * transaction. So a crash at any point loses at most the batch in progress, which is simply read again:
 * nothing is applied twice and nothing is skipped.
 *
 * Between batches it keeps the documents it used in memory (`doc-cache.ts`), up to a budget, so that a
 * document many events touch is loaded once and written once per batch. Live, the events that arrive while
 * a batch is being committed (or, after a costly one, paced: see `drain`) make up the next batch: one commit for all of them.
 *
 * A projection whose stored version differs from its definition is reset and rebuilt from position 0; so
 * are all of them when the read models were not built from this log (`logMismatch`: a restored backup of
 * the log, a deleted one).
 * A projection that throws stops the runner (catch-up rejects; live mode reports through `onError` or
 * an unhandled rejection): a read model never silently misses an event. Fix the projection (or the
 * data, with an upcaster in the store as opened: `upcastingStore`) and start again; it resumes after the
 * last committed batch. With `retry` (a server's runner), a live runner that fails tries again by itself,
 * after a pause that doubles up to a ceiling: a cause that goes away (a read-model file locked by another
 * program, a disk full) ends the failure without a restart. Meanwhile the read models stay whole at the
 * last committed batch, `status` says the runner failed and why, and `waitFor` still resolves for every
 * position committed — a query answers as of that position, never fails for it.
 *
 * One runner per read model store is the rule (see `read-models-slot.ts` in the api): two runners writing
 * the same projection are refused by the store's checkpoint check (`CheckpointConflictError`), never
 * silently interleaved. A runner that finds its read model ahead of it (the other runner committed
 * first) is not failing: it forgets what it applied, reads the checkpoints again and follows from there.
 */

/**
 * How far a catch-up or rebuild has come: the last position read and applied (committed by the end of its
 * batch) and the log's head.
 */
export interface Progress {
  readonly position: number;
  readonly head: number;
}

export type ProgressListener = (progress: Progress) => void;

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly AnyProjection[];
  /**
   * Events committed at a time during catch-up and rebuild (and at most, live); default 20,000. A document
   * the batch touches is serialized and written once for all of its events.
   */
  readonly batchSize?: number;
  /**
   * Events read from the log and applied at a time within a batch; default 1,000 (at most the batch). Few,
   * so that the events die young: fewer of them outlive a minor GC.
   */
  readonly pageSize?: number;
  /**
   * How much of the documents (in bytes of their JSON text) the runner keeps in memory between batches;
   * default 16 MiB. More makes a rebuild of a large log load fewer documents again; memory stays bounded
   * whatever the log's size. Parsed, a document takes several times its text: at 64 MiB of text a rebuild of
   * 993,204 events peaked at 1,010 MB RSS, at 16 MiB at 648 MB and at 8 MiB at 580 MB, about as fast.
   */
  readonly cacheBytes?: number;
  /**
   * Called when live processing fails; the runner has stopped by then. Without it the error is rethrown
   * as an unhandled rejection, which is loud on purpose.
   */
  readonly onError?: (error: unknown) => void;
  /**
   * Called when the read models do not follow the log (see `logMismatch`), with why; the runner then throws
   * them away and rebuilds them from position 0. Default: nothing is said.
   */
  readonly onMismatch?: (reason: string) => void;
  /**
   * Live failures are tried again after `firstMs` (default 250), then after twice as long each time, up to
   * `maxMs` (default 10,000); a catch-up in `start` that fails does not reject then, it is tried again the
   * same way. Without it a failure stops the runner for good.
   */
  readonly retry?: { readonly firstMs?: number; readonly maxMs?: number };
  /** Called when a live runner that had failed has caught up again (with `retry`). */
  readonly onRecovered?: (position: number) => void;
  /**
   * Called (inside the runner's turn: nothing is applied meanwhile) when the stored checkpoints moved
   * while this runner was not writing them — another runner committed — so that whoever keeps copies of
   * the documents (live documents in memory) reads them again before the runner goes on from there.
   */
  readonly onFollowed?: () => Promise<void> | void;
}

/** What a runner is doing: following the log, failed (and trying again), or stopped. */
export interface RunnerStatus {
  readonly state: 'idle' | 'live' | 'failed' | 'stopped';
  /** The lowest position every projection has committed. */
  readonly position: number;
  /** Why it failed (while `failed`). */
  readonly error?: unknown;
  /** Failed attempts in a row (0 while live). */
  readonly attempts: number;
}

export interface ProjectionRunner {
  /**
   * Brings every projection up to the head of the log (rebuilding those whose version changed) and returns
   * the position reached. `onProgress` is called before the first batch and after each one.
   */
  readonly catchUp: (onProgress?: ProgressListener) => Promise<number>;
  /** Catches up, then follows the log live, committing as events arrive, until `stop`. */
  readonly start: (onProgress?: ProgressListener) => Promise<void>;
  /** Stops following the log; resolves when the event in progress (if any) is committed. */
  readonly stop: () => Promise<void>;
  /** Throws one projection's read model away and builds it again from position 0; returns the position reached. */
  readonly rebuild: (name: string, onProgress?: ProgressListener) => Promise<number>;
  /** Throws every projection's read model away and builds them all again, in one pass over the log. */
  readonly rebuildAll: (onProgress?: ProgressListener) => Promise<number>;
  /**
   * Runs `replace` while the runner applies nothing — it swaps the read models this runner writes (a
   * `SwitchableReadModels`) for others, say built beside by `xinfang rebuild` — then forgets what it kept
   * of the old ones, reads the new checkpoints and catches up from them (live events that arrived meanwhile
   * follow). Returns the position reached.
   */
  readonly replaceReadModels: (replace: () => Promise<void> | void) => Promise<number>;
  /** The lowest position every projection has committed (as this runner knows it; 0 before the first catch-up). */
  readonly position: () => number;
  /**
   * Resolves once every projection has committed `position` (e.g. the position of an append, before a
   * query that must see it); rejects if the runner fails or is stopped first. Only a running runner gets
   * there. While it is pending the process stays alive, even when only polling would bring the position.
   */
  readonly waitFor: (position: number) => Promise<void>;
  /** What the runner is doing now (see `RunnerStatus`). */
  readonly status: () => RunnerStatus;
}

/** A projection threw on an event: the runner stopped before it. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    cause: unknown,
  ) {
    super(
      `projection "${projection}" failed on the event at position ${event.meta.position} ` +
        `(${event.type} on ${event.meta.streamId}): ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'ProjectionFailedError';
  }
}

const DEFAULT_BATCH_SIZE = 20_000;
const DEFAULT_PAGE_SIZE = 1_000;
const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;
/** After a live batch that took t ms, the next waits LIVE_PACE × t for more events (see `drain`), … */
const LIVE_PACE = 2;
/** … but never longer than this. */
const MAX_LIVE_PAUSE_MS = 1000;
const DEFAULT_RETRY_FIRST_MS = 250;
const DEFAULT_RETRY_MAX_MS = 10_000;
/** How many times in a row a catch-up follows a read model found ahead before that counts as a failure. */
const MAX_FOLLOWS = 5;

/** The stored checkpoint is ahead of what this runner commits, at its version: another runner was first. */
const foundAhead = (error: unknown): boolean =>
  error instanceof CheckpointConflictError &&
  error.stored.version === error.attempted.version &&
  error.stored.position >= error.attempted.position;

export const createProjectionRunner = (options: ProjectionRunnerOptions): ProjectionRunner => {
  const { store, readModels, projections } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`bad batchSize ${batchSize}`);
  const pageSize = Math.min(batchSize, options.pageSize ?? DEFAULT_PAGE_SIZE);
  if (!(Number.isSafeInteger(pageSize) && pageSize > 0)) throw new RangeError(`bad pageSize ${pageSize}`);
  const cache = createDocCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  const byName = new Map<string, AnyProjection>();
  for (const projection of projections) {
    if (byName.has(projection.name)) throw new Error(`two projections are named "${projection.name}"`);
    if (!(Number.isSafeInteger(projection.version) && projection.version > 0))
      throw new RangeError(`projection "${projection.name}": bad version ${projection.version}`);
    byName.set(projection.name, projection);
  }

  /** The committed position of each projection, as this runner last read or wrote it. */
  const positions = new Map<string, number>();
  const lowest = (names: Iterable<string>): number => {
    let min = Infinity;
    for (const name of names) min = Math.min(min, positions.get(name) ?? 0);
    return min === Infinity ? 0 : min;
  };

  // Catch-up, rebuild and the live handler take turns: each holds the read models while it works.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  // ——— waiting for a position ———

  let failure: { readonly error: unknown } | undefined;
  const waiters = new Set<{ position: number; resolve: () => void; reject: (error: unknown) => void }>();
  /*
   * The store's subscription may learn of another process's appends only by polling, on a timer that does
   * not keep the process alive (an idle follower must not). While someone waits for a position, this one
   * does: else a CLI awaiting a server's event would find an empty event loop and exit (code 13) mid-way.
   */
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const holdProcess = (): void => {
    if (waiters.size > 0) keepAlive ??= setInterval(() => undefined, 2 ** 30);
    else if (keepAlive !== undefined) {
      clearInterval(keepAlive);
      keepAlive = undefined;
    }
  };
  /** Someone waits for a position not reached yet. */
  const waiting = (): boolean => waiters.size > 0;
  const settleWaiters = (): void => {
    const reached = lowest(byName.keys());
    for (const waiter of waiters) {
      // A position committed is reached, whatever happened since.
      if (waiter.position <= reached) waiter.resolve();
      else if (failure !== undefined) waiter.reject(failure.error);
      else continue;
      waiters.delete(waiter);
    }
    holdProcess();
  };

  // ——— applying events ———

  /** Applies events (all after the projection's checkpoint, in order) to one projection's cached documents. */
  const applyEvents = async (projection: AnyProjection, docs: CachedDocs, events: readonly RecordedEvent[]): Promise<void> => {
    const { name } = projection;
    const ensureLoaded = async (keys: Iterable<string>): Promise<void> => {
      const missing = [...keys].filter((key) => !docs.has(key));
      if (missing.length === 0) return;
      docs.loaded(missing, await readModels.loadText(name, missing));
    };
    const keysOf = (event: RecordedEvent, lookup: (key: string) => unknown): readonly string[] => {
      try {
        return projection.keysOf(event, lookup);
      } catch (error) {
        throw new ProjectionFailedError(name, event, error);
      }
    };

    // Prefetch in one read what the batch will touch, as far as it can be told without the documents.
    const wanted = new Set<string>();
    const noteLookup = (key: string): undefined => {
      wanted.add(key);
      return undefined;
    };
    for (const event of events) for (const key of keysOf(event, noteLookup)) wanted.add(key);
    await ensureLoaded(wanted);

    for (const event of events) {
      let keys: readonly string[];
      // A lookup of a document not loaded yet: load it and route the event again (keysOf is pure).
      for (;;) {
        const missing: string[] = [];
        keys = keysOf(event, (key) => {
          if (docs.has(key)) return docs.get(key);
          missing.push(key);
          return undefined;
        });
        if (missing.length === 0) break;
        await ensureLoaded(missing);
      }
      await ensureLoaded(keys);
      for (const key of keys.length > 1 ? new Set(keys) : keys) {
        const before = docs.get(key);
        let after: unknown;
        try {
          after = projection.apply(before, event, key);
        } catch (error) {
          throw new ProjectionFailedError(name, event, error);
        }
        if (after !== before) docs.set(key, after);
      }
    }
  };

  /**
   * What has been applied in memory and not committed yet: per projection, the envelope of the last event
   * applied to it. A batch is applied a page at a time and committed whole (`commitApplied`); if anything
   * fails, nothing of it is kept, in the read models or in memory (`forgetApplied`).
   */
  const applied = new Map<string, RecordedEvent['meta']>();

  /** Applies events (in position order) to each of the projections in memory, each from after what it holds. */
  const applyPage = async (targets: readonly AnyProjection[], events: readonly RecordedEvent[]): Promise<void> => {
    const last = events.at(-1);
    if (last === undefined) return;
    for (const projection of targets) {
      const after = applied.get(projection.name)?.position ?? positions.get(projection.name) ?? 0;
      const first = events.findIndex((event) => event.meta.position > after);
      if (first === -1) continue;
      await applyEvents(projection, cache.of(projection.name), first === 0 ? events : events.slice(first));
      applied.set(projection.name, last.meta);
    }
  };

  /** Commits what was applied to `targets` since the last commit, every projection in one transaction. */
  const commitApplied = async (targets: readonly AnyProjection[]): Promise<void> => {
    const commits: ProjectionCommit[] = [];
    for (const projection of targets) {
      const last = applied.get(projection.name);
      if (last === undefined) continue;
      commits.push({ projection: projection.name, version: projection.version, docs: cache.of(projection.name).changes(), position: last.position, hash: last.hash });
    }
    if (commits.length > 0) await readModels.commitMany(commits);
    applied.clear();
    cache.committed();
    for (const { projection, position } of commits) positions.set(projection, position);
    settleWaiters();
  };

  /** A batch failed: its documents in memory may hold events that were never committed. */
  const forgetApplied = (): void => {
    applied.clear();
    cache.clear();
  };

  /** Applies a batch to each of the projections and commits them all in one transaction (see `applyPage`). */
  const applyToAll = async (targets: readonly AnyProjection[], events: readonly RecordedEvent[]): Promise<void> => {
    try {
      await applyPage(targets, events);
      await commitApplied(targets);
    } catch (error) {
      forgetApplied();
      throw error;
    }
  };

  /**
   * Reads the log after the lowest checkpoint of `targets` up to its head, a page at a time, applying each
   * page in memory and committing every `batchSize` events: a document many events of a batch touch is
   * serialized and written once for all of them.
   */
  const catchUpFrom = async (targets: readonly AnyProjection[], onProgress?: ProgressListener): Promise<number> => {
    let position = lowest(targets.map((p) => p.name));
    let head = await store.headPosition();
    onProgress?.({ position, head });
    let page: RecordedEvent[] = [];
    let uncommitted = 0;
    const applyRead = async (): Promise<void> => {
      await applyPage(targets, page);
      uncommitted += page.length;
      page = [];
      if (uncommitted >= batchSize) {
        await commitApplied(targets);
        uncommitted = 0;
      }
      head = Math.max(head, position);
      onProgress?.({ position, head });
    };
    try {
      for await (const event of store.readAll({ afterPosition: position, batchSize: pageSize })) {
        if (!(event.meta.position > position))
          throw new Error(`the store returned position ${event.meta.position} after ${position}: positions must increase`);
        position = event.meta.position;
        page.push(event);
        if (page.length >= pageSize) await applyRead();
      }
      if (page.length > 0) await applyRead();
      if (uncommitted > 0) await commitApplied(targets);
    } catch (error) {
      forgetApplied();
      throw error;
    }
    return Math.max(position, lowest(targets.map((p) => p.name)));
  };

  /** Throws a projection's read model away, and what this runner kept of it. */
  const reset = async (name: string): Promise<void> => {
    cache.drop(name);
    await readModels.reset(name);
    positions.set(name, 0);
  };

  /**
   * Reads the stored checkpoints; resets every projection when the read models do not follow this log, and
   * those whose version changed.
   */
  const prepare = async (): Promise<void> => {
    let moved = false;
    const mismatch = await logMismatch(store, readModels, [...byName.keys()]);
    if (mismatch !== undefined) {
      options.onMismatch?.(mismatch);
      for (const name of byName.keys()) await reset(name);
    }
    const storeId = await store.storeId();
    if (storeId !== undefined) await readModels.setLogId(storeId);
    for (const projection of projections) {
      const checkpoint = await readModels.checkpoint(projection.name);
      // Kept documents are this runner's view of the read model at its last commit: not if it has moved since.
      const known = positions.get(projection.name);
      if (mismatch !== undefined || checkpoint?.position !== known) cache.drop(projection.name);
      if (mismatch === undefined && known !== undefined && checkpoint !== undefined && checkpoint.position > known) moved = true;
      if (checkpoint !== undefined && checkpoint.version !== projection.version) {
        await reset(projection.name);
      } else {
        positions.set(projection.name, checkpoint?.position ?? 0);
      }
    }
    if (moved) await options.onFollowed?.();
  };

  /** Reads the checkpoints and catches up from them; a read model found ahead is followed, not a failure. */
  const prepareAndCatchUp = async (onProgress?: ProgressListener): Promise<number> => {
    for (let follows = 0; ; follows += 1) {
      try {
        await prepare();
        return await catchUpFrom(projections, onProgress);
      } catch (error) {
        if (!foundAhead(error) || follows >= MAX_FOLLOWS) throw error;
      }
    }
  };

  const catchUp = (onProgress?: ProgressListener): Promise<number> => exclusive(() => prepareAndCatchUp(onProgress));

  // ——— live ———

  let subscription: Subscription | undefined;
  let running = false;
  let stopped = false;
  /** Failed attempts in a row; the next retry waits firstMs × 2^(attempts − 1), at most maxMs. */
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryFirstMs = options.retry?.firstMs ?? DEFAULT_RETRY_FIRST_MS;
  const retryMaxMs = options.retry?.maxMs ?? DEFAULT_RETRY_MAX_MS;

  /** Follows the log from what every projection has committed; events of an older subscription are dropped. */
  let generation = 0;
  const subscribe = (): void => {
    const mine = ++generation;
    subscription = store.subscribe(
      { afterPosition: lowest(byName.keys()), onError: (error) => (mine === generation ? fail(error) : undefined) },
      (event) => (mine === generation ? follow(event) : undefined),
    );
  };

  /** After a failure, with `retry`: catches up from the committed checkpoints and follows live again. */
  const scheduleRetry = (): void => {
    if (options.retry === undefined || !running || retryTimer !== undefined) return;
    const delay = Math.min(retryMaxMs, retryFirstMs * 2 ** Math.min(attempts - 1, 30));
    // A retry never holds the process: a process that ends has nothing to retry for.
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void recover();
    }, delay);
    retryTimer.unref();
  };
  const recover = async (): Promise<void> => {
    if (!running) return;
    try {
      const position = await catchUp();
      if (!running) return;
      failure = undefined;
      attempts = 0;
      subscribe();
      settleWaiters();
      options.onRecovered?.(position);
    } catch (error) {
      if (!running) return;
      noteFailure(error);
    }
  };
  /** A failure: recorded, waiters for positions not reached told, reported, and tried again (with `retry`). */
  const noteFailure = (error: unknown): void => {
    failure = { error };
    attempts += 1;
    if (options.retry === undefined) running = false;
    settleWaiters();
    scheduleRetry();
    if (options.onError === undefined) throw error;
    options.onError(error);
  };

  const fail = (error: unknown): void => {
    generation += 1;
    subscription = undefined;
    noteFailure(error);
  };

  const start = async (onProgress?: ProgressListener): Promise<void> => {
    if (running) throw new Error('the projection runner is already running');
    running = true;
    stopped = false;
    failure = undefined;
    attempts = 0;
    try {
      await catchUp(onProgress);
    } catch (error) {
      if (options.retry === undefined || !running) {
        running = false;
        failure = { error };
        settleWaiters();
        throw error;
      }
      // With retry, a catch-up that fails is the first failure: the runner tries again by itself.
      try {
        noteFailure(error);
      } catch {
        // no onError: the start still resolves; `status` says why it failed
      }
      return;
    }
    if (!running) return; // stopped during the catch-up
    subscribe();
  };

  /*
   * Live: events are queued as the subscription delivers them, and applied by one drain at a time; what
   * arrives while a batch is being applied and committed is the next batch. The subscription waits only
   * when a whole batch is queued, so the queue stays bounded.
   */
  let queued: RecordedEvent[] = [];
  let draining: Promise<void> | undefined;
  /** How long the last live batch took to apply and commit, in ms. */
  let lastCost = 0;
  /** Ends the pause before the next live batch (see `drain`), if one is under way. */
  let wake: (() => void) | undefined;
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      // A paused batch never holds the process: nothing is lost by exiting, the next start catches up.
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });
  /*
   * Paced: after a batch that took t ms, the next one is applied no sooner than 2t ms later (at most 1 s),
   * so the runner takes at most about a third of the event loop however costly its commits, and the events
   * that come meanwhile share the next commit. A commit costs the documents it writes: on a case of 10,000
   * events, whose state is a document of half a megabyte, it took 10× a command on a new case, and one per
   * command froze every other request for that long. Batches under a millisecond do not wait. Nobody
   * waits on the pace for a position: `waitFor` (a query of now, say) and a full batch end the pause.
   */
  const drain = async (): Promise<void> => {
    while (queued.length > 0 && running) {
      if (lastCost >= 1 && !waiting() && queued.length < batchSize) await pause(Math.min(lastCost * LIVE_PACE, MAX_LIVE_PAUSE_MS));
      if (!running) break;
      const batch = queued;
      queued = [];
      const started = performance.now();
      await applyToAll(projections, batch);
      lastCost = performance.now() - started;
    }
  };
  const failLive = (error: unknown): void => {
    queued = [];
    void subscription?.close();
    if (!running) return; // stopped meanwhile: the batch is simply not committed
    if (foundAhead(error)) {
      // Another runner committed first: not a failure. Follow it from its checkpoints.
      generation += 1;
      subscription = undefined;
      void recover();
      return;
    }
    try {
      fail(error);
    } catch (loud) {
      // No onError: an unhandled rejection, as the runner promises — but not through the subscription,
      // which would report it a second time.
      void Promise.reject(loud instanceof Error ? loud : new Error(String(loud), { cause: loud }));
    }
  };
  const kick = (): Promise<void> => {
    draining ??= exclusive(drain)
      .catch(failLive)
      .finally(() => {
        draining = undefined;
        // An event queued after the drain's last look and before this line has no drain yet.
        if (queued.length > 0 && running) void kick();
      });
    return draining;
  };
  const follow = (event: RecordedEvent): Promise<void> | undefined => {
    queued.push(event);
    const drained = kick();
    if (queued.length < batchSize) return undefined;
    wake?.();
    return drained;
  };

  const stop = async (): Promise<void> => {
    running = false;
    stopped = true;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    generation += 1;
    wake?.();
    const closing = subscription;
    subscription = undefined;
    await closing?.close();
    await draining;
    queued = [];
    // Nothing will move the position any more: those still waiting would wait (and hold the process) for ever.
    for (const waiter of waiters) waiter.reject(new Error('the projection runner stopped before reaching the position'));
    waiters.clear();
    holdProcess();
  };

  const rebuild = (name: string, onProgress?: ProgressListener): Promise<number> =>
    exclusive(async () => {
      const projection = byName.get(name);
      if (projection === undefined) throw new Error(`no projection named "${name}"`);
      await reset(name);
      return catchUpFrom([projection], onProgress);
    });

  const rebuildAll = (onProgress?: ProgressListener): Promise<number> =>
    exclusive(async () => {
      for (const name of byName.keys()) await reset(name);
      const storeId = await store.storeId();
      if (storeId !== undefined) await readModels.setLogId(storeId);
      return catchUpFrom(projections, onProgress);
    });

  const replaceReadModels = (replace: () => Promise<void> | void): Promise<number> =>
    exclusive(async () => {
      await replace();
      // Kept documents and positions were the old read models': none of it may leak into the new ones.
      cache.clear();
      positions.clear();
      await prepare();
      return catchUpFrom(projections);
    });

  const waitFor = (position: number): Promise<void> =>
    new Promise((resolve, reject) => {
      waiters.add({ position, resolve, reject });
      settleWaiters();
      if (waiting()) wake?.();
    });

  const status = (): RunnerStatus => {
    const position = lowest(byName.keys());
    if (failure !== undefined && (running || !stopped)) return { state: 'failed', position, error: failure.error, attempts };
    if (running) return { state: 'live', position, attempts: 0 };
    return { state: stopped ? 'stopped' : 'idle', position, attempts };
  };

  return { catchUp, start, stop, rebuild, rebuildAll, replaceReadModels, position: () => lowest(byName.keys()), waitFor, status };
};
