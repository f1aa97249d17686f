import type { EventData, JSONType } from '@eventstore/db-client';
import type { RecordedEvent } from '@xinfang/event-store';
import { fromStored, toMetadata, type EventMetadata } from './metadata';
import { fromEventRevision } from './revision';
import { serverEventId } from './server-event-id';

/*
 * The three server events one of ours becomes, and how each is read back:
 * - in the log stream, the whole envelope: the metadata names its stream and revision too, and the log
 *   revision it sits at is its position − 1 (checked on read: a log that does not say so is not ours);
 * - in its one-to-one stream, the same event under the same server id, whose revision there is ours;
 * - in its command's index stream, its position alone.
 */

/** What a log event's metadata holds beyond a mirror's: where the event belongs. */
export type LogMetadata = EventMetadata & { readonly streamId: string; readonly revision: number };

/** One event as the client reads it back (the fields of its `RecordedEvent` the adapter uses). */
export interface ServerEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
}

const jsonEventData = (id: string, type: string, data: unknown, metadata: unknown): EventData =>
  // Our data is plain JSON of any kind (sealEvent made it so); the client writes it with JSON.stringify.
  ({ id, contentType: 'application/json', type, data: data as JSONType, metadata: metadata as JSONType });

export const toLogEvent = (event: RecordedEvent): EventData => {
  const metadata: LogMetadata = { ...toMetadata(event), streamId: event.meta.streamId, revision: event.meta.revision };
  return jsonEventData(serverEventId(event.meta.eventId), event.type, event.data, metadata);
};

export const toMirrorEvent = (event: RecordedEvent): EventData =>
  jsonEventData(serverEventId(event.meta.eventId), event.type, event.data, toMetadata(event));

/** The type of a command index entry. */
export const COMMAND_ENTRY_TYPE = 'xinfang.command-event';

export const toCommandEntry = (event: RecordedEvent): EventData =>
  jsonEventData(serverEventId(event.meta.eventId), COMMAND_ENTRY_TYPE, { position: event.meta.position }, undefined);

const jsonOnly = (event: ServerEvent, where: string): void => {
  if (!event.isJson) throw new Error(`store-eventstoredb: the event ${event.id} in ${where} is not JSON: not ours`);
};

/** A log event as our envelope; throws when it does not sit at its position − 1 (the log is not ours, or was changed). */
export const fromLogEvent = (event: ServerEvent, logName: string): RecordedEvent => {
  jsonOnly(event, logName);
  const metadata = event.metadata as Partial<LogMetadata> | undefined;
  const streamId = metadata?.streamId;
  const revision = metadata?.revision;
  if (typeof streamId !== 'string' || typeof revision !== 'number') throw new Error(`store-eventstoredb: the event ${event.id} in ${logName} names no stream`);
  const { streamId: _s, revision: _r, ...rest } = metadata as LogMetadata;
  const recorded = fromStored({ id: event.id, type: event.type, streamId, revision, data: event.data, metadata: rest });
  if (recorded.meta.position !== fromEventRevision(event.revision)) {
    throw new Error(`store-eventstoredb: the event at ${logName} #${event.revision} says position ${recorded.meta.position}`);
  }
  return recorded;
};

/** An event of a one-to-one stream as our envelope: its revision is the server's, its stream ours. */
export const fromMirrorEvent = (event: ServerEvent, streamId: string): RecordedEvent => {
  jsonOnly(event, streamId);
  return fromStored({ id: event.id, type: event.type, streamId, revision: fromEventRevision(event.revision), data: event.data, metadata: event.metadata });
};

/** The position a command index entry points at; undefined for an entry that is not one. */
export const positionOfEntry = (event: ServerEvent): number | undefined => {
  const position = (event.data as { position?: unknown } | null | undefined)?.position;
  return typeof event.type === 'string' && event.type === COMMAND_ENTRY_TYPE && typeof position === 'number' && Number.isSafeInteger(position) && position > 0 ? position : undefined;
};
