import type { RecordedEvent } from '@xinfang/event-store';

/*
 * How events already in the log are copied to their one-to-one streams and command indexes (the "mirrors"),
 * worked out without the server. Mirroring goes in position order and each run of one stream is one append
 * expecting the stream at the revision before it, so: an event is in its stream only if every event before it
 * in the log is in its own; a repeated mirror write (two processes repairing at once) is a no-op or finds the
 * stream already past it. A command's index entries are written before its events' stream, so an event that
 * is in its stream is also found by its command id.
 */

/** Consecutive events of one stream, appended to it as one, expecting it at `revisionBefore` (ours). */
export interface MirrorRun {
  readonly streamId: string;
  readonly revisionBefore: number;
  readonly events: readonly RecordedEvent[];
}

/** `events` (in position order) as the runs to append to their streams, in order. */
export const mirrorRuns = (events: readonly RecordedEvent[]): MirrorRun[] => {
  const runs: { streamId: string; revisionBefore: number; events: RecordedEvent[] }[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    const lastEvent = last?.events.at(-1);
    if (last !== undefined && last.streamId === event.meta.streamId && lastEvent !== undefined && lastEvent.meta.revision + 1 === event.meta.revision) last.events.push(event);
    else runs.push({ streamId: event.meta.streamId, revisionBefore: event.meta.revision - 1, events: [event] });
  }
  return runs;
};

/** `events` grouped by command id (first seen first), for the index streams. */
export const byCommand = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
  const groups = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const group = groups.get(event.meta.commandId);
    if (group === undefined) groups.set(event.meta.commandId, [event]);
    else group.push(event);
  }
  return groups;
};

/**
 * A mirror append refused for a wrong expected revision, with the stream at `actual` (ours): `done` when the
 * stream already holds the whole run (someone else mirrored it), `behind` when it lacks events before the run
 * (the mirrors are broken: never when mirroring follows the log in order).
 */
export const judgeMirrorConflict = (run: MirrorRun, actual: number): 'done' | 'behind' =>
  actual >= run.revisionBefore + run.events.length ? 'done' : 'behind';

/**
 * Walking back from the log's end, one page (newest first) at a time: the events not yet in their streams
 * (`mirrored` gives a stream's revision in its own stream), and whether an event already mirrored was reached
 * (then every event before it is mirrored too, and the walk stops).
 */
export const unmirroredOf = (pageNewestFirst: readonly RecordedEvent[], mirrored: (streamId: string) => number): { readonly missing: RecordedEvent[]; readonly reachedMirrored: boolean } => {
  const missing: RecordedEvent[] = [];
  for (const event of pageNewestFirst) {
    if (event.meta.revision <= mirrored(event.meta.streamId)) return { missing, reachedMirrored: true };
    missing.push(event);
  }
  return { missing, reachedMirrored: false };
};

/** Positions (any order, repeats allowed: index entries may be written twice) as runs of consecutive ones: [first, count]. */
export const positionRuns = (positions: readonly number[]): [number, number][] => {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const position of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && last[0] + last[1] === position) last[1] += 1;
    else runs.push([position, 1]);
  }
  return runs;
};
