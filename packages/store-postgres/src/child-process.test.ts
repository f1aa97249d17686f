import { verifyChain, type RecordedEvent } from '@xinfang/event-store';
import { isRight } from 'fp-ts/Either';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-store';
import { runWriter, startChildWriter, type Acknowledged } from './test/writer';
import { createTestSchema } from './testing';

/* Two processes on one log, as two app servers on one PostgreSQL; one of them killed mid-write. */

const url = inject('xinfangPgUrl');

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('another process appending to the same log', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const newLog = (): { readonly schema: string; readonly open: (pollIntervalMs?: number) => Promise<PostgresEventStore> } => {
    const { schema, drop } = createTestSchema(url);
    cleanup.push(drop);
    return {
      schema,
      open: async (pollIntervalMs) => {
        const store = await createPostgresEventStore({ connectionString: url, schema, maxConnections: 3, ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }) });
        cleanup.push(() => store.close());
        return store;
      },
    };
  };

  /** Every acknowledged append is in the log, at the positions it was given, with the same ids and hashes. */
  const expectStored = (all: readonly RecordedEvent[], acknowledged: readonly Acknowledged[]): void => {
    const byPosition = new Map(all.map((e) => [e.meta.position, e]));
    for (const ack of acknowledged) {
      const stored = ack.positions.map((p) => byPosition.get(p));
      expect(stored.map((e) => e?.meta.streamId)).toEqual(ack.positions.map(() => ack.streamId));
      expect(stored.map((e) => e?.meta.eventId)).toEqual(ack.eventIds);
      expect(stored.map((e) => e?.meta.hash)).toEqual(ack.hashes);
    }
  };

  it('interleaves with this one: positions 1..N without gaps, one winner per revision, the chain intact, a subscriber sees all', async () => {
    const log = newLog();
    const plan = { url, schema: log.schema, appends: 120, sharedStream: 'case-shared', paceWithin: 20 };
    // The schema exists before either writer opens it.
    const watcher = await log.open(20);
    const delivered: number[] = [];
    const subscription = watcher.subscribe({ afterPosition: 0 }, (event) => {
      delivered.push(event.meta.position);
    });
    cleanup.push(() => subscription.close());

    const child = startChildWriter({ ...plan, name: 'child' });
    await child.ready;
    child.go();
    const mine: Acknowledged[] = [];
    const [myReport, childReport] = await Promise.all([runWriter({ ...plan, name: 'parent' }, (ack) => mine.push(ack)), child.exited]);

    const total = myReport.appended + (childReport?.appended ?? 0);
    const all = await collect(watcher.readAll());
    expect(all.map((e) => e.meta.position)).toEqual(range(1, total));
    expect(await verifyChain(all)).toMatchObject({ ok: true, checked: total });
    // Each writer appended to the shared stream 60 times, each time at the revision it had read: none was lost.
    expect((await watcher.readStream('case-shared')).map((e) => e.meta.revision)).toEqual(range(1, 120));
    const acknowledgedPositions = [...mine, ...child.acknowledged].flatMap((a) => a.positions);
    expect(acknowledgedPositions.sort((a, b) => a - b)).toEqual(range(1, total));
    const writers = all.map((e) => e.meta.correlationId);
    expect(writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length).toBeGreaterThanOrEqual(5);
    expectStored(all, [...mine, ...child.acknowledged]);

    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBe(total);
    expect(delivered).toEqual(range(1, total));
  });

  it('keeps every append it acknowledged when a writer committing in groups is killed (SIGKILL), and this one goes on', async () => {
    const log = newLog();
    const store = await log.open();
    const child = startChildWriter({ url, schema: log.schema, name: 'child', appends: 0, sharedStream: 'case-shared', concurrency: 16 });
    await child.ready;
    child.go();
    await expect.poll(() => child.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
    child.kill();
    expect(await child.exited).toBeUndefined();

    const acknowledged = [...child.acknowledged];
    // The appends really were committed in groups: on average at least two per transaction (counting those that
    // conflicted on the shared stream, which share the transactions too).
    const last = acknowledged.at(-1) ?? expect.fail('nothing acknowledged');
    expect(last.attempts / last.commits).toBeGreaterThanOrEqual(2);
    // The killed process's connections are gone and its open transaction rolled back: the lock is free.
    const after = await store.append('case-shared', [{ type: 'AfterKill', data: {}, meta: { eventId: 'after-kill', occurredAt: '2024-09-18T01:30:00.000Z', actor: { id: 'parent', role: 'office' }, commandId: 'c', correlationId: 'parent', causationId: 'parent', schemaVersion: 1 } }], { expectedRevision: 'any' });
    expect(isRight(after)).toBe(true);

    const all = await collect(store.readAll());
    const head = await store.headPosition();
    expect(all.map((e) => e.meta.position)).toEqual(range(1, head));
    expect(head).toBeGreaterThan(Math.max(...acknowledged.flatMap((a) => a.positions)));
    expectStored(all, acknowledged);
    expect(await verifyChain(all)).toMatchObject({ ok: true, checked: head });
    const shared = await store.readStream('case-shared');
    expect(shared.map((e) => e.meta.revision)).toEqual(range(1, shared.length));
  });
});
