import { StoreUnavailableError, verifyChain, type Clock } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { isLeft } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { batch, collect, expectConflict, expectRight, newEvent, range, useTempStores } from './test/fixtures';

const stores = useTempStores();

/** Another connection to the file, as another process would have: it sees only what was committed. */
const otherConnection = (path: string) => {
  const db = new Database(path, { readonly: true });
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM events WHERE event_id IN (SELECT value FROM json_each(?))');
  return {
    /** How many of these events another process can read now. */
    visible: (eventIds: readonly string[]): number => count.get(JSON.stringify(eventIds))?.n ?? 0,
    close: () => db.close(),
  };
};

describe('group commit', () => {
  it('commits appends made at once in one transaction, and acknowledges none before that commit', async () => {
    const statements: string[] = [];
    const store = stores.open({ trace: (sql) => statements.push(sql) });
    expectRight(await store.append('case-0', batch(1), { expectedRevision: 0 }));
    const other = otherConnection(stores.path());
    statements.length = 0;

    const appends = range(1, 20).map((n) => ({ streamId: `case-${n}`, events: batch(2, n * 10) }));
    const everyId = appends.flatMap((a) => a.events.map((e) => e.meta.eventId));
    // At the moment each append resolves: what another connection sees, and how many commits have run.
    const acknowledged = await Promise.all(
      appends.map(async ({ streamId, events }) => {
        const result = expectRight(await store.append(streamId, events, { expectedRevision: 0 }));
        return { result, visible: other.visible(everyId), commits: statements.filter((s) => s === 'COMMIT').length };
      }),
    );
    other.close();

    expect(statements.filter((s) => s.startsWith('BEGIN'))).toEqual(['BEGIN IMMEDIATE']);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith('SAVEPOINT'))).toHaveLength(20);
    // Every append was acknowledged after the one commit, with all 40 events of the group readable elsewhere.
    expect(acknowledged.map((a) => [a.visible, a.commits])).toEqual(range(1, 20).map(() => [40, 1]));
    // In the order they were made, each after the one before, as if appended one by one.
    expect(acknowledged.map((a) => a.result.events.map((e) => e.meta.position))).toEqual(range(1, 20).map((n) => [2 * n, 2 * n + 1]));
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checked: 41 });
  });

  it('keeps recordedAt from going back within a group, whatever the clock says', async () => {
    // Each call to the clock is a second earlier than the one before.
    let now = Date.parse('2024-10-31T10:00:00.000Z');
    const clock: Clock = { now: () => new Date((now -= 1_000)).toISOString() };
    const store = stores.open({ clock });
    const results = await Promise.all(range(1, 5).map((n) => store.append(`case-${n}`, batch(1), { expectedRevision: 0 })));

    const recordedAt = results.map((r) => expectRight(r).events[0]?.meta.recordedAt);
    expect(recordedAt).toEqual(range(1, 5).map(() => '2024-10-31T09:59:59.000Z'));
  });

  it('fails, in a group, only the append that conflicts or cannot be stored', async () => {
    const statements: string[] = [];
    const store = stores.open({ trace: (sql) => statements.push(sql) });
    expectRight(await store.append('case-a', batch(1), { expectedRevision: 0 }));
    statements.length = 0;

    const [before, stale, broken, after] = await Promise.allSettled([
      store.append('case-b', batch(2), { expectedRevision: 0 }),
      store.append('case-a', batch(1), { expectedRevision: 0 }),
      store.append('case-c', [newEvent({ ok: true }), newEvent({ notJson: Number.NaN })], { expectedRevision: 0 }),
      store.append('case-d', batch(1), { expectedRevision: 0 }),
    ]);

    expect(statements.filter((s) => s.startsWith('BEGIN'))).toHaveLength(1);
    expect(before.status === 'fulfilled' && expectRight(before.value).events.map((e) => e.meta.position)).toEqual([2, 3]);
    expect(stale.status === 'fulfilled' && expectConflict(stale.value).actualRevision).toBe(1);
    // Refused for what it holds (NaN has no JSON), not as a store that is unavailable.
    expect(broken.status === 'rejected' && broken.reason instanceof Error && !(broken.reason instanceof StoreUnavailableError)).toBe(true);
    // The failed append's position was not taken: the next one in the group follows on at once.
    expect(after.status === 'fulfilled' && expectRight(after.value).events.map((e) => e.meta.position)).toEqual([4]);
    const all = await collect(store.readAll());
    expect(all.map((e) => e.meta.streamId)).toEqual(['case-a', 'case-b', 'case-b', 'case-d']);
    expect(await verifyChain(all)).toMatchObject({ ok: true, checked: 4 });
  });

  it('refuses every append of a group, writing none, when another connection holds the write lock', async () => {
    const store = stores.open({ busyTimeoutMs: 50 });
    expectRight(await store.append('case-a', batch(1), { expectedRevision: 0 }));
    const other = new Database(stores.path());
    other.exec('BEGIN IMMEDIATE');
    let refused: unknown[];
    try {
      const outcomes = await Promise.allSettled(range(1, 5).map((n) => store.append(`case-${n}`, batch(1), { expectedRevision: 'any' })));
      refused = outcomes.map((o) => (o.status === 'rejected' ? o.reason : o.value));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(refused.map((e) => e instanceof StoreUnavailableError && e.reason)).toEqual(range(1, 5).map(() => 'busy'));
    expect(await store.headPosition()).toBe(1);
    const retried = await Promise.all(range(1, 5).map((n) => store.append(`case-${n}`, batch(1), { expectedRevision: 'any' })));
    expect(retried.map((r) => (isLeft(r) ? 0 : r.right.position))).toEqual(range(2, 6));
  });

  it('commits the appends still waiting for their group when the store is closed', async () => {
    const store = stores.open();
    const pending = range(1, 3).map((n) => store.append(`case-${n}`, batch(1), { expectedRevision: 0 }));
    await store.close();

    expect((await Promise.all(pending)).map((r) => expectRight(r).position)).toEqual([1, 2, 3]);
    const reopened = stores.open();
    expect(await reopened.headPosition()).toBe(3);
  });

  it('acknowledges a commit only after the WAL sync that follows it; commits made meanwhile share the next sync', async () => {
    // Each sync of the WAL held until the test lets it run (then it really runs).
    const held: (() => void)[] = [];
    const syncs: number[] = [];
    const store = stores.open({
      aroundWalSync: async (sync) => {
        await new Promise<void>((resolve) => held.push(resolve));
        await sync();
        syncs.push(syncs.length + 1);
      },
    });
    const other = otherConnection(stores.path());
    const settled: string[] = [];
    const track = (label: string, append: Promise<unknown>) => append.then(() => void settled.push(label));
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

    const [one, two, three] = [batch(1, 10), batch(1, 20), batch(1, 30)];
    const ids = (events: typeof one) => events.map((e) => e.meta.eventId);
    const first = track('first', store.append('case-1', one, { expectedRevision: 0 }));
    await turn();
    await turn();
    // Committed (another process reads it) but not acknowledged: its sync has not run.
    expect(other.visible(ids(one))).toBe(1);
    expect({ settled, held: held.length }).toEqual({ settled: [], held: 1 });

    // Two more groups commit while that sync is held; they wait for the next one, which has not begun.
    const second = track('second', store.append('case-2', two, { expectedRevision: 0 }));
    await turn();
    const third = track('third', store.append('case-3', three, { expectedRevision: 0 }));
    await turn();
    await turn();
    expect(other.visible([...ids(two), ...ids(three)])).toBe(2);
    expect({ settled, held: held.length }).toEqual({ settled: [], held: 1 });

    held[0]?.();
    await first;
    expect(settled).toEqual(['first']);
    while (held.length < 2) await turn();
    expect(settled).toEqual(['first']);
    held[1]?.();
    await Promise.all([second, third]);
    other.close();

    expect(settled).toEqual(['first', 'second', 'third']);
    expect(syncs).toEqual([1, 2]);
  });
});

