import type { RecordedEvent } from './envelope';
import type { EventHandler, SubscribeOptions, Subscription } from './event-store';

/** Where a catch-up subscription reads from and how it learns that there is more to read. */
export interface SubscriptionSource {
  /** The stored events after a position, in order (usually the store's own `readAll`). */
  readonly readAfter: (afterPosition: number) => AsyncIterable<RecordedEvent>;
  /** Registers a callback to run after each committed append; returns the function that removes it. */
  readonly onAppended?: (listener: () => void) => () => void;
  /** Also look for new events this often: for logs that other processes append to. */
  readonly pollIntervalMs?: number;
}

/**
 * Catch-up then live, for any store that can read after a position. There is only one loop: it reads
 * after the last delivered position until it finds nothing new, and a signal that more was appended only
 * makes it read again. Since positions are gap-free and delivery follows the cursor, an event appended
 * during the catch-up is delivered once, in its place — never skipped, never twice.
 */
export const catchUpSubscription = (
  source: SubscriptionSource,
  options: SubscribeOptions,
  handler: EventHandler,
): Subscription => {
  let cursor = options.afterPosition;
  let closed = false;
  let again = false;
  let running: Promise<void> | undefined;

  const drain = async (): Promise<void> => {
    do {
      again = false;
      for await (const event of source.readAfter(cursor)) {
        if (closed) return;
        await handler(event);
        cursor = event.meta.position;
      }
    } while (again && !closed);
  };

  const fail = (error: unknown): void => {
    stop();
    if (options.onError === undefined) throw error;
    options.onError(error);
  };

  const wake = (): void => {
    if (closed) return;
    if (running !== undefined) {
      // The loop is reading: make it read once more, so an append landing after its last read is not missed.
      again = true;
      return;
    }
    running = drain()
      .catch(fail)
      .finally(() => {
        running = undefined;
        if (again) wake();
      });
  };

  const removeListener = source.onAppended?.(wake);
  const timer = source.pollIntervalMs === undefined ? undefined : setInterval(wake, source.pollIntervalMs);
  // Polling alone must not keep a process alive.
  timer?.unref();

  const stop = (): void => {
    closed = true;
    removeListener?.();
    if (timer !== undefined) clearInterval(timer);
  };

  wake();

  return {
    close: async () => {
      stop();
      await running?.catch(() => undefined);
    },
  };
};

/** The open subscriptions of a store, so that closing the store closes them first. */
export interface SubscriptionRegistry {
  /** Tracks a subscription until it is closed; returns the one to hand to the caller. */
  readonly track: (subscription: Subscription) => Subscription;
  readonly closeAll: () => Promise<void>;
}

export const subscriptionRegistry = (): SubscriptionRegistry => {
  const open = new Set<Subscription>();
  return {
    track: (subscription) => {
      const tracked: Subscription = {
        close: async () => {
          open.delete(tracked);
          await subscription.close();
        },
      };
      open.add(tracked);
      return tracked;
    },
    closeAll: async () => {
      await Promise.all([...open].map((s) => s.close()));
    },
  };
};
