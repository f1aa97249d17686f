import { assertCommit, serializeDoc, type Checkpoint, type ReadModelStore } from './read-model-store';

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

  return {
    checkpoint: async (projection) => tables.get(projection)?.checkpoint,

    load: async (projection, keys) => {
      const docs = tables.get(projection)?.docs;
      const found = new Map<string, unknown>();
      if (docs === undefined) return found;
      for (const key of keys) {
        const text = docs.get(key);
        if (text !== undefined) found.set(key, JSON.parse(text));
      }
      return found;
    },

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

    commit: async (projection, version, changes, position, hash) => {
      const target = table(projection);
      assertCommit(projection, target.checkpoint, version, changes, position);
      // Serialise everything before writing anything: all or nothing.
      const texts = [...changes].map(([key, doc]) => [key, doc === undefined ? undefined : serializeDoc(projection, key, doc)] as const);
      for (const [key, text] of texts) {
        if (text === undefined) target.docs.delete(key);
        else target.docs.set(key, text);
      }
      target.checkpoint = hash === undefined ? { position, version } : { position, version, hash };
    },

    reset: async (projection) => {
      tables.delete(projection);
    },

    logId: async () => logId,

    setLogId: async (storeId) => {
      logId = storeId;
    },
  };
};
