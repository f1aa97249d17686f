import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { canonicalJson, toPlainJson } from './canonical-json';
import type { NewEvent, RecordedEvent, UnsealedEvent } from './envelope';

/** The `prevHash` of the first event in a store. */
export const GENESIS_HASH = '0'.repeat(64);

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The secret of a keyed chain: at least 32 random bytes, kept apart from the log (the app keeps it in its
 * own database). Anyone can recompute a plain SHA-256 chain after editing the log; without the key nobody
 * can recompute a keyed one.
 */
export type ChainKey = Uint8Array;

/** The only keyed scheme so far, as the log's marker names it. */
export const KEYED_SCHEME = 'hmac-sha256';

export const assertChainKey = (key: ChainKey): void => {
  if (!(key instanceof Uint8Array) || key.length < 32) throw new RangeError('a chain key is at least 32 random bytes');
};

const hashText = (text: string, key: ChainKey | KeyObject | undefined): string =>
  key === undefined ? sha256Hex(text) : createHmac('sha256', key).update(text, 'utf8').digest('hex');

/**
 * The hash of an envelope over the canonical JSON of everything but `hash` itself: SHA-256 unkeyed, or
 * HMAC-SHA-256 with the chain key. The envelope holds `prevHash`, so either way the input is the previous
 * hash together with this event.
 */
export const hashEvent = (event: UnsealedEvent | RecordedEvent, key?: ChainKey): string => {
  const { hash: _hash, ...meta } = event.meta as RecordedEvent['meta'];
  return hashText(canonicalJson({ type: event.type, data: event.data, meta }), key);
};

/**
 * What the log's marker keeps of the key: an HMAC of a fixed text. It tells a store (or a verifier) that
 * it holds the wrong key before anything is written or trusted with it, and says nothing about the key.
 */
export const chainKeyCheck = (key: ChainKey): string =>
  createHmac('sha256', key).update('xinfang chain key check', 'utf8').digest('hex');

/**
 * The chain-version marker a keyed log carries: events from `fromPosition` on are hashed with the key
 * whose check is `keyCheck`; the ones before (a log written before keying) with plain SHA-256.
 */
export interface ChainMarker {
  readonly fromPosition: number;
  readonly scheme: typeof KEYED_SCHEME;
  readonly keyCheck: string;
}

/** The place in the log a store gives an event inside its append transaction. */
export interface EventPlacement {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
  readonly prevHash: string;
}

/**
 * Turns an event being appended into the envelope to store. Adapters call it inside their append
 * transaction, with the hash of the event at `position - 1`, so that every store chains the same way.
 * The result is plain JSON (see `toPlainJson`), so reading it back from a database gives the same hash.
 */
export const sealEvent = (event: NewEvent, placement: EventPlacement, key?: ChainKey): RecordedEvent => {
  const m = event.meta;
  const unsealed: UnsealedEvent = toPlainJson({
    type: event.type,
    data: event.data,
    meta: {
      eventId: m.eventId,
      streamId: placement.streamId,
      revision: placement.revision,
      position: placement.position,
      recordedAt: placement.recordedAt,
      occurredAt: m.occurredAt,
      actor: { id: m.actor.id, role: m.actor.role },
      commandId: m.commandId,
      ...(m.commandType === undefined ? {} : { commandType: m.commandType }),
      correlationId: m.correlationId,
      causationId: m.causationId,
      schemaVersion: m.schemaVersion,
      prevHash: placement.prevHash,
    },
  });
  return { ...unsealed, meta: { ...unsealed.meta, hash: hashEvent(unsealed, key) } };
};

/**
 * Why the chain breaks: the event's `position`, `revision`, `prevHash` or `hash` is not what it should be;
 * `keying`: the log's marker disagrees with the keying recorded apart from it (missing, moved, another
 * key, or a keyed log verified without its key); `anchor`: the event at an anchored position does not have
 * the anchored hash; `truncated`: the log ends before the anchored position.
 */
export type ChainBreak = 'position' | 'revision' | 'prevHash' | 'hash' | 'keying' | 'anchor' | 'truncated';

/** How a chain is keyed, as recorded apart from the log: the key and the first position hashed with it. */
export interface ChainKeying {
  readonly key: ChainKey;
  readonly fromPosition: number;
}

/** A position and hash of the log noted down apart from it (from `verify`, an export or a backup). */
export interface LogHead {
  readonly position: number;
  readonly hash: string;
}

export interface VerifyChainOptions {
  /** The key and where it starts, from outside the log; without it a keyed log breaks at its marker. */
  readonly keying?: ChainKeying;
  /** The log's own marker (`EventStore.chainMarker()`), when it has one. */
  readonly marker?: ChainMarker;
  /** A head noted earlier: the log must still have this hash at this position (catches a cut-off tail). */
  readonly anchor?: LogHead;
}

export interface ChainVerification {
  readonly ok: boolean;
  /** How many events were found intact (all of them when `ok`). */
  readonly checked: number;
  /** The hash of the last intact event: publish it to detect a rewrite of the whole log later. */
  readonly headHash: string;
  /**
   * Where the log first stops being the one that was written: the position the next event should have had.
   * An event edited in place breaks at its own position; one edited and re-hashed breaks at the next position
   * (its successor's `prevHash` no longer matches) — or at its own when keyed, as nobody without the key can
   * re-hash it; a removed or reordered event breaks where the gap begins; a cut-off tail, against an anchor,
   * at the first missing position.
   */
  readonly firstBrokenPosition?: number;
  readonly reason?: ChainBreak;
}

