import { aggregateOfStream, compareInstants, type StateOf } from '@xinfang/domain';
import type { EventStore } from '@xinfang/event-store';
import { createLiveDocs, type LiveDocs } from './live-docs';
import { defineProjection, type Projection } from './projection';
import { createRefoldCache, type RefoldCache } from './refold-cache';
import type { ReadModelStore } from './read-model-store';
import { STREAM_BOUNDS_PROJECTION, streamBoundsProjection, streamVisibility, type StreamBounds } from './stream-bounds';
import { isVisible, type TimeView } from './view';
import { buildWorld, copyWorld, emptyWorld, evolveStream, type World } from './world';
import { AGGREGATES_PROJECTION, aggregatesProjection, loadWorld } from './world-projection';

/*
 * Where a query's World comes from. The live read model holds every event up to its checkpoint; it is
 * the World of a view exactly when the view hides none of those events — its `asOf` is at or after every
 * business time and its `knownAt` at or after every recording time. Any other view (a past date, or a
 * view before a late-typed form) starts from the same read model and its stream bounds: a stream the view
 * shows whole keeps its state, one it shows nothing of leaves, and only a stream it shows in part is
 * folded again from its own events — the same folds, so a past date is answered from the events, never
 * approximated from the present. Without read models (or while they are behind the log) the log is replayed.
 *
 * A serving process keeps the states and bounds parsed in memory (`LiveDocs`, fed by the runner's commits):
 * then a query reads them there, at the position they were last published at, instead of reading and
 * parsing every stored document again.
 */

export const LOG_BOUNDS_PROJECTION = 'logBounds';
const BOUNDS_KEY = 'bounds';

/** The latest business time and recording time of all events so far. */
export interface LogBounds {
  readonly position: number;
  readonly maxOccurredAt: string;
  readonly maxRecordedAt: string;
}

const later = (a: string, b: string): string => (compareInstants(a, b) >= 0 ? a : b);

export const logBoundsProjection: Projection<LogBounds> = defineProjection<LogBounds>({
  name: LOG_BOUNDS_PROJECTION,
  version: 1,
  keysOf: () => [BOUNDS_KEY],
  apply: (doc, event) => ({
    position: event.meta.position,
    maxOccurredAt: doc === undefined ? event.meta.occurredAt : later(doc.maxOccurredAt, event.meta.occurredAt),
    maxRecordedAt: doc === undefined ? event.meta.recordedAt : later(doc.maxRecordedAt, event.meta.recordedAt),
  }),
});

export interface SourcedWorld {
  /** For reading only: a World of the live states may be shared by every query answered at its position. */
  readonly world: World;
  /**
   * `readModel` when the live read model served the view, `index` when it was narrowed to the view through
   * the stream bounds, `log` when the whole log was replayed.
   */
  readonly source: 'readModel' | 'index' | 'log';
  /**
   * The position of the log the World is as of: it holds the events up to it (those its view shows) and
   * none after. An answer made from it says so (a query answered while the runner is behind is still right
   * as of this position).
   */
  readonly position: number;
}

export interface WorldSource {
  /**
   * The World of a view, including at least every event up to `atLeast` (default: the log's head now; a
   * query passes the position the runner was waited for).
   */
  readonly worldFor: (view: TimeView, atLeast?: number) => Promise<SourcedWorld>;
  /**
   * The latest business and recording times of the events the read model holds (undefined for an empty
   * log, or without a read model): where a view that hides nothing begins.
   */
  readonly bounds: () => Promise<LogBounds | undefined>;
}

/** The projections a World is served from, kept in memory by a serving process, with their versions. */
export const LIVE_WORLD_PROJECTIONS: Readonly<Record<string, number>> = {
  [AGGREGATES_PROJECTION]: aggregatesProjection.version,
  [STREAM_BOUNDS_PROJECTION]: streamBoundsProjection.version,
  [LOG_BOUNDS_PROJECTION]: logBoundsProjection.version,
};

/** The live documents a World source reads from memory (fill with `loadLiveDocs`, feed with `observeReadModels`). */
export const createLiveWorldDocs = (): LiveDocs => createLiveDocs(Object.keys(LIVE_WORLD_PROJECTIONS));

