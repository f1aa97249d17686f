import type { RecordedEvent } from '@xinfang/event-store';

/*
 * A projection is a plain record of pure functions over per-key documents:
 *
 * - `keysOf(event, lookup)` names the documents an event touches (often one: the stream's, a case's, a
 *   duty's; none for an event the projection ignores);
 * - `apply(doc, event, key)` returns the next version of one of those documents (`undefined` deletes it).
 *
 * Why per key, rather than one `apply(model, event)` over the whole read model: the runner then loads
 * only the documents a batch touches, applies the batch in memory and writes back only what changed,
 * together with the checkpoint. A read model of ten thousand cases costs the same per event as one of ten;
 * nothing ever has to hold the whole model in memory (except a query that asks for all of it); a query
 * reads one document by key; and the same definition runs on any store with a key → JSON table
 * (memory, SQLite, PostgreSQL).
 *
 * Rules for a projection (the runner relies on them; the property tests check them for ours):
 *
 * - Pure and deterministic: the documents depend only on the events, in order — never on the clock, on
 *   randomness, on the batch size or on how often the runner was restarted. Do not mutate `doc` or the
 *   event: return a new value (or the same one when nothing changes, which the runner then does not write).
 * - Documents are JSON: what `JSON.stringify` writes and `JSON.parse` reads back equal (no `undefined`
 *   inside arrays, no `Map`, `Date`, `bigint`, class instances or functions). A property that is
 *   `undefined` is simply absent after a round trip.
 * - `name` is the key of the stored documents and checkpoint; `version` is bumped whenever `keysOf` or
 *   `apply` (or the domain code they call) would give a different result for the same events: a stored
 *   read model of another version is thrown away and rebuilt from the first event.
 * - `lookup(key)` reads a document of this same projection as it stands before the event. It is for
 *   the rare index whose key is not in the event (a person's erasure names the person, not the id-number
 *   digest the index is keyed by: the digest is found in the person's own document). `keysOf` may be
 *   called more than once per event (the runner first asks with an empty lookup to prefetch documents in
 *   bulk), so it must not have side effects.
 * - A projection that throws stops the runner: events are never skipped. Events of other aggregates or of
 *   types the projection does not know must be ignored (`[]`), not rejected.
 */

/** Reads a document of the same projection as it stands before the event being routed. */
export type DocLookup<Doc> = (key: string) => Doc | undefined;

export interface Projection<Doc = unknown> {
  /** Where the documents and the checkpoint are kept: unique among the projections of a runner. */
  readonly name: string;
  /** A positive integer; a stored read model of another version is rebuilt from position 0. */
  readonly version: number;
  /** The keys of the documents `event` changes (duplicates are ignored); `[]` when it changes none. */
  keysOf(event: RecordedEvent, lookup: DocLookup<Doc>): readonly string[];
  /** The document at `key` after `event` (`undefined`: there is none, or it is deleted). */
  apply(doc: Doc | undefined, event: RecordedEvent, key: string): Doc | undefined;
}

/** A projection whose documents are of any type (what the runner and the stores handle). */
export type AnyProjection = Projection<unknown>;

/** Identity, for inference: `defineProjection<MyDoc>({ name, version, keysOf, apply })`. */
export const defineProjection = <Doc>(projection: Projection<Doc>): Projection<Doc> => projection;
