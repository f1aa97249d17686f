import { randomUUID } from 'node:crypto';
import { ANY, EventStoreDBClient, END, streamNameFilter, type AllStreamSubscription } from '@eventstore/db-client';
import {
  KEYED_SCHEME,
  StoreUnavailableError,
  assertAppendArguments,
  assertAppendManyArguments,
  assertChainKey,
  assertImportContinues,
  assertImportOrigin,
  catchUpSubscription,
  chainKeyCheck,
  subscriptionRegistry,
  systemClock,
  type AppendConflict,
  type AppendResult,
  type ChainKey,
  type ChainMarker,
  type Clock,
  type EventStore,
  type RecordedEvent,
  type StreamAppend,
} from '@xinfang/event-store';
import { isLeft, right, type Either } from 'fp-ts/Either';
import { appendExpecting, forEachLimited, readEvents, readLast } from './client-io';
import { decideBatch } from './decide-batch';
import { backoffMs, logMovedTo } from './errors';
import { fromLogEvent, fromMirrorEvent, positionOfEntry, toCommandEntry, toLogEvent, toMirrorEvent } from './log-entry';
import { headOf, type LogHead } from './log-head';
import { byCommand, judgeMirrorConflict, mirrorRuns, positionRuns, unmirroredOf, type MirrorRun } from './mirror-plan';
import { toExpectedRevision, fromCurrentRevision } from './revision';
import { chainKeyedEvent, foldStoreMeta, storeCreatedEvent, type StoreMeta } from './store-meta';
import { DEFAULT_PREFIX, assertPrefix, logStreamOnly, streamNamesOf } from './stream-name';

export interface EventStoreDbStoreOptions {
  /** The server or cluster: `esdb://localhost:2113?tls=false`, `esdb://n1:2113,n2:2113,n3:2113?nodePreference=leader`. Or give `client`. */
  readonly connectionString?: string;
  /** A client of the caller's (then not disposed by `close`), instead of `connectionString`. */
  readonly client?: EventStoreDBClient;
  /** The prefix of every stream of this log (default `xinfang-`): several logs can share one server, each under its own. */
  readonly prefix?: string;
  /** Sets `recordedAt`; the system clock by default. */
  readonly clock?: Clock;
  /** The chain key (at least 32 random bytes): as in the other stores, the first open with a key marks the log keyed. */
  readonly chainKey?: ChainKey;
  /** The id a new log takes (a random one by default); `xinfang migrate` gives its copy the origin's. */
  readonly storeId?: string;
  /**
   * How often subscriptions look for events appended by other processes besides being woken by the server
   * (below); default 1,000 ms, 0 = never. This store's own appends reach its subscribers at once either way.
   */
  readonly pollIntervalMs?: number;
  /** Whether subscriptions are woken by a `$all` subscription filtered on the server to the log stream; default true. */
  readonly live?: boolean;
  /** How many times an append is decided again when another process appended to the log first; default 50, then `StoreUnavailableError` (`busy`). */
  readonly maxAttempts?: number;
}

