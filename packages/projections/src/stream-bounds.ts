import { aggregateOfStream, compareInstants, type Instant } from '@xinfang/domain';
import { defineProjection, type Projection } from './projection';
import type { TimeView } from './view';

/*
 * The bitemporal index of the World: per aggregate stream, the earliest and latest business time and
 * recording time of its events. A view (asOf, knownAt) then sorts every stream into one of three kinds
 * without reading its events: all of its events visible (its state is the live read model's), none of
 * them (it is not in the view's World), or some (only then are that stream's own events folded again).
 * So a past-date World costs the streams that changed around that date, not a replay of the whole log.
 */

export const STREAM_BOUNDS_PROJECTION = 'streamBounds';

export interface StreamBounds {
  readonly minOccurredAt: Instant;
  readonly maxOccurredAt: Instant;
  readonly minRecordedAt: Instant;
  readonly maxRecordedAt: Instant;
}

const earlier = (a: Instant, b: Instant): Instant => (compareInstants(a, b) <= 0 ? a : b);
const later = (a: Instant, b: Instant): Instant => (compareInstants(a, b) >= 0 ? a : b);

export const streamBoundsProjection: Projection<StreamBounds> = defineProjection<StreamBounds>({
  name: STREAM_BOUNDS_PROJECTION,
  version: 1,
  keysOf: (event) => (aggregateOfStream(event.meta.streamId) === undefined ? [] : [event.meta.streamId]),
  apply: (doc, event) => {
    const { occurredAt, recordedAt } = event.meta;
    return doc === undefined
      ? { minOccurredAt: occurredAt, maxOccurredAt: occurredAt, minRecordedAt: recordedAt, maxRecordedAt: recordedAt }
      : {
          minOccurredAt: earlier(doc.minOccurredAt, occurredAt),
          maxOccurredAt: later(doc.maxOccurredAt, occurredAt),
          minRecordedAt: earlier(doc.minRecordedAt, recordedAt),
          maxRecordedAt: later(doc.maxRecordedAt, recordedAt),
        };
  },
});

/** How much of a stream a view shows, from its bounds alone. */
export type StreamVisibility = 'all' | 'none' | 'some';

export const streamVisibility = (bounds: StreamBounds, view: TimeView): StreamVisibility => {
  if (compareInstants(bounds.maxOccurredAt, view.asOf) <= 0 && compareInstants(bounds.maxRecordedAt, view.knownAt) <= 0) return 'all';
  // Every event later than the view in one of the two times: none is visible.
  if (compareInstants(bounds.minOccurredAt, view.asOf) > 0 || compareInstants(bounds.minRecordedAt, view.knownAt) > 0) return 'none';
  return 'some';
};
