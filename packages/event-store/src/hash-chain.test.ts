import { describe, expect, it } from 'vitest';
import { fixedClock } from './capabilities';
import { canonicalJson, toPlainJson } from './canonical-json';
import type { NewEvent, RecordedEvent } from './envelope';
import { GENESIS_HASH, KEYED_SCHEME, chainKeyCheck, chainLinkOf, hashEvent, hashedText, sealEvent, verifyChain, verifyChainLinks, type ChainKey, type ChainMarker } from './hash-chain';
import { createMemoryEventStore } from './memory-store';

const newEvent = (n: number): NewEvent => ({
  type: 'Tested',
  data: { n, text: `第${n}件` },
  meta: {
    eventId: `event-${n}`,
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: `command-${n}`,
    correlationId: `command-${n}`,
    causationId: `command-${n}`,
    schemaVersion: 1,
  },
});

/** Six events in two streams, as a store recorded them (unfrozen copies, so that tests can tamper). */
const recordedLog = async (): Promise<RecordedEvent[]> => {
  const store = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });
  for (const n of [1, 2, 3, 4, 5, 6]) await store.append(`stream-${n % 2}`, [newEvent(n)], { expectedRevision: 'any' });
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(structuredClone(event));
  return events;
};

const KEY: ChainKey = new Uint8Array(32).fill(1);
const markerAt = (fromPosition: number, key: ChainKey = KEY): ChainMarker => ({ fromPosition, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(key) });

/**
 * The same six events as a store would hold them had it been given `KEY` before the event at `fromPosition`
 * (1: keyed from the start; 4: an old log keyed from its fourth event on).
 */
const keyedLog = async (fromPosition: number): Promise<RecordedEvent[]> => {
  let prevHash = GENESIS_HASH;
  return (await recordedLog()).map((event) => {
    const { hash: _hash, prevHash: _prev, eventId: _id, ...placement } = event.meta;
    const sealed = sealEvent(newEvent(Number((event.data as { n: number }).n)), { ...placement, prevHash }, event.meta.position >= fromPosition ? KEY : undefined);
    prevHash = sealed.meta.hash;
    return sealed;
  });
};

const at = (events: RecordedEvent[], position: number): RecordedEvent => {
  const event = events[position - 1];
  if (event === undefined) throw new RangeError(`no event at ${position}`);
  return event;
};

const replaceAt = (events: RecordedEvent[], position: number, event: RecordedEvent): RecordedEvent[] =>
  events.map((e, i) => (i === position - 1 ? event : e));

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace and writes numbers as ECMAScript does (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [1e21, 'é', { d: null, c: true }], 中: 0.5 })).toBe('{"a":[1e+21,"é",{"c":true,"d":null}],"b":1,"中":0.5}');
  });

  it('refuses values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ s: '\uD800' })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  it('toPlainJson gives the value as a JSON column returns it', () => {
    expect(toPlainJson({ a: undefined, b: new Date('2024-09-18T01:30:00Z'), c: [1] })).toEqual({ b: '2024-09-18T01:30:00.000Z', c: [1] });
  });
});

