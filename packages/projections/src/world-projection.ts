import { isLeft } from 'fp-ts/Either';
import { aggregateOfStream, DutyScheduled, PersonEvent, type AggregateName, type StateOf } from '@xinfang/domain';
import type { EventStore, RecordedEvent } from '@xinfang/event-store';
import { defineProjection, type Projection } from './projection';
import type { ReadModelStore } from './read-model-store';
import { streamBoundsProjection } from './stream-bounds';
import { streamHeadsProjection } from './stream-heads';
import { docsThroughTail } from './tail-docs';
import { emptyWorld, evolveStream, UndecodableEventError, type World } from './world';

/*
 * The read models the app needs to answer "now" without replaying the log:
 *
 * - `aggregates`: one document per stream, its aggregate state folded with the domain's own `evolve`
 *   (through `evolveStream`), so that the World of now is loaded from the read model (`loadWorld`) instead
 *   of being built from every event at each request;
 * - `dutyIndex`: dutyId → the duty streams that hold it, because `POST /duties/{id}/missed` names only
 *   the duty while the slot lives in `duty-<unit>-<isoWeek>`;
 * - `personIndex`: id-number digest (the app's keyed hash) → the people registered with it, to match a
 *   returning petitioner to their file without the plain id number; an erased person leaves the index.
 *
 * Bump a projection's version when what it stores changes — for `aggregates`, whenever a decider's
 * `evolve` or state shape changes in the domain — so that stored read models are rebuilt.
 */

/** The state of any aggregate, as the `aggregates` read model stores it. */
export type AggregateState = StateOf<AggregateName>;

export const AGGREGATES_PROJECTION = 'aggregates';
export const DUTY_INDEX_PROJECTION = 'dutyIndex';
export const PERSON_INDEX_PROJECTION = 'personIndex';

/** Key = streamId, document = that stream's aggregate state. Events of no aggregate are ignored. */
export const aggregatesProjection: Projection<AggregateState> = defineProjection<AggregateState>({
  name: AGGREGATES_PROJECTION,
  version: 1,
  keysOf: (event) => (aggregateOfStream(event.meta.streamId) === undefined ? [] : [event.meta.streamId]),
  apply: (doc, event) => {
    const name = aggregateOfStream(event.meta.streamId);
    return name === undefined ? doc : evolveStream(name, doc, event);
  },
});

// ——— dutyIndex ———

/**
 * The duty streams that scheduled a dutyId, in the order they did. The domain keeps a dutyId unique only
 * within its stream (a unit's week): the app makes up unique ids, and more than one stream here means a
 * client reused an id, which the app should refuse to guess about.
 */
export interface DutyIndexDoc {
  readonly streamIds: readonly string[];
}

const decodeDutyScheduled = (event: RecordedEvent): DutyScheduled | undefined => {
  if (event.type !== 'DutyScheduled' || aggregateOfStream(event.meta.streamId) !== 'duty') return undefined;
  const decoded = DutyScheduled.decode({ type: event.type, data: event.data });
  if (isLeft(decoded)) throw new UndecodableEventError(event);
  return decoded.right;
};

export const dutyIndexProjection: Projection<DutyIndexDoc> = defineProjection<DutyIndexDoc>({
  name: DUTY_INDEX_PROJECTION,
  version: 1,
  keysOf: (event) => {
    const scheduled = decodeDutyScheduled(event);
    return scheduled === undefined ? [] : [scheduled.data.dutyId];
  },
  apply: (doc, event) => {
    const { streamId } = event.meta;
    const streamIds = doc?.streamIds ?? [];
    return streamIds.includes(streamId) ? doc : { streamIds: [...streamIds, streamId] };
  },
});

/** The duty streams that hold `dutyId` (usually one; none for an unknown id). */
export const findDutyStreams = async (readModels: ReadModelStore, dutyId: string): Promise<readonly string[]> => {
  const doc = (await readModels.load(DUTY_INDEX_PROJECTION, [dutyId])).get(dutyId) as DutyIndexDoc | undefined;
  return doc?.streamIds ?? [];
};

/** `findDutyStreams` as of the log's head when the read model may be behind it (see `findPersonIdsThroughTail`). */
export const findDutyStreamsThroughTail = async (store: EventStore, readModels: ReadModelStore, dutyId: string): Promise<readonly string[]> => {
  const doc = (await docsThroughTail(store, readModels, dutyIndexProjection, [dutyId])).get(dutyId);
  return doc?.streamIds ?? [];
};

// ——— personIndex ———

/**
 * Two kinds of document. `digest:<idNumberDigest>` → the people registered with that digest and not
 * erased, oldest first (more than one only if the app registered a duplicate). `person:<personId>` → what
 * the index needs to know about a person: the digest, to find the entry to drop at the erasure (the
 * erasure event names only the person), and whether the file is erased (the domain ignores a second
 * registration, and so does the index).
 */
export interface PersonDigestDoc {
  readonly personIds: readonly string[];
}
export type PersonIndexEntryDoc = { readonly status: 'registered'; readonly idNumberDigest?: string } | { readonly status: 'erased' };
export type PersonIndexDoc = PersonDigestDoc | PersonIndexEntryDoc;