export interface EventStoreDbStore extends EventStore {
  /** The prefix of the log's streams. */
  readonly prefix: string;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const DEFAULT_MAX_ATTEMPTS = 50;
/** How far back the repair reads the log at a time (normally only the last append is missing, if anything). */
const REPAIR_PAGE = 100;
/** Index streams read or written at once. */
const INDEX_CONCURRENCY = 32;

const zeroHead = (streamId: string): AppendResult => ({ streamId, revision: 0, position: 0, events: [] });

/**
 * The event store on EventStoreDB / KurrentDB (see README.md for the design and its limits). In short: one
 * log stream `_<prefix>log` is the truth. Every append is sealed against its head and written to it as ONE
 * append expecting that head, so positions (log revision + 1) are gap-free and in append order, an
 * `appendMany` over several streams is all or nothing, and two writers — in this process or any other —
 * cannot both take a position: the loser decides again against the new head. After the log, each event is
 * copied to its one-to-one stream `<prefix><streamId>` (and its command's index stream), in position order;
 * every read or write of a stream first checks that the log's last event is in its stream and, if not,
 * copies the missing tail — so a process that died between the log and its copies is repaired by the next.
 *
 * Appends of one store object are serialised in memory (one at a time); opening is asynchronous (the store
 * id and the marker are read or made): await the result.
 */
export const createEventStoreDbStore = async (options: EventStoreDbStoreOptions): Promise<EventStoreDbStore> => {
  const clock = options.clock ?? systemClock;
  const prefix = assertPrefix(options.prefix ?? DEFAULT_PREFIX);
  const names = streamNamesOf(prefix);
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!(Number.isSafeInteger(pollIntervalMs) && pollIntervalMs >= 0)) throw new RangeError(`store-eventstoredb: bad pollIntervalMs ${pollIntervalMs}`);
  if (!(Number.isSafeInteger(maxAttempts) && maxAttempts >= 1)) throw new RangeError(`store-eventstoredb: bad maxAttempts ${maxAttempts}`);
  const { chainKey } = options;
  if (chainKey !== undefined) assertChainKey(chainKey);
  const keyCheck = chainKey === undefined ? undefined : chainKeyCheck(chainKey);
  if ((options.client === undefined) === (options.connectionString === undefined)) {
    throw new TypeError('store-eventstoredb: give either connectionString or client');
  }
  const ownClient = options.client === undefined;
  const client = options.client ?? EventStoreDBClient.connectionString(options.connectionString ?? '');

  // ---- reading the log, the streams and the meta stream -------------------------------------------------

  const lastLogEvent = async (): Promise<RecordedEvent | undefined> => {
    const last = await readLast(client, names.log);
    return last === undefined ? undefined : fromLogEvent(last, names.log);
  };

  /** The log's events from `first` (a position), at most `count`. */
  const readLog = async (first: number, count: number): Promise<RecordedEvent[]> =>
    (await readEvents(client, names.log, { fromRevision: BigInt(first - 1), maxCount: count })).map((e) => fromLogEvent(e, names.log));

  /** A stream's head as its one-to-one stream has it (its last event's revision and position). */
  const streamHead = async (streamId: string): Promise<AppendResult> => {
    const last = await readLast(client, names.mirror(streamId));
    if (last === undefined) return zeroHead(streamId);
    const event = fromMirrorEvent(last, streamId);
    return { streamId, revision: event.meta.revision, position: event.meta.position, events: [] };
  };

  const streamHeads = async (streamIds: readonly string[]): Promise<Map<string, AppendResult>> => {
    const unique = [...new Set(streamIds)];
    const heads = await forEachLimited(unique, INDEX_CONCURRENCY, streamHead);
    return new Map(heads.map((h) => [h.streamId, h]));
  };

  const readMeta = async (): Promise<StoreMeta> => foldStoreMeta(await readEvents(client, names.meta));

  /** A command's events as the log has them, through its index stream (entries read de-duplicated). */
  const commandEvents = async (commandId: string): Promise<RecordedEvent[]> => {
    const entries = await readEvents(client, names.command(commandId));
    const positions = entries.flatMap((e) => positionOfEntry(e) ?? []);
    const runs = await Promise.all(positionRuns(positions).map(([first, count]) => readLog(first, count)));
    return runs.flat().filter((e) => e.meta.commandId === commandId);
  };

  // ---- mirroring: the log's events into their streams and command indexes ---------------------------------

  const mirrorRun = async (run: MirrorRun): Promise<void> => {
    const outcome = await appendExpecting(client, names.mirror(run.streamId), run.events.map(toMirrorEvent), toExpectedRevision(run.revisionBefore));
    if (outcome.ok) return;
    const actual = fromCurrentRevision(outcome.actual);
    if (judgeMirrorConflict(run, actual) === 'behind') {
      throw new Error(`store-eventstoredb: stream ${run.streamId} is at revision ${actual}, behind the log (which holds it at ${run.revisionBefore + run.events.length})`);
    }
  };

