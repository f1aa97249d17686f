import type { Either } from 'fp-ts/Either';
import type { DomainError } from './errors';

/**
 * The shape of every aggregate, after Emmett's `Decider`, except that `decide` returns an `Either`
 * instead of throwing. Commands and events are `{ type, data }` tagged unions.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Either<DomainError, readonly Event[]>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
  /**
   * Optional: the same as `evolve` over each event in turn, faster for many events (e.g. linear where
   * `evolve`, copying the state's lists, makes a long fold quadratic). Changes neither `state` nor the events.
   */
  readonly foldMany?: (state: State, events: readonly Event[]) => State;
}

/** Folds events into a state with a decider's `evolve` (or its `foldMany`). */
export const fold = <Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState' | 'foldMany'>,
  events: Iterable<Event>,
): State => {
  if (decider.foldMany !== undefined) return decider.foldMany(decider.initialState, [...events]);
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

/** For the `default` branch of an exhaustive `switch`: fails to compile when a case is missing. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
