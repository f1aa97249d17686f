import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import type { NewEvent, RecordedEvent } from './envelope';
import { GENESIS_HASH, sealEvent } from './hash-chain';
import { catchUpSubscription, type SubscriptionSource } from './subscription';

/** A log that another process appends to: the subscription only learns of new events by polling. */
const foreignLog = () => {
  const events: RecordedEvent[] = [];
  const clock = fixedClock('2024-09-18T10:00:00+08:00', 1000);
  const add = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const position = events.length + 1;
      const event: NewEvent = {
        type: 'Tested',
        data: { position },
        meta: {
          eventId: `event-${position}`,
          occurredAt: '2024-09-18T09:30:00+08:00',
          actor: { id: 'clerk-1', role: 'office' },
          commandId: `command-${position}`,
          correlationId: `command-${position}`,
          causationId: `command-${position}`,
          schemaVersion: 1,
        },
      };
      const prevHash = events.at(-1)?.meta.hash ?? GENESIS_HASH;
      events.push(sealEvent(event, { streamId: 's', revision: position, position, recordedAt: clock.now(), prevHash }));
    }
  };
  const readAfter = async function* (afterPosition: number) {
    yield* events.slice(afterPosition);
  };
  return { add, readAfter };
};

describe('catchUpSubscription', () => {
  it('finds events appended by others by polling, in order and once each', async () => {
    const log = foreignLog();
    log.add(5);
    const source: SubscriptionSource = { readAfter: log.readAfter, pollIntervalMs: 5 };
    const received: number[] = [];
    const subscription = catchUpSubscription(source, { afterPosition: 2 }, (event) => {
      received.push(event.meta.position);
    });

    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(3);
    log.add(4);
    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(7);
    await subscription.close();
    log.add(2);
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(received).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('reads again when woken during a read, so an append that lands meanwhile is not missed', async () => {
    const log = foreignLog();
    log.add(1);
    const listeners = new Set<() => void>();
    const source: SubscriptionSource = {
      readAfter: log.readAfter,
      onAppended: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const received: number[] = [];
    const subscription = catchUpSubscription(source, { afterPosition: 0 }, async (event) => {
      received.push(event.meta.position);
      if (event.meta.position === 1) {
        // Appended after the loop's read has already been taken: only the wake-up brings it in.
        log.add(1);
        for (const listener of listeners) listener();
      }
      await Promise.resolve();
    });

    await expect.poll(() => received.length, { timeout: 5_000 }).toBe(2);
    await subscription.close();
    expect(received).toEqual([1, 2]);
    expect(listeners.size).toBe(0);
  });
});