  /** Copies `events` (in position order, already in the log) to their command indexes, then to their streams, in order. */
  const mirror = async (events: readonly RecordedEvent[]): Promise<void> => {
    if (events.length === 0) return;
    // 'any' and read de-duplicated: an entry written twice by two repairing processes does no harm.
    await forEachLimited([...byCommand(events)], INDEX_CONCURRENCY, ([commandId, group]) =>
      appendExpecting(client, names.command(commandId), group.map(toCommandEntry), ANY),
    );
    for (const run of mirrorRuns(events)) await mirrorRun(run);
  };

  /**
   * The log's head, with every event up to it in its stream: if the last event is not in its stream, walks
   * back the log to the last one that is and copies what follows. Done before every read of a stream and
   * every append (two round trips when nothing is missing).
   */
  const sync = async (): Promise<LogHead> => {
    const last = await lastLogEvent();
    if (last === undefined) return headOf(undefined);
    if ((await streamHead(last.meta.streamId)).revision >= last.meta.revision) return headOf(last);
    const missing: RecordedEvent[] = [];
    const mirrored = new Map<string, number>();
    for (let upTo = last.meta.position; upTo >= 1; ) {
      const page = (await readEvents(client, names.log, { fromRevision: BigInt(upTo - 1), backwards: true, maxCount: REPAIR_PAGE })).map((e) => fromLogEvent(e, names.log));
      const unknown = [...new Set(page.map((e) => e.meta.streamId))].filter((s) => !mirrored.has(s));
      for (const [streamId, head] of await streamHeads(unknown)) mirrored.set(streamId, head.revision);
      const { missing: here, reachedMirrored } = unmirroredOf(page, (streamId) => mirrored.get(streamId) ?? 0);
      missing.push(...here);
      if (reachedMirrored || page.length < REPAIR_PAGE) break;
      upTo -= page.length;
    }
    await mirror(missing.reverse());
    return headOf(last);
  };

  // ---- identity and marker ----------------------------------------------------------------------------

  /** Opening: the store id (made once, expecting no meta stream), and a keyed store marks the log. */
  const open = async (): Promise<StoreMeta> => {
    let meta = await readMeta();
    if (meta.storeId === undefined) {
      await appendExpecting(client, names.meta, [storeCreatedEvent(options.storeId ?? randomUUID())], toExpectedRevision(meta.revision));
      meta = await readMeta();
    }
    if (keyCheck !== undefined && meta.marker === undefined) {
      // Expecting the meta stream as read: two processes keying the log at once agree on one marker.
      const head = (await lastLogEvent())?.meta.position ?? 0;
      await appendExpecting(client, names.meta, [chainKeyedEvent({ fromPosition: head + 1, scheme: KEYED_SCHEME, keyCheck })], toExpectedRevision(meta.revision));
      meta = await readMeta();
    }
    if (meta.storeId === undefined) throw new Error(`store-eventstoredb: ${names.meta} has no store id`);
    if (keyCheck !== undefined && meta.marker?.keyCheck !== keyCheck) {
      throw new Error(`store-eventstoredb: the log under ${prefix} is keyed with another chain key (is the app database the one that belongs to this log?)`);
    }
    return meta;
  };

  let meta: StoreMeta;
  try {
    meta = await open();
  } catch (error) {
    if (ownClient) await client.dispose().catch(() => undefined);
    throw error;
  }
  const storeId = meta.storeId ?? '';

  /** The marker: once the log has one it never changes; until then it is read again (another process may key the log). */
  const currentMarker = async (): Promise<ChainMarker | undefined> => {
    if (meta.marker === undefined) meta = await readMeta();
    return meta.marker;
  };

