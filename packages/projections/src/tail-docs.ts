import type { EventStore } from '@xinfang/event-store';
import type { Projection } from './projection';
import type { ReadModelStore } from './read-model-store';

/*
 * A projection's documents as of the log's head while its stored read model is behind (its runner failing):
 * the stored documents with the events after their checkpoint applied in memory on top, exactly as the
 * runner would apply them, and nothing written. For a command that must look something up before it writes
 * (is this id number's person registered already?) and cannot wait for a runner that may not come: the tail
 * is short while the runner is failing — what was appended since — and only the documents the tail and the
 * asked keys touch are loaded.
 */

/** The documents of `keys` as of the log's head: stored ones, moved on by the events after their checkpoint. */
export const docsThroughTail = async <Doc>(
  store: EventStore,
  readModels: ReadModelStore,
  projection: Projection<Doc>,
  keys: readonly string[],
): Promise<Map<string, Doc>> => {
  const docs = new Map<string, Doc | undefined>();
  const ensure = async (wanted: readonly string[]): Promise<void> => {
    const missing = wanted.filter((key) => !docs.has(key));
    if (missing.length === 0) return;
    const stored = await readModels.load(projection.name, missing);
    for (const key of missing) docs.set(key, stored.get(key) as Doc | undefined);
  };
  const after = (await readModels.checkpoint(projection.name))?.position ?? 0;
  for await (const event of store.readAll({ afterPosition: after })) {
    let touched: readonly string[];
    // A lookup of a document not loaded yet: load it and route the event again (keysOf is pure).
    for (;;) {
      const missing: string[] = [];
      touched = projection.keysOf(event, (key) => {
        if (docs.has(key)) return docs.get(key);
        missing.push(key);
        return undefined;
      });
      if (missing.length === 0) break;
      await ensure(missing);
    }
    await ensure(touched);
    for (const key of new Set(touched)) docs.set(key, projection.apply(docs.get(key), event, key));
  }
  await ensure(keys);
  const found = new Map<string, Doc>();
  for (const key of keys) {
    const doc = docs.get(key);
    if (doc !== undefined) found.set(key, doc);
  }
  return found;
};
