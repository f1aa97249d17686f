import { verifyChain, type RecordedEvent } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './schema';
import { createSqliteEventStore } from './sqlite-store';
import { batch, collect, expectConflict, expectRight, newEvent, range, useTempStores } from './test/fixtures';

const stores = useTempStores();

describe('settings', () => {
  it('opens the file in WAL mode with synchronous = NORMAL (the store syncs the WAL itself) and a busy timeout', async () => {
    const store = stores.open();
    expect(await store.settings()).toEqual({ journalMode: 'wal', synchronous: 1, busyTimeoutMs: 5_000 });
    expect(await stores.open({ busyTimeoutMs: 1_234 }).settings()).toMatchObject({ synchronous: 1, busyTimeoutMs: 1_234 });
    expect(await stores.open({ readOnly: true }).settings()).toMatchObject({ synchronous: 2 });

    // WAL is a property of the file: any other connection (another process) finds it too.
    const other = new Database(stores.path(), { readonly: true });
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(other.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    } finally {
      other.close();
    }
  });

  it('runs in memory too', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    try {
      expect(await store.settings()).toMatchObject({ journalMode: 'memory', synchronous: 2 });
      expect(expectRight(await store.append('stream-a', batch(2), { expectedRevision: 0 })).position).toBe(2);
      expect((await verifyChain(store.readAll())).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a database that is not an event store, or one written by a later version', () => {
    const foreign = new Database(stores.path('foreign.db'));
    foreign.exec('CREATE TABLE something (x)');
    foreign.close();
    expect(() => createSqliteEventStore({ path: stores.path('foreign.db') })).toThrow(/not an xinfang event store/);

    const later = new Database(stores.path('later.db'));
    later.pragma('user_version = 99');
    later.close();
    expect(() => createSqliteEventStore({ path: stores.path('later.db') })).toThrow(/schema version 99/);
  });
});

describe('durability', () => {
  it('gives back every acknowledged event, identical, after closing and reopening, and the chain verifies', async () => {
    const first = stores.open();
    const acknowledged: RecordedEvent[] = [];
    const data = [
      { zh: '信访事项：大排查、大接访、大化解', emoji: '👨‍👩‍👧‍👦 🇨🇳', controls: '\u0000\u0001\n\t\u2028', 深层: { 键: ['值', null, true] } },
      { numbers: [0, -0, 1.5, -0.25, 1e21, 1e-7, Number.MAX_SAFE_INTEGER, 0.1 + 0.2], empty: {}, list: [] },
      null,
      '一个字符串',
      42,
      [{ a: 1 }, { b: undefined, c: new Date('2024-09-18T01:30:00.000Z') }],
    ];
    for (const [i, payload] of data.entries()) {
      const events = [newEvent(payload, { commandId: `command-${i}`, actor: { id: '张三', role: '社区书记' } }), newEvent({ i })];
      acknowledged.push(...expectRight(await first.append(`case-${i % 2}`, events, { expectedRevision: 'any' })).events);
    }
    acknowledged.push(...expectRight(await first.append('case-big', batch(1_000), { expectedRevision: 0 })).events);
    await first.close();

    const reopened = stores.open();
    expect(await collect(reopened.readAll())).toStrictEqual(acknowledged);
    expect(await reopened.headPosition()).toBe(acknowledged.length);
    expect(await reopened.readStream('case-1')).toStrictEqual(acknowledged.filter((e) => e.meta.streamId === 'case-1'));
    expect(await reopened.streamRevision('case-0')).toBe(6);
    expect(await reopened.findByCommandId('command-3')).toStrictEqual([acknowledged[6]]);
    expect(await verifyChain(reopened.readAll())).toEqual({ ok: true, checked: acknowledged.length, headHash: acknowledged.at(-1)?.meta.hash });

    // The log goes on where it stopped.
    const next = expectRight(await reopened.append('case-0', batch(1), { expectedRevision: 6 }));
    expect(next.events[0]?.meta).toMatchObject({ position: acknowledged.length + 1, revision: 7, prevHash: acknowledged.at(-1)?.meta.hash });
  });

  it('refuses to change or delete a stored event, even through SQL', async () => {
    const store = stores.open();
    expectRight(await store.append('case-1', batch(3), { expectedRevision: 0 }));

    const sql = new Database(stores.path());
    try {
      expect(() => sql.prepare("UPDATE events SET data = '{}' WHERE position = 2").run()).toThrow(/cannot be changed/);
      expect(() => sql.prepare('DELETE FROM events WHERE position = 3').run()).toThrow(/cannot be deleted/);
    } finally {
      sql.close();
    }
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checked: 3 });
  });

  it('refuses an event whose envelope has a field of the wrong type, storing nothing', async () => {
    const store = stores.open();
    const bad = newEvent({}, { occurredAt: 20240918 as unknown as string });
    await expect(store.append('case-1', [newEvent(), bad], { expectedRevision: 0 })).rejects.toThrow(/occurredAt must be a string/);
    expect(await store.headPosition()).toBe(0);
  });
});

