import {
  appendConflict,
  appendResultOf,
  nextRecordedAt,
  priorAppendManyResults,
  sealEvent,
  type AppendConflict,
  type AppendResult,
  type ChainKey,
  type Clock,
  type RecordedEvent,
  type StreamAppend,
} from '@xinfang/event-store';
import { left, right, type Either } from 'fp-ts/Either';
import type { LogHead } from './log-head';

/*
 * What one append (a one-stream `appendMany` or a real one) comes to, given the stored events with its ids,
 * its streams' heads and the log's head — no I/O, so it is decided (and tested) apart from the server. The
 * events to write are sealed here: positions head + 1, + 2 … in the order given, each chained to the one
 * before, one recordedAt. They then go to the log in ONE append, expecting the log at `head.position`.
 */

export interface BatchDecision {
  /** What the caller gets back. */
  readonly result: Either<AppendConflict, AppendResult[]>;
  /** The sealed events to append to the log (none for a repeat, a conflict or an empty append). */
  readonly toWrite: readonly RecordedEvent[];
}

/**
 * Throws for what no store may take (an event that is not JSON, ids reused): nothing is written then.
 * `current` gives a stream's head before the batch; the clock and `sealingKey` (which may throw: a keyed log
 * opened without its key) are asked only when there is something to write.
 */
export const decideBatch = (
  appends: readonly StreamAppend[],
  stored: readonly RecordedEvent[],
  current: (streamId: string) => AppendResult,
  head: LogHead,
  clock: Clock,
  sealingKey: () => ChainKey | undefined,
): BatchDecision => {
  const prior = priorAppendManyResults(appends, stored, current);
  if (prior !== undefined) return { result: right(prior), toWrite: [] };
  for (const { streamId, expectedRevision } of appends) {
    const { revision } = current(streamId);
    if (expectedRevision !== 'any' && expectedRevision !== revision) return { result: left(appendConflict(streamId, expectedRevision, revision)), toWrite: [] };
  }
  if (appends.every((a) => a.events.length === 0)) return { result: right(appends.map((a) => current(a.streamId))), toWrite: [] };

  const key = sealingKey();
  const recordedAt = nextRecordedAt(clock, head.recordedAt);
  let position = head.position;
  let prevHash = head.hash;
  const results = appends.map(({ streamId, events }) => {
    const { revision } = current(streamId);
    const sealed = events.map((event, k) => {
      const recorded = sealEvent(event, { streamId, revision: revision + k + 1, position: ++position, recordedAt, prevHash }, key);
      prevHash = recorded.meta.hash;
      return recorded;
    });
    return sealed.length > 0 ? appendResultOf(streamId, sealed) : current(streamId);
  });
  return { result: right(results), toWrite: results.flatMap((r) => r.events) };
};
