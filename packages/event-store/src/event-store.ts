import type { Either } from 'fp-ts/Either';
import type { NewEvent, RecordedEvent } from './envelope';
import type { ChainLink, ChainMarker } from './hash-chain';

/**
 * The stream revision an append expects to find: a number (0 = the stream must not exist yet) or `'any'`.
 * Revisions are 1-based: a stream's first event has revision 1.
 */
export type ExpectedRevision = number | 'any';

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/** The stream was not at the expected revision: someone else wrote first. An expected outcome, so a value. */
export interface AppendConflict {
  readonly _tag: 'AppendConflict';
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly actualRevision: number;
}

export const appendConflict = (
  streamId: string,
  expectedRevision: ExpectedRevision,
  actualRevision: number,
): AppendConflict => ({ _tag: 'AppendConflict', streamId, expectedRevision, actualRevision });

export const isAppendConflict = (value: unknown): value is AppendConflict =>
  typeof value === 'object' && value !== null && (value as { _tag?: unknown })._tag === 'AppendConflict';

export interface AppendResult {
  readonly streamId: string;
  /** The stream's revision after the append (of its last event). */
  readonly revision: number;
  /** The global position of the stream's last event (0 when the stream is still empty). */
  readonly position: number;
  /** The events as recorded (empty when nothing was appended). */
  readonly events: readonly RecordedEvent[];
}

/** One stream's part of an `appendMany`: its events and the revision it must be at. */
export interface StreamAppend {
  readonly streamId: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly NewEvent[];
}

/**
 * The store cannot take writes (or reads) for now — another process holds the write lock, the disk is full,
 * the file is read-only — but nothing is wrong with the request: the caller may retry later. Nothing was
 * written. Adapters throw it in place of their own transient errors, so that callers need not know them.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    message: string,
    /** Why: `busy` (locked by another writer), `full` (no space), `readOnly` (cannot write the file). */
    readonly reason: 'busy' | 'full' | 'readOnly',
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive); default 1. */
  readonly fromRevision?: number;
}

export interface ReadAllOptions {
  /** Return the events after this position (exclusive, like a checkpoint); default 0 = from the start. */
  readonly afterPosition?: number;
  /** How many events an adapter fetches at a time; default 500. */
  readonly batchSize?: number;
}

export interface SubscribeOptions {
  /** Deliver the events after this position (exclusive): pass the last position the handler processed. */
  readonly afterPosition: number;
  /**
   * Called when the handler throws (or the store fails). The subscription then stops, without moving past
   * the failed event; subscribe again from the last good position to resume. Without it the error is
   * rethrown as an unhandled rejection, which is loud on purpose.
   */
  readonly onError?: (error: unknown) => void;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

export interface Subscription {
  /**
   * Stops delivery. Resolves once the handler call in progress (if any) has returned — so do not await it
   * from inside the handler.
   */
  readonly close: () => Promise<void>;
}

/** The log a copy comes from (`importRecorded`): its identity and its chain marker, which the copy keeps. */
export interface LogOrigin {
  readonly storeId: string | undefined;
  readonly chainMarker: ChainMarker | undefined;
}

/**
 * The port every store adapter implements (and proves with `runEventStoreConformance`).
 *
 * - `append` writes all the events or none. It is idempotent by event id: if every event id is already
 *   stored (in that stream, in that order), it writes nothing and returns the original result, even when
 *   `expectedRevision` is stale by now; a batch mixing stored and new ids throws `EventIdReuseError`.
 * - Positions are 1-based, global, gap-free and in append order; revisions are 1-based per stream.
 * - Infrastructure failures (and misuse) throw; a concurrency conflict is a `Left`.
 */
export interface EventStore {
  readonly append: (
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ) => Promise<Either<AppendConflict, AppendResult>>;
  /**
   * Several streams' appends as one: all are written or none. Each stream's expected revision is checked;
   * the first that does not match is the `Left`, and nothing is written. Events are positioned in the order
   * given (streams in order, each stream's events in order) and share one `recordedAt`. A stream may appear
   * only once. Idempotent like `append`: when every event id is already stored as this same call stored it,
   * it writes nothing and returns the original results.
   */
  readonly appendMany: (appends: readonly StreamAppend[]) => Promise<Either<AppendConflict, AppendResult[]>>;
  /** A stream's events in revision order (`[]` for a stream that does not exist). */
  readonly readStream: (streamId: string, options?: ReadStreamOptions) => Promise<RecordedEvent[]>;
  /** All events in position order, fetched in batches (never the whole log at once). */
  readonly readAll: (options?: ReadAllOptions) => AsyncIterable<RecordedEvent>;
  /**
   * Optional, for verifying the log faster: every stored event from position 1 as a `ChainLink`, read straight
   * from storage in batches (no envelopes built), for `verifyChainLinks`. It must give exactly what
   * `readAll` gives, as links (`chainLinkOf`); a store without it is verified through `readAll`.
   */
  readonly readChain?: (options?: Pick<ReadAllOptions, 'batchSize'>) => AsyncIterable<Iterable<ChainLink>>;
  /** The position of the last stored event (0 for an empty store). */
  readonly headPosition: () => Promise<number>;
  /**
   * The log's chain-version marker: from which position its events are hashed with the chain key
   * (undefined for a log that is not keyed). A store given a key marks the log when it opens it.
   */
  readonly chainMarker: () => Promise<ChainMarker | undefined>;
  /**
   * The log's identity: a random id made once, when the log was created, and never changed. What is built
   * from a log (read models) records it, to tell this log from a restored or re-created one. Undefined only
   * for a log of an older layout opened read-only (it has none yet).
   */
  readonly storeId: () => Promise<string | undefined>;
  /** A stream's current revision (0 for a stream that does not exist). */
  readonly streamRevision: (streamId: string) => Promise<number>;
  /** The events a command produced, in position order (`[]` if none). */
  readonly findByCommandId: (commandId: string) => Promise<RecordedEvent[]>;
  /**
   * Catch-up then live: every stored event after `afterPosition`, in order, then each new one as it is
   * appended — never skipping or repeating one, even when appends happen during the catch-up. The handler
   * is awaited before the next event is delivered.
   */
  readonly subscribe: (options: SubscribeOptions, handler: EventHandler) => Subscription;
  /**
   * Optional, for `xinfang migrate`: stores events another store recorded exactly as they were recorded —
   * positions, revisions, recordedAt, prevHash and hash unchanged — so the copy verifies as the origin does
   * (hashes are not recomputed: the copy need not hold the key; `verify` it). All or none: the events must
   * continue this log one by one (`assertImportContinues`), and the store must be the origin's log
   * (`assertImportOrigin`: the same store id — open a new store with the origin's — and the same chain
   * marker, which an empty store takes from the origin); else `ImportError`, and nothing is stored.
   * Subscribers see the events as they see appends.
   */
  readonly importRecorded?: (origin: LogOrigin, events: readonly RecordedEvent[]) => Promise<void>;
  /** Closes subscriptions and releases resources; the store is not usable afterwards. */
  readonly close: () => Promise<void>;
}
