import { isLeft } from 'fp-ts/Either';
import { aggregates, type AggregateName, type CommandOf, type Instant } from '@xinfang/domain';
import { createMemoryEventStore, handleCommand, type EventStore, type RecordedEvent } from '@xinfang/event-store';

/*
 * Test support (not exported): writes a small written scenario through the real deciders and the real
 * in-memory store, so that projection tests start from events exactly as production would record them.
 * Each step says when it happened (business time, inside the command) and when it was typed in
 * (`recordedAt`, default: the business time itself).
 */
export interface Scenario {
  readonly store: EventStore;
  /** Runs a command on a stream; throws if the domain refuses it (a scenario must be legal). */
  readonly run: <N extends AggregateName>(
    aggregate: N,
    streamId: string,
    command: CommandOf<N>,
    recordedAt: Instant,
  ) => Promise<readonly RecordedEvent[]>;
  /** Every event recorded so far, in global order. */
  readonly events: () => Promise<RecordedEvent[]>;
}

export const createScenario = (): Scenario => {
  let now = '2024-01-01T00:00:00+08:00';
  const store = createMemoryEventStore({ clock: { now: () => now } });
  let commands = 0;
  return {
    store,
    run: async (aggregate, streamId, command, recordedAt) => {
      now = recordedAt;
      const { decider, eventTime } = aggregates[aggregate];
      const result = await handleCommand({
        store,
        decider: decider as never,
        streamId,
        command,
        occurredAt: eventTime as never,
        actor: { id: 'tester', role: 'office' },
        commandId: `cmd-${++commands}`,
      });
      if (isLeft(result)) throw new Error(`scenario step refused: ${JSON.stringify(result.left)}`);
      return result.right.events;
    },
    events: async () => {
      const all: RecordedEvent[] = [];
      for await (const event of store.readAll()) all.push(event);
      return all;
    },
  };
};