const digestKey = (idNumberDigest: string): string => `digest:${idNumberDigest}`;
const personKey = (personId: string): string => `person:${personId}`;

const decodePersonEvent = (event: RecordedEvent): PersonEvent | undefined => {
  if (aggregateOfStream(event.meta.streamId) !== 'person') return undefined;
  if (event.type !== 'PersonRegistered' && event.type !== 'PersonErased') return undefined;
  const decoded = PersonEvent.decode({ type: event.type, data: event.data });
  if (isLeft(decoded)) throw new UndecodableEventError(event);
  return decoded.right;
};

const withoutPerson = (doc: PersonIndexDoc | undefined, personId: string): PersonDigestDoc | undefined => {
  const personIds = doc !== undefined && 'personIds' in doc ? doc.personIds.filter((id) => id !== personId) : [];
  return personIds.length === 0 ? undefined : { personIds };
};

export const personIndexProjection: Projection<PersonIndexDoc> = defineProjection<PersonIndexDoc>({
  name: PERSON_INDEX_PROJECTION,
  version: 1,
  keysOf: (event, lookup) => {
    const decoded = decodePersonEvent(event);
    if (decoded === undefined) return [];
    const { personId } = decoded.data;
    const entry = lookup(personKey(personId)) as PersonIndexEntryDoc | undefined;
    if (decoded.type === 'PersonRegistered') {
      if (entry !== undefined) return []; // registered already: the domain ignores it
      const { idNumberDigest } = decoded.data;
      return idNumberDigest === undefined ? [personKey(personId)] : [personKey(personId), digestKey(idNumberDigest)];
    }
    if (entry?.status !== 'registered') return []; // never registered, or erased already
    return entry.idNumberDigest === undefined
      ? [personKey(personId)]
      : [personKey(personId), digestKey(entry.idNumberDigest)];
  },
  apply: (doc, event, key) => {
    const decoded = decodePersonEvent(event);
    if (decoded === undefined) return doc;
    const { personId } = decoded.data;
    if (key.startsWith('person:')) {
      if (decoded.type === 'PersonErased') return { status: 'erased' };
      const { idNumberDigest } = decoded.data;
      return idNumberDigest === undefined ? { status: 'registered' } : { status: 'registered', idNumberDigest };
    }
    if (decoded.type === 'PersonErased') return withoutPerson(doc, personId);
    const personIds = doc !== undefined && 'personIds' in doc ? doc.personIds : [];
    return personIds.includes(personId) ? doc : { personIds: [...personIds, personId] };
  },
});

/** The people (not erased) registered with this id-number digest, oldest first; usually one or none. */
export const findPersonIds = async (readModels: ReadModelStore, idNumberDigest: string): Promise<readonly string[]> => {
  const key = digestKey(idNumberDigest);
  const doc = (await readModels.load(PERSON_INDEX_PROJECTION, [key])).get(key) as PersonDigestDoc | undefined;
  return doc?.personIds ?? [];
};

/**
 * `findPersonIds` as of the log's head when the read model may be behind it (its runner failing): the
 * events after the index's checkpoint are applied in memory first (tail-docs.ts).
 */
export const findPersonIdsThroughTail = async (store: EventStore, readModels: ReadModelStore, idNumberDigest: string): Promise<readonly string[]> => {
  const key = digestKey(idNumberDigest);
  const doc = (await docsThroughTail(store, readModels, personIndexProjection, [key])).get(key) as PersonDigestDoc | undefined;
  return doc?.personIds ?? [];
};

// ——— all of them ———

/** The projections the app runs to serve "now" (and, with the stream bounds, any past view). */
export const worldProjections = [aggregatesProjection, dutyIndexProjection, personIndexProjection, streamBoundsProjection, streamHeadsProjection] as const;

/** The stored `aggregates` read model is of another version than this code's: run the runner first. */
export class StaleReadModelError extends Error {
  constructor(
    readonly projection: string,
    readonly storedVersion: number,
    readonly version: number,
  ) {
    super(`read model "${projection}" is of version ${storedVersion}, this code needs ${version}: catch up (rebuild) first`);
    this.name = 'StaleReadModelError';
  }
}

/**
 * The World as the `aggregates` read model holds it (as of its checkpoint: for the live "now", with the
 * runner caught up) — equal to `buildWorld` of the events up to that checkpoint, without replaying them.
 */
export const loadWorld = async (readModels: ReadModelStore): Promise<World> => {
  const checkpoint = await readModels.checkpoint(AGGREGATES_PROJECTION);
  if (checkpoint !== undefined && checkpoint.version !== aggregatesProjection.version)
    throw new StaleReadModelError(AGGREGATES_PROJECTION, checkpoint.version, aggregatesProjection.version);
  const world = emptyWorld();
  for await (const [streamId, doc] of readModels.all(AGGREGATES_PROJECTION)) {
    const name = aggregateOfStream(streamId);
    if (name !== undefined) (world[name] as Map<string, unknown>).set(streamId, doc);
  }
  return world;
};
