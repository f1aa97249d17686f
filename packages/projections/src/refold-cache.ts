import { compareInstants } from '@xinfang/domain';
import type { LiveDocs } from './live-docs';
import { STREAM_BOUNDS_PROJECTION, type StreamBounds } from './stream-bounds';
import type { TimeView } from './view';

/*
 * The states of partly shown streams, folded again for a past view (see world-source.ts), kept for the
 * next query of that view: a ledger or the KPIs asked again for the same past date fold nothing again.
 *
 * A state is kept under its stream and the part of the view that matters to it: a time at or after all of
 * the stream's business (recording) times hides none of them, so every such time gives the same state
 * (`*`) — the default `knownAt` (now) moves with every query, and is such a time for every stream typed in
 * before it. A state stays good while its stream has no event after the position it was folded at: every
 * event of a stream changes its bounds, so `LiveDocs.changedAt` of the bounds says so. The least recently
 * used go first beyond `capacity` states.
 */

export interface RefoldCache {
  /** The state folded before for the stream and view, if still good. */
  readonly get: (streamId: string, bounds: StreamBounds, view: TimeView) => { readonly state: unknown } | undefined;
  /**
   * Keeps a state folded from the stream's events up to `position` that the view shows (undefined: none),
   * read while the live documents were at `generation` (kept only if they still are).
   */
  readonly set: (streamId: string, bounds: StreamBounds, view: TimeView, state: unknown, position: number, generation: number) => void;
}

const DEFAULT_CAPACITY = 50_000;

export const createRefoldCache = (live: LiveDocs, capacity = DEFAULT_CAPACITY): RefoldCache => {
  if (!(Number.isSafeInteger(capacity) && capacity >= 0)) throw new RangeError(`bad refold cache capacity ${capacity}`);
  const entries = new Map<string, { readonly state: unknown; readonly upTo: number }>();
  let generation = live.generation();
  /** After a load or a reset the positions may be another log's: nothing kept before is trusted. */
  const sameLog = (): void => {
    if (live.generation() === generation) return;
    entries.clear();
    generation = live.generation();
  };
  const keyOf = (streamId: string, bounds: StreamBounds, view: TimeView): string =>
    `${streamId}\n${compareInstants(view.asOf, bounds.maxOccurredAt) >= 0 ? '*' : view.asOf}\n${
      compareInstants(view.knownAt, bounds.maxRecordedAt) >= 0 ? '*' : view.knownAt
    }`;
  return {
    get: (streamId, bounds, view) => {
      sameLog();
      const key = keyOf(streamId, bounds, view);
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.upTo < live.changedAt(STREAM_BOUNDS_PROJECTION, streamId)) return undefined;
      entries.set(key, entry); // the most recently used last
      return entry;
    },
    set: (streamId, bounds, view, state, position, folded) => {
      sameLog();
      if (capacity === 0 || folded !== generation) return;
      entries.set(keyOf(streamId, bounds, view), { state, upTo: position });
      while (entries.size > capacity) entries.delete(entries.keys().next().value as string);
    },
  };
};
