import { BACKWARDS, END, FORWARDS, START, type AppendExpectedRevision, type EventData, type EventStoreDBClient } from '@eventstore/db-client';
import { isStreamNotFound, outcomeOfError, outcomeOfResult, unavailableOf, type AppendOutcome } from './errors';
import type { ServerEvent } from './log-entry';

/*
 * The few client calls the adapter makes, with the client's errors in the port's terms: a stream that does
 * not exist reads as empty, a transient failure is `StoreUnavailableError`, a wrong expected version an
 * outcome (not an error). Every call goes to the cluster's leader (`requiresLeader`): an append is decided on
 * what was read, and a follower's reads may lag behind it (a follower answers NOT_LEADER, which is transient:
 * the client reconnects to the leader).
 */

export interface ReadOptions {
  /** The first revision to read (the client's, 0-based); default the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  readonly backwards?: boolean;
  readonly maxCount?: number;
}

/** A stream's events (not links), read whole into memory: callers read in bounded pages. */
export const readEvents = async (client: EventStoreDBClient, streamName: string, { fromRevision, backwards = false, maxCount }: ReadOptions = {}): Promise<ServerEvent[]> => {
  const events: ServerEvent[] = [];
  try {
    const read = client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: fromRevision ?? (backwards ? END : START),
      ...(maxCount === undefined ? {} : { maxCount }),
      resolveLinkTos: false,
      requiresLeader: true,
    });
    for await (const resolved of read) if (resolved.event !== undefined) events.push(resolved.event);
  } catch (error) {
    if (isStreamNotFound(error)) return [];
    throw unavailableOf(error) ?? error;
  }
  return events;
};

/** The last event of a stream, if it has one. */
export const readLast = async (client: EventStoreDBClient, streamName: string): Promise<ServerEvent | undefined> =>
  (await readEvents(client, streamName, { backwards: true, maxCount: 1 }))[0];

/** Appends expecting a revision. All the events are written or none (one append is one transaction on the server). */
export const appendExpecting = async (client: EventStoreDBClient, streamName: string, events: readonly EventData[], expectedRevision: AppendExpectedRevision): Promise<AppendOutcome> => {
  try {
    return outcomeOfResult(await client.appendToStream(streamName, [...events], { expectedRevision, requiresLeader: true }));
  } catch (error) {
    return outcomeOfError(error);
  }
};

/** Runs `work` over `items` with at most `limit` at once (index reads and writes: one stream per command). */
export const forEachLimited = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};
