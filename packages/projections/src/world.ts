import { isLeft } from 'fp-ts/Either';
import { aggregateOfStream, aggregates, type AggregateName, type EventOf, type StateOf } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { isVisible, type TimeView } from './view';

/*
 * The world: every aggregate's state, folded from the events with the domain's own `evolve`. The read
 * side never re-implements a rule: the ledgers and KPIs are functions of these states (and of T), so a
 * figure means exactly what the deciders mean.
 */

export type World = { readonly [N in AggregateName]: Map<string, StateOf<N>> };

export const emptyWorld = (): World => ({
  case: new Map(),
  person: new Map(),
  community: new Map(),
  leader: new Map(),
  duty: new Map(),
  screening: new Map(),
  incident: new Map(),
  inspection: new Map(),
  assessment: new Map(),
  matter: new Map(),
  noticeTemplates: new Map(),
});

/** A World of its own holding the same states (each map copied, in its order; states never change once made). */
export const copyWorld = (world: World): World =>
  Object.fromEntries(Object.entries(world).map(([name, states]) => [name, new Map(states as Map<string, unknown>)])) as unknown as World;

/** A stored event that does not decode with its aggregate's codec: the log holds something it must not. */
export class UndecodableEventError extends Error {
  constructor(readonly event: RecordedEvent) {
    super(`event at position ${event.meta.position} (${event.type} on ${event.meta.streamId}) does not match its schema`);
    this.name = 'UndecodableEventError';
  }
}

/**
 * A stored event as its aggregate's event, checked with the aggregate's codec: the one function every reader
 * of the log decodes with (the read side's folds here, the office's command handling). Old versions arrive
 * already read as current (`upcastingStore`). Throws `UndecodableEventError` for what must not be in the log.
 */
export const decodeStoredEvent = <N extends AggregateName>(name: N, event: RecordedEvent): EventOf<N> => {
  const decoded = aggregates[name].eventCodec.decode({ type: event.type, data: event.data });
  if (isLeft(decoded)) throw new UndecodableEventError(event);
  return decoded.right;
};

/** Folds one stored event into the state of its stream; returns the aggregate it touched (or undefined). */
export const evolveStream = <N extends AggregateName>(
  name: N,
  state: StateOf<N> | undefined,
  event: RecordedEvent,
): StateOf<N> => {
  const aggregate = aggregates[name];
  // The table is keyed by name, but TypeScript cannot tie `aggregates[name]` to `StateOf<N>` for a generic N.
  const evolve = aggregate.decider.evolve as unknown as (s: StateOf<N>, e: unknown) => StateOf<N>;
  return evolve(state ?? aggregate.decider.initialState, decodeStoredEvent(name, event));
};

/** Applies one event to the world (in place: a world is built once per query or kept by the runner). */
export const applyToWorld = (world: World, event: RecordedEvent): void => {
  const name = aggregateOfStream(event.meta.streamId);
  if (name === undefined) return;
  const states = world[name] as Map<string, StateOf<typeof name>>;
  states.set(event.meta.streamId, evolveStream(name, states.get(event.meta.streamId), event));
};

/** The world as a view shows it, from the events in global order (any iterable, e.g. `store.readAll()`). */
export const buildWorld = async (
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  view?: TimeView,
): Promise<World> => {
  const world = emptyWorld();
  for await (const event of events) if (view === undefined || isVisible(event, view)) applyToWorld(world, event);
  return world;
};
