import { epochMs, type Instant } from '@xinfang/domain';
import type { Clock } from './capabilities';
import type { NewEvent, RecordedEvent } from './envelope';
import type { AppendResult, ExpectedRevision, StreamAppend } from './event-store';

/*
 * The rules of `append` that do not depend on how events are stored, shared by every adapter so that they
 * all behave alike (the conformance suite checks that they do).
 */

/** An append reused event ids in a way that cannot be a retry of an earlier append: a caller's bug. */
export class EventIdReuseError extends Error {
  override readonly name = 'EventIdReuseError';
  constructor(
    message: string,
    readonly eventIds: readonly string[],
  ) {
    super(message);
  }
}

/** Throws on arguments no correct caller passes: a bad expected revision, or an event id twice in one batch. */
export const assertAppendArguments = (
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): void => {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('append: streamId must be a non-empty string');
  if (expectedRevision !== 'any' && !(Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)) {
    throw new RangeError(`append: expectedRevision must be 'any' or a whole number ≥ 0, not ${String(expectedRevision)}`);
  }
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const { meta } of events) {
    if (seen.has(meta.eventId)) repeated.push(meta.eventId);
    seen.add(meta.eventId);
  }
  if (repeated.length > 0) throw new EventIdReuseError(`append: event ids repeated within one batch: ${repeated.join(', ')}`, repeated);
};

/** The result of an append that recorded `events` (non-empty, in order) in `streamId`. */
export const appendResultOf = (streamId: string, events: readonly RecordedEvent[]): AppendResult => {
  const last = events.at(-1);
  if (last === undefined) throw new RangeError('appendResultOf: no events');
  return { streamId, revision: last.meta.revision, position: last.meta.position, events };
};

/**
 * Idempotence by event id. `stored` are the already stored events whose ids are in `batch` (any order).
 * Returns `undefined` when none is stored (append as usual), the original result when the batch is a
 * repeat of what was stored (same stream, same ids, same order), and throws `EventIdReuseError` otherwise.
 * Adapters call it inside their append transaction, before the revision check: a retried append must get
 * its original result even though the stream has moved on since.
 */
export const priorAppendResult = (
  streamId: string,
  batch: readonly NewEvent[],
  stored: readonly RecordedEvent[],
): AppendResult | undefined => {
  if (stored.length === 0) return undefined;
  const ordered = [...stored].sort((a, b) => a.meta.position - b.meta.position);
  const ids = batch.map((e) => e.meta.eventId);
  const storedIds = ordered.map((e) => e.meta.eventId);
  if (ordered.length !== batch.length) {
    throw new EventIdReuseError(
      `append: ${ordered.length} of ${batch.length} event ids are already stored; a batch must be all new or an exact repeat`,
      storedIds,
    );
  }
  const elsewhere = ordered.find((e) => e.meta.streamId !== streamId);
  if (elsewhere !== undefined) {
    throw new EventIdReuseError(
      `append: event id ${elsewhere.meta.eventId} is already stored in stream ${elsewhere.meta.streamId}, not ${streamId}`,
      storedIds,
    );
  }
  if (storedIds.some((id, i) => id !== ids[i])) {
    throw new EventIdReuseError('append: the event ids were stored in a different order', storedIds);
  }
  return appendResultOf(streamId, ordered);
};

/** `assertAppendArguments` for each stream of an `appendMany`, and no stream twice, no event id twice. */
export const assertAppendManyArguments = (appends: readonly StreamAppend[]): void => {
  const streams = new Set<string>();
  for (const { streamId, events, expectedRevision } of appends) {
    assertAppendArguments(streamId, events, expectedRevision);
    if (streams.has(streamId)) throw new RangeError(`appendMany: stream ${streamId} appears twice; give it one batch`);
    streams.add(streamId);
  }
  assertAppendArguments('appendMany', appends.flatMap((a) => a.events), 'any');
};

/**
 * Idempotence of an `appendMany`: `priorAppendResult` for each stream (`stored` are the stored events whose
 * ids are in any of the batches). `undefined` when nothing is stored; the original results when every
 * non-empty batch is a repeat (an empty batch reports `current` of its stream); throws when only some are.
 */
export const priorAppendManyResults = (
  appends: readonly StreamAppend[],
  stored: readonly RecordedEvent[],
  current: (streamId: string) => AppendResult,
): AppendResult[] | undefined => {
  if (stored.length === 0) return undefined;
  const results = appends.map(({ streamId, events }) => {
    const ids = new Set(events.map((e) => e.meta.eventId));
    return events.length === 0 ? current(streamId) : priorAppendResult(streamId, events, stored.filter((e) => ids.has(e.meta.eventId)));
  });
  if (results.some((r) => r === undefined)) {
    throw new EventIdReuseError('appendMany: some batches are already stored and others are not', stored.map((e) => e.meta.eventId));
  }
  return results as AppendResult[];
};

/**
 * The `recordedAt` of the next append: the clock's time, but never earlier than the last recorded event's,
 * so that recording time follows log order even when the clock is set back (a view "as known at T" must
 * never see an event without the ones before it). Equal times are kept apart by position. Not last + 1 ms:
 * a frozen clock (tests, a replay) would then drift ahead of itself.
 */
export const nextRecordedAt = (clock: Clock, lastRecordedAt: Instant | undefined): Instant => {
  const now = clock.now();
  return lastRecordedAt === undefined || epochMs(now) >= epochMs(lastRecordedAt) ? now : lastRecordedAt;
};