/**
 * The first position where the log's marker and the keying recorded apart from it disagree, if they do.
 * Deleting or moving the marker is caught here even when no keyed event follows it yet, and a log that was
 * re-chained with plain SHA-256 after its marker was deleted is caught at the recorded first keyed position.
 */
const keyingBreak = (keying: ChainKeying | undefined, marker: ChainMarker | undefined): number | undefined => {
  if (keying === undefined) return marker?.fromPosition;
  if (marker === undefined) return keying.fromPosition;
  if (marker.fromPosition !== keying.fromPosition) return Math.min(marker.fromPosition, keying.fromPosition);
  return marker.scheme !== KEYED_SCHEME || marker.keyCheck !== chainKeyCheck(keying.key) ? keying.fromPosition : undefined;
};

/**
 * One stored event as the chain check sees it: where it stands, its two hashes, and the text its hash covers.
 * A store may read these straight from its rows for `verifyChainLinks` (`EventStore.readChain`); `chainLinkOf`
 * makes one from an envelope.
 */
export interface ChainLink {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly prevHash: string;
  readonly hash: string;
  /**
   * What `hashEvent` hashes: the canonical JSON of the event without `meta.hash` (see `hashedText`). Asked for
   * only once the cheaper checks have passed; throws where `canonicalJson` would.
   */
  readonly hashedText: () => string;
}

/**
 * The text an event's hash covers, from its parts each already canonical JSON: the same as
 * `canonicalJson({ type, data, meta })` (keys in code-unit order: data, meta, type; no data, no member).
 */
export const hashedText = (typeJson: string, dataJson: string | undefined, metaJson: string): string =>
  dataJson === undefined ? `{"meta":${metaJson},"type":${typeJson}}` : `{"data":${dataJson},"meta":${metaJson},"type":${typeJson}}`;

export const chainLinkOf = (event: RecordedEvent): ChainLink => {
  const { hash, ...meta } = event.meta;
  return {
    position: meta.position,
    streamId: meta.streamId,
    revision: meta.revision,
    prevHash: meta.prevHash,
    hash,
    hashedText: () => canonicalJson({ type: event.type, data: event.data, meta }),
  };
};

/**
 * Checks the stored events, in global order from position 1, for any change: every field is covered by the
 * hash (keyed from `keying.fromPosition` on), each event names its predecessor's hash, positions run 1, 2,
 * 3, …, each stream's revisions run 1, 2, 3, …, the log's marker agrees with the keying, and the anchored
 * head (if any) is still there. Reads stored envelopes as they are (never upcast them: the hash is over the
 * stored form). Keeps one number per stream, so a whole store can be verified in a stream of batches.
 */
export const verifyChain = async (
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  options: VerifyChainOptions = {},
): Promise<ChainVerification> => {
  const check = chainCheck(options);
  for await (const event of events) {
    const broken = check.next(chainLinkOf(event));
    if (broken !== undefined) return broken;
  }
  return check.end();
};

/** `verifyChain` over links read in batches (`EventStore.readChain`): the same checks, the same answers. */
export const verifyChainLinks = async (
  batches: AsyncIterable<Iterable<ChainLink>> | Iterable<Iterable<ChainLink>>,
  options: VerifyChainOptions = {},
): Promise<ChainVerification> => {
  const check = chainCheck(options);
  for await (const batch of batches) {
    for (const link of batch) {
      const broken = check.next(link);
      if (broken !== undefined) return broken;
    }
  }
  return check.end();
};

/** The check itself, one link at a time: `next` answers the first break, `end` the verdict after the last link. */
const chainCheck = (options: VerifyChainOptions) => {
  const { keying, anchor } = options;
  const keyingBreaksAt = keyingBreak(keying, options.marker);
  // Made once: an HMAC given the key's bytes copies them into a key of its own for every event.
  const secret = keying === undefined ? undefined : createSecretKey(keying.key);
  let checked = 0;
  let prevHash = GENESIS_HASH;
  const revisions = new Map<string, number>();
  const broken = (reason: ChainBreak): ChainVerification => ({
    ok: false,
    checked,
    headHash: prevHash,
    firstBrokenPosition: checked + 1,
    reason,
  });
  return {
    next: (link: ChainLink): ChainVerification | undefined => {
      if (link.position !== checked + 1) return broken('position');
      if (link.position === keyingBreaksAt) return broken('keying');
      if (link.revision !== (revisions.get(link.streamId) ?? 0) + 1) return broken('revision');
      if (link.prevHash !== prevHash) return broken('prevHash');
      const keyed = keying !== undefined && link.position >= keying.fromPosition;
      if (hashText(link.hashedText(), keyed ? secret : undefined) !== link.hash) return broken('hash');
      if (link.position === anchor?.position && link.hash !== anchor.hash) return broken('anchor');
      revisions.set(link.streamId, link.revision);
      prevHash = link.hash;
      checked += 1;
      return undefined;
    },
    end: (): ChainVerification => {
      // A marker past the last event (a log keyed since its last append): nothing after it to check but itself.
      if (keyingBreaksAt !== undefined) return broken('keying');
      if (anchor !== undefined && anchor.position > checked) return broken('truncated');
      return { ok: true, checked, headHash: prevHash };
    },
  };
};
