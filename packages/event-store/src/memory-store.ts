import { isLeft, left, right, type Either } from 'fp-ts/Either';
import { appendResultOf, assertAppendArguments, assertAppendManyArguments, nextRecordedAt, priorAppendManyResults } from './append-rules';
import { systemClock, type Clock } from './capabilities';
import type { NewEvent, RecordedEvent } from './envelope';
import { appendConflict, type AppendConflict, type AppendResult, type EventStore, type StreamAppend } from './event-store';
import { GENESIS_HASH, KEYED_SCHEME, assertChainKey, chainKeyCheck, sealEvent, type ChainKey, type ChainMarker } from './hash-chain';
import { assertImportContinues, assertImportOrigin } from './import-rules';
import { catchUpSubscription, subscriptionRegistry } from './subscription';

export interface MemoryEventStoreOptions {
  /** Sets `recordedAt`; the system clock by default. */
  readonly clock?: Clock;
  /** Hashes the chain with HMAC-SHA-256 under this key (every event: the store starts empty). */
  readonly chainKey?: ChainKey;
  /** The log's id (a copy's: its origin's, for `importRecorded`); a random one by default. */
  readonly storeId?: string;
}

const DEFAULT_BATCH_SIZE = 500;

/** Stored events are shared with every reader, so they are frozen: nobody can change the log by accident. */
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
};

/**
 * A complete store in memory: for tests, demos and embedding where nothing needs to survive a restart.
 * Each append runs without an `await` between its checks and its writes, which makes it atomic on the
 * JavaScript event loop: concurrent appends are serialised as a database transaction would serialise them.
 */