describe('sealEvent and hashEvent', () => {
  const placement = { streamId: 'stream-1', revision: 1, position: 1, recordedAt: '2024-09-18T02:00:00.000Z', prevHash: GENESIS_HASH };

  it('hashes the canonical envelope, so the hash of a stored event never depends on key order', () => {
    const sealed = sealEvent(newEvent(1), placement);
    const reordered = JSON.parse(JSON.stringify({ meta: { ...sealed.meta }, data: sealed.data, type: sealed.type })) as RecordedEvent;

    expect(hashEvent(reordered)).toBe(sealed.meta.hash);
    // Pinned (computed with sha256sum over the text below): stored hashes must stay verifiable forever,
    // so the hashing scheme may never change silently.
    expect(canonicalJson({ type: sealed.type, data: sealed.data, meta: { ...sealed.meta, hash: undefined } })).toBe(
      '{"data":{"n":1,"text":"第1件"},"meta":{"actor":{"id":"clerk-1","role":"office"},"causationId":"command-1",' +
        '"commandId":"command-1","correlationId":"command-1","eventId":"event-1","occurredAt":"2024-09-18T09:30:00+08:00",' +
        `"position":1,"prevHash":"${GENESIS_HASH}","recordedAt":"2024-09-18T02:00:00.000Z","revision":1,` +
        '"schemaVersion":1,"streamId":"stream-1"},"type":"Tested"}',
    );
    expect(sealed.meta.hash).toBe('76acda1e0c47fd29d20b468745b1dcf7dd4d8ec25ccb80a2be6ce0aa277d61cc');
  });

  it('hashes with HMAC-SHA-256 under a chain key (pinned, computed with openssl dgst -mac HMAC)', () => {
    const sealed = sealEvent(newEvent(1), placement, KEY);

    expect(sealed.meta.hash).toBe('0f315d485690ac6c134d71bd0913357dc45c77d8b06681ab3f2cf9433ef4b26d');
    expect(hashEvent(sealed, KEY)).toBe(sealed.meta.hash);
    expect(hashEvent(sealed)).toBe('76acda1e0c47fd29d20b468745b1dcf7dd4d8ec25ccb80a2be6ce0aa277d61cc');
  });

  it('records the placement and the caller meta, and nothing else', () => {
    const sealed = sealEvent(newEvent(1), placement);
    const { hash: _hash, ...meta } = sealed.meta;

    expect(meta).toEqual({ ...newEvent(1).meta, ...placement });
    expect(sealed.data).toEqual({ n: 1, text: '第1件' });
  });
});

describe('hashedText and chain links', () => {
  it('is the canonical JSON of the event without its hash, from its parts', async () => {
    const events = [...(await recordedLog()), ...(await keyedLog(1))];
    const noData = { ...at(events, 2), data: undefined };
    for (const event of [...events, noData]) {
      const { hash: _hash, ...meta } = event.meta;
      const text = canonicalJson({ type: event.type, data: event.data, meta });
      expect(hashedText(canonicalJson(event.type), event.data === undefined ? undefined : canonicalJson(event.data), canonicalJson(meta))).toBe(text);
      expect(chainLinkOf(event).hashedText()).toBe(text);
    }
    expect(chainLinkOf(noData).hashedText()).not.toContain('"data"');
  });

  it('verifyChainLinks answers as verifyChain does, over batches of links', async () => {
    const events = await keyedLog(4);
    const keying = { keying: { key: KEY, fromPosition: 4 }, marker: markerAt(4) };
    const batches = (log: RecordedEvent[]) => [log.slice(0, 4).map(chainLinkOf), [], log.slice(4).map(chainLinkOf)];
    const edited = replaceAt(events, 5, { ...at(events, 5), data: { n: 5, text: '改' } });

    expect(await verifyChainLinks(batches(events), keying)).toEqual(await verifyChain(events, keying));
    expect(await verifyChainLinks(batches(events), keying)).toMatchObject({ ok: true, checked: 6 });
    expect(await verifyChainLinks(batches(edited), keying)).toEqual(await verifyChain(edited, keying));
    expect(await verifyChainLinks(batches(edited), keying)).toMatchObject({ ok: false, firstBrokenPosition: 5, reason: 'hash' });
  });
});

