import { NO_STREAM, WrongExpectedVersionError, streamNameFilter } from '@eventstore/db-client';
import { StoreUnavailableError, type RecordedEvent } from '@xinfang/event-store';
import { describe, expect, it } from 'vitest';
import { backoffMs, logMovedTo, outcomeOfError, outcomeOfResult } from './errors';
import { byCommand, judgeMirrorConflict, mirrorRuns, positionRuns, unmirroredOf } from './mirror-plan';
import { CHAIN_KEYED, STORE_CREATED, chainKeyedEvent, foldStoreMeta, storeCreatedEvent } from './store-meta';
import { logStreamOnly, streamNamesOf } from './stream-name';

/* The mirrors (one-to-one streams, command indexes), the meta stream and the log's refusals, without a server. */

const at = (position: number, streamId: string, revision: number, commandId = `c${position}`): RecordedEvent =>
  ({ type: 'T', data: {}, meta: { position, streamId, revision, commandId } }) as unknown as RecordedEvent;

describe('mirror runs', () => {
  it('split the log’s events into one append per run of a stream, in position order, each expecting the revision before it', () => {
    const events = [at(5, 'a', 3), at(6, 'a', 4), at(7, 'b', 1), at(8, 'a', 5), at(9, 'a', 6)];
    expect(mirrorRuns(events).map((r) => [r.streamId, r.revisionBefore, r.events.map((e) => e.meta.position)])).toEqual([
      ['a', 2, [5, 6]],
      ['b', 0, [7]],
      ['a', 4, [8, 9]],
    ]);
    expect([...byCommand([at(1, 'a', 1, 'x'), at(2, 'b', 1, 'y'), at(3, 'a', 2, 'x')])].map(([c, g]) => [c, g.map((e) => e.meta.position)])).toEqual([
      ['x', [1, 3]],
      ['y', [2]],
    ]);
  });

  it('a refused mirror append is done when the stream already holds the run, and broken when it lacks what comes before', () => {
    const [run] = mirrorRuns([at(5, 'a', 3), at(6, 'a', 4)]);
    if (run === undefined) return expect.fail('no run');
    expect(judgeMirrorConflict(run, 4)).toBe('done');
    expect(judgeMirrorConflict(run, 9)).toBe('done');
    expect(judgeMirrorConflict(run, 1)).toBe('behind');
  });

  it('walking back the log finds the tail not yet in its streams and stops at the first event that is', () => {
    const newestFirst = [at(9, 'a', 6), at(8, 'b', 2), at(7, 'a', 5), at(6, 'b', 1)];
    expect(unmirroredOf(newestFirst, (s) => (s === 'a' ? 4 : 1))).toEqual({ missing: newestFirst.slice(0, 3), reachedMirrored: true });
    expect(unmirroredOf(newestFirst, () => 0)).toEqual({ missing: newestFirst, reachedMirrored: false });
    expect(unmirroredOf(newestFirst, (s) => (s === 'a' ? 6 : 2)).missing).toEqual([]);
  });

  it('command index positions, written twice or out of order, read as runs to fetch from the log', () => {
    expect(positionRuns([7, 5, 6, 6, 12, 13, 20])).toEqual([[5, 3], [12, 2], [20, 1]]);
    expect(positionRuns([])).toEqual([]);
  });
});

describe('the adapter’s own streams', () => {
  it('sit outside the prefix of the one-to-one streams; the wake-up filter matches the log alone', () => {
    const names = streamNamesOf('xinfang-');
    expect([names.log, names.meta, names.mirror('case-1'), names.command('k-1')]).toEqual(['_xinfang-log', '_xinfang-meta', 'xinfang-case-1', '_xinfang-command-k-1']);
    const { regex } = logStreamOnly('a.b-');
    expect(new RegExp(regex).test('_a.b-log')).toBe(true);
    expect(new RegExp(regex).test('_aXb-log')).toBe(false);
    expect(new RegExp(regex).test('_a.b-log2')).toBe(false);
    expect(streamNameFilter(logStreamOnly('xinfang-'))).toMatchObject({ filterOn: 'streamName', regex: String.raw`^_xinfang-log$` });
  });

  it('the meta stream: the first store id and the first marker count', () => {
    const marker = { fromPosition: 4, scheme: 'hmac-sha256', keyCheck: 'ab' } as const;
    const events = [storeCreatedEvent('id-1'), chainKeyedEvent(marker), storeCreatedEvent('id-2'), chainKeyedEvent({ ...marker, fromPosition: 9 })];
    expect(events.map((e) => e.type)).toEqual([STORE_CREATED, CHAIN_KEYED, STORE_CREATED, CHAIN_KEYED]);
    expect(foldStoreMeta(events)).toEqual({ storeId: 'id-1', marker, revision: 4 });
    expect(foldStoreMeta([])).toEqual({ storeId: undefined, marker: undefined, revision: 0 });
    expect(() => foldStoreMeta([{ type: CHAIN_KEYED, data: { fromPosition: 1, scheme: 'md5', keyCheck: 'x' } }])).toThrow(/unknown chain marker/);
  });
});

describe('the log’s refusals', () => {
  it('a refused log append says where the log is now (another writer came first); anything else is thrown', () => {
    const moved = outcomeOfError(new WrongExpectedVersionError(undefined, { streamName: '_xinfang-log', expected: 4n, current: 6n }));
    expect(moved).toEqual({ ok: false, actual: 6n });
    expect(logMovedTo(moved, 5)).toBe(7);
    expect(logMovedTo({ ok: true }, 5)).toBeUndefined();
    expect(() => logMovedTo({ ok: false, actual: NO_STREAM }, 3)).toThrow(/refused an append at 3/);
    expect(outcomeOfResult({ success: false, nextExpectedRevision: -1n })).toEqual({ ok: false, actual: NO_STREAM });
    expect(outcomeOfResult({ success: true, nextExpectedRevision: 3n })).toEqual({ ok: true });
    expect(() => outcomeOfError(Object.assign(new Error('14 UNAVAILABLE'), { type: 'unavailable' }))).toThrow(StoreUnavailableError);
    const other = new Error('boom');
    expect(() => outcomeOfError(other)).toThrow(other);
  });

  it('a writer that lost the race tries again at once, then waits a jittered, bounded while', () => {
    expect(backoffMs(1, 0.99)).toBe(0);
    expect(backoffMs(3, 0.5)).toBe(4);
    expect(backoffMs(3, 0)).toBe(0);
    expect(backoffMs(20, 0.999)).toBe(199);
  });
});