  /** The key to seal with, given the log's marker. */
  const sealingKey = (marker: ChainMarker | undefined): ChainKey | undefined => {
    if (marker === undefined && chainKey === undefined) return undefined;
    if (marker === undefined) throw new Error(`store-eventstoredb: the log under ${prefix} has lost its chain marker; run xinfang verify`);
    if (chainKey === undefined) throw new Error(`store-eventstoredb: the log under ${prefix} is keyed from position ${marker.fromPosition}; open it with its chain key to append`);
    if (marker.keyCheck !== keyCheck) throw new Error(`store-eventstoredb: the log under ${prefix} is keyed with another chain key`);
    return chainKey;
  };

  // ---- writing -----------------------------------------------------------------------------------------

  const listeners = new Set<() => void>();
  const notify = (): void => {
    // In the next turn of the event loop: the appends' callers run on first.
    setImmediate(() => {
      for (const listener of listeners) listener();
    });
  };

  /** One write at a time in this process (other processes are kept apart by the log's expected revision). */
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Appends `events` (sealed against `head`) to the log expecting it at `head`; false when another process appended first. */
  const writeLog = async (events: readonly RecordedEvent[], head: LogHead): Promise<boolean> => {
    const outcome = await appendExpecting(client, names.log, events.map(toLogEvent), toExpectedRevision(head.position));
    return logMovedTo(outcome, head.position) === undefined;
  };

  /**
   * Once events are in the log they are stored (the log is the truth): a failure while copying them to their
   * streams does not fail the append — whoever reads or writes next copies them (`sync`), and says so then if
   * the copies are broken.
   */
  const mirrorAfterLog = async (events: readonly RecordedEvent[]): Promise<void> => {
    try {
      await mirror(events);
    } catch {
      // Repaired by the next sync (see above).
    }
    notify();
  };

  /** The stored events whose ids are in `appends`, found through their command ids. */
  const storedWithIds = async (appends: readonly StreamAppend[]): Promise<RecordedEvent[]> => {
    const events = appends.flatMap((a) => a.events);
    const ids = new Set(events.map((e) => e.meta.eventId));
    const found = await forEachLimited([...new Set(events.map((e) => e.meta.commandId))], INDEX_CONCURRENCY, commandEvents);
    return found.flat().filter((e) => ids.has(e.meta.eventId));
  };

