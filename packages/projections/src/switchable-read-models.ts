import type { ReadModelStore } from './read-model-store';

/*
 * Read models that can be swapped under their users for others (read models built beside the served ones,
 * by `xinfang rebuild` while a server runs): every call goes to the store current when it is made, and an
 * iteration of `all` stays on the store it began on, to its end. The swap itself is one synchronous step,
 * so no call ever sees part of one store and part of the other; the one who swaps makes sure the old store
 * lets its iterations finish (`SqliteReadModels.detach`) and keeps its runner from writing meanwhile
 * (`ProjectionRunner.replaceReadModels`).
 */

export interface SwitchableReadModels extends ReadModelStore {
  /** The store calls go to now. */
  readonly current: () => ReadModelStore;
  /** From now on, calls go to `next`. */
  readonly switchTo: (next: ReadModelStore) => void;
}

export const createSwitchableReadModels = (initial: ReadModelStore): SwitchableReadModels => {
  let current = initial;
  return {
    current: () => current,
    switchTo: (next) => {
      current = next;
    },
    checkpoint: (projection) => current.checkpoint(projection),
    load: (projection, keys) => current.load(projection, keys),
    loadText: (projection, keys) => current.loadText(projection, keys),
    // The store is picked when the iteration begins, not when `all` is called.
    all: (projection) => ({ [Symbol.asyncIterator]: () => current.all(projection)[Symbol.asyncIterator]() }),
    commit: (...args) => current.commit(...args),
    commitMany: (commits) => current.commitMany(commits),
    reset: (projection) => current.reset(projection),
    logId: () => current.logId(),
    setLogId: (storeId) => current.setLogId(storeId),
  };
};