/**
 * A World for any view. `readModels` must be kept by a runner with `logBoundsProjection` among the
 * world projections; the caller lets the runner catch up first (`runner.waitFor`) to read its own writes.
 * With `live` (the same read models' documents in memory, see `createLiveWorldDocs`), a view is served
 * from it whenever it is published at or after the position asked for.
 */
export const createWorldSource = ({
  store,
  readModels,
  live,
}: {
  store: EventStore;
  readModels?: ReadModelStore;
  live?: LiveDocs;
}): WorldSource => {
  const refolds = live === undefined ? undefined : createRefoldCache(live);
  const states = live === undefined ? undefined : liveStates(live);
  return {
    worldFor: async (view, atLeast) => {
      if (live !== undefined) {
        const wanted = atLeast ?? (await store.headPosition());
        const position = live.position();
        if (position !== undefined && position >= wanted) return liveWorld(store, live, states!(position), position, view, refolds);
      }
      if (readModels !== undefined) {
        const served = await readModelServes(store, readModels, view);
        if (served !== undefined) return { world: await loadWorld(readModels), source: 'readModel', position: served };
      }
      if (readModels !== undefined) {
        const narrowed = await narrowedWorld(store, readModels, view);
        if (narrowed !== undefined) return { ...narrowed, source: 'index' };
      }
      const read = { position: 0 };
      const world = await buildWorld(filtered(store, view, read));
      return { world, source: 'log', position: read.position };
    },
    bounds: async () => {
      if (live !== undefined && live.position() !== undefined) return live.docs(LOG_BOUNDS_PROJECTION).get(BOUNDS_KEY) as LogBounds | undefined;
      return readModels === undefined ? undefined : boundsIn(readModels);
    },
  };
};

/** The view hides none of the events the bounds are of (an empty log hides nothing). */
const hidesNothing = (view: TimeView, bounds: LogBounds | undefined): boolean =>
  bounds === undefined ||
  (compareInstants(view.asOf, bounds.maxOccurredAt) >= 0 && compareInstants(view.knownAt, bounds.maxRecordedAt) >= 0);

/**
 * The World of every live state, as published at a position: made once for each position (and load), and
 * shared by the queries at it — split by aggregate, in the order of their keys, it cost every query a pass
 * over every stream of the log.
 */
const liveStates = (live: LiveDocs): ((position: number) => World) => {
  let made: { readonly position: number; readonly generation: number; readonly world: World } | undefined;
  return (position) => {
    const generation = live.generation();
    if (made?.position === position && made.generation === generation) return made.world;
    const world = emptyWorld();
    const states = live.docs(AGGREGATES_PROJECTION);
    for (const streamId of live.keys(AGGREGATES_PROJECTION)) {
      const name = aggregateOfStream(streamId);
      if (name !== undefined) (world[name] as Map<string, unknown>).set(streamId, states.get(streamId));
    }
    made = { position, generation, world };
    return world;
  };
};

/**
 * The World of a view from the live documents published at `position` (`all`, every live state): all of
 * them when the view hides nothing, else a copy narrowed through the stream bounds as `narrowedWorld` does.
 * Everything read from memory is read before the first `await` (the documents may move on after it); the
 * refolds read events up to `position`.
 */
const liveWorld = async (
  store: EventStore,
  live: LiveDocs,
  all: World,
  position: number,
  view: TimeView,
  refolds: RefoldCache | undefined,
): Promise<SourcedWorld> => {
  const generation = live.generation();
  if (hidesNothing(view, live.docs(LOG_BOUNDS_PROJECTION).get(BOUNDS_KEY) as LogBounds | undefined)) return { world: all, source: 'readModel', position };
  const world = copyWorld(all);
  const partial: (readonly [string, StreamBounds])[] = [];
  for (const [streamId, doc] of live.docs(STREAM_BOUNDS_PROJECTION)) {
    const name = aggregateOfStream(streamId);
    if (name === undefined) continue;
    const visibility = streamVisibility(doc as StreamBounds, view);
    if (visibility === 'none') world[name].delete(streamId);
    else if (visibility === 'some') partial.push([streamId, doc as StreamBounds]);
  }
  const cached = refolds === undefined ? undefined : { refolds, generation };
  await refold(store, world, partial, position, view, cached);
  return { world, source: 'index', position };
};