describe('verifyChain', () => {
  it('accepts an intact log and reports its head hash', async () => {
    const events = await recordedLog();

    expect(await verifyChain(events)).toEqual({ ok: true, checked: 6, headHash: at(events, 6).meta.hash });
    expect(await verifyChain([])).toEqual({ ok: true, checked: 0, headHash: GENESIS_HASH });
  });

  it('finds changed data at its position', async () => {
    const events = await recordedLog();
    const changed = replaceAt(events, 3, { ...at(events, 3), data: { n: 3, text: '第三件（改）' } });

    expect(await verifyChain(changed)).toEqual({
      ok: false,
      checked: 2,
      headHash: at(events, 2).meta.hash,
      firstBrokenPosition: 3,
      reason: 'hash',
    });
  });

  it('finds a changed meta field at its position', async () => {
    const events = await recordedLog();
    const role = replaceAt(events, 4, { ...at(events, 4), meta: { ...at(events, 4).meta, actor: { id: 'clerk-1', role: 'admin' } } });
    const time = replaceAt(events, 1, { ...at(events, 1), meta: { ...at(events, 1).meta, occurredAt: '2024-09-17T09:30:00+08:00' } });
    const type = replaceAt(events, 6, { ...at(events, 6), type: 'Forged' });

    expect(await verifyChain(role)).toMatchObject({ ok: false, firstBrokenPosition: 4, reason: 'hash' });
    expect(await verifyChain(time)).toMatchObject({ ok: false, firstBrokenPosition: 1, reason: 'hash' });
    expect(await verifyChain(type)).toMatchObject({ ok: false, firstBrokenPosition: 6, reason: 'hash' });
  });

  it('finds an event changed and re-hashed at the next position, where the chain no longer links', async () => {
    const events = await recordedLog();
    const forged = { ...at(events, 3), data: { n: 3, text: '伪造' } };
    const rehashed = { ...forged, meta: { ...forged.meta, hash: hashEvent(forged) } };

    expect(await verifyChain(replaceAt(events, 3, rehashed))).toMatchObject({ ok: false, checked: 3, firstBrokenPosition: 4, reason: 'prevHash' });
  });

  it('finds a removed event where the gap begins', async () => {
    const events = await recordedLog();

    expect(await verifyChain(events.filter((e) => e.meta.position !== 3))).toMatchObject({
      ok: false,
      checked: 2,
      firstBrokenPosition: 3,
      reason: 'position',
    });
  });

  it('finds a removed event even when the later positions were renumbered', async () => {
    const events = await recordedLog();
    const renumbered = events
      .filter((e) => e.meta.position !== 3)
      .map((e, i) => ({ ...e, meta: { ...e.meta, position: i + 1 } }));

    expect(await verifyChain(renumbered)).toMatchObject({ ok: false, firstBrokenPosition: 3 });
  });

  it('finds swapped events at the first of them', async () => {
    const events = await recordedLog();
    const swapped = [...events.slice(0, 2), at(events, 4), at(events, 3), ...events.slice(4)];

    expect(await verifyChain(swapped)).toMatchObject({ ok: false, checked: 2, firstBrokenPosition: 3, reason: 'position' });
  });

  it('finds an inserted event, even one sealed properly in its place', async () => {
    const events = await recordedLog();
    const previous = at(events, 2).meta;
    const inserted = sealEvent(newEvent(99), {
      streamId: 'stream-9',
      revision: 1,
      position: 3,
      recordedAt: '2024-09-18T02:00:02.500Z',
      prevHash: previous.hash,
    });

    expect(await verifyChain([...events.slice(0, 2), inserted, ...events.slice(2)])).toMatchObject({
      ok: false,
      checked: 3,
      firstBrokenPosition: 4,
      reason: 'position',
    });
  });

  it('finds a gap in a stream’s revisions', async () => {
    const first = sealEvent(newEvent(1), { streamId: 's', revision: 1, position: 1, recordedAt: '2024-09-18T02:00:00Z', prevHash: GENESIS_HASH });
    const skipping = sealEvent(newEvent(2), { streamId: 's', revision: 3, position: 2, recordedAt: '2024-09-18T02:00:00Z', prevHash: first.meta.hash });

    expect(await verifyChain([first, skipping])).toMatchObject({ ok: false, checked: 1, firstBrokenPosition: 2, reason: 'revision' });
  });

  it('cannot see a cut-off tail by itself, but the head hash shows it', async () => {
    const events = await recordedLog();
    const published = (await verifyChain(events)).headHash;
    const truncated = await verifyChain(events.slice(0, -1));

    expect(truncated.ok).toBe(true);
    expect(truncated.headHash).not.toBe(published);
  });

  it('reads an async iterable in batches, as a store gives it', async () => {
    const store = createMemoryEventStore({ clock: fixedClock('2024-09-18T10:00:00+08:00', 1000) });
    for (const n of [1, 2, 3, 4, 5]) await store.append('stream-1', [newEvent(n)], { expectedRevision: n - 1 });

    expect(await verifyChain(store.readAll({ batchSize: 2 }))).toMatchObject({ ok: true, checked: 5 });
  });

  describe('keyed', () => {
    it('accepts a keyed log with its key and marker, and an old log keyed from its fourth event', async () => {
      const keyed = await keyedLog(1);
      const upgraded = await keyedLog(4);

      expect(await verifyChain(keyed, { keying: { key: KEY, fromPosition: 1 }, marker: markerAt(1) })).toEqual({ ok: true, checked: 6, headHash: at(keyed, 6).meta.hash });
      expect(await verifyChain(upgraded, { keying: { key: KEY, fromPosition: 4 }, marker: markerAt(4) })).toMatchObject({ ok: true, checked: 6 });
      // The prefix written before the key is the plain chain it always was.
      expect(upgraded.slice(0, 3)).toEqual((await recordedLog()).slice(0, 3));
    });

    it('finds an event edited and re-hashed with plain SHA-256 at its own position', async () => {
      const events = await keyedLog(1);
      const forged = { ...at(events, 3), data: { n: 3, text: '伪造' } };
      const rehashed = { ...forged, meta: { ...forged.meta, hash: hashEvent(forged) } };

      expect(await verifyChain(replaceAt(events, 3, rehashed), { keying: { key: KEY, fromPosition: 1 }, marker: markerAt(1) })).toMatchObject({
        ok: false,
        checked: 2,
        firstBrokenPosition: 3,
        reason: 'hash',
      });
    });

    it('refuses a keyed log verified without its key, or with a marker gone, moved or made for another key', async () => {
      const events = await keyedLog(4);
      const keying = { key: KEY, fromPosition: 4 };
      const plainAgain = await recordedLog();

      expect(await verifyChain(events, { marker: markerAt(4) })).toMatchObject({ ok: false, checked: 3, firstBrokenPosition: 4, reason: 'keying' });
      expect(await verifyChain(events, { keying })).toMatchObject({ ok: false, checked: 3, firstBrokenPosition: 4, reason: 'keying' });
      expect(await verifyChain(events, { keying, marker: markerAt(2) })).toMatchObject({ ok: false, checked: 1, firstBrokenPosition: 2, reason: 'keying' });
      expect(await verifyChain(events, { keying, marker: markerAt(6) })).toMatchObject({ ok: false, checked: 3, firstBrokenPosition: 4, reason: 'keying' });
      expect(await verifyChain(events, { keying, marker: markerAt(4, new Uint8Array(32)) })).toMatchObject({ ok: false, firstBrokenPosition: 4, reason: 'keying' });
      // Marker deleted and the whole log re-chained with plain SHA-256: the key's record still says 4.
      expect(await verifyChain(plainAgain, { keying })).toMatchObject({ ok: false, checked: 3, firstBrokenPosition: 4, reason: 'keying' });
    });

    it('finds a deleted marker even before any keyed event was written', async () => {
      const events = await recordedLog();

      expect(await verifyChain(events, { keying: { key: KEY, fromPosition: 7 } })).toMatchObject({ ok: false, checked: 6, firstBrokenPosition: 7, reason: 'keying' });
      expect(await verifyChain(events, { marker: markerAt(7) })).toMatchObject({ ok: false, checked: 6, firstBrokenPosition: 7, reason: 'keying' });
      expect(await verifyChain(events, { keying: { key: KEY, fromPosition: 7 }, marker: markerAt(7) })).toMatchObject({ ok: true, checked: 6 });
    });
  });

  describe('anchored head', () => {
    it('accepts the log when the anchored position still has the anchored hash', async () => {
      const events = await recordedLog();

      expect(await verifyChain(events, { anchor: { position: 6, hash: at(events, 6).meta.hash } })).toMatchObject({ ok: true, checked: 6 });
      expect(await verifyChain(events, { anchor: { position: 4, hash: at(events, 4).meta.hash } })).toMatchObject({ ok: true, checked: 6 });
    });

    it('finds a cut-off tail at the first missing position', async () => {
      const events = await recordedLog();
      const anchor = { position: 6, hash: at(events, 6).meta.hash };

      expect(await verifyChain(events.slice(0, 5), { anchor })).toMatchObject({ ok: false, checked: 5, firstBrokenPosition: 6, reason: 'truncated' });
      expect(await verifyChain(events.slice(0, 2), { anchor })).toMatchObject({ ok: false, checked: 2, firstBrokenPosition: 3, reason: 'truncated' });
    });

    it('finds a different event at the anchored position', async () => {
      const events = await recordedLog();

      expect(await verifyChain(events, { anchor: { position: 5, hash: at(events, 6).meta.hash } })).toMatchObject({
        ok: false,
        checked: 4,
        headHash: at(events, 4).meta.hash,
        firstBrokenPosition: 5,
        reason: 'anchor',
      });
    });
  });
});
