import { randomBytes } from 'node:crypto';
import { ANY, NO_STREAM, streamNameFilter, WrongExpectedVersionError } from '@eventstore/db-client';
import { createMemoryEventStore, StoreUnavailableError, verifyChain, type RecordedEvent } from '@xinfang/event-store';
import { describe, expect, it } from 'vitest';
import { conflictOf, unavailableOf } from './errors';
import { fromStored, toMetadata } from './metadata';
import { fromCurrentRevision, fromEventRevision, toExpectedRevision } from './revision';
import { assertPrefix, fromStreamName, ourStreams, toStreamName } from './stream-name';

/* The adapter's mapping between our envelope and the client's terms, checked without a server. */

describe('revisions', () => {
  it('map ours (1-based, 0 = no stream) to the client’s (0-based bigint, no_stream) and back', () => {
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(42)).toBe(41n);
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(() => toExpectedRevision(-1)).toThrow(RangeError);
    expect(() => toExpectedRevision(1.5)).toThrow(RangeError);
    expect(fromCurrentRevision(NO_STREAM)).toBe(0);
    expect(fromCurrentRevision(0n)).toBe(1);
    expect(fromEventRevision(41n)).toBe(42);
    for (const n of [1, 2, 10, 9_999]) expect(fromCurrentRevision(toExpectedRevision(n) as bigint)).toBe(n);
  });
});

describe('stream names', () => {
  it('put our streams under a prefix, read back only ours, and filter $all to them', () => {
    expect(toStreamName('xinfang-', 'case-7')).toBe('xinfang-case-7');
    expect(fromStreamName('xinfang-', 'xinfang-case-7')).toBe('case-7');
    expect(fromStreamName('xinfang-', 'orders-1')).toBeUndefined();
    expect(fromStreamName('xinfang-', '$stats-127.0.0.1:2113')).toBeUndefined();
    expect(fromStreamName('xinfang-', 'xinfang-')).toBeUndefined();
    expect(streamNameFilter(ourStreams('xinfang-'))).toMatchObject({ filterOn: 'streamName', prefixes: ['xinfang-'] });
    expect(() => assertPrefix('$xinfang-')).toThrow(RangeError);
    expect(() => assertPrefix('has space')).toThrow(RangeError);
    expect(assertPrefix('office_a-')).toBe('office_a-');
  });
});

describe('metadata', () => {
  it('carries every field of the envelope: read back, each event is as written and the keyed chain verifies', async () => {
    const key = randomBytes(32);
    const store = createMemoryEventStore({ chainKey: key });
    const meta = (n: number) => ({
      eventId: globalThis.crypto.randomUUID(),
      occurredAt: '2024-09-18T09:30:00+08:00',
      actor: { id: 'clerk-1', role: 'office' },
      commandId: `c${n}`,
      commandType: 'RegisterCase',
      correlationId: 'r1',
      causationId: `c${n}`,
      schemaVersion: 1,
    });
    await store.append('case-1', [{ type: 'CaseRegistered', data: { title: '欠薪' }, meta: meta(1) }], { expectedRevision: 0 });
    await store.append('case-1', [{ type: 'CaseAssigned', data: { unit: '司法所', n: 2 }, meta: meta(2) }], { expectedRevision: 1 });
    const written: RecordedEvent[] = [];
    for await (const event of store.readAll()) written.push(event);

    const read = written.map((event) => {
      // As the server stores and gives back: JSON text of data and metadata, its own id, name and revision.
      const metadata = JSON.parse(JSON.stringify(toMetadata(event))) as unknown;
      expect(metadata).not.toHaveProperty('streamId');
      return fromStored({ id: event.meta.eventId, type: event.type, streamId: event.meta.streamId, revision: event.meta.revision, data: JSON.parse(JSON.stringify(event.data)), metadata });
    });
    expect(read).toEqual(written);
    expect(await verifyChain(read, { keying: { key, fromPosition: 1 }, marker: await store.chainMarker() })).toMatchObject({ ok: true, checked: 2 });
    expect(() => fromStored({ id: 'x', type: 'Other', streamId: 'case-1', revision: 3, data: {}, metadata: { foreign: true } })).toThrow(/no xinfang metadata/);
  });
});

describe('errors', () => {
  it('a wrong expected version is a conflict in our revisions; a server away is StoreUnavailableError', () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 'xinfang-case-1', expected: 2n, current: 4n });
    expect(conflictOf(wrong, 'case-1', 3)).toEqual({ _tag: 'AppendConflict', streamId: 'case-1', expectedRevision: 3, actualRevision: 5 });
    const none = new WrongExpectedVersionError(undefined, { streamName: 'xinfang-case-2', expected: 0n, current: NO_STREAM });
    expect(conflictOf(none, 'case-2', 1)).toMatchObject({ actualRevision: 0 });
    expect(conflictOf(new Error('other'), 'case-1', 3)).toBeUndefined();
    const away = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' });
    expect(unavailableOf(away)).toBeInstanceOf(StoreUnavailableError);
    expect(unavailableOf(away)?.reason).toBe('busy');
    expect(unavailableOf(wrong)).toBeUndefined();
  });
});
