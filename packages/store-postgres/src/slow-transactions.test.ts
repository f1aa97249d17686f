import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent, Subscription } from '@xinfang/event-store';
import { isRight } from 'fp-ts/Either';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgres-store';
import { createTestSchema } from './testing';

/*
 * The trap of event stores on PostgreSQL: a transaction that took a lower position commits after one that took
 * a higher position, and a reader that has already moved past the hole never sees the late event. Here writers
 * (separate stores, so separate connections, as separate processes would be) hold their transactions open
 * before COMMIT, while subscribers — one woken by its own store's appends, and in stores of their own (another
 * process's view) one that only polls and one that only hears NOTIFY — must still see every event exactly once, in order.
 */

const url = inject('xinfangPgUrl');

const event = (n: number): NewEvent => ({
  type: 'Tested',
  data: { n },
  meta: {
    eventId: randomUUID(),
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: randomUUID(),
    correlationId: 'correlation-1',
    causationId: 'causation-1',
    schemaVersion: 1,
  },
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** What a subscriber saw: the positions in the order delivered. */
const watch = (store: PostgresEventStore): { readonly seen: number[]; readonly subscription: Subscription } => {
  const seen: number[] = [];
  const subscription = store.subscribe({ afterPosition: 0 }, (e: RecordedEvent) => {
    seen.push(e.meta.position);
  });
  return { seen, subscription };
};

describe('store-postgres: slow transactions never let a subscriber skip an event', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const open = async (schema: string, options: Partial<PostgresEventStoreOptions> = {}): Promise<PostgresEventStore> => {
    const store = await createPostgresEventStore({ connectionString: url, schema, maxConnections: 3, ...options });
    cleanup.push(() => store.close());
    return store;
  };

  const newSchema = (): string => {
    const { schema, drop } = createTestSchema(url);
    cleanup.push(drop);
    return schema;
  };

  it('shows nothing of a later transaction while an earlier one is held open before its COMMIT', async () => {
    const schema = newSchema();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      held = resolve;
    });
    const slow = await open(schema, {
      aroundCommit: async (commit) => {
        held();
        await gate;
        await commit();
      },
    });
    const fast = await open(schema);
    const reader = await open(schema, { pollIntervalMs: 5, listen: false });
    const viewer = watch(reader);
    cleanup.push(() => viewer.subscription.close());

    const first = slow.append('stream-slow', [event(1), event(2)], { expectedRevision: 0 });
    await holding;
    const second = fast.append('stream-fast', [event(3)], { expectedRevision: 0 });
    // The fast writer waits for the lock the slow one holds (a lock request not granted), rather than
    // committing a position beyond the slow one's.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanup.push(() => admin.end());
    await expect
      .poll(
        async () =>
          (
            await admin.query<{ n: string }>(
              'SELECT count(*) AS n FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid WHERE NOT l.granted AND a.query LIKE $1',
              [`%"${schema}".append_lock%`],
            )
          ).rows[0]?.n,
        { timeout: 10_000 },
      )
      .toBe('1');

    expect(await reader.headPosition()).toBe(0);
    expect(await collect(reader.readAll())).toEqual([]);
    expect(viewer.seen).toEqual([]);

    release();
    const [a, b] = await Promise.all([first, second]);
    expect(isRight(a) && a.right.events.map((e) => e.meta.position)).toEqual([1, 2]);
    expect(isRight(b) && b.right.events.map((e) => e.meta.position)).toEqual([3]);
    await expect.poll(() => viewer.seen, { timeout: 10_000 }).toEqual([1, 2, 3]);
  });

  it('delivers every event exactly once, in order, while writers on several connections commit slowly', async () => {
    const schema = newSchema();
    const writers = await Promise.all(
      range(1, 4).map((w) => {
        let commits = 0;
        return open(schema, {
          // Each writer holds every transaction open a different while (0–24 ms) before its COMMIT, so that
          // commits would land out of position order if positions were handed out before the lock.
          aroundCommit: async (commit) => {
            commits += 1;
            await new Promise((resolve) => setTimeout(resolve, (w * 7 + commits * 11) % 25));
            await commit();
          },
        });
      }),
    );
    const own = watch(writers[0] as PostgresEventStore);
    // Polling only, so that the order comes from the reads, not from when notices arrive.
    const other = watch(await open(schema, { pollIntervalMs: 2, listen: false }));
    // And one that only hears NOTIFY (sent at each COMMIT), never polls.
    const noticed = watch(await open(schema, { pollIntervalMs: 0 }));
    cleanup.push(() => own.subscription.close(), () => other.subscription.close(), () => noticed.subscription.close());

    const appends = await Promise.all(
      writers.flatMap((writer, w) =>
        range(1, 12).map((k) => writer.append(`stream-${(w + k) % 5}`, range(1, (k % 3) + 1).map((n) => event(k * 10 + n)), { expectedRevision: 'any' })),
      ),
    );
    expect(appends.every(isRight)).toBe(true);
    const total = appends.reduce((sum, r) => sum + (isRight(r) ? r.right.events.length : 0), 0);

    await expect.poll(() => own.seen.length, { timeout: 20_000 }).toBe(total);
    await expect.poll(() => other.seen.length, { timeout: 20_000 }).toBe(total);
    expect(own.seen).toEqual(range(1, total));
    expect(other.seen).toEqual(range(1, total));
    await expect.poll(() => noticed.seen.length, { timeout: 20_000 }).toBe(total);
    expect(noticed.seen).toEqual(range(1, total));
    const stored = await collect((writers[3] as PostgresEventStore).readAll());
    expect(stored.map((e) => e.meta.position)).toEqual(range(1, total));
    const acknowledged = appends.flatMap((r) => (isRight(r) ? r.right.events.map((e) => e.meta.eventId) : []));
    expect(new Set(stored.map((e) => e.meta.eventId))).toEqual(new Set(acknowledged));
  });
});
