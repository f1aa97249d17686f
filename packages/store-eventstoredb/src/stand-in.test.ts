import { randomBytes, randomUUID } from 'node:crypto';
import { verifyChain, type NewEvent } from '@xinfang/event-store';
import { runEventStoreConformance, runImportConformance, runRecordedAtConformance, type MakeStore } from '@xinfang/event-store/conformance';
import { isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { createEventStoreDbStore } from './eventstoredb-store';
import { createStandIn } from './test/stand-in-client';

/*
 * The adapter's logic (the log as serialisation point, mirrors and their repair, the command index, the meta
 * stream) run through the conformance suite against an in-memory stand-in for the server — NOT the server:
 * see conformance.test.ts for the run against a real one.
 */

const standIn = createStandIn();

const makeStore: MakeStore = async ({ clock, chainKey, storeId }) => {
  const store = await createEventStoreDbStore({
    client: standIn.client,
    prefix: `t${randomUUID().replaceAll('-', '')}-`,
    pollIntervalMs: 50,
    ...(clock === undefined ? {} : { clock }),
    ...(chainKey === undefined ? {} : { chainKey }),
    ...(storeId === undefined ? {} : { storeId }),
  });
  return { store, dispose: () => store.close() };
};

runEventStoreConformance('eventstoredb on a stand-in server', makeStore);
runEventStoreConformance('eventstoredb on a stand-in server', makeStore, { chainKey: randomBytes(32) });
runRecordedAtConformance('eventstoredb on a stand-in server', makeStore);
runImportConformance('eventstoredb on a stand-in server', makeStore, { chainKey: randomBytes(32) });

const event = (n: number): NewEvent => ({
  type: 'Tested',
  data: { n },
  meta: { eventId: randomUUID(), occurredAt: '2024-09-18T09:30:00+08:00', actor: { id: 'clerk-1', role: 'office' }, commandId: `command-${n}`, correlationId: 'r', causationId: 'c', schemaVersion: 1 },
});

describe('eventstoredb adapter on a stand-in server: two processes on one log', () => {
  it('a writer that died between the log and its streams is repaired by the next reader; the other process then appends after it', async () => {
    const prefix = `t${randomUUID().replaceAll('-', '')}-`;
    const a = await createEventStoreDbStore({ client: standIn.client, prefix, live: false, pollIntervalMs: 0 });
    const b = await createEventStoreDbStore({ client: standIn.client, prefix, live: false, pollIntervalMs: 0 });
    expect(await b.storeId()).toBe(await a.storeId());
    expect(isRight(await a.append('case-1', [event(1)], { expectedRevision: 0 }))).toBe(true);

    // A's log append lands; its copies to the command index and the stream do not (the server goes away, or
    // A's process dies): the append is stored all the same — the log is the truth.
    standIn.failAppends((name) => !name.endsWith('log'));
    const many = await a.appendMany([{ streamId: 'case-1', expectedRevision: 1, events: [event(2)] }, { streamId: 'person-1', expectedRevision: 0, events: [event(3)] }]);
    expect(isRight(many) && many.right.map((r) => r.position)).toEqual([2, 3]);
    standIn.failAppends(() => false);
    expect(standIn.streamNames()).not.toContain(`${prefix}person-1`);

    // B reads the stream: the missing tail is copied first, so the log and the streams agree.
    expect((await b.readStream('case-1')).map((e) => e.meta.position)).toEqual([1, 2]);
    expect(await b.streamRevision('person-1')).toBe(1);
    expect((await b.findByCommandId('command-3')).map((e) => e.meta.position)).toEqual([3]);
    const conflict = await b.append('case-1', [event(4)], { expectedRevision: 1 });
    expect(conflict).toMatchObject({ _tag: 'Left', left: { streamId: 'case-1', expectedRevision: 1, actualRevision: 2 } });
    const written = await b.append('case-1', [event(4)], { expectedRevision: 2 });
    expect(isRight(written) && written.right.events.map((e) => [e.meta.revision, e.meta.position])).toEqual([[3, 4]]);

    // A, appending after B without knowing it, is decided against the log's new head.
    const after = await a.append('person-1', [event(5)], { expectedRevision: 1 });
    expect(isRight(after) && after.right.position).toBe(5);
    const all: unknown[] = [];
    for await (const e of a.readAll()) all.push(e);
    expect(await verifyChain(a.readAll())).toMatchObject({ ok: true, checked: 5 });
    expect(all).toHaveLength(5);
    await a.close();
    await b.close();
  });

  it("a subscriber is woken by the server's $all subscription (filtered to the log) when another process appends, without polling", async () => {
    const prefix = `t${randomUUID().replaceAll('-', '')}-`;
    const writer = await createEventStoreDbStore({ client: standIn.client, prefix, live: false, pollIntervalMs: 0 });
    const reader = await createEventStoreDbStore({ client: standIn.client, prefix, pollIntervalMs: 0 });
    const seen: number[] = [];
    const subscription = reader.subscribe({ afterPosition: 0 }, (e) => {
      seen.push(e.meta.position);
    });
    // Another log on the same server does not wake it, and is not read.
    const other = await createEventStoreDbStore({ client: standIn.client, prefix: `${prefix}other-`, live: false, pollIntervalMs: 0 });
    expect(isRight(await other.append('case-1', [event(1)], { expectedRevision: 0 }))).toBe(true);
    expect(isRight(await writer.append('case-1', [event(2), event(3)], { expectedRevision: 0 }))).toBe(true);
    await expect.poll(() => seen, { timeout: 5_000 }).toEqual([1, 2]);
    await subscription.close();
    for (const store of [writer, reader, other]) await store.close();
  });

  it('two processes appending at once never share a position: one decides again after the other', async () => {
    const prefix = `t${randomUUID().replaceAll('-', '')}-`;
    const stores = await Promise.all([1, 2, 3].map(() => createEventStoreDbStore({ client: standIn.client, prefix, live: false, pollIntervalMs: 0 })));
    const results = await Promise.all(stores.flatMap((store, s) => [1, 2, 3, 4].map((k) => store.append(`stream-${k}`, [event(s * 10 + k)], { expectedRevision: 'any' }))));
    expect(results.every(isRight)).toBe(true);
    const positions: number[] = [];
    for await (const e of stores[0]?.readAll() ?? []) positions.push(e.meta.position);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(await verifyChain(stores[1]?.readAll() ?? [])).toMatchObject({ ok: true, checked: 12 });
    for (const store of stores) await store.close();
  });
});