  const appendStreams = (appends: readonly StreamAppend[]): Promise<Either<AppendConflict, AppendResult[]>> =>
    serially(async () => {
      for (let attempt = 1; ; attempt++) {
        const head = await sync();
        const [heads, stored, marker] = await Promise.all([streamHeads(appends.map((a) => a.streamId)), storedWithIds(appends), currentMarker()]);
        const current = (streamId: string): AppendResult => heads.get(streamId) ?? zeroHead(streamId);
        const { result, toWrite } = decideBatch(appends, stored, current, head, clock, () => sealingKey(marker));
        if (toWrite.length === 0) return result;
        if (await writeLog(toWrite, head)) {
          await mirrorAfterLog(toWrite);
          return result;
        }
        if (attempt >= maxAttempts) throw new StoreUnavailableError(`store-eventstoredb: the log under ${prefix} kept moving on (${attempt} attempts)`, 'busy');
        // Writers that keep colliding (several processes, one hot log) spread out rather than collide again at once.
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, Math.random())));
      }
    });

  // ---- the port -----------------------------------------------------------------------------------------

  const subscriptions = subscriptionRegistry();
  let closed = false;
  let closing: Promise<void> | undefined;
  const assertOpen = (): void => {
    if (closed || closing !== undefined) throw new Error('The event store is closed');
  };

  /** The server's `$all`, filtered to the log stream, wakes subscribers at once; lost, the poll carries on. */
  let wake: AllStreamSubscription | undefined;
  const startWake = (): void => {
    if (options.live === false || wake !== undefined) return;
    const subscription = client.subscribeToAll({ fromPosition: END, filter: streamNameFilter(logStreamOnly(prefix)) });
    subscription.on('data', () => {
      for (const listener of listeners) listener();
    });
    subscription.on('error', () => {
      if (wake === subscription) wake = undefined;
    });
    wake = subscription;
  };

  const readAll: EventStore['readAll'] = ({ afterPosition = 0, batchSize = DEFAULT_BATCH_SIZE } = {}) => ({
    async *[Symbol.asyncIterator]() {
      if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new RangeError(`readAll: bad batchSize ${batchSize}`);
      for (let cursor = Math.max(0, afterPosition); ; ) {
        if (closed) throw new Error('The event store is closed');
        const page = await readLog(cursor + 1, batchSize);
        yield* page;
        if (page.length < batchSize) return;
        cursor += page.length;
      }
    },
  });

  return {
    prefix,

    append: async (streamId, events, { expectedRevision }) => {
      assertOpen();
      assertAppendArguments(streamId, events, expectedRevision);
      const result = await appendStreams([{ streamId, expectedRevision, events }]);
      return isLeft(result) ? result : right(result.right[0] ?? zeroHead(streamId));
    },

    appendMany: async (appends) => {
      assertOpen();
      assertAppendManyArguments(appends);
      return appendStreams(appends);
    },

    readStream: async (streamId, { fromRevision = 1 } = {}) => {
      assertOpen();
      await sync();
      const events = await readEvents(client, names.mirror(streamId), { fromRevision: BigInt(Math.max(1, fromRevision) - 1) });
      return events.map((e) => fromMirrorEvent(e, streamId));
    },

    readAll,

    headPosition: async () => {
      assertOpen();
      return (await lastLogEvent())?.meta.position ?? 0;
    },

    chainMarker: async () => {
      assertOpen();
      return currentMarker();
    },

    storeId: async () => {
      assertOpen();
      return storeId;
    },

    streamRevision: async (streamId) => {
      assertOpen();
      await sync();
      return (await streamHead(streamId)).revision;
    },

    findByCommandId: async (commandId) => {
      assertOpen();
      await sync();
      return commandEvents(commandId);
    },

    subscribe: (subscribeOptions, handler) => {
      assertOpen();
      startWake();
      return subscriptions.track(
        catchUpSubscription(
          {
            readAfter: (afterPosition) => readAll({ afterPosition }),
            onAppended: (listener) => {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            ...(pollIntervalMs > 0 ? { pollIntervalMs } : {}),
          },
          subscribeOptions,
          handler,
        ),
      );
    },

    importRecorded: async (origin, events) => {
      assertOpen();
      await serially(async () => {
        const head = await sync();
        const [heads, now] = await Promise.all([streamHeads(events.map((e) => e.meta.streamId)), readMeta()]);
        const newMarker = assertImportOrigin({ storeId, chainMarker: now.marker, position: head.position }, origin);
        assertImportContinues({ position: head.position, hash: head.position === 0 ? undefined : head.hash }, (streamId) => heads.get(streamId)?.revision ?? 0, events);
        if (newMarker !== undefined) {
          const outcome = await appendExpecting(client, names.meta, [chainKeyedEvent(newMarker)], toExpectedRevision(now.revision));
          meta = await readMeta();
          if (!outcome.ok) throw new StoreUnavailableError(`store-eventstoredb: the log under ${prefix} was keyed meanwhile by another process`, 'busy');
        }
        if (events.length === 0) return;
        if (!(await writeLog(events, head))) throw new StoreUnavailableError(`store-eventstoredb: another process appended to the log under ${prefix} during the import`, 'busy');
        await mirrorAfterLog(events);
      });
    },

    close: () =>
      (closing ??= (async () => {
        // Writes already queued finish (their callers are waiting); subscriptions close before the client goes.
        await queue;
        await subscriptions.closeAll();
        await wake?.unsubscribe().catch(() => undefined);
        wake = undefined;
        closed = true;
        if (ownClient) await client.dispose();
      })()),
  };
};
