import { assertCommit, serializeChanges, type Checkpoint, type ProjectionCommit, type ReadModelStore } from './read-model-store';

interface Table {
  checkpoint?: Checkpoint;
  /** JSON text, as a database would keep it: a loaded document is a fresh copy, and non-JSON is refused. */
  readonly docs: Map<string, string>;
}

const PAGE_SIZE = 500;

/** Keys in the order of their UTF-8 bytes, as SQLite sorts text (not JavaScript's UTF-16 order). */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Read models in memory: for tests, demos and a server that rebuilds on every start. A commit runs without
 * an `await` between its checks and its writes, so it is atomic on the event loop; documents are kept as
 * JSON text so that this store behaves exactly as a database would (copies out, JSON only).
 */
export const createMemoryReadModels = (): ReadModelStore => {
  const tables = new Map<string, Table>();
  let logId: string | undefined;
  const table = (projection: string): Table => {
    let found = tables.get(projection);
    if (found === undefined) {
      found = { docs: new Map() };
      tables.set(projection, found);
    }
    return found;
  };

  const loadText = (projection: string, keys: Iterable<string>): Map<string, string> => {
    const docs = tables.get(projection)?.docs;
    const found = new Map<string, string>();
    if (docs === undefined) return found;
    for (const key of keys) {
      const text = docs.get(key);
      if (text !== undefined) found.set(key, text);
    }
    return found;
  };

  /** Checks every part against the checkpoints as the parts before it leave them, then writes: all or nothing. */
  const commitMany = (commits: readonly ProjectionCommit[]): void => {
    const checkpoints = new Map<string, Checkpoint | undefined>();
    for (const { projection, version, docs, position, hash } of commits) {
      const stored = checkpoints.has(projection) ? checkpoints.get(projection) : tables.get(projection)?.checkpoint;
      assertCommit(projection, stored, version, docs, position);
      checkpoints.set(projection, hash === undefined ? { position, version } : { position, version, hash });
    }
    for (const { projection, docs } of commits) {
      const target = table(projection);
      for (const [key, text] of docs) {
        if (text === undefined) target.docs.delete(key);
        else target.docs.set(key, text);
      }
    }
    for (const [projection, checkpoint] of checkpoints) if (checkpoint !== undefined) table(projection).checkpoint = checkpoint;
  };

  return {
    checkpoint: async (projection) => tables.get(projection)?.checkpoint,

    load: async (projection, keys) => {
      const found = new Map<string, unknown>();
      for (const [key, text] of loadText(projection, keys)) found.set(key, JSON.parse(text));
      return found;
    },

    loadText: async (projection, keys) => loadText(projection, keys),

    all: (projection) => ({
      async *[Symbol.asyncIterator]() {
        // A page at a time from a sorted snapshot of the keys; a document deleted meanwhile is skipped.
        const keys = [...(tables.get(projection)?.docs.keys() ?? [])].sort(byUtf8);
        for (let start = 0; start < keys.length; start += PAGE_SIZE) {
          const docs = tables.get(projection)?.docs;
          for (const key of keys.slice(start, start + PAGE_SIZE)) {
            const text = docs?.get(key);
            if (text !== undefined) yield [key, JSON.parse(text)] as const;
          }
        }
      },
    }),

    commit: async (projection, version, changes, position, hash) =>
      commitMany([{ projection, version, docs: serializeChanges(projection, changes), position, ...(hash === undefined ? {} : { hash }) }]),

    commitMany: async (commits) => commitMany(commits),

    reset: async (projection) => {
      tables.delete(projection);
    },

    logId: async () => logId,

    setLogId: async (storeId) => {
      logId = storeId;
    },
  };
};
