import { randomBytes, randomUUID } from 'node:crypto';
import type { EventData } from '@eventstore/db-client';
import { EventIdReuseError, GENESIS_HASH, KEYED_SCHEME, chainKeyCheck, verifyChain, type AppendResult, type Clock, type NewEvent, type NewEventMeta, type RecordedEvent, type StreamAppend } from '@xinfang/event-store';
import { isLeft, isRight } from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { decideBatch } from './decide-batch';
import { fromLogEvent, fromMirrorEvent, positionOfEntry, toCommandEntry, toLogEvent, toMirrorEvent, type ServerEvent } from './log-entry';
import { EMPTY_HEAD, headOf, type LogHead } from './log-head';
import { toExpectedRevision } from './revision';
import { serverEventId } from './server-event-id';

/* How a batch becomes log entries: positions, revisions and the chain decided without a server, then read back. */

const newEvent = (n: number, meta: Partial<NewEventMeta> = {}): NewEvent => ({
  type: 'Tested',
  data: { n, 文字: '信访' },
  meta: { eventId: randomUUID(), occurredAt: '2024-09-18T09:30:00+08:00', actor: { id: 'clerk-1', role: 'office' }, commandId: `c${n}`, correlationId: 'r', causationId: 'c', schemaVersion: 1, ...meta },
});

/** A clock that counts its readings. */
const countingClock = (): Clock & { readings: number } => {
  const clock = { readings: 0, now: () => (clock.readings++, '2024-09-18T01:00:00.000Z') };
  return clock;
};

/** What the server stores and gives back for an event written as `data` at `revision` (JSON text both ways). */
const asServer = (data: EventData, revision: number): ServerEvent => ({
  id: data.id,
  type: data.type,
  revision: BigInt(revision),
  isJson: data.contentType === 'application/json',
  data: JSON.parse(JSON.stringify(data.data)),
  metadata: data.metadata === undefined ? undefined : JSON.parse(JSON.stringify(data.metadata)),
});

/** A tiny in-memory "log" of decided batches: the streams' heads and the log's head as the adapter reads them. */
const world = () => {
  const log: RecordedEvent[] = [];
  const current = (streamId: string): AppendResult => {
    const events = log.filter((e) => e.meta.streamId === streamId);
    return { streamId, revision: events.length, position: events.at(-1)?.meta.position ?? 0, events: [] };
  };
  return { log, current, head: (): LogHead => headOf(log.at(-1)) };
};

describe('decideBatch', () => {
  it('seals a batch over several streams at the positions after the head, chained, with one recordedAt', async () => {
    const key = randomBytes(32);
    const w = world();
    const clock = countingClock();
    const first = decideBatch([{ streamId: 'case-1', expectedRevision: 0, events: [newEvent(1), newEvent(2)] }], [], w.current, w.head(), clock, () => key);
    w.log.push(...first.toWrite);
    const appends: StreamAppend[] = [
      { streamId: 'person-1', expectedRevision: 0, events: [newEvent(3)] },
      { streamId: 'case-1', expectedRevision: 2, events: [newEvent(4)] },
      { streamId: 'case-9', expectedRevision: 'any', events: [] },
    ];
    const second = decideBatch(appends, [], w.current, w.head(), clock, () => key);
    w.log.push(...second.toWrite);

    expect(isRight(second.result) && second.result.right.map((r) => [r.streamId, r.revision, r.position])).toEqual([['person-1', 1, 3], ['case-1', 3, 4], ['case-9', 0, 0]]);
    expect(w.log.map((e) => [e.meta.streamId, e.meta.revision, e.meta.position])).toEqual([['case-1', 1, 1], ['case-1', 2, 2], ['person-1', 1, 3], ['case-1', 3, 4]]);
    expect(w.log[0]?.meta.prevHash).toBe(GENESIS_HASH);
    expect(w.log[2]?.meta.prevHash).toBe(w.log[1]?.meta.hash);
    expect(clock.readings).toBe(2);
    expect(await verifyChain(w.log, { keying: { key, fromPosition: 1 }, marker: { fromPosition: 1, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(key) } })).toMatchObject({ ok: true, checked: 4 });
  });

  it('is a conflict with our revisions when a stream is elsewhere, writing nothing and reading neither clock nor key', () => {
    const w = world();
    w.log.push(...decideBatch([{ streamId: 'case-1', expectedRevision: 0, events: [newEvent(1), newEvent(2)] }], [], w.current, EMPTY_HEAD, countingClock(), () => undefined).toWrite);
    const clock = countingClock();
    const decision = decideBatch(
      [{ streamId: 'person-1', expectedRevision: 0, events: [newEvent(3)] }, { streamId: 'case-1', expectedRevision: 1, events: [newEvent(4)] }],
      [],
      w.current,
      w.head(),
      clock,
      () => expect.fail('no key is needed for a conflict'),
    );
    expect(isLeft(decision.result) && decision.result.left).toEqual({ _tag: 'AppendConflict', streamId: 'case-1', expectedRevision: 1, actualRevision: 2 });
    expect(decision.toWrite).toEqual([]);
    expect(clock.readings).toBe(0);
  });

  it('answers a repeat with the original result and refuses a partly stored batch; an event that is not JSON throws before anything is decided', () => {
    const w = world();
    const events = [newEvent(1), newEvent(2)];
    const first = decideBatch([{ streamId: 'case-1', expectedRevision: 0, events }], [], w.current, EMPTY_HEAD, countingClock(), () => undefined);
    w.log.push(...first.toWrite);
    const again = decideBatch([{ streamId: 'case-1', expectedRevision: 0, events }], w.log, w.current, w.head(), countingClock(), () => undefined);
    expect(again.result).toEqual(first.result);
    expect(again.toWrite).toEqual([]);
    expect(() => decideBatch([{ streamId: 'case-1', expectedRevision: 'any', events: [...events, newEvent(3)] }], w.log, w.current, w.head(), countingClock(), () => undefined)).toThrow(EventIdReuseError);
    expect(() => decideBatch([{ streamId: 'case-2', expectedRevision: 0, events: [newEvent(4), { ...newEvent(5), data: { bad: Number.NaN } }] }], [], w.current, w.head(), countingClock(), () => undefined)).toThrow();
  });

  it('expects the log at its head: our position as the client’s revision (no stream for an empty log)', () => {
    expect(toExpectedRevision(EMPTY_HEAD.position)).toBe('no_stream');
    expect(toExpectedRevision(4)).toBe(3n);
  });
});