export const createMemoryEventStore = (options: MemoryEventStoreOptions = {}): EventStore => {
  const clock = options.clock ?? systemClock;
  const { chainKey } = options;
  if (chainKey !== undefined) assertChainKey(chainKey);
  let marker: ChainMarker | undefined =
    chainKey === undefined ? undefined : { fromPosition: 1, scheme: KEYED_SCHEME, keyCheck: chainKeyCheck(chainKey) };
  const log: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  const byEventId = new Map<string, RecordedEvent>();
  const byCommandId = new Map<string, RecordedEvent[]>();
  const listeners = new Set<() => void>();
  const subscriptions = subscriptionRegistry();
  const storeId = options.storeId ?? globalThis.crypto.randomUUID();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) throw new Error('The event store is closed');
  };

  const readAll: EventStore['readAll'] = ({ afterPosition = 0, batchSize = DEFAULT_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      assertOpen();
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readAll: bad batchSize ${batchSize}`);
      // Batches are read from the live log, as an adapter's pages are: events appended meanwhile are included.
      for (let cursor = Math.max(0, afterPosition); ; ) {
        const batch = log.slice(cursor, cursor + batchSize);
        yield* batch;
        if (batch.length < batchSize) return;
        cursor += batch.length;
      }
    },
  });

  const currentOf = (streamId: string): AppendResult => {
    const stream = streams.get(streamId) ?? [];
    return { streamId, revision: stream.length, position: stream.at(-1)?.meta.position ?? 0, events: [] };
  };

  /**
   * Every append goes through here (`append` is a one-stream `appendMany`), so every event is sealed in one
   * place. It runs without an `await`: checks and writes are one step on the event loop, all or nothing.
   */
  const appendStreams = (appends: readonly StreamAppend[]): Either<AppendConflict, AppendResult[]> => {
    const stored = appends.flatMap((a) => a.events.flatMap((e) => byEventId.get(e.meta.eventId) ?? []));
    const prior = priorAppendManyResults(appends, stored, currentOf);
    if (prior !== undefined) return right(prior);

    for (const { streamId, expectedRevision } of appends) {
      const revision = streams.get(streamId)?.length ?? 0;
      if (expectedRevision !== 'any' && expectedRevision !== revision) return left(appendConflict(streamId, expectedRevision, revision));
    }

    if (appends.every((a) => a.events.length === 0)) return right(appends.map((a) => currentOf(a.streamId)));

    // A copied keyed log (`importRecorded`) takes appends only with its key, or its chain would break there.
    if (marker !== undefined && chainKey === undefined) throw new Error(`memory store: the log is keyed from position ${marker.fromPosition}; make the store with its chain key to append`);
    // Seal every event before storing any, so that an event that cannot be stored (not JSON) leaves
    // the log untouched: the append is all or nothing.
    const recordedAt = nextRecordedAt(clock, log.at(-1)?.meta.recordedAt);
    let prevHash = log.at(-1)?.meta.hash ?? GENESIS_HASH;
    let position = log.length;
    const sealed = appends.map(({ streamId, events }): RecordedEvent[] => {
      const revision = streams.get(streamId)?.length ?? 0;
      return events.map((event, i) => {
        const placement = { streamId, revision: revision + i + 1, position: ++position, recordedAt, prevHash };
        const recorded = deepFreeze(sealEvent(event, placement, chainKey));
        prevHash = recorded.meta.hash;
        return recorded;
      });
    });

    store(sealed.flat());
    return right(appends.map(({ streamId }, i) => {
      const events = sealed[i] ?? [];
      return events.length > 0 ? appendResultOf(streamId, events) : currentOf(streamId);
    }));
  };

  /** Puts recorded events in the log and its indexes, and tells subscribers. */
  const store = (events: readonly RecordedEvent[]): void => {
    for (const recorded of events) {
      const stream = streams.get(recorded.meta.streamId) ?? [];
      streams.set(recorded.meta.streamId, stream);
      log.push(recorded);
      stream.push(recorded);
      byEventId.set(recorded.meta.eventId, recorded);
      const sameCommand = byCommandId.get(recorded.meta.commandId);
      if (sameCommand === undefined) byCommandId.set(recorded.meta.commandId, [recorded]);
      else sameCommand.push(recorded);
    }
    if (events.length > 0) for (const listener of listeners) listener();
  };

  return {
    append: async (streamId: string, events: readonly NewEvent[], { expectedRevision }) => {
      assertOpen();
      assertAppendArguments(streamId, events, expectedRevision);
      const result = appendStreams([{ streamId, expectedRevision, events }]);
      return isLeft(result) ? result : right(result.right[0] ?? currentOf(streamId));
    },

    appendMany: async (appends) => {
      assertOpen();
      assertAppendManyArguments(appends);
      return appendStreams(appends);
    },

    readStream: async (streamId, { fromRevision = 1 } = {}) => {
      assertOpen();
      return (streams.get(streamId) ?? []).slice(Math.max(0, fromRevision - 1));
    },

    readAll,

    headPosition: async () => {
      assertOpen();
      return log.length;
    },

    chainMarker: async () => {
      assertOpen();
      return marker;
    },

    storeId: async () => {
      assertOpen();
      return storeId;
    },

    streamRevision: async (streamId) => {
      assertOpen();
      return streams.get(streamId)?.length ?? 0;
    },

    findByCommandId: async (commandId) => {
      assertOpen();
      return [...(byCommandId.get(commandId) ?? [])];
    },

    subscribe: (subscribeOptions, handler) => {
      assertOpen();
      return subscriptions.track(catchUpSubscription(
        {
          readAfter: (afterPosition) => readAll({ afterPosition }),
          onAppended: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
        },
        subscribeOptions,
        handler,
      ));
    },

    importRecorded: async (origin, events) => {
      assertOpen();
      // Checked in full before anything is stored, without an await: all or none, like an append.
      const newMarker = assertImportOrigin({ storeId, chainMarker: marker, position: log.length }, origin);
      assertImportContinues({ position: log.length, hash: log.at(-1)?.meta.hash }, (id) => streams.get(id)?.length ?? 0, events);
      if (newMarker !== undefined) marker = newMarker;
      store(events.map((event) => deepFreeze(structuredClone(event))));
    },

    close: async () => {
      if (closed) return;
      await subscriptions.closeAll();
      closed = true;
    },
  };
};