/**
 * Folds each of the streams again from its own events up to `position` that the view shows — or takes the
 * state folded for the same view before, while its stream has not moved on (see refold-cache.ts).
 */
const refold = async (
  store: EventStore,
  world: World,
  streams: readonly (readonly [streamId: string, bounds: StreamBounds])[],
  position: number,
  view: TimeView,
  cached?: { readonly refolds: RefoldCache; readonly generation: number },
): Promise<void> => {
  for (const [streamId, bounds] of streams) {
    const name = aggregateOfStream(streamId);
    if (name === undefined) continue;
    const states = world[name] as Map<string, StateOf<typeof name>>;
    const kept = cached?.refolds.get(streamId, bounds, view);
    let state = kept?.state as StateOf<typeof name> | undefined;
    if (kept === undefined) {
      for (const event of await store.readStream(streamId)) {
        if (event.meta.position > position) break; // appended since: not in the states read
        if (isVisible(event, view)) state = evolveStream(name, state, event);
      }
      cached?.refolds.set(streamId, bounds, view, state, position, cached.generation);
    }
    if (state === undefined) states.delete(streamId);
    else states.set(streamId, state);
  }
};

const boundsIn = async (readModels: ReadModelStore): Promise<LogBounds | undefined> =>
  (await readModels.load(LOG_BOUNDS_PROJECTION, [BOUNDS_KEY])).get(BOUNDS_KEY) as LogBounds | undefined;

/**
 * The position the read model serves the view at, when it is caught up with the whole log and the view
 * hides none of its events; else undefined.
 */
const readModelServes = async (store: EventStore, readModels: ReadModelStore, view: TimeView): Promise<number | undefined> => {
  const head = await store.headPosition();
  const checkpoints = await Promise.all([AGGREGATES_PROJECTION, LOG_BOUNDS_PROJECTION].map((name) => readModels.checkpoint(name)));
  if (checkpoints.some((checkpoint) => checkpoint?.position !== head)) return undefined;
  return hidesNothing(view, await boundsIn(readModels)) ? head : undefined;
};

/** The checkpoint the states and their bounds are both at (undefined when they differ). */
const statesAt = async (readModels: ReadModelStore): Promise<number | undefined> => {
  const [states, bounds] = await Promise.all([AGGREGATES_PROJECTION, STREAM_BOUNDS_PROJECTION].map((name) => readModels.checkpoint(name)));
  return states !== undefined && states.position === bounds?.position ? states.position : undefined;
};

/**
 * The live World narrowed to a view through the stream bounds; undefined when the read models are not
 * caught up, or moved on while being read (the caller then replays the log rather than mix two states).
 */
const narrowedWorld = async (store: EventStore, readModels: ReadModelStore, view: TimeView): Promise<{ world: World; position: number } | undefined> => {
  const position = await statesAt(readModels);
  if (position === undefined || position !== (await store.headPosition())) return undefined;
  const world = await loadWorld(readModels);
  const partial: (readonly [string, StreamBounds])[] = [];
  for await (const [streamId, doc] of readModels.all(STREAM_BOUNDS_PROJECTION)) {
    const name = aggregateOfStream(streamId);
    if (name === undefined) continue;
    const visibility = streamVisibility(doc as StreamBounds, view);
    if (visibility === 'none') world[name].delete(streamId);
    else if (visibility === 'some') partial.push([streamId, doc as StreamBounds]);
  }
  await refold(store, world, partial, position, view);
  return (await statesAt(readModels)) === position ? { world, position } : undefined;
};

/** The log's events the view shows; `read.position` is the last position read, shown or not. */
async function* filtered(store: EventStore, view: TimeView, read: { position: number }) {
  for await (const event of store.readAll()) {
    read.position = event.meta.position;
    if (isVisible(event, view)) yield event;
  }
}
