import type { FoldedState } from '@xinfang/event-store';
import type { ReadModelStore } from './read-model-store';
import { STREAM_HEADS_PROJECTION, streamHeadsProjection, type StreamHead } from './stream-heads';
import { AGGREGATES_PROJECTION, aggregatesProjection, type AggregateState } from './world-projection';

/*
 * A stream's state as the read models hold it, with the event it was folded up to: after a restart, a
 * command on a case of ten thousand events starts from here and reads only what follows (foldStream checks
 * that this log holds that event, with that hash, before it takes the state — read models of another log
 * are never used).
 */

const checkpoints = (readModels: ReadModelStore) =>
  Promise.all([AGGREGATES_PROJECTION, STREAM_HEADS_PROJECTION].map((name) => readModels.checkpoint(name)));

/**
 * The stream's folded state from the read models; undefined when they do not hold it, are of other versions,
 * or moved on while it was read (the state and its head would then be of two positions).
 */
export const stateFromReadModels = async (readModels: ReadModelStore, streamId: string): Promise<FoldedState<AggregateState> | undefined> => {
  const [states, heads] = await checkpoints(readModels);
  if (states?.version !== aggregatesProjection.version || heads?.version !== streamHeadsProjection.version || states.position !== heads.position) return undefined;
  const head = (await readModels.load(STREAM_HEADS_PROJECTION, [streamId])).get(streamId) as StreamHead | undefined;
  const state = (await readModels.load(AGGREGATES_PROJECTION, [streamId])).get(streamId) as AggregateState | undefined;
  const [statesAfter, headsAfter] = await checkpoints(readModels);
  if (statesAfter?.position !== states.position || headsAfter?.position !== heads.position) return undefined;
  return head === undefined || state === undefined ? undefined : { ...head, state };
};
