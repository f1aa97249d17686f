import { serializeChanges, type Checkpoint, type DocChanges, type ReadModelStore } from './read-model-store';

/*
 * The documents of a few projections kept parsed in memory by the process that serves them, so that a
 * query reads them where they are instead of reading and parsing every stored document again. They are
 * fed by the commits themselves (`observeReadModels` passes each one on once the store has it, or another
 * thread's feed passes them on as messages), never by reading the store back.
 *
 * What a reader sees is always one position of the log for every projection at once: the runner commits
 * its projections one after another, so a commit is held back (pending) until every projection kept here
 * has committed the same position, and only then do they all move there together. A projection that is
 * reset (a rebuild) empties, and nothing is published until every projection is at one position again.
 */

/** One projection's documents: as published (what readers see), and the commits held back since. */
interface Table {
  readonly docs: Map<string, unknown>;
  /** The keys of `docs` in the order of their UTF-8 bytes (as a store lists them); undefined when stale. */
  sorted: string[] | undefined;
  /** Keys published since `sorted` was made, none of them in it (no key was deleted meanwhile). */
  added: string[];
  /** The position of the last commit held (pending or published): where this projection has got to. */
  reached: number;
  readonly pending: { readonly changes: DocChanges; readonly position: number }[];
  /** The position of the last published commit that changed each key (absent: none since loaded). */
  readonly changedAt: Map<string, number>;
}

export interface LiveDocs {
  /** The projections kept here. */
  readonly projections: readonly string[];
  /**
   * The position every projection is published at, or undefined while they are not at one position (before
   * the first load, after a reset until the rebuild has caught up).
   */
  readonly position: () => number | undefined;
  /** A projection's published documents by key (for reading only: never change them). */
  readonly docs: (projection: string) => ReadonlyMap<string, unknown>;
  /** A projection's published keys, in the order of their UTF-8 bytes. */
  readonly keys: (projection: string) => readonly string[];
  /**
   * The position of the last published commit that changed the key's document (0: none since the
   * projection was loaded or reset). What a reader read at a position at or after it is still current.
   */
  readonly changedAt: (projection: string, key: string) => number;
  /** Counts the loads and resets: what was read before another one may belong to another log. */
  readonly generation: () => number;
  /** A projection's documents as stored at `position` (each a fresh value no one else holds), and its checkpoint. */
  readonly load: (projection: string, docs: Iterable<readonly [string, unknown]>, position: number) => void;
  /** A commit the store has made: changed documents (fresh values; `undefined` deletes) and the new checkpoint. */
  readonly commit: (projection: string, changes: DocChanges, position: number) => void;
  /** The projection's documents and checkpoint were deleted. */
  readonly reset: (projection: string) => void;
}

/** UTF-16 code units sort surrogates below U+E000–U+FFFF; UTF-8 bytes (as SQLite sorts) above them. */
const utf8Rank = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

/** Orders strings as their UTF-8 bytes would. */
export const compareUtf8 = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
};

