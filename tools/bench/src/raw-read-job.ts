import { createHmac, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

/*
 * The references for reading: the fastest plain loop better-sqlite3 allows over the same rows — one
 * statement iterated, `data` and `meta` parsed with JSON.parse (read+parse, the floor under any rebuild),
 * or each row HMAC-SHA-256'd over its stored text (read+hash, the floor under `verify`).
 */

interface RawRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string | null;
  readonly meta: string;
  readonly recorded_at: string;
  readonly occurred_at: string;
  readonly prev_hash: string;
  readonly hash: string;
}

const ROWS = 'SELECT position, stream_id, revision, type, data, meta, recorded_at, occurred_at, prev_hash, hash FROM events ORDER BY position';

export const rawReadParse = async (args: { path: string }) => {
  const db = new Database(args.path, { readonly: true });
  const started = performance.now();
  let count = 0;
  let touched = 0;
  for (const row of db.prepare<[], RawRow>(ROWS).iterate()) {
    const data: unknown = row.data === null ? undefined : JSON.parse(row.data);
    const meta = JSON.parse(row.meta) as Record<string, unknown>;
    // Use what was parsed, so that no engine can drop the work.
    if (data !== undefined && meta !== undefined) touched += 1;
    count += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, count, touched };
};

export const rawReadHash = async (args: { path: string }) => {
  const db = new Database(args.path, { readonly: true });
  const key = randomBytes(32);
  const started = performance.now();
  let count = 0;
  let last = '';
  for (const row of db.prepare<[], RawRow>(ROWS).iterate()) {
    last = createHmac('sha256', key)
      .update(`${row.position}\n${row.stream_id}\n${row.revision}\n${row.type}\n${row.data ?? ''}\n${row.meta}\n${row.recorded_at}\n${row.occurred_at}\n${row.prev_hash}`, 'utf8')
      .digest('hex');
    count += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { seconds, count, last };
};
