import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@xinfang/event-store';
import { isLeft } from 'fp-ts/Either';
import { createPostgresEventStore } from '../postgres-store';

/*
 * A writer that the multi-process tests run in the test's own process and, at the same time, in a child process
 * (see `child.ts`), both on one log: two app servers on one PostgreSQL.
 */

export interface WriterPlan {
  readonly url: string;
  readonly schema: string;
  /** Names the writer's own stream (`<name>-own`) and its events. */
  readonly name: string;
  /** How many appends to make; 0 = until the process is killed. */
  readonly appends: number;
  /** A stream both writers append to with an expected revision, retrying on a conflict. */
  readonly sharedStream: string;
  /** With two writers: never get more than this many events ahead of the other one, so that they interleave. */
  readonly paceWithin?: number;
  /** How many appends the writer keeps in flight at once (default 1); with more, the store commits them in groups. */
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

export const runWriter = async (plan: WriterPlan, onAcknowledged: (ack: Acknowledged) => void): Promise<WriterReport> => {
  let commits = 0;
  const store = await createPostgresEventStore({
    connectionString: plan.url,
    schema: plan.schema,
    maxConnections: 3,
    aroundCommit: async (commit) => {
      await commit();
      commits += 1;
    },
  });
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
        commits,
        attempts,
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: plan.concurrency ?? 1 }, work));
  } finally {
    await store.close();
  }
  return { appended, conflicts };
};
