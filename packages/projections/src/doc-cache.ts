import { serializeDoc } from './read-model-store';

/*
 * The documents a projection runner keeps in memory from one batch to the next, so that a document many
 * events touch is loaded and parsed once, changed in memory, and serialized and written once per commit —
 * not once per batch of every projection it is in. Bounded: after each commit the least recently used
 * documents are let go until what is kept fits the budget, so a rebuild of any log holds about the same.
 *
 * Sizes are those of the documents' JSON text (known without extra work: a document is loaded as text and
 * written as text), a proxy for the memory they take once parsed — a few times as much.
 *
 * The cache is the runner's alone, and right only while nothing else writes the read models: the runner
 * drops a projection's documents when it resets it or finds its checkpoint moved by someone else, and
 * drops everything when a batch fails (its documents hold events that were never committed).
 */

interface Entry {
  /** The document, or `undefined`: the read model has none under this key (also worth remembering). */
  doc: unknown;
  /** Its JSON text's length plus the key's (0 while changed and not yet committed). */
  bytes: number;
  /** The commit after which it was last used: to move it to the recent end at most once per commit. */
  used: number;
  /** Its text as serialized for the commit in progress. */
  text?: string | undefined;
}

/** What a document costs beside its text: the key, the map entry. A rough constant. */
const ENTRY_OVERHEAD = 64;

/** One projection's documents in the cache. */
export interface CachedDocs {
  readonly has: (key: string) => boolean;
  /** The document as the runner last left it (`undefined`: none); marks it as used. */
  readonly get: (key: string) => unknown;
  /** Keeps documents as loaded from the read models (JSON text; a key missing from `texts` has none). */
  readonly loaded: (keys: Iterable<string>, texts: ReadonlyMap<string, string>) => void;
  /** A changed document (`undefined`: deleted), to be written at the next commit. */
  readonly set: (key: string, doc: unknown) => void;
  /** The changed documents as `commitMany` takes them: serialized, once each. */
  readonly changes: () => Map<string, string | undefined>;
}

export interface DocCache {
  readonly of: (projection: string) => CachedDocs;
  /** Every change was committed: they are kept as clean documents, and the cache is trimmed to its budget. */
  readonly committed: () => void;
  /** Forgets one projection's documents (it was reset, or someone else wrote it). */
  readonly drop: (projection: string) => void;
  /** Forgets everything (a batch failed: documents may hold events that were not committed). */
  readonly clear: () => void;
  /** The bytes kept (committed documents only). */
  readonly bytes: () => number;
}

export const createDocCache = (budgetBytes: number): DocCache => {
  if (!(Number.isSafeInteger(budgetBytes) && budgetBytes >= 0)) throw new RangeError(`bad cache budget ${budgetBytes}`);
  /**
   * Per projection: its entries from least to most recently used, the bytes they hold, and the keys changed
   * since the last commit (never let go until committed).
   */
  const tables = new Map<string, { entries: Map<string, Entry>; bytes: number; dirty: Set<string>; docs: CachedDocs }>();
  let total = 0;
  let commits = 0;

  const table = (projection: string) => {
    const found = tables.get(projection);
    if (found !== undefined) return found;
    const entries = new Map<string, Entry>();
    const dirty = new Set<string>();
    const touch = (key: string, entry: Entry): void => {
      if (entry.used === commits) return;
      entry.used = commits;
      entries.delete(key);
      entries.set(key, entry);
    };
    const created = {
      entries,
      bytes: 0,
      dirty,
      docs: {
        has: (key: string) => entries.has(key),
        get: (key: string) => {
          const entry = entries.get(key);
          if (entry === undefined) return undefined;
          touch(key, entry);
          return entry.doc;
        },
        loaded: (keys: Iterable<string>, texts: ReadonlyMap<string, string>) => {
          for (const key of keys) {
            if (entries.has(key)) continue;
            const text = texts.get(key);
            const bytes = ENTRY_OVERHEAD + key.length + (text?.length ?? 0);
            entries.set(key, { doc: text === undefined ? undefined : JSON.parse(text), bytes, used: commits });
            created.bytes += bytes;
            total += bytes;
          }
        },
        set: (key: string, doc: unknown) => {
          dirty.add(key);
          const entry = entries.get(key);
          if (entry === undefined) {
            entries.set(key, { doc, bytes: 0, used: commits });
            return;
          }
          touch(key, entry);
          entry.doc = doc;
        },
        changes: () => {
          const changes = new Map<string, string | undefined>();
          for (const key of dirty) {
            const entry = entries.get(key);
            if (entry === undefined) continue;
            entry.text = entry.doc === undefined ? undefined : serializeDoc(projection, key, entry.doc);
            changes.set(key, entry.text);
          }
          return changes;
        },
      },
    };
    tables.set(projection, created);
    return created;
  };

  const forget = (projection: string): void => {
    const found = tables.get(projection);
    if (found === undefined) return;
    total -= found.bytes;
    tables.delete(projection);
  };

  return {
    of: (projection) => table(projection).docs,

    committed: () => {
      commits++;
      for (const t of tables.values()) {
        for (const key of t.dirty) {
          const entry = t.entries.get(key);
          if (entry === undefined) continue;
          const bytes = ENTRY_OVERHEAD + key.length + (entry.text?.length ?? 0);
          t.bytes += bytes - entry.bytes;
          total += bytes - entry.bytes;
          entry.bytes = bytes;
          entry.text = undefined;
        }
        t.dirty.clear();
      }
      if (total <= budgetBytes) return;
      // Each projection gives up its least recently used documents, in proportion to what it holds.
      const share = budgetBytes / total;
      for (const t of tables.values()) {
        const keep = t.bytes * share;
        for (const [key, entry] of t.entries) {
          if (t.bytes <= keep) break;
          t.entries.delete(key);
          t.bytes -= entry.bytes;
          total -= entry.bytes;
        }
      }
    },

    drop: forget,

    clear: () => {
      for (const projection of [...tables.keys()]) forget(projection);
    },

    bytes: () => total,
  };
};
