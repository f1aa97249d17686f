import { compareInstants } from '@xinfang/domain';
import type { EventStore } from '@xinfang/event-store';
import { defineProjection, type Projection } from './projection';
import type { ReadModelStore } from './read-model-store';
import { isVisible, type TimeView } from './view';
import { buildWorld, type World } from './world';
import { AGGREGATES_PROJECTION, loadWorld } from './world-projection';

/*
 * Where a query's World comes from. The live read model holds every event up to its checkpoint; it is
 * the World of a view exactly when the view hides none of those events — its `asOf` is at or after every
 * business time and its `knownAt` at or after every recording time. Any other view (a past date, or a
 * view before a late-typed form) is built by replaying the log through the same folds: a past date is
 * answered from the events, never approximated from the present.
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
  readonly world: World;
  /** `readModel` when the live read model served the view, `log` when the log was replayed. */
  readonly source: 'readModel' | 'log';
}

export interface WorldSource {
  readonly worldFor: (view: TimeView) => Promise<SourcedWorld>;
  /**
   * The latest business and recording times of the events the read model holds (undefined for an empty
   * log, or without a read model): where a view that hides nothing begins.
   */
  readonly bounds: () => Promise<LogBounds | undefined>;
}

/**
 * A World for any view. `readModels` must be kept by a runner with `logBoundsProjection` among the
 * world projections; the caller lets the runner catch up first (`runner.waitFor`) to read its own writes.
 */
export const createWorldSource = ({ store, readModels }: { store: EventStore; readModels?: ReadModelStore }): WorldSource => ({
  worldFor: async (view) => {
    if (readModels !== undefined && (await readModelServes(store, readModels, view))) {
      return { world: await loadWorld(readModels), source: 'readModel' };
    }
    return { world: await buildWorld(filtered(store, view)), source: 'log' };
  },
  bounds: async () => (readModels === undefined ? undefined : boundsIn(readModels)),
});

const boundsIn = async (readModels: ReadModelStore): Promise<LogBounds | undefined> =>
  (await readModels.load(LOG_BOUNDS_PROJECTION, [BOUNDS_KEY])).get(BOUNDS_KEY) as LogBounds | undefined;

/** The read model is caught up with the whole log, and the view hides none of its events. */
const readModelServes = async (store: EventStore, readModels: ReadModelStore, view: TimeView): Promise<boolean> => {
  const head = await store.headPosition();
  const checkpoints = await Promise.all([AGGREGATES_PROJECTION, LOG_BOUNDS_PROJECTION].map((name) => readModels.checkpoint(name)));
  if (checkpoints.some((checkpoint) => checkpoint?.position !== head)) return false;
  const bounds = await boundsIn(readModels);
  if (bounds === undefined) return true; // an empty log hides nothing
  return compareInstants(view.asOf, bounds.maxOccurredAt) >= 0 && compareInstants(view.knownAt, bounds.maxRecordedAt) >= 0;
};

async function* filtered(store: EventStore, view: TimeView) {
  for await (const event of store.readAll()) if (isVisible(event, view)) yield event;
}
