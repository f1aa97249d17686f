import { verifyChain } from '@xinfang/event-store';
import { describe, expect, it } from 'vitest';
import { collect, range, useTempStores } from './test/fixtures';
import { runWriter, startChildWriter, type Acknowledged } from './test/writer';

const stores = useTempStores();

/** Every acknowledged append is in the log, at the positions it was given, with the same ids and hashes. */
const expectStored = async (acknowledged: readonly Acknowledged[]): Promise<void> => {
  const store = stores.open();
  const byPosition = new Map((await collect(store.readAll())).map((e) => [e.meta.position, e]));
  for (const ack of acknowledged) {
    const stored = ack.positions.map((p) => byPosition.get(p));
    expect(stored.map((e) => e?.meta.streamId)).toEqual(ack.positions.map(() => ack.streamId));
    expect(stored.map((e) => e?.meta.eventId)).toEqual(ack.eventIds);
    expect(stored.map((e) => e?.meta.hash)).toEqual(ack.hashes);
  }
};

describe('another process appending to the same file', () => {
  it('interleaves with this one: positions 1..N without gaps, one winner per revision, the chain intact', async () => {
    const plan = { path: stores.path(), appends: 150, sharedStream: 'case-shared', paceWithin: 20 };
    const watcher = stores.open({ pollIntervalMs: 20 });
    const delivered: number[] = [];
    const subscription = watcher.subscribe({ afterPosition: 0 }, (event) => {
      delivered.push(event.meta.position);
    });

    const child = startChildWriter({ ...plan, name: 'child' });
    await child.ready;
    child.go();
    const mine: Acknowledged[] = [];
    const [myReport, childReport] = await Promise.all([runWriter({ ...plan, name: 'parent' }, (ack) => mine.push(ack)), child.exited]);

    const total = myReport.appended + (childReport?.appended ?? 0);
    const store = stores.open();
    const all = await collect(store.readAll());
    expect(all.map((e) => e.meta.position)).toEqual(range(1, total));
    expect(await verifyChain(all)).toMatchObject({ ok: true, checked: total });
    // Each writer appended to the shared stream 75 times, each time at the revision it had read: none was lost.
    expect((await store.readStream('case-shared')).map((e) => e.meta.revision)).toEqual(range(1, 150));
    // Every position was given to exactly one of the two processes, and they really did write at the same time:
    // the log switches between them many times.
    const acknowledgedPositions = [...mine, ...child.acknowledged].flatMap((a) => a.positions);
    expect(acknowledgedPositions.sort((a, b) => a - b)).toEqual(range(1, total));
    const writers = all.map((e) => e.meta.correlationId);
    expect(writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length).toBeGreaterThanOrEqual(5);
    await expectStored([...mine, ...child.acknowledged]);

    // A subscriber in this process got everything, the other process's appends included, in order.
    await expect.poll(() => delivered.length, { timeout: 10_000 }).toBe(total);
    expect(delivered).toEqual(range(1, total));
    await subscription.close();
  });

  it('keeps every append it acknowledged when the writer is killed mid-write', async () => {
    const child = startChildWriter({ path: stores.path(), name: 'child', appends: 0, sharedStream: 'case-shared' });
    await child.ready;
    child.go();
    await expect.poll(() => child.acknowledged.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(100);
    child.kill();
    expect(await child.exited).toBeUndefined();

    const acknowledged = [...child.acknowledged];
    await expectStored(acknowledged);
    const store = stores.open();
    const head = await store.headPosition();
    expect(head).toBeGreaterThanOrEqual(Math.max(...acknowledged.flatMap((a) => a.positions)));
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checked: head });
  });

  it('keeps every append it acknowledged when a writer committing many at once in groups is killed', async () => {
    const child = startChildWriter({ path: stores.path(), name: 'child', appends: 0, sharedStream: 'case-shared', concurrency: 16 });
    await child.ready;
    child.go();
    await expect.poll(() => child.acknowledged.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(400);
    child.kill();
    expect(await child.exited).toBeUndefined();

    const acknowledged = [...child.acknowledged];
    // The appends really were committed in groups: on average at least two per transaction.
    const commits = Math.max(...acknowledged.map((a) => a.commits));
    expect(acknowledged.length / commits).toBeGreaterThanOrEqual(2);
    await expectStored(acknowledged);
    const store = stores.open();
    const head = await store.headPosition();
    expect(head).toBeGreaterThanOrEqual(Math.max(...acknowledged.flatMap((a) => a.positions)));
    const all = await collect(store.readAll());
    expect(all.map((e) => e.meta.position)).toEqual(range(1, head));
    expect(await verifyChain(all)).toMatchObject({ ok: true, checked: head });
    // The shared stream, appended to at the revision each append had read, has every revision once.
    const shared = await store.readStream('case-shared');
    expect(shared.map((e) => e.meta.revision)).toEqual(range(1, shared.length));
  });
});
