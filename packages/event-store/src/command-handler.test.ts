import { domainError, fold, type Decider } from '@xinfang/domain';
import { left, right, type Either } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import { handleCommand, type CommandFailure, type CommandResult, type HandleCommandInput } from './command-handler';
import type { NewEvent } from './envelope';
import { eventIdFor } from './event-id';
import { verifyChain } from './hash-chain';
import { idempotencyKeyReused, isSameCommand } from './idempotency';
import type { EventStore } from './event-store';
import { createStateCache } from './stream-state';
import { createMemoryEventStore } from './memory-store';
import type { UpcasterRegistry } from './upcasters';
import { upcastingStore } from './upcasting-store';

/* A counter that may not pass 10 and that can be closed: just enough rules to race on. */
type Command =
  | { readonly type: 'Increment'; readonly data: { readonly by: number } }
  | { readonly type: 'IncrementTwice'; readonly data: { readonly by: number } }
  | { readonly type: 'Close'; readonly data: Record<string, never> };
type Event =
  | { readonly type: 'Incremented'; readonly data: { readonly by: number } }
  | { readonly type: 'Closed'; readonly data: { readonly total: number } };
interface State {
  readonly total: number;
  readonly closed: boolean;
}

const LIMIT = 10;

const counter: Decider<Command, Event, State> = {
  initialState: { total: 0, closed: false },
  evolve: (state, event) =>
    event.type === 'Incremented' ? { ...state, total: state.total + event.data.by } : { ...state, closed: true },
  decide: (command, state) => {
    if (state.closed) return left(domainError('counter.closed', '计数器已关闭', 'The counter is closed'));
    if (command.type === 'Close') return right([{ type: 'Closed', data: { total: state.total } }]);
    const times = command.type === 'IncrementTwice' ? 2 : 1;
    if (state.total + times * command.data.by > LIMIT) {
      return left(domainError('counter.limit', '超过上限', 'The limit would be passed', { total: state.total }));
    }
    return right(Array.from({ length: command.data.by === 0 ? 0 : times }, () => ({ type: 'Incremented', data: { by: command.data.by } })));
  },
};

const increment = (by: number): Command => ({ type: 'Increment', data: { by } });
const close: Command = { type: 'Close', data: {} };
const actor = { id: 'clerk-1', role: 'office' };

/** A memory store that counts the appends it is asked for. */
const countingStore = () => {
  const store = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });
  const counts = { appends: 0 };
  /** Every readStream asked of the store: from which revision, and how many events it returned. */
  const reads: { fromRevision: number; events: number }[] = [];
  const counted: EventStore = {
    ...store,
    append: (streamId, events, options) => {
      counts.appends += 1;
      return store.append(streamId, events, options);
    },
    readStream: async (streamId, options) => {
      const events = await store.readStream(streamId, options);
      reads.push({ fromRevision: options?.fromRevision ?? 1, events: events.length });
      return events;
    },
  };
  return { store: counted, counts, reads };
};

const run = (
  store: EventStore,
  command: Command,
  commandId: string,
  extra: Partial<HandleCommandInput<Command, Event, State>> = {},
): Promise<Either<CommandFailure, CommandResult>> =>
  handleCommand({
    store,
    decider: counter,
    streamId: 'counter-1',
    command,
    actor,
    commandId,
    occurredAt: () => '2024-09-18T09:30:00+08:00',
    ...extra,
  });

