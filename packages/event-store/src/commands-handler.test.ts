import { domainError, type Decider } from '@xinfang/domain';
import { isLeft, left, right } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import { handleCommand } from './command-handler';
import { handleCommands, streamCommand } from './commands-handler';
import { createMemoryEventStore } from './memory-store';

/* A name that can be taken once: enough to refuse the second command of a batch. */
type Command = { readonly type: 'Take'; readonly data: { readonly name: string } };
type Event = { readonly type: 'Taken'; readonly data: { readonly name: string } };
const names: Decider<Command, Event, boolean> = {
  initialState: false,
  evolve: () => true,
  decide: (command, taken) =>
    taken ? left(domainError('name.taken', '名称已被占用', 'The name is taken')) : right([{ type: 'Taken', data: command.data }]),
};

const actor = { id: 'clerk-1', role: 'office' };
const take = (name: string, commandId: string, extra: { expectedRevision?: number } = {}) =>
  streamCommand({ decider: names, streamId: `name-${name}`, command: { type: 'Take', data: { name } }, actor, commandId, ...extra });
const newStore = () => createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });

describe('handleCommands', () => {
  it('records every command in one append, with the meta handleCommand records', async () => {
    const store = newStore();
    const result = await handleCommands({ store, commands: [take('a', 'cmd-a'), take('b', 'cmd-b')] });
    const single = await handleCommand({ store: newStore(), decider: names, streamId: 'name-a', command: { type: 'Take', data: { name: 'a' } }, actor, commandId: 'cmd-a' });

    expect(isLeft(result) ? result.left : result.right.map((r) => [r.streamId, r.revision, r.position])).toEqual([
      ['name-a', 1, 1],
      ['name-b', 1, 2],
    ]);
    const [a, b] = await Promise.all([store.readStream('name-a'), store.readStream('name-b')]);
    expect(a[0]?.meta.recordedAt).toBe(b[0]?.meta.recordedAt);
    // The same meta but for the times (two clocks) and so the hash.
    const timeless = ({ recordedAt: _r, occurredAt: _o, hash: _h, ...meta }: Record<string, unknown>) => meta;
    const singleEvent = isLeft(single) ? expect.fail('refused') : single.right.events[0];
    expect(timeless({ ...a[0]?.meta })).toEqual(timeless({ ...singleEvent?.meta }));
    expect(Object.keys(a[0]?.meta ?? {}).sort()).toEqual(Object.keys(singleEvent?.meta ?? {}).sort());
  });

  it('writes nothing when one command is refused: the others leave no trace', async () => {
    const store = newStore();
    await handleCommands({ store, commands: [take('taken', 'cmd-0')] });
    const result = await handleCommands({ store, commands: [take('p1', 'cmd-1'), take('p2', 'cmd-2'), take('taken', 'cmd-3')] });

    expect(isLeft(result) && result.left).toMatchObject({ code: 'name.taken' });
    expect(await store.headPosition()).toBe(1);
    expect(await store.findByCommandId('cmd-1')).toEqual([]);
  });

  it('refuses a stale expected revision at once, writing nothing', async () => {
    const store = newStore();
    await handleCommands({ store, commands: [take('a', 'cmd-0')] });
    const result = await handleCommands({ store, commands: [take('b', 'cmd-1'), take('a', 'cmd-2', { expectedRevision: 0 })] });

    expect(isLeft(result) && result.left).toEqual({ _tag: 'AppendConflict', streamId: 'name-a', expectedRevision: 0, actualRevision: 1 });
    expect(await store.headPosition()).toBe(1);
  });

  it('returns the first results for a retry and writes nothing, even if it would be refused now', async () => {
    const store = newStore();
    const commands = [take('a', 'cmd-a'), take('b', 'cmd-b')];
    const first = await handleCommands({ store, commands });
    const again = await handleCommands({ store, commands });

    expect(again).toEqual(first);
    expect(await store.headPosition()).toBe(2);
  });

  it('lets one of two racing batches on a shared stream win; the other is decided again and refused', async () => {
    const store = newStore();
    const results = await Promise.all([
      handleCommands({ store, commands: [take('p1', 'cmd-1'), take('shared', 'cmd-2')] }),
      handleCommands({ store, commands: [take('p2', 'cmd-3'), take('shared', 'cmd-4')] }),
    ]);

    expect(results.map((r) => r._tag).sort()).toEqual(['Left', 'Right']);
    expect(await store.headPosition()).toBe(2);
  });
});
