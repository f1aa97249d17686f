import { aggregateOfStream } from '@xinfang/domain';
import { defineProjection, type Projection } from './projection';

/*
 * Where each aggregate stream has got to: the revision, position and hash of its last event. Committed with
 * the `aggregates` read model, so that the two name one state and the event it was folded up to — what a
 * command after a restart starts from instead of folding a long stream from its first event (seeded-state.ts).
 */

export const STREAM_HEADS_PROJECTION = 'streamHeads';

export interface StreamHead {
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
}

export const streamHeadsProjection: Projection<StreamHead> = defineProjection<StreamHead>({
  name: STREAM_HEADS_PROJECTION,
  version: 1,
  keysOf: (event) => (aggregateOfStream(event.meta.streamId) === undefined ? [] : [event.meta.streamId]),
  apply: (_doc, event) => ({ revision: event.meta.revision, position: event.meta.position, hash: event.meta.hash }),
});
