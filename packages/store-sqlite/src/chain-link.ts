import { STORED_COLUMNS, canonicalObjectSpans, chainLinkOf, fromStoredRow, hashedText, isCanonicalJsonText, type ChainLink } from '@xinfang/event-store';
import type { EventRow } from './event-row';

/*
 * Verifying the log reads every row once: these links give `verifyChainLinks` the text each hash covers
 * straight from the row's text — the text `hashEvent` makes of the envelope `readAll` would build, without
 * parsing or building anything. The store writes `data` and `meta` canonical, so the fast way applies to every
 * row it wrote; a row it does not recognise as such (an older writer, an edit) takes the slow way: the
 * envelope `readAll` builds, hashed as `verifyChain` hashes it. Both give the same text for the same row.
 */

/** The columns a chain row is read with (`.raw()`: an array, cheaper than an object per row), in this order. */
export const CHAIN_COLUMNS = STORED_COLUMNS;
export type ChainRow = readonly [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  data: string | null,
  meta: string,
  recordedAt: string,
  occurredAt: string,
  commandId: string,
  prevHash: string,
  hash: string,
];

const eventRow = (r: ChainRow): EventRow => ({
  position: r[0],
  stream_id: r[1],
  revision: r[2],
  event_id: r[3],
  type: r[4],
  data: r[5],
  meta: r[6],
  recorded_at: r[7],
  occurred_at: r[8],
  command_id: r[9],
  prev_hash: r[10],
  hash: r[11],
});

/**
 * The envelope's `meta` fields kept in columns of their own (besides `hash`), in code-unit order of their
 * names (as the canonical text of the hashed `meta` has them), with their place in a `ChainRow`.
 */
const META_COLUMNS: readonly (readonly [name: string, index: number])[] = [
  ['commandId', 9],
  ['eventId', 3],
  ['occurredAt', 8],
  ['position', 0],
  ['prevHash', 10],
  ['recordedAt', 7],
  ['revision', 2],
  ['streamId', 1],
];
const QUOTED_COLUMNS: readonly string[] = META_COLUMNS.map(([name]) => `"${name}":`);
/** What the JSON part of `meta` may hold but the hashed `meta` does not take from it (see `toRecorded`). */
const NOT_FROM_JSON: ReadonlySet<string> = new Set<string>([...META_COLUMNS.map(([name]) => name), 'hash']);

const isWellFormed = (value: string): boolean => (value as unknown as { isWellFormed: () => boolean }).isWellFormed();

/** A column's value as canonical JSON, after a comma; undefined for a string not well formed (`canonicalJson` throws). */
const columnMember = (row: ChainRow, c: number): string | undefined => {
  const [, index] = META_COLUMNS[c] as readonly [string, number];
  const value = row[index] as string | number | null;
  // STRICT INTEGER columns hold safe integers (better-sqlite3 throws on a larger one); TEXT ones strings.
  if (typeof value === 'number') return `,${QUOTED_COLUMNS[c] as string}${value}`;
  if (typeof value !== 'string') return undefined;
  const json = JSON.stringify(value);
  // Nothing escaped (the usual case), so no lone surrogate either; else look.
  return json.length === value.length + 2 || isWellFormed(value) ? `,${QUOTED_COLUMNS[c] as string}${json}` : undefined;
};

/**
 * The canonical text of the hashed `meta`: the members of the JSON part (less those the columns override and
 * `hash`, as `toRecorded` and `hashEvent` drop them) merged in key order with the columns', the JSON part's
 * copied in runs. Undefined when a part is not recognised as canonical.
 */
const metaJson = (row: ChainRow): string | undefined => {
  const meta = row[6];
  const spans = canonicalObjectSpans(meta);
  if (spans === undefined) return undefined;
  const { keys, starts, ends } = spans;
  let json = '';
  let c = 0;
  let runStart = -1;
  let runEnd = -1;
  for (let m = 0; m < keys.length; m += 1) {
    const key = keys[m] as string;
    const skipped = NOT_FROM_JSON.has(key);
    const columnFirst = c < META_COLUMNS.length && (META_COLUMNS[c] as readonly [string, number])[0] < key;
    if ((skipped || columnFirst) && runStart >= 0) {
      json += `,${meta.slice(runStart, runEnd)}`;
      runStart = -1;
    }
    for (; c < META_COLUMNS.length && (META_COLUMNS[c] as readonly [string, number])[0] < key; c += 1) {
      const member = columnMember(row, c);
      if (member === undefined) return undefined;
      json += member;
    }
    if (skipped) continue;
    if (runStart < 0) runStart = starts[m] as number;
    runEnd = ends[m] as number;
  }
  if (runStart >= 0) json += `,${meta.slice(runStart, runEnd)}`;
  for (; c < META_COLUMNS.length; c += 1) {
    const member = columnMember(row, c);
    if (member === undefined) return undefined;
    json += member;
  }
  // Every member was written after a comma: the first one's becomes the brace.
  return `{${json.slice(1)}}`;
};

class RowLink implements ChainLink {
  readonly position: number;
  readonly streamId: string;
  readonly revision: number;
  readonly prevHash: string;
  readonly hash: string;

  constructor(private readonly row: ChainRow) {
    this.position = row[0];
    this.streamId = row[1];
    this.revision = row[2];
    this.prevHash = row[10];
    this.hash = row[11];
  }

  hashedText(): string {
    const { row } = this;
    const [, , , , type, data] = row;
    const meta = metaJson(row);
    const canonical = meta !== undefined && isWellFormed(type) && (data === null || isCanonicalJsonText(data));
    return canonical ? hashedText(JSON.stringify(type), data ?? undefined, meta) : chainLinkOf(fromStoredRow(eventRow(row))).hashedText();
  }
}

/** A row as a link of the chain; its text is read only when its hash is checked. */
export const toChainLink = (row: ChainRow): ChainLink => new RowLink(row);
