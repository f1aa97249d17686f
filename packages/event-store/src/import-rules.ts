import type { RecordedEvent } from './envelope';
import type { LogOrigin } from './event-store';
import { GENESIS_HASH, type ChainMarker } from './hash-chain';

/*
 * The rules of `importRecorded` (the copy `xinfang migrate` makes), shared by every adapter: a copied event
 * keeps its place in the log exactly, so the copy is the same log — same positions, revisions, times and
 * hashes — or nothing of the batch is stored.
 */

/** A batch that cannot continue this log as it stands, or an origin that is not this log's: nothing was stored. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** Where the log ends now: its head's position and hash. */
export interface ImportHead {
  readonly position: number;
  readonly hash: string | undefined;
}

/**
 * Checks that `events` continue the log whose head is `head`, one after the other: positions head + 1, + 2 …,
 * each at its stream's revision + 1 (`revisionOf` gives a stream's revision before the batch), each
 * `prevHash` the hash before it. Throws `ImportError` naming the first event that does not.
 */
export const assertImportContinues = (head: ImportHead, revisionOf: (streamId: string) => number, events: readonly RecordedEvent[]): void => {
  let position = head.position;
  let prevHash = head.hash ?? GENESIS_HASH;
  const revisions = new Map<string, number>();
  for (const { meta } of events) {
    const at = `importRecorded: the event at position ${meta.position} (${meta.streamId} #${meta.revision})`;
    if (meta.position !== position + 1) throw new ImportError(`${at} does not follow the log's head at ${position}`);
    const revision = revisions.get(meta.streamId) ?? revisionOf(meta.streamId);
    if (meta.revision !== revision + 1) throw new ImportError(`${at} does not follow its stream at revision ${revision}`);
    if (meta.prevHash !== prevHash) throw new ImportError(`${at} does not link to the hash before it`);
    position = meta.position;
    prevHash = meta.hash;
    revisions.set(meta.streamId, meta.revision);
  }
};

const sameMarker = (a: ChainMarker | undefined, b: ChainMarker | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.fromPosition === b.fromPosition && a.scheme === b.scheme && a.keyCheck === b.keyCheck;

/**
 * Checks that a store may take events from `origin`: it has the origin's store id (where the origin has one),
 * and its chain marker is the origin's — or it has none yet and nothing stored, and takes the origin's.
 * Returns the marker to store, if one is to be stored now.
 */
export const assertImportOrigin = (
  target: { readonly storeId: string | undefined; readonly chainMarker: ChainMarker | undefined; readonly position: number },
  origin: LogOrigin,
): ChainMarker | undefined => {
  if (origin.storeId !== undefined && target.storeId !== origin.storeId) {
    throw new ImportError(`importRecorded: this store is log ${target.storeId ?? '(none)'}, not the origin ${origin.storeId} (open a new store with the origin's storeId)`);
  }
  if (sameMarker(target.chainMarker, origin.chainMarker)) return undefined;
  if (target.chainMarker === undefined && target.position === 0) return origin.chainMarker;
  throw new ImportError('importRecorded: this store is keyed otherwise than the origin (open the copy without a chain key)');
};
