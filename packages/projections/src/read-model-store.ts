/*
 * Where read models live: per projection, a table of JSON documents by key, and a checkpoint — the
 * position of the last event the documents include, that event's hash, and the projection version that
 * wrote them. `commit` writes a batch of documents and the new checkpoint in one transaction, so a crash
 * never leaves documents ahead of or behind their checkpoint: after a restart the runner continues exactly
 * after the last committed event, applying nothing twice and skipping nothing.
 *
 * The hash, and the id of the log the read models were built from (`logId`), let a runner tell that the
 * log is no longer the one they follow — a backup restored, a file deleted — and rebuild them rather than
 * serve what the log does not hold (see `log-match.ts`).
 */

export interface Checkpoint {
  /** The position of the last event included in the documents (0: none yet). */
  readonly position: number;
  /** The version of the projection that wrote the documents. */
  readonly version: number;
  /**
   * The hash of the event at `position` in the log the documents were built from. Absent at position 0,
   * and in read models written before it was kept.
   */
  readonly hash?: string;
}

/** A document or `undefined` for "delete it". */
export type DocChanges = ReadonlyMap<string, unknown>;

/**
 * One projection's part of a `commitMany`: its changed documents as JSON text (as `serializeDoc` writes
 * them; `undefined` deletes the document) and its new checkpoint. Text, so that the runner, which
 * serializes each document once per commit anyway, knows the size of what it keeps in memory.
 */
export interface ProjectionCommit {
  readonly projection: string;
  readonly version: number;
  readonly docs: ReadonlyMap<string, string | undefined>;
  readonly position: number;
  readonly hash?: string;
}

export interface ReadModelStore {
  /** The projection's checkpoint, or undefined when it has never committed (or was reset). */
  readonly checkpoint: (projection: string) => Promise<Checkpoint | undefined>;
  /** The stored documents of those keys (a key without a document is absent from the map). */
  readonly load: (projection: string, keys: Iterable<string>) => Promise<Map<string, unknown>>;
  /** The same as `load`, the documents as their stored JSON text. */
  readonly loadText: (projection: string, keys: Iterable<string>) => Promise<Map<string, string>>;
  /** Every document of the projection, in the order of their keys' UTF-8 bytes, read a page at a time. */
  readonly all: (projection: string) => AsyncIterable<readonly [key: string, doc: unknown]>;
  /**
   * In one transaction: writes each changed document (deleting those mapped to `undefined`) and sets the
   * checkpoint to `{ position, version, hash }` (`hash`: of the event at `position`). Throws without writing anything when a document is not JSON, or
   * with `CheckpointConflictError` when the stored checkpoint is of another version (reset first), is ahead
   * of `position`, or is at `position` already and there are documents to write.
   */
  readonly commit: (projection: string, version: number, changes: DocChanges, position: number, hash?: string) => Promise<void>;
  /**
   * Commits of several projections in one transaction (what the runner does once per batch of events): each
   * is checked as `commit` checks it, and if one is refused or fails, none is written.
   */
  readonly commitMany: (commits: readonly ProjectionCommit[]) => Promise<void>;
  /** Deletes the projection's documents and its checkpoint, in one transaction. */
  readonly reset: (projection: string) => Promise<void>;
  /** The id of the log (`EventStore.storeId`) these read models were built from; undefined until one is set. */
  readonly logId: () => Promise<string | undefined>;
  readonly setLogId: (storeId: string) => Promise<void>;
}

/**
 * The commit does not follow the stored checkpoint: it would go back, apply a batch twice, or mix versions.
 * Two runners are writing the same read model (an old process still running after a deploy, say).
 */
export class CheckpointConflictError extends Error {
  constructor(
    readonly projection: string,
    readonly stored: Checkpoint,
    readonly attempted: Checkpoint,
  ) {
    super(
      `read model "${projection}" is at position ${stored.position} (version ${stored.version}); refusing to commit ` +
        `position ${attempted.position} (version ${attempted.version}): is another projection runner writing to it?`,
    );
    this.name = 'CheckpointConflictError';
  }
}

/**
 * The checks every store makes inside its commit transaction: a commit follows the stored checkpoint of
 * the same version (or there is none: a new or reset projection), and moves it forward when it writes.
 */
export const assertCommit = (
  projection: string,
  stored: Checkpoint | undefined,
  version: number,
  changes: { readonly size: number },
  position: number,
): void => {
  if (!(Number.isSafeInteger(position) && position >= 0)) throw new RangeError(`commit: bad position ${position}`);
  if (!(Number.isSafeInteger(version) && version > 0)) throw new RangeError(`commit: bad version ${version}`);
  if (stored === undefined) return;
  if (
    stored.version !== version ||
    position < stored.position ||
    (position === stored.position && changes.size > 0)
  ) {
    throw new CheckpointConflictError(projection, stored, { position, version });
  }
};

/** Documents as `commitMany` takes them: each serialized (`serializeDoc`), `undefined` kept for "delete it". */
export const serializeChanges = (projection: string, changes: DocChanges): Map<string, string | undefined> => {
  const docs = new Map<string, string | undefined>();
  for (const [key, doc] of changes) docs.set(key, doc === undefined ? undefined : serializeDoc(projection, key, doc));
  return docs;
};

/** A document as stored: JSON text. Throws a `TypeError` naming the key for what JSON cannot hold. */
export const serializeDoc = (projection: string, key: string, doc: unknown): string => {
  let text: string | undefined;
  try {
    text = JSON.stringify(doc);
  } catch (error) {
    throw new TypeError(`read model "${projection}", key "${key}": the document is not JSON`, { cause: error });
  }
  if (text === undefined) throw new TypeError(`read model "${projection}", key "${key}": the document is not JSON`);
  return text;
};