/** Two sorted lists as one sorted list. */
const merge = (a: readonly string[], b: readonly string[]): string[] => {
  const out: string[] = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareUtf8(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
};

export const createLiveDocs = (projections: readonly string[]): LiveDocs => {
  const tables = new Map<string, Table>();
  const fresh = (): Table => ({ docs: new Map(), sorted: [], added: [], reached: 0, pending: [], changedAt: new Map() });
  let generation = 0;
  for (const projection of projections) tables.set(projection, fresh());
  let published: number | undefined;

  const table = (projection: string): Table => {
    const found = tables.get(projection);
    if (found === undefined) throw new Error(`live documents: "${projection}" is not kept here`);
    return found;
  };

  const write = (target: Table, changes: DocChanges, position: number): void => {
    for (const [key, doc] of changes) {
      target.changedAt.set(key, position);
      if (doc === undefined) {
        if (target.docs.delete(key)) target.sorted = undefined;
      } else {
        if (!target.docs.has(key) && target.sorted !== undefined) target.added.push(key);
        target.docs.set(key, doc);
      }
    }
  };

  /** Publishes what is held back once every projection has reached one position. */
  const publish = (): void => {
    const all = [...tables.values()];
    const position = all[0]?.reached ?? 0;
    if (!all.every((t) => t.reached === position)) return;
    for (const target of all) {
      for (const { changes, position: at } of target.pending) write(target, changes, at);
      target.pending.length = 0;
    }
    published = position;
  };

  return {
    projections,
    position: () => published,
    docs: (projection) => table(projection).docs,
    changedAt: (projection, key) => table(projection).changedAt.get(key) ?? 0,
    generation: () => generation,
    keys: (projection) => {
      const target = table(projection);
      if (target.sorted === undefined) {
        target.sorted = [...target.docs.keys()].sort(compareUtf8);
        target.added = [];
      } else if (target.added.length > 0) {
        target.sorted = merge(target.sorted, target.added.sort(compareUtf8));
        target.added = [];
      }
      return target.sorted;
    },
    load: (projection, docs, position) => {
      const target = fresh();
      for (const [key, doc] of docs) target.docs.set(key, doc);
      target.sorted = undefined;
      target.reached = position;
      tables.set(projection, target);
      generation += 1;
      published = undefined;
      publish();
    },
    commit: (projection, changes, position) => {
      const target = table(projection);
      target.pending.push({ changes, position });
      target.reached = position;
      publish();
    },
    reset: (projection) => {
      tables.set(projection, fresh());
      generation += 1;
      published = undefined;
      publish();
    },
  };
};

/**
 * Where the commits of some projections are passed on to: their changed documents as the store holds them
 * (JSON text; `undefined` for a deleted one) and their new checkpoint. `feedLiveDocs` parses them into live
 * documents in this thread; a pool of worker threads passes them on to each worker.
 */
export interface LiveFeed {
  readonly projections: readonly string[];
  readonly commit: (projection: string, docs: ReadonlyMap<string, string | undefined>, position: number) => void;
  readonly reset: (projection: string) => void;
}

/**
 * Feeds live documents: each document parsed from the text the store holds — a fresh value, with what JSON
 * drops dropped — so reading it from memory answers exactly as reading it stored.
 */
export const feedLiveDocs = (live: LiveDocs): LiveFeed => ({
  projections: live.projections,
  commit: (projection, docs, position) => {
    const parsed = new Map<string, unknown>();
    for (const [key, text] of docs) parsed.set(key, text === undefined ? undefined : JSON.parse(text));
    live.commit(projection, parsed, position);
  },
  reset: (projection) => live.reset(projection),
});

/** The same read models, passing every commit and reset of the projections `feed` takes on to it once the store has made it. */
export const observeReadModels = (readModels: ReadModelStore, feed: LiveFeed): ReadModelStore => {
  const kept = new Set(feed.projections);
  const commitMany: ReadModelStore['commitMany'] = async (commits) => {
    await readModels.commitMany(commits);
    for (const { projection, docs, position } of commits) if (kept.has(projection)) feed.commit(projection, docs, position);
  };
  // Every member named, none spread: a member added to the port must be looked at here, not passed by unseen.
  return {
    checkpoint: (projection) => readModels.checkpoint(projection),
    load: (projection, keys) => readModels.load(projection, keys),
    loadText: (projection, keys) => readModels.loadText(projection, keys),
    all: (projection) => readModels.all(projection),
    logId: () => readModels.logId(),
    setLogId: (storeId) => readModels.setLogId(storeId),
    commit: (projection, version, changes, position, hash) =>
      commitMany([{ projection, version, docs: serializeChanges(projection, changes), position, ...(hash === undefined ? {} : { hash }) }]),
    commitMany,
    reset: async (projection) => {
      await readModels.reset(projection);
      if (kept.has(projection)) feed.reset(projection);
    },
  };
};

/**
 * Fills `live` from what `readModels` holds now (call it before a runner starts writing to them): each
 * projection's documents at its checkpoint; one whose stored version is not `versions[projection]` is
 * left empty at position 0, as the runner will rebuild it.
 */
export const loadLiveDocs = async (live: LiveDocs, readModels: ReadModelStore, versions: Readonly<Record<string, number>>): Promise<void> => {
  for (const projection of live.projections) {
    const checkpoint = await readModels.checkpoint(projection);
    if (!current(checkpoint, versions[projection])) {
      live.load(projection, [], 0);
      continue;
    }
    const docs: (readonly [string, unknown])[] = [];
    for await (const entry of readModels.all(projection)) docs.push(entry);
    live.load(projection, docs, checkpoint.position);
  }
};

const current = (checkpoint: Checkpoint | undefined, version: number | undefined): checkpoint is Checkpoint =>
  checkpoint !== undefined && checkpoint.version === version;

/**
 * Loads one projection into `live` from its stored documents (JSON text) at its checkpoint, as
 * `loadLiveDocs` does; returns the position loaded (commits up to it are in what was loaded).
 */
export const loadLiveText = (
  live: LiveDocs,
  projection: string,
  stored: { readonly checkpoint: Checkpoint | undefined; readonly docs: Iterable<readonly [string, string]> },
  version: number | undefined,
): number => {
  const { checkpoint } = stored;
  if (!current(checkpoint, version)) {
    live.load(projection, [], 0);
    return 0;
  }
  const docs: (readonly [string, unknown])[] = [];
  for (const [key, text] of stored.docs) docs.push([key, JSON.parse(text)]);
  live.load(projection, docs, checkpoint.position);
  return checkpoint.position;
};
