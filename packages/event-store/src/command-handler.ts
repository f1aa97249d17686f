import { fold, type Decider, type DomainError, type Instant } from '@xinfang/domain';
import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { appendResultOf } from './append-rules';
import { systemClock, type Clock } from './capabilities';
import { commandTypeOf, idempotencyKeyReused, isSameCommand } from './idempotency';
import type { Actor, NewEvent, RecordedEvent } from './envelope';
import { appendConflict, type AppendConflict, type AppendResult, type EventStore } from './event-store';
import { eventIdFor } from './event-id';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from './upcasters';

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
  /** Stored events are upcast before folding, and new events are written at the current schema version. */
  readonly upcasters?: UpcasterRegistry;
  /**
   * Turns a stored (upcast) event into the decider's event type; by default its `{ type, data }`.
   * Pass an io-ts decode here to check stored data; it should throw on a bad event (corrupt storage).
   */
  readonly toDomainEvent?: (event: RecordedEvent) => Event;
}

/** What deciding a command on a stream needs: everything of `HandleCommandInput` but where to store it. */
export type DecideInput<Command, Event extends DomainEvent, State> = Omit<
  HandleCommandInput<Command, Event, State>,
  'store' | 'streamId' | 'expectedRevision' | 'maxRetries'
>;

/**
 * Folds a stream's stored events, decides the command, and gives the decided events their envelope: the one
 * place the meta of a command's events is made, for `handleCommand` and `handleCommands` alike.
 */
export const decideOnStream = <Command, Event extends DomainEvent, State>(
  input: DecideInput<Command, Event, State>,
  stored: readonly RecordedEvent[],
): Either<DomainError, NewEvent[]> => {
  const { decider, command, actor, commandId, upcasters = {} } = input;
  const clock = input.clock ?? systemClock;
  const occurredAt = input.occurredAt ?? (() => clock.now());
  const toDomainEvent = input.toDomainEvent ?? ((e: RecordedEvent) => ({ type: e.type, data: e.data }) as Event);
  const readAsCurrent = upcast(upcasters);
  const commandType = commandTypeOf(command);
  const state = fold(decider, stored.map((e) => toDomainEvent(readAsCurrent(e))));
  const decided = decider.decide(command, state);
  if (isLeft(decided)) return decided;
  return right(decided.right.map((event, index) => ({
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
      schemaVersion: currentSchemaVersion(upcasters, event.type),
    },
  })));
};

export const resultOf = (events: readonly RecordedEvent[]): CommandResult => {
  const first = events[0];
  if (first === undefined) throw new RangeError('resultOf: no events');
  return appendResultOf(first.meta.streamId, events);
};

/**
 * Load → fold → decide → append with the revision that was loaded. A concurrent writer (an
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
    const stored = await store.readStream(streamId);
    const revision = stored.at(-1)?.meta.revision ?? 0;
    if (expectedRevision !== undefined && expectedRevision !== revision) {
      return left(appendConflict(streamId, expectedRevision, revision));
    }
    const decided = decideOnStream(input, stored);
    if (isLeft(decided)) return decided;
    const events = decided.right;
    if (events.length === 0) {
      return right({ streamId, revision, position: stored.at(-1)?.meta.position ?? 0, events: [] });
    }

    const appended = await store.append(streamId, events, { expectedRevision: revision });
    if (!isLeft(appended)) return appended;
    // With an expected revision, the client's state was current when we loaded but is stale now: the
    // client must look again, so no retry. Without one, a racer got in first: decide again on the new state.
    if (expectedRevision !== undefined) {
      return left(appendConflict(streamId, expectedRevision, appended.left.actualRevision));
    }
    if (attempt >= maxRetries) return appended;
  }
};
