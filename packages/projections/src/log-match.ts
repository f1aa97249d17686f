import type { EventStore } from '@xinfang/event-store';
import type { ReadModelStore } from './read-model-store';

/*
 * Whether read models still follow their log. A checkpoint says "these documents hold the events up to
 * position P"; that is true only of the log they were built from. Beside a restored (older) backup of the
 * log, a deleted and re-created log, or another store's log, the checkpoint may be ahead of the head, or
 * point at an event that is not the one applied — and a runner that trusted it would serve cases the log
 * does not hold, and never show the new ones. The hash chain makes the check cheap: the hash of the event
 * at P covers every event up to P, so one read per checkpoint tells whether the log's first P events are
 * the ones the documents were built from.
 */

/** The hash of the event at `position` (undefined if the log has no such event). */
export const hashAt = async (store: EventStore, position: number): Promise<string | undefined> => {
  for await (const event of store.readAll({ afterPosition: position - 1, batchSize: 1 })) {
    return event.meta.position === position ? event.meta.hash : undefined;
  }
  return undefined;
};

/**
 * Why the read models of these projections do not follow this log, or undefined when they do (or hold
 * nothing yet). A checkpoint without a hash (written before hashes were kept) cannot be checked, so it is
 * not trusted either.
 */
export const logMismatch = async (
  store: EventStore,
  readModels: ReadModelStore,
  projections: readonly string[],
): Promise<string | undefined> => {
  const [storeId, builtFrom] = await Promise.all([store.storeId(), readModels.logId()]);
  if (storeId !== undefined && builtFrom !== undefined && storeId !== builtFrom) {
    return `the read models were built from another log (${builtFrom}; this log is ${storeId})`;
  }
  const head = await store.headPosition();
  const hashes = new Map<number, string | undefined>();
  for (const name of projections) {
    const checkpoint = await readModels.checkpoint(name);
    if (checkpoint === undefined || checkpoint.position === 0) continue;
    const { position, hash } = checkpoint;
    if (position > head) return `read model "${name}" is at position ${position}, beyond the log's head (${head})`;
    if (hash === undefined) return `read model "${name}" does not record the hash of the event at its checkpoint (${position})`;
    if (!hashes.has(position)) hashes.set(position, await hashAt(store, position));
    if (hashes.get(position) !== hash) return `read model "${name}" was built from other events than the log's up to position ${position}`;
  }
  return undefined;
};
