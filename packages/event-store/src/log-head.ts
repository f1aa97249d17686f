import type { RecordedEvent } from './envelope';
import type { EventStore } from './event-store';
import { GENESIS_HASH, type LogHead } from './hash-chain';

/** The log's last event, if it has one: one row read, however long the log. */
export const readLastEvent = async (store: EventStore): Promise<RecordedEvent | undefined> => {
  const position = await store.headPosition();
  if (position > 0) for await (const event of store.readAll({ afterPosition: position - 1, batchSize: 1 })) return event;
  return undefined;
};

/**
 * The log's last position and hash (0 and the genesis hash for an empty log). Noted down apart from the
 * log — printed by `verify`, on every export, in a backup's manifest — it anchors the log: a later
 * `verify --expect POSITION:HASH` catches a cut-off tail, which the chain alone cannot show.
 */
export const readLogHead = async (store: EventStore): Promise<LogHead> => {
  const last = await readLastEvent(store);
  return last === undefined ? { position: 0, hash: GENESIS_HASH } : { position: last.meta.position, hash: last.meta.hash };
};

/** `POSITION:HASH`, the form `verify --expect`, `?expect=` and the `X-Xinfang-Head` header use. */
export const formatLogHead = (head: LogHead): string => `${head.position}:${head.hash}`;

const HEAD_PATTERN = /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/;

/** Reads `POSITION:HASH` (a position from 1, a SHA-256 in lower-case hex); undefined when it is not that. */
export const parseLogHead = (text: string): LogHead | undefined => {
  const match = HEAD_PATTERN.exec(text.trim());
  const position = Number(match?.[1]);
  const hash = match?.[2];
  return hash === undefined || !Number.isSafeInteger(position) ? undefined : { position, hash };
};

/** The log's events up to a head noted before (later appends left out), in position order. */
export async function* readAllUpTo(store: EventStore, position: number): AsyncIterable<RecordedEvent> {
  if (position <= 0) return;
  for await (const event of store.readAll()) {
    if (event.meta.position > position) return;
    yield event;
  }
}
