import { randomUUID } from 'node:crypto';
import { isLeft } from 'fp-ts/Either';
import type { NewEvent } from './envelope';
import type { EventStore } from './event-store';

/*
 * A writer that an adapter's multi-process tests run in the test's own process and, at the same time, in a
 * child process (child-writer.ts), both on one log: the CLI and a server, or two servers, appending at once.
 * The adapter's test module opens its store and hands it to `runWriterOn`; the rest is the same for every store.
 */

export interface WriterPlan {
  /** Names the writer's own stream (`<name>-own`) and its events. */
  readonly name: string;
  /** How many appends to make; 0 = until the process is killed. */
  readonly appends: number;
  /** A stream both writers append to with an expected revision, retrying on a conflict. */
  readonly sharedStream: string;
  /**
   * With two writers on the log: never get more than this many events ahead of the other one (wait for it),
   * so that their appends interleave however fast one of them starts. Unset for a writer on its own.
   */
  readonly paceWithin?: number;
  /**
   * How many appends the writer keeps in flight at once (default 1: one after the other). With more, they
   * are made concurrently, as a server's requests are, and the store commits them in groups.
   */
  readonly concurrency?: number;
}

/** One acknowledged append: what the writer was told was stored. */
export interface Acknowledged {
  readonly streamId: string;
  readonly positions: readonly number[];
  readonly eventIds: readonly string[];
  readonly hashes: readonly string[];
  /** How many transactions the writer's store had committed when this append was acknowledged. */
  readonly commits: number;
  /** How many appends the writer had made by then, those that conflicted included. */
  readonly attempts: number;
}

export interface WriterReport {
  readonly appended: number;
  readonly conflicts: number;
}

/** The store a writer appends to, as the adapter's test module opened it. */
export interface WriterStore {
  readonly store: EventStore;
  /** How many transactions the store has committed so far (the adapter counts them its own way). */
  readonly commits: () => number;
  /** Yield to the event loop after each acknowledged append: on a file lock (SQLite), a chance for the other process to take it. */
  readonly yieldBetweenAppends?: boolean;
}

const newEvent = (name: string, n: number): NewEvent => ({
  type: 'WriterTested',
  data: { writer: name, n, 文本: '大排查、大接访、大化解' },
  meta: {
    eventId: randomUUID(),
    occurredAt: '2024-09-18T01:30:00.000Z',
    actor: { id: name, role: 'office' },
    commandId: randomUUID(),
    correlationId: name,
    causationId: name,
    schemaVersion: 1,
  },
});

/** Runs the plan on the opened store, reporting each acknowledged append as it comes; closes the store at the end. */
export const runWriterOn = async (opened: WriterStore, plan: WriterPlan, onAcknowledged: (ack: Acknowledged) => void): Promise<WriterReport> => {
  const { store } = opened;
  let conflicts = 0;
  let attempts = 0;
  let appended = 0;
  let next = 0;
  const pace = async (): Promise<void> => {
    if (plan.paceWithin === undefined) return;
    // Everything not appended by this writer was appended by the other one.
    while ((await store.headPosition()) - appended < appended - plan.paceWithin) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  const work = async (): Promise<void> => {
    for (let i = next++; plan.appends === 0 || i < plan.appends; i = next++) {
      await pace();
      let result;
      if (i % 2 === 0) {
        const events = Array.from({ length: (i % 3) + 1 }, (_, k) => newEvent(plan.name, i * 10 + k));
        attempts += 1;
        result = await store.append(`${plan.name}-own`, events, { expectedRevision: 'any' });
      } else {
        // Read, then append at what was read: the other writer may get in between, and then this one must lose.
        for (;;) {
          const revision = await store.streamRevision(plan.sharedStream);
          attempts += 1;
          result = await store.append(plan.sharedStream, [newEvent(plan.name, i * 10)], { expectedRevision: revision });
          if (!isLeft(result)) break;
          conflicts += 1;
        }
      }
      if (isLeft(result)) throw new Error(`unexpected conflict ${JSON.stringify(result.left)}`);
      const { streamId, events } = result.right;
      appended += events.length;
      onAcknowledged({
        streamId,
        positions: events.map((e) => e.meta.position),
        eventIds: events.map((e) => e.meta.eventId),
        hashes: events.map((e) => e.meta.hash),
        commits: opened.commits(),
        attempts,
      });
      if (opened.yieldBetweenAppends === true) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all(Array.from({ length: plan.concurrency ?? 1 }, work));
  } finally {
    await store.close();
  }
  return { appended, conflicts };
};