describe('log entries', () => {
  it('carry the whole envelope in the log, the same event in its stream and its position in the command index; read back exactly', () => {
    const w = world();
    const decision = decideBatch(
      [{ streamId: 'case-1', expectedRevision: 0, events: [newEvent(1, { commandId: 'k', commandType: 'Register' }), newEvent(2, { eventId: 'not-a-uuid' })] }],
      [],
      w.current,
      EMPTY_HEAD,
      countingClock(),
      () => undefined,
    );
    const [a, b] = decision.toWrite as [RecordedEvent, RecordedEvent];

    const fromLog = decision.toWrite.map((e) => fromLogEvent(asServer(toLogEvent(e), e.meta.position - 1), '_x-log'));
    expect(fromLog).toEqual(decision.toWrite);
    const fromStream = decision.toWrite.map((e) => fromMirrorEvent(asServer(toMirrorEvent(e), e.meta.revision - 1), 'case-1'));
    expect(fromStream).toEqual(decision.toWrite);
    expect(toLogEvent(a).id).toBe(a.meta.eventId);
    expect(toLogEvent(b).id).toBe(serverEventId('not-a-uuid'));
    expect(toMirrorEvent(b).id).toBe(toLogEvent(b).id);
    expect(positionOfEntry(asServer(toCommandEntry(b), 0))).toBe(2);
    expect(positionOfEntry({ ...asServer(toCommandEntry(b), 0), type: 'Other' })).toBeUndefined();
  });

  it('refuses a log event that is not at its position − 1, names no stream, or is not JSON', () => {
    const [event] = decideBatch([{ streamId: 'case-1', expectedRevision: 0, events: [newEvent(1)] }], [], world().current, EMPTY_HEAD, countingClock(), () => undefined).toWrite as [RecordedEvent];
    const stored = asServer(toLogEvent(event), 0);
    expect(() => fromLogEvent({ ...stored, revision: 5n }, '_x-log')).toThrow(/says position 1/);
    expect(() => fromLogEvent({ ...stored, metadata: { ...(stored.metadata as object), streamId: undefined } }, '_x-log')).toThrow(/names no stream/);
    expect(() => fromLogEvent({ ...stored, isJson: false }, '_x-log')).toThrow(/not JSON/);
  });
});

describe('serverEventId', () => {
  it('keeps a lower-case UUID and maps any other id to a fixed UUID of its own', () => {
    const id = randomUUID();
    expect(serverEventId(id)).toBe(id);
    expect(serverEventId('e-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(serverEventId('e-1')).toBe(serverEventId('e-1'));
    expect(serverEventId('e-2')).not.toBe(serverEventId('e-1'));
  });
});