const expectRight = <T>(result: Either<CommandFailure, T>): T => {
  if (result._tag === 'Left') return expect.fail(`expected success, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe('handleCommand', () => {
  it('appends the decided events with the whole envelope', async () => {
    const { store } = countingStore();
    const result = expectRight(await run(store, { type: 'IncrementTwice', data: { by: 2 } }, 'command-1'));

    expect(result).toMatchObject({ streamId: 'counter-1', revision: 2, position: 2 });
    expect(result.events.map((e) => [e.type, e.data])).toEqual([
      ['Incremented', { by: 2 }],
      ['Incremented', { by: 2 }],
    ]);
    expect(result.events[0]?.meta).toMatchObject({
      eventId: eventIdFor('command-1', 0),
      streamId: 'counter-1',
      occurredAt: '2024-09-18T09:30:00+08:00',
      recordedAt: '2024-09-18T02:00:00.000Z',
      actor,
      commandId: 'command-1',
      commandType: 'IncrementTwice',
      correlationId: 'command-1',
      causationId: 'command-1',
      schemaVersion: 1,
    });
    expect(result.events[1]?.meta.eventId).toBe(eventIdFor('command-1', 1));
    expect(await store.readStream('counter-1')).toEqual(result.events);
  });

  it('refuses a command id already used for another kind of command (idempotencyKeyReused), writing nothing', async () => {
    const { store, counts } = countingStore();
    expectRight(await run(store, increment(1), 'command-1'));
    const reused = await run(store, close, 'command-1');
    expect(reused).toEqual(left(idempotencyKeyReused));
    expect(counts.appends).toBe(1);
    expect(await store.headPosition()).toBe(1);
    // The same kind again is a retry: the first result, nothing written.
    expect(expectRight(await run(store, increment(3), 'command-1'))).toMatchObject({ revision: 1, position: 1 });
    expect(counts.appends).toBe(1);
  });

  it('seals commandType into the hash, and events without one (recorded before it existed) still verify and match any kind', async () => {
    const { store } = countingStore();
    const old: NewEvent = {
      type: 'Incremented',
      data: { by: 1 },
      meta: { eventId: 'e-old', occurredAt: '2024-09-18T09:00:00+08:00', actor, commandId: 'old-1', correlationId: 'old-1', causationId: 'old-1', schemaVersion: 1 },
    };
    expectRight(await store.append('counter-1', [old], { expectedRevision: 0 }));
    expectRight(await run(store, increment(1), 'command-2'));
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.meta.commandType)).toEqual([undefined, 'Increment']);
    expect(await verifyChain(events)).toMatchObject({ ok: true, checked: 2 });
    const tampered = events.map((e, i) => (i === 1 ? { ...e, meta: { ...e.meta, commandType: 'Close' } } : e));
    expect(await verifyChain(tampered)).toMatchObject({ ok: false });
    expect(isSameCommand(await store.findByCommandId('old-1'), 'counter-1', 'Close')).toBe(true);
    expect(isSameCommand(await store.findByCommandId('command-2'), 'counter-1', 'Close')).toBe(false);
    expect(isSameCommand(await store.findByCommandId('command-2'), 'counter-2', 'Increment')).toBe(false);
  });

  it('uses the given correlation and causation ids, and the clock for occurredAt by default', async () => {
    const { store } = countingStore();
    const result = expectRight(
      await handleCommand({
        store,
        decider: counter,
        streamId: 'counter-1',
        command: increment(1),
        actor,
        commandId: 'command-1',
        correlationId: 'request-7',
        causationId: 'event-3',
        clock: fixedClock('2024-10-01T08:00:00+08:00'),
      }),
    );

    expect(result.events[0]?.meta).toMatchObject({
      correlationId: 'request-7',
      causationId: 'event-3',
      occurredAt: '2024-10-01T00:00:00.000Z',
    });
  });

  it('passes a domain refusal through unchanged and writes nothing', async () => {
    const { store, counts } = countingStore();
    expectRight(await run(store, increment(9), 'command-1'));

    expect(await run(store, increment(2), 'command-2')).toEqual(
      left({ code: 'counter.limit', message: { zh: '超过上限', en: 'The limit would be passed' }, details: { total: 9 } }),
    );
    expect(await store.headPosition()).toBe(1);
    expect(counts.appends).toBe(1);
  });

  it('writes nothing when the decider decides no events, and reports where the stream is', async () => {
    const { store, counts } = countingStore();
    expectRight(await run(store, increment(3), 'command-1'));

    expect(await run(store, increment(0), 'command-2')).toEqual(right({ streamId: 'counter-1', revision: 1, position: 1, events: [] }));
    expect(counts.appends).toBe(1);
    expect(await store.findByCommandId('command-2')).toEqual([]);
  });

  it('refuses a stale expected revision at once, without deciding or writing', async () => {
    const { store, counts } = countingStore();
    expectRight(await run(store, increment(1), 'command-1'));

    expect(await run(store, increment(1), 'command-2', { expectedRevision: 0 })).toEqual(
      left({ _tag: 'AppendConflict', streamId: 'counter-1', expectedRevision: 0, actualRevision: 1 }),
    );
    expect(counts.appends).toBe(1);
    expect(expectRight(await run(store, increment(1), 'command-3', { expectedRevision: 1 })).revision).toBe(2);
  });

  it('lets racing handlers without an expected revision both succeed, one after the other, by retrying', async () => {
    const { store, counts } = countingStore();
    const results = await Promise.all([run(store, increment(1), 'command-a'), run(store, increment(2), 'command-b')]);
    const [a, b] = results.map(expectRight);

    expect([a?.revision, b?.revision].sort()).toEqual([1, 2]);
    // Three appends: the loser's first one met the winner's event, and it decided and appended again.
    expect(counts.appends).toBe(3);
    const stream = await store.readStream('counter-1');
    expect(stream.map((e) => e.meta.revision)).toEqual([1, 2]);
    expect(stream.map((e) => e.meta.commandId).sort()).toEqual(['command-a', 'command-b']);
    expect(stream.map((e) => e.data)).toEqual(stream.map((e) => (e.meta.commandId === 'command-a' ? { by: 1 } : { by: 2 })));
  });

  it('decides again after a conflict, so a racer may be refused on the newer state', async () => {
    const { store } = countingStore();
    const results = await Promise.all([run(store, increment(6), 'command-a'), run(store, increment(6), 'command-b')]);

    expect(results.filter((r) => r._tag === 'Right')).toHaveLength(1);
    expect(results.filter((r) => r._tag === 'Left').map((r) => (r._tag === 'Left' ? r.left : undefined))).toEqual([
      { code: 'counter.limit', message: { zh: '超过上限', en: 'The limit would be passed' }, details: { total: 6 } },
    ]);
    expect(await store.headPosition()).toBe(1);
  });

  it('gives up with the conflict after maxRetries', async () => {
    const { store, counts } = countingStore();
    const results = await Promise.all([
      run(store, increment(1), 'command-a', { maxRetries: 0 }),
      run(store, increment(1), 'command-b', { maxRetries: 0 }),
    ]);

    expect(results.filter((r) => r._tag === 'Left').map((r) => (r._tag === 'Left' ? r.left : undefined))).toEqual([
      { _tag: 'AppendConflict', streamId: 'counter-1', expectedRevision: 0, actualRevision: 1 },
    ]);
    expect(counts.appends).toBe(2);
  });

  it('does not retry when the client gave the expected revision: its state is gone', async () => {
    const { store, counts } = countingStore();
    const results = await Promise.all([
      run(store, increment(1), 'command-a', { expectedRevision: 0 }),
      run(store, increment(1), 'command-b', { expectedRevision: 0 }),
    ]);

    expect(results.filter((r) => r._tag === 'Left').map((r) => (r._tag === 'Left' ? r.left : undefined))).toEqual([
      { _tag: 'AppendConflict', streamId: 'counter-1', expectedRevision: 0, actualRevision: 1 },
    ]);
    expect(counts.appends).toBe(2);
    expect(await store.headPosition()).toBe(1);
  });

  it('returns the first result for a repeated command id and writes nothing, even if it would be refused now', async () => {
    const { store, counts } = countingStore();
    const first = expectRight(await run(store, increment(1), 'command-1'));
    expectRight(await run(store, close, 'command-2'));

    expect(await run(store, increment(1), 'command-1')).toEqual(right(first));
    expect(counts.appends).toBe(2);
    expect(await store.headPosition()).toBe(2);
  });

  it('stores a command once when two copies of it race', async () => {
    const { store } = countingStore();
    const [a, b] = await Promise.all([run(store, increment(1), 'command-1'), run(store, increment(1), 'command-1')]);

    expect(a).toEqual(b);
    expect(await store.headPosition()).toBe(1);
  });

  it('derives event ids from the command id and the index, as UUIDs', () => {
    const ids = [eventIdFor('command-1', 0), eventIdFor('command-1', 1), eventIdFor('command-2', 0)];

    expect(eventIdFor('command-1', 0)).toBe(ids[0]);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    // Pinned: ids already stored must be recomputed the same way by later versions.
    expect(ids[0]).toBe('6ec41612-f97b-8b07-aa67-14d5ae9d2219');
  });

  it('folds upcast events and writes new events at the current schema version, through the store as opened', async () => {
    const { store: stored } = countingStore();
    // Version 1 of `Incremented` called the amount `amount`.
    const upcasters: UpcasterRegistry = { Incremented: { 1: (data) => ({ by: (data as { amount: number }).amount }) } };
    const old: NewEvent = {
      type: 'Incremented',
      data: { amount: 4 },
      meta: {
        eventId: 'old-1',
        occurredAt: '2023-01-01T00:00:00Z',
        actor,
        commandId: 'old-command',
        correlationId: 'old-command',
        causationId: 'old-command',
        schemaVersion: 1,
      },
    };
    await stored.append('counter-1', [old], { expectedRevision: 0 });
    const store = upcastingStore(stored, upcasters);

    const added = expectRight(await run(store, increment(1), 'command-1'));
    const closed = expectRight(await run(store, close, 'command-2'));

    expect(added.events[0]?.meta.schemaVersion).toBe(2);
    expect(closed.events[0]?.data).toEqual({ total: 5 });
    expect(closed.events[0]?.meta.schemaVersion).toBe(1);
    // Stored as written: the old event keeps its version 1 and its data.
    expect((await stored.readStream('counter-1')).map((e) => [e.meta.schemaVersion, e.data])).toEqual([
      [1, { amount: 4 }],
      [2, { by: 1 }],
      [1, { total: 5 }],
    ]);
  });

  it('lets a throwing toDomainEvent (corrupt storage) fail the command as an exception', async () => {
    const { store } = countingStore();
    expectRight(await run(store, increment(1), 'command-1'));

    await expect(
      run(store, increment(1), 'command-2', {
        toDomainEvent: () => {
          throw new Error('stored event does not decode');
        },
      }),
    ).rejects.toThrow('stored event does not decode');
    expect(await store.headPosition()).toBe(1);
  });
});

describe('handleCommand: one read, one decide', () => {
  const stored = (n: number): NewEvent[] =>
    Array.from({ length: n }, (_, i) => ({
      type: 'Incremented',
      data: { by: 0 },
      meta: { eventId: `e-${n}-${i}`, occurredAt: '2024-09-18T09:00:00+08:00', actor, commandId: `old-${i}`, correlationId: 'old', causationId: 'old', schemaVersion: 1 },
    }));

  it('reads the stream once, checks the guard on the state it decides on, and writes nothing when the guard throws', async () => {
    const { store, counts, reads } = countingStore();
    expectRight(await run(store, increment(3), 'command-1'));
    reads.length = 0;
    const seen: State[] = [];
    const refusal = new Error('not yours');

    const refused = run(store, increment(1), 'command-2', {
      guard: (state) => {
        seen.push(state);
        throw refusal;
      },
    });
    await expect(refused).rejects.toBe(refusal);
    expect(seen).toEqual([{ total: 3, closed: false }]);
    expect(reads).toEqual([{ fromRevision: 1, events: 1 }]);
    expect(counts.appends).toBe(1);

    reads.length = 0;
    expectRight(await run(store, increment(1), 'command-3', { guard: (state) => void seen.push(state) }));
    expect(reads).toEqual([{ fromRevision: 1, events: 1 }]);
    // A retried command id gets its first result: nothing is read, nothing checked.
    reads.length = 0;
    expectRight(await run(store, increment(1), 'command-3', { guard: () => expect.fail('checked a retry') }));
    expect(reads).toEqual([]);
  });

  it('with a state cache, reads only the events recorded since: a command on a 10,000-event stream reads none of them again', async () => {
    const { store, reads } = countingStore();
    expectRight(await store.append('counter-1', stored(10_000), { expectedRevision: 0 }));
    const cache = createStateCache<State>();

    // The first command folds the whole stream once; its own events then move the cached state on.
    expect(expectRight(await run(store, increment(2), 'command-1', { cache })).revision).toBe(10_001);
    expect(reads).toEqual([{ fromRevision: 1, events: 10_000 }]);
    reads.length = 0;
    expect(expectRight(await run(store, increment(3), 'command-2', { cache })).revision).toBe(10_002);
    expect(reads).toEqual([{ fromRevision: 10_001, events: 1 }]);

    // Another writer (another process) appends: the next command reads its last event again and those.
    expectRight(await store.append('counter-1', [...stored(3)].map((e, i) => ({ ...e, data: { by: 1 }, meta: { ...e.meta, eventId: `other-${i}` } })), { expectedRevision: 'any' }));
    reads.length = 0;
    const refused = await run(store, increment(3), 'command-3', { cache });
    expect(refused).toEqual(left(domainError('counter.limit', '超过上限', 'The limit would be passed', { total: 8 })));
    expect(reads).toEqual([{ fromRevision: 10_002, events: 4 }]);

    const all = await store.readStream('counter-1');
    const full = fold(counter, all.map((e) => ({ type: e.type, data: e.data }) as Event));
    expect(cache.get('counter-1')).toEqual({ revision: 10_005, position: 10_005, hash: all.at(-1)?.meta.hash, state: full });
    expect(full).toEqual({ total: 8, closed: false });
  });

  it('with a state cache, decides again on what a racer wrote, without reading it back', async () => {
    const { store, reads } = countingStore();
    const cache = createStateCache<State>();
    expectRight(await run(store, increment(1), 'command-1', { cache }));
    // Both decide at revision 1; the winner's recorded event moves the cached state on, so the loser decides
    // again on it reading only that event back (to check it is the one folded).
    const results = await Promise.all([run(store, increment(4), 'command-2', { cache }), run(store, increment(4), 'command-3', { cache })]);

    expect(results.map((r) => expectRight(r).revision).sort()).toEqual([2, 3]);
    expect(reads.slice(1)).toEqual([
      { fromRevision: 1, events: 1 },
      { fromRevision: 1, events: 1 },
      { fromRevision: 2, events: 1 },
    ]);
    expect(cache.get('counter-1')?.state).toEqual({ total: 9, closed: false });
  });

  it('with a state cache folded from another log (a file put back under a running process), folds the log again', async () => {
    const cache = createStateCache<State>();
    const first = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });
    for (const i of [0, 1, 2]) expectRight(await run(first, increment(3), `first-${i}`, { cache }));
    expect(cache.get('counter-1')).toMatchObject({ revision: 3, state: { total: 9 } });

    // Another log with the stream at the same revision 3, of other events: the cached total 9 would refuse +5.
    const { store: other, reads } = countingStore();
    for (const i of [0, 1, 2]) expectRight(await run(other, increment(1), `other-${i}`));
    reads.length = 0;
    const result = expectRight(await run(other, increment(5), 'other-3', { cache }));

    expect(result.revision).toBe(4);
    expect(reads).toEqual([
      { fromRevision: 3, events: 1 },
      { fromRevision: 1, events: 3 },
    ]);
    expect(cache.get('counter-1')).toMatchObject({ revision: 4, state: { total: 8, closed: false } });

    // And a log that ends before the cached revision.
    const { store: shorter } = countingStore();
    expectRight(await run(shorter, increment(2), 'shorter-0'));
    expect(expectRight(await run(shorter, increment(1), 'shorter-1', { cache })).revision).toBe(2);
    expect(cache.get('counter-1')).toMatchObject({ revision: 2, state: { total: 3 } });
  });
});
