import type { Decider } from '@xinfang/domain';
import type { RecordedEvent } from './envelope';
import type { EventStore } from './event-store';

/**
 * A stream's state folded up to `revision`, whose last event is at `position` with `hash` (0, 0 and '' for
 * an empty stream).
 */
export interface FoldedState<State> {
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
  readonly state: State;
}

/**
 * Folded states of streams, kept between commands so that a command reads only the events recorded since
 * (by anyone: another process's events are read like this one's). Stored events never change, so a state
 * folded up to a revision stays right; only what came after it is read (with its last event again, to make
 * sure it is still the same log). States must not be mutated (deciders' `evolve` returns new ones). One
 * cache per decider: the state is that decider's fold.
 */
export interface StateCache<State> {
  readonly get: (streamId: string) => FoldedState<State> | undefined;
  readonly set: (streamId: string, folded: FoldedState<State>) => void;
  /** Drops the stream's state (so that a state at any revision may be set again). */
  readonly forget: (streamId: string) => void;
}

export interface StateCacheOptions {
  /** How many streams it keeps, the least recently used dropped first; default 1,000. */
  readonly maxStreams?: number;
}

const DEFAULT_MAX_STREAMS = 1_000;

/** A `StateCache` in memory, least recently used dropped first. */
export const createStateCache = <State>({ maxStreams = DEFAULT_MAX_STREAMS }: StateCacheOptions = {}): StateCache<State> => {
  if (!(Number.isSafeInteger(maxStreams) && maxStreams > 0)) throw new RangeError(`createStateCache: bad maxStreams ${maxStreams}`);
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, FoldedState<State>>();
  return {
    get: (streamId) => {
      const folded = entries.get(streamId);
      if (folded !== undefined) {
        entries.delete(streamId);
        entries.set(streamId, folded);
      }
      return folded;
    },
    set: (streamId, folded) => {
      const known = entries.get(streamId);
      // Two commands racing on one stream may finish in any order: keep the later state.
      if (known !== undefined && known.revision > folded.revision) return;
      entries.delete(streamId);
      entries.set(streamId, folded);
      if (entries.size > maxStreams) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
    },
    forget: (streamId) => {
      entries.delete(streamId);
    },
  };
};

export interface FoldStreamInput<Event, State> {
  readonly store: EventStore;
  readonly streamId: string;
  readonly decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState' | 'foldMany'>;
  /** A stored event as the decider's event (upcast and decoded). */
  readonly toEvent: (event: RecordedEvent) => Event;
  readonly cache?: StateCache<State>;
  /**
   * Where a state folded elsewhere may be had when the cache has none (a read model, after a restart): it is
   * taken only if this log holds its last event, with its hash, and then moved on like a cached one.
   */
  readonly seed?: (streamId: string) => Promise<FoldedState<State> | undefined>;
}

/** `folded` moved on by `events`, the stream's next events in order; undefined if they do not follow on from it. */
export const foldOnto = <Event, State>(
  input: Pick<FoldStreamInput<Event, State>, 'decider' | 'toEvent'>,
  folded: FoldedState<State>,
  events: readonly RecordedEvent[],
): FoldedState<State> | undefined => {
  const { decider, toEvent } = input;
  let { revision, position, hash } = folded;
  for (const event of events) {
    if (event.meta.revision !== revision + 1) return undefined;
    ({ revision, position, hash } = event.meta);
  }
  // All at once when the decider can (a long stream's fold stays linear), one at a time otherwise.
  let { state } = folded;
  if (decider.foldMany !== undefined) state = decider.foldMany(state, events.map(toEvent));
  else for (const event of events) state = decider.evolve(state, toEvent(event));
  return { revision, position, hash, state };
};

/**
 * A stream's current state, with one `readStream`: from the cached (or seeded) state's last event when there
 * is one, of the whole stream otherwise. So a command's cost does not grow with its stream once the stream is
 * cached — or, with a seed, at all.
 */
export const foldStream = async <Event, State>(input: FoldStreamInput<Event, State>): Promise<FoldedState<State>> => {
  const { store, streamId, decider, cache, seed } = input;
  const cached = cache?.get(streamId) ?? (await seed?.(streamId));
  if (cached !== undefined && cached.revision > 0) {
    const [last, ...since] = await store.readStream(streamId, { fromRevision: cached.revision });
    // The last event folded is read again: a log that no longer holds it (another file put back under a
    // running process) is not the log the state was folded from, and is folded from its start instead.
    const folded = last?.meta.hash === cached.hash ? foldOnto(input, cached, since) : undefined;
    if (folded !== undefined) {
      cache?.set(streamId, folded);
      return folded;
    }
    cache?.forget(streamId);
  }
  const events = await store.readStream(streamId);
  const folded = foldOnto(input, { revision: 0, position: 0, hash: '', state: decider.initialState }, events);
  if (folded === undefined) throw new Error(`foldStream: stream ${streamId} does not number its events 1, 2, 3, …`);
  if (folded.revision > 0) cache?.set(streamId, folded);
  return folded;
};
