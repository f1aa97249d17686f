import { isLeft, left, right, type Either } from 'fp-ts/Either';
import {
  decideOnStream,
  resultOf,
  type CommandFailure,
  type CommandResult,
  type DecideInput,
  type Decision,
  type DomainEvent,
} from './command-handler';
import { appendConflict, type EventStore } from './event-store';

/** A command bound to its decider and stream, ready for `handleCommands` (which may mix aggregates). */
export interface StreamCommand {
  readonly streamId: string;
  readonly commandId: string;
  /** As in `handleCommand`: the revision the client saw; any other is a conflict at once, never retried. */
  readonly expectedRevision?: number;
  /** Reads the stream's state (once) and decides the command on it. */
  readonly decide: (store: EventStore) => Promise<Decision>;
}

export const streamCommand = <Command, Event extends DomainEvent, State>(
  input: DecideInput<Command, Event, State> & { readonly expectedRevision?: number },
): StreamCommand => ({
  streamId: input.streamId,
  commandId: input.commandId,
  ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
  decide: (store) => decideOnStream(store, input),
});

export interface HandleCommandsInput {
  readonly store: EventStore;
  /** In the order their events are to be recorded; one command per stream. */
  readonly commands: readonly StreamCommand[];
  /** Extra attempts after a conflict with a concurrent writer (when no command has an expected revision). */
  readonly maxRetries?: number;
}

/**
 * `handleCommand` for several streams at once — a case and the persons it registers — written with one
 * `appendMany`: every command's events are recorded or none are, so a refusal of one leaves no trace of the
 * others. A command whose id is already stored is not decided again: its first result stands (a retry).
 * Results are in the order of the commands.
 */
export const handleCommands = async (input: HandleCommandsInput): Promise<Either<CommandFailure, CommandResult[]>> => {
  const { store, commands } = input;
  const maxRetries = input.maxRetries ?? 3;
  const earlier = await Promise.all(commands.map(async (c) => store.findByCommandId(c.commandId)));
  const pending = commands.filter((_, i) => (earlier[i]?.length ?? 0) === 0);
  const withPrior = (fresh: readonly CommandResult[]): CommandResult[] => {
    const results = [...fresh];
    return earlier.map((events) => (events.length > 0 ? resultOf(events) : (results.shift() ?? resultOf(events))));
  };
  if (pending.length === 0) return right(withPrior([]));

  for (let attempt = 0; ; attempt++) {
    const appends = [];
    const decisions: Decision[] = [];
    for (const command of pending) {
      const decision = await command.decide(store);
      const { revision, decided } = decision;
      if (command.expectedRevision !== undefined && command.expectedRevision !== revision) {
        return left(appendConflict(command.streamId, command.expectedRevision, revision));
      }
      if (isLeft(decided)) return decided;
      // A command that decides nothing still takes part: its stream must not move before the others are written.
      appends.push({ streamId: command.streamId, expectedRevision: revision, events: decided.right });
      decisions.push(decision);
    }
    const appended = await store.appendMany(appends);
    if (!isLeft(appended)) {
      appended.right.forEach((result, i) => decisions[i]?.recorded(result));
      return right(withPrior(appended.right));
    }
    const failed = pending.find((c) => c.streamId === appended.left.streamId);
    if (failed?.expectedRevision !== undefined) {
      return left(appendConflict(failed.streamId, failed.expectedRevision, appended.left.actualRevision));
    }
    if (attempt >= maxRetries) return appended;
  }
};
