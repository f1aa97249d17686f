import type { Decider, DomainError, Instant } from '@xinfang/domain';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { appendResultOf } from './append-rules';
import { systemClock, type Clock } from './capabilities';
import { commandTypeOf, idempotencyKeyReused, isSameCommand } from './idempotency';
import type { Actor, NewEvent, RecordedEvent } from './envelope';
import { appendConflict, type AppendConflict, type AppendResult, type EventStore } from './event-store';
import { eventIdFor } from './event-id';
import { foldOnto, foldStream, type FoldedState, type StateCache } from './stream-state';

/** Events as deciders produce them: a tagged `{ type, data }`. */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

/** A refusal of the domain (passed through unchanged) or a concurrency conflict. */
export type CommandFailure = DomainError | AppendConflict;

/** What a command did: the stream's revision and position after it, and the events it recorded. */
export type CommandResult = AppendResult;

export interface HandleCommandInput<Command, Event extends DomainEvent, State> {
  readonly store: EventStore;
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: string;
  readonly command: Command;
  /** Business time of each decided event; the clock's time by default. */
  readonly occurredAt?: (event: Event) => Instant;
  readonly actor: Actor;
  /** Chosen by the client, so that a repeated request is recognised. */
  readonly commandId: string;
  /** Default: the command id. */
  readonly correlationId?: string;
  /** Default: the command id. */
  readonly causationId?: string;
  /**
   * The revision the client saw (an HTTP If-Match). When given, any other current revision is a conflict
   * at once, never retried: the client decided on a state that is gone.
   */
  readonly expectedRevision?: number;
  /** Used only for the default `occurredAt`. */
  readonly clock?: Clock;
  /** Extra attempts after a conflict with a concurrent writer (when no `expectedRevision` was given). */
  readonly maxRetries?: number;
  /**
   * Turns a stored event into the decider's event type; by default its `{ type, data }`. Old versions reach it
   * already read as current, through the store as opened (`upcastingStore`).
   * Pass an io-ts decode here to check stored data; it should throw on a bad event (corrupt storage).
   */
  readonly toDomainEvent?: (event: RecordedEvent) => Event;
  /**
   * Checked on the state the command is about to be decided on, before anything is decided: throws to refuse
   * the command (a caller's access rule that depends on the state, say), so that the caller need not read
   * and fold the stream a second time for it. A repeated `commandId` returns its first result unchecked.
   */
  readonly guard?: (state: State) => void;
  /** Folded states kept between commands: a command then reads only the events recorded since (`createStateCache`). */
  readonly cache?: StateCache<State>;
  /** Where a folded state may be had when the cache has none (see `FoldStreamInput.seed`). */
  readonly seed?: (streamId: string) => Promise<FoldedState<State> | undefined>;
}

/** What deciding a command on a stream needs: everything of `HandleCommandInput` but the handling of conflicts. */
export type DecideInput<Command, Event extends DomainEvent, State> = Omit<
  HandleCommandInput<Command, Event, State>,
  'store' | 'expectedRevision' | 'maxRetries'
>;

/** A command decided on its stream as it was read. */
export interface Decision {
  /** The stream's revision the command was decided at, and the position of its last event (0 when empty). */
  readonly revision: number;
  readonly position: number;
  readonly decided: Either<DomainError, NewEvent[]>;
  /** Tells the state cache what was recorded, so that the next command on the stream starts from there. */
  readonly recorded: (result: AppendResult) => void;
}

/**
 * Reads the stream (once: only what follows its cached state), folds it, checks the guard, decides the
 * command, and gives the decided events their envelope: the one place the meta of a command's events is
 * made, for `handleCommand` and `handleCommands` alike.
 */
export const decideOnStream = async <Command, Event extends DomainEvent, State>(
  store: EventStore,
  input: DecideInput<Command, Event, State>,
): Promise<Decision> => {
  const { decider, streamId, command, actor, commandId, cache, seed } = input;
  const clock = input.clock ?? systemClock;
  const occurredAt = input.occurredAt ?? (() => clock.now());
  const toDomainEvent = input.toDomainEvent ?? ((e: RecordedEvent) => ({ type: e.type, data: e.data }) as Event);
  const toEvent = toDomainEvent;
  const folded = await foldStream({ store, streamId, decider, toEvent, ...(cache === undefined ? {} : { cache }), ...(seed === undefined ? {} : { seed }) });
  const recorded = (result: AppendResult): void => {
    // The recorded events, read back as a later command would read them, move the cached state on.
    const next = foldOnto({ decider, toEvent }, folded, result.events);
    if (next !== undefined && result.events.length > 0) cache?.set(streamId, next);
  };
  input.guard?.(folded.state);
  const commandType = commandTypeOf(command);
  const decided = decider.decide(command, folded.state);
  const decision = { revision: folded.revision, position: folded.position, recorded };
  if (isLeft(decided)) return { ...decision, decided };
  const events = decided.right.map((event, index): NewEvent => ({
    type: event.type,
    data: event.data,
    meta: {
      eventId: eventIdFor(commandId, index),
      occurredAt: occurredAt(event),
      actor,
      commandId,
      ...(commandType === undefined ? {} : { commandType }),
      correlationId: input.correlationId ?? commandId,
      causationId: input.causationId ?? commandId,
      // Version 1 unless the store as opened knows later ones: an `upcastingStore` stamps the current version.
      schemaVersion: 1,
    },
  }));
  return { ...decision, decided: right(events) };
};

export const resultOf = (events: readonly RecordedEvent[]): CommandResult => {
  const first = events[0];
  if (first === undefined) throw new RangeError('resultOf: no events');
  return appendResultOf(first.meta.streamId, events);
};

/**
 * Load (one read) → fold → guard → decide → append with the revision that was loaded. A concurrent writer (an
 * `AppendConflict`) makes it reload and decide again, at most `maxRetries` more times, since the decision
 * may differ on the newer state. A `commandId` already in the store returns the first result and writes
 * nothing — even if the command would be refused now.
 */
export const handleCommand = async <Command, Event extends DomainEvent, State>(
  input: HandleCommandInput<Command, Event, State>,
): Promise<Either<CommandFailure, CommandResult>> => {
  const { store, streamId, commandId, expectedRevision } = input;
  const maxRetries = input.maxRetries ?? 3;

  const earlier = await store.findByCommandId(commandId);
  if (earlier.length > 0) {
    return isSameCommand(earlier, streamId, commandTypeOf(input.command)) ? right(resultOf(earlier)) : left(idempotencyKeyReused);
  }

  for (let attempt = 0; ; attempt++) {
    const { revision, position, decided, recorded } = await decideOnStream(store, input);
    if (expectedRevision !== undefined && expectedRevision !== revision) {
      return left(appendConflict(streamId, expectedRevision, revision));
    }
    if (isLeft(decided)) return decided;
    const events = decided.right;
    if (events.length === 0) return right({ streamId, revision, position, events: [] });

    const appended = await store.append(streamId, events, { expectedRevision: revision });
    if (!isLeft(appended)) {
      recorded(appended.right);
      return appended;
    }
    // With an expected revision, the client's state was current when we loaded but is stale now: the
    // client must look again, so no retry. Without one, a racer got in first: decide again on the new state.
    if (expectedRevision !== undefined) {
      return left(appendConflict(streamId, expectedRevision, appended.left.actualRevision));
    }
    if (attempt >= maxRetries) return appended;
  }
};