describe('two stores on one file (like two processes)', () => {
  it('lets one of two writers with the same expected revision win; the other gets an AppendConflict', async () => {
    const [server, cli] = [stores.open(), stores.open()];
    expectRight(await server.append('case-1', batch(1), { expectedRevision: 0 }));
    expect(await cli.streamRevision('case-1')).toBe(1);

    const results = await Promise.all([
      server.append('case-1', batch(2, 100), { expectedRevision: 1 }),
      cli.append('case-1', batch(2, 200), { expectedRevision: 1 }),
    ]);
    expect(results.filter(isRight)).toHaveLength(1);
    expect(results.filter(isLeft).map((l) => l.left)).toEqual([
      { _tag: 'AppendConflict', streamId: 'case-1', expectedRevision: 1, actualRevision: 3 },
    ]);
    const winner = results.find(isRight)?.right;
    expect(await cli.readStream('case-1')).toStrictEqual(await server.readStream('case-1'));
    expect((await server.readStream('case-1')).slice(1)).toStrictEqual(winner?.events);

    // The loser, retried with the winner's events (same ids), gets the winner's result: idempotence holds across connections.
    const sameEvents = winner?.events.map(({ type, data, meta }) => ({ type, data, meta })) ?? [];
    expect(expectRight(await cli.append('case-1', sameEvents, { expectedRevision: 1 }))).toStrictEqual(winner);
    expect(expectConflict(await cli.append('case-1', batch(1), { expectedRevision: 1 })).actualRevision).toBe(3);
    expect(await server.headPosition()).toBe(3);
  });

  it("delivers another store's appends to a subscriber, by polling", async () => {
    const [server, cli] = [stores.open({ pollIntervalMs: 20 }), stores.open()];
    const received: number[] = [];
    const subscription = server.subscribe({ afterPosition: 0 }, (event) => {
      received.push(event.meta.position);
    });
    expectRight(await cli.append('case-1', batch(3), { expectedRevision: 0 }));
    await expect.poll(() => received, { timeout: 5_000 }).toEqual([1, 2, 3]);
    expectRight(await server.append('case-2', batch(1), { expectedRevision: 0 }));
    expectRight(await cli.append('case-1', batch(1), { expectedRevision: 3 }));
    await expect.poll(() => received, { timeout: 5_000 }).toEqual([1, 2, 3, 4, 5]);
    await subscription.close();
  });
});

describe('readAll', () => {
  it('reads batch by batch, one query per batch, as the events are consumed', async () => {
    const queries: string[] = [];
    const store = stores.open({ trace: (sql) => queries.push(sql) });
    for (const from of range(0, 9)) expectRight(await store.append(`case-${from % 3}`, batch(100, from * 100), { expectedRevision: 'any' }));

    queries.length = 0;
    const readsAt: number[] = [];
    const positions: number[] = [];
    for await (const event of store.readAll({ batchSize: 100 })) {
      positions.push(event.meta.position);
      readsAt.push(queries.filter((q) => q.includes('WHERE position >')).length);
    }
    expect(positions).toEqual(range(1, 1_000));
    // While event k (0-based) is handled, only batches up to floor(k / 100) have been read.
    expect(readsAt).toEqual(range(0, 999).map((k) => Math.floor(k / 100) + 1));
    // Ten full batches, and one that finds nothing more.
    expect(queries.filter((q) => q.includes('WHERE position >'))).toHaveLength(11);
  });
});

describe('a large append', () => {
  it('writes 10,000 events in one call in one transaction', async () => {
    const statements: string[] = [];
    const store = stores.open({ trace: (sql) => statements.push(sql.slice(0, 20)) });
    statements.length = 0;

    const result = expectRight(await store.append('case-big', batch(10_000), { expectedRevision: 0 }));
    expect(result.events.map((e) => e.meta.position)).toEqual(range(1, 10_000));
    expect(statements.filter((s) => s.startsWith('BEGIN'))).toEqual(['BEGIN IMMEDIATE']);
    expect(statements.filter((s) => s === 'COMMIT')).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith('INSERT INTO events'))).toHaveLength(10_000);
    expect(statements.at(-1)).toBe('COMMIT');
    expect(await verifyChain(store.readAll({ batchSize: 2_000 }))).toMatchObject({ ok: true, checked: 10_000 });
  });

  it('writes none of them when the last one cannot be stored', async () => {
    const statements: string[] = [];
    const store = stores.open({ trace: (sql) => statements.push(sql.slice(0, 20)) });
    const events = [...batch(2_999), newEvent({ notJson: Number.NaN })];

    await expect(store.append('case-big', events, { expectedRevision: 0 })).rejects.toThrow();
    expect(statements.filter((s) => s.startsWith('INSERT INTO events'))).toHaveLength(2_999);
    // The append's savepoint is rolled back inside its group's transaction, which commits nothing.
    expect(statements.slice(-3)).toEqual([expect.stringMatching(/^ROLLBACK TO /), expect.stringMatching(/^RELEASE /), 'COMMIT']);
    expect(await store.headPosition()).toBe(0);
    expect(expectRight(await store.append('case-big', batch(1), { expectedRevision: 0 })).position).toBe(1);
  });
});
