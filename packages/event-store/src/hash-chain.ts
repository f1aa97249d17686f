import { createHash } from 'node:crypto';
import { canonicalJson, toPlainJson } from './canonical-json';
import type { NewEvent, RecordedEvent, UnsealedEvent } from './envelope';

/** The `prevHash` of the first event in a store. */
export const GENESIS_HASH = '0'.repeat(64);

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an envelope: SHA-256 over the canonical JSON of everything but `hash` itself. */
export const hashEvent = (event: UnsealedEvent | RecordedEvent): string => {
  const { hash: _hash, ...meta } = event.meta as RecordedEvent['meta'];
  return sha256Hex(canonicalJson({ type: event.type, data: event.data, meta }));
};

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
export const sealEvent = (event: NewEvent, placement: EventPlacement): RecordedEvent => {
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
  return { ...unsealed, meta: { ...unsealed.meta, hash: hashEvent(unsealed) } };
};

export type ChainBreak = 'position' | 'revision' | 'prevHash' | 'hash';

export interface ChainVerification {
  readonly ok: boolean;
  /** How many events were found intact (all of them when `ok`). */
  readonly checked: number;
  /** The hash of the last intact event: publish it to detect a rewrite of the whole log later. */
  readonly headHash: string;
  /**
   * Where the log first stops being the one that was written: the position the next event should have had.
   * An event edited in place breaks at its own position; one edited and re-hashed breaks at the next position
   * (its successor's `prevHash` no longer matches); a removed or reordered event breaks where the gap begins.
   */
  readonly firstBrokenPosition?: number;
  readonly reason?: ChainBreak;
}

/**
 * Checks the stored events, in global order from position 1, for any change: every field is covered by the
 * hash, each event names its predecessor's hash, positions run 1, 2, 3, … and each stream's revisions run
 * 1, 2, 3, …. Reads stored envelopes as they are (never upcast them: the hash is over the stored form).
 * Keeps one number per stream, so a whole store can be verified in a stream of batches.
 */
export const verifyChain = async (
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): Promise<ChainVerification> => {
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
  for await (const event of events) {
    const { meta } = event;
    if (meta.position !== checked + 1) return broken('position');
    if (meta.revision !== (revisions.get(meta.streamId) ?? 0) + 1) return broken('revision');
    if (meta.prevHash !== prevHash) return broken('prevHash');
    if (hashEvent(event) !== meta.hash) return broken('hash');
    revisions.set(meta.streamId, meta.revision);
    prevHash = meta.hash;
    checked += 1;
  }
  return { ok: true, checked, headHash: prevHash };
};
