import type { RecordedEvent, RecordedEventMeta } from '@xinfang/event-store';

/*
 * What travels in the server's event metadata: everything of our envelope's `meta` but the stream and the
 * revision, which are the server's own (the stream name and the event's revision): our event id (the server's
 * id is `serverEventId` of it), the global position, the hash chain, recordedAt, the business time, actor,
 * command, correlation and causation, schema version. `data` is the server's JSON data. Read back, the
 * envelope is exactly what was written, so its hash verifies.
 */

export const METADATA_VERSION = 1;

/** The metadata document of one event. */
export type EventMetadata = Omit<RecordedEventMeta, 'streamId' | 'revision'> & { readonly xinfang: typeof METADATA_VERSION };

export const toMetadata = (event: RecordedEvent): EventMetadata => {
  const { streamId: _stream, revision: _revision, ...rest } = event.meta;
  return { xinfang: METADATA_VERSION, ...rest };
};

/** What the server gave back for one event, as the fields the envelope is rebuilt from. */
export interface StoredParts {
  /** The server's event id: our id when the metadata lacks one (it never does for what this adapter writes). */
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** The envelope of an event read from the server; throws for metadata that is not ours (a foreign event in our stream). */
export const fromStored = (parts: StoredParts): RecordedEvent => {
  const metadata = parts.metadata as Partial<EventMetadata> | undefined;
  if (typeof metadata !== 'object' || metadata === null || metadata.xinfang !== METADATA_VERSION) {
    throw new Error(`store-eventstoredb: the event ${parts.id} in ${parts.streamId} has no xinfang metadata`);
  }
  const { xinfang: _version, eventId, ...rest } = metadata;
  return {
    type: parts.type,
    data: parts.data,
    meta: { ...(rest as Omit<RecordedEventMeta, 'streamId' | 'revision' | 'eventId'>), eventId: eventId ?? parts.id, streamId: parts.streamId, revision: parts.revision },
  };
};
