import { isLeft, right } from 'fp-ts/Either';
import type { NewEvent, RecordedEvent } from './envelope';
import type { AppendResult, EventStore, StreamAppend } from './event-store';
import { chainLinkOf, type ChainLink } from './hash-chain';
import { currentSchemaVersion, upcast, type UpcasterRegistry } from './upcasters';

/*
 * The one place old event versions are read as current ones: the store as the app opens it. Every reader —
 * the command handler's fold, the projection runner, a past-date view, a case replay, an export — reads
 * through it and sees current events only, and every new event is written at the current version of its type.
 * What is stored is never changed: the hash is over what was stored, so the chain is verified on the stored
 * events (`readChain` here gives them, never upcast), and a copy (`importRecorded`, `raw`) takes them as stored.
 */

export interface UpcastingStore extends EventStore {
  /** The store as it stores: for copying a log and checking its chain. */
  readonly raw: EventStore;
}

const BATCH = 1_000;

/** Every stored event as a chain link, in batches: for a store that cannot read its links itself. */
const chainOf = (store: EventStore): NonNullable<EventStore['readChain']> =>
  ({ batchSize = BATCH } = {}) => ({
    async *[Symbol.asyncIterator]() {
      let batch: ChainLink[] = [];
      for await (const event of store.readAll({ batchSize })) {
        batch.push(chainLinkOf(event));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  });

export const upcastingStore = (store: EventStore, registry: UpcasterRegistry): UpcastingStore => {
  // No old versions to read: the store as it is (a wrapper would cost every read of a large log a step).
  if (Object.keys(registry).length === 0) return { ...store, raw: store, readChain: store.readChain ?? chainOf(store) };
  const current = upcast(registry);
  const stamped = (events: readonly NewEvent[]): NewEvent[] =>
    events.map((event) => {
      const schemaVersion = currentSchemaVersion(registry, event.type);
      return event.meta.schemaVersion === schemaVersion ? event : { ...event, meta: { ...event.meta, schemaVersion } };
    });
  const results = (result: AppendResult): AppendResult => ({ ...result, events: result.events.map(current) });
  return {
    raw: store,
    append: async (streamId, events, options) => {
      const result = await store.append(streamId, stamped(events), options);
      return isLeft(result) ? result : right(results(result.right));
    },
    appendMany: async (appends) => {
      const result = await store.appendMany(appends.map((a): StreamAppend => ({ ...a, events: stamped(a.events) })));
      return isLeft(result) ? result : right(result.right.map(results));
    },
    readStream: async (streamId, options) => (await store.readStream(streamId, options)).map(current),
    readAll: (options) => ({
      async *[Symbol.asyncIterator]() {
        for await (const event of store.readAll(options)) yield current(event);
      },
    }),
    readChain: store.readChain ?? chainOf(store),
    headPosition: () => store.headPosition(),
    chainMarker: () => store.chainMarker(),
    storeId: () => store.storeId(),
    streamRevision: (streamId) => store.streamRevision(streamId),
    findByCommandId: async (commandId) => (await store.findByCommandId(commandId)).map(current),
    subscribe: (options, handler) => store.subscribe(options, (event: RecordedEvent) => handler(current(event))),
    ...(store.importRecorded === undefined ? {} : { importRecorded: store.importRecorded }),
    close: () => store.close(),
  };
};
