import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';

/*
 * The reference for writes: single-row inserts, each its own `BEGIN IMMEDIATE … COMMIT`, into a table of
 * the store's shape with the store's durability (WAL, synchronous = FULL) — the most a store that syncs
 * every command can do. The row is a real `ProgressRecorded` event of the dataset, with new ids.
 */

const SCHEMA = `
CREATE TABLE events (
  position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL, data TEXT, meta TEXT NOT NULL, recorded_at TEXT NOT NULL, occurred_at TEXT NOT NULL,
  command_id TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision)
) STRICT;
CREATE INDEX events_by_command_id ON events (command_id, position);`;

interface SampleRow {
  readonly data: string | null;
  readonly meta: string;
  readonly recorded_at: string;
  readonly occurred_at: string;
  readonly hash: string;
}

export const rawInsert = async (args: { path: string; target: string; durationMs: number }) => {
  const source = new Database(args.path, { readonly: true });
  const sample = source
    .prepare<[string], SampleRow>('SELECT data, meta, recorded_at, occurred_at, hash FROM events WHERE type = ? ORDER BY position DESC LIMIT 1')
    .get('ProgressRecorded');
  source.close();
  if (sample === undefined) throw new Error('rawInsert: the dataset has no ProgressRecorded event');
  for (const suffix of ['', '-wal', '-shm']) rmSync(args.target + suffix, { force: true });
  const db = new Database(args.target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO events (position, stream_id, revision, event_id, type, data, meta, recorded_at, occurred_at, command_id, prev_hash, hash)
     VALUES (?, ?, ?, ?, 'ProgressRecorded', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + args.durationMs;
  let count = 0;
  while (performance.now() < end) {
    const t0 = performance.now();
    count += 1;
    begin.run();
    insert.run(count, 'case-bench', count, randomUUID(), sample.data, sample.meta, sample.recorded_at, sample.occurred_at, randomUUID(), sample.hash, sample.hash);
    commit.run();
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  latencies.sort((a, b) => a - b);
  return { seconds, count, p50Ms: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN };
};
