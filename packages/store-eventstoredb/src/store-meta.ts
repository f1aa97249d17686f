import type { EventData } from '@eventstore/db-client';
import { KEYED_SCHEME, type ChainMarker } from '@xinfang/event-store';
import type { ServerEvent } from './log-entry';

/*
 * The log's identity and chain marker, kept in the meta stream `_<prefix>meta`: a `created` event with the
 * store id (the first event, written expecting no stream, so two processes opening a new log at once agree on
 * one id) and at most one `keyed` event with the marker (written expecting the stream at the revision read).
 */

export const STORE_CREATED = 'xinfang.store-created';
export const CHAIN_KEYED = 'xinfang.chain-keyed';

export interface StoreMeta {
  readonly storeId: string | undefined;
  readonly marker: ChainMarker | undefined;
  /** The meta stream's revision (ours: 0 = no stream), to expect on the next write. */
  readonly revision: number;
}

const isMarker = (value: unknown): value is ChainMarker => {
  const m = value as Partial<ChainMarker> | null | undefined;
  return typeof m?.fromPosition === 'number' && Number.isSafeInteger(m.fromPosition) && m.fromPosition >= 1 && m.scheme === KEYED_SCHEME && typeof m.keyCheck === 'string';
};

/** What the meta stream's events (in order) say; the first of each kind counts. Throws on a marker of another scheme. */
export const foldStoreMeta = (events: readonly Pick<ServerEvent, 'type' | 'data'>[]): StoreMeta => {
  let storeId: string | undefined;
  let marker: ChainMarker | undefined;
  for (const { type, data } of events) {
    if (type === STORE_CREATED && storeId === undefined) {
      const id = (data as { storeId?: unknown } | null | undefined)?.storeId;
      if (typeof id === 'string') storeId = id;
    } else if (type === CHAIN_KEYED && marker === undefined) {
      if (!isMarker(data)) throw new Error(`store-eventstoredb: unknown chain marker ${JSON.stringify(data)}`);
      marker = { fromPosition: data.fromPosition, scheme: KEYED_SCHEME, keyCheck: data.keyCheck };
    }
  }
  return { storeId, marker, revision: events.length };
};

export const storeCreatedEvent = (storeId: string): EventData => ({ id: globalThis.crypto.randomUUID(), contentType: 'application/json', type: STORE_CREATED, data: { storeId }, metadata: undefined });

export const chainKeyedEvent = (marker: ChainMarker): EventData => ({
  id: globalThis.crypto.randomUUID(),
  contentType: 'application/json',
  type: CHAIN_KEYED,
  data: { fromPosition: marker.fromPosition, scheme: marker.scheme, keyCheck: marker.keyCheck },
  metadata: undefined,
});
