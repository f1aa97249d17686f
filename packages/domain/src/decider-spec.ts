import { isLeft, type Either } from 'fp-ts/Either';
import { fold, type Decider } from './decider';
import type { DomainError } from './errors';

/*
 * Given/when/then for deciders, after Emmett's `DeciderSpecification`. The domain package must not
 * load a test framework at run time, so the checks throw a plain Error, which every runner reports as
 * a failed test, instead of calling `expect`.
 */

export type Decision<Event> = Either<DomainError, readonly Event[]>;

/** `deciderSpec(decider).given(pastEvents).when(command)` folds the past and returns what `decide` says. */
export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => ({
  given: (events: readonly Event[]) => ({
    when: (command: Command): Decision<Event> => decider.decide(command, fold(decider, events)),
  }),
});

// Keys sorted, so that key order never matters; `undefined` made visible, so that `{ a: undefined }`
// differs from `{}` (an event must not carry keys that vanish when it is stored as JSON).
const canonical = (value: unknown): unknown => {
  if (value === undefined) return '«undefined»';
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
};
const show = (value: unknown): string => JSON.stringify(canonical(value), null, 2);

/** The events of an accepted command; throws when it was refused or, given `expected`, when they differ. */
export const expectEvents = <Event>(result: Decision<Event>, expected?: readonly Event[]): readonly Event[] => {
  if (isLeft(result)) throw new Error(`expected events, but the command was refused: ${show(result.left)}`);
  if (expected !== undefined && show(result.right) !== show(expected))
    throw new Error(`expected events:\n${show(expected)}\nbut got:\n${show(result.right)}`);
  return result.right;
};

/** The refusal of a command; throws when it was accepted or refused with another code. */
export const expectRefusal = <Event>(result: Decision<Event>, code: string): DomainError => {
  if (!isLeft(result)) throw new Error(`expected refusal "${code}", but got events:\n${show(result.right)}`);
  if (result.left.code !== code) throw new Error(`expected refusal "${code}", but got: ${show(result.left)}`);
  return result.left;
};
