import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { runDemo, type DemoRun } from './demo-run';
import { ROOT } from './paths';
import { progress } from './progress';

/*
 * The dataset: the demo campaign (tools/demo-data) replayed by the real `xinfang demo` — every request
 * through the app's routes, codecs and rules into a SQLite store — at the scale that gives about the events
 * asked for, generated once per seed and size and kept in the cache folder.
 *
 * It is generated in a RAM file system (/dev/shm) where there is one with room, then copied to the cache:
 * the same requests, the same events and the same files, only each commit's fsync costs nothing there, and
 * a fixture needs no durability. (Where the writes' speed is the figure, the bench measures it on disk.)
 */

/**
 * Events per unit of `--scale` as measured at a few scales (seed 2024): a larger campaign runs longer, so
 * more of its cases live out their lives (scale 1.36: 20,000 events; 5: 81,000; 25: 439,000; 57: 1,039,439).
 */
const EVENTS_PER_SCALE: readonly (readonly [scale: number, perScale: number])[] = [
  [1, 14_700],
  [5, 16_200],
  [25, 17_560],
  [57, 18_236],
];
/** Bytes a demo event takes in the log, with room to spare (measured: about 1,000). */
const BYTES_PER_EVENT = 2_000;
const RAM_FS = '/dev/shm';

export interface Generation extends DemoRun {
  readonly generatedAt: string;
  readonly commit: string;
  /** Where it was generated: `tmpfs` (then copied) or `disk` (the cache folder itself). */
  readonly where?: 'tmpfs' | 'disk';
}

export interface Dataset {
  readonly dir: string;
  /** The log (`log.db`, with `log.app.db` beside it). */
  readonly path: string;
  readonly events: number;
  readonly generation: Generation;
  /** Whether this run generated it (false: taken from the cache). */
  readonly fresh: boolean;
}

/** A scratch folder in RAM with room for `bytes`, or undefined. */
const ramScratch = (bytes: number): string | undefined => {
  try {
    const fs = statfsSync(RAM_FS);
    if (fs.bavail * fs.bsize < bytes * 2) return undefined;
    return mkdtempSync(resolve(RAM_FS, 'xinfang-bench-'));
  } catch {
    return undefined;
  }
};

/** Copies a store's files (the log and the app database, with any WAL) into `dir`. */
const copyStoreFiles = (path: string, dir: string): void => {
  const base = path.replace(/\.db$/, '');
  for (const suffix of ['.db', '.app.db'])
    for (const extra of ['', '-wal', '-shm']) {
      const from = `${base}${suffix}${extra}`;
      if (existsSync(from)) copyFileSync(from, resolve(dir, basename(from)));
    }
};

/** Events per scale at `scale`, interpolated on log(scale) between the measured points. */
const perScale = (scale: number): number => {
  const points = EVENTS_PER_SCALE;
  const first = points[0] as readonly [number, number];
  const last = points.at(-1) as readonly [number, number];
  if (scale <= first[0]) return first[1];
  if (scale >= last[0]) return last[1];
  for (let i = 1; i < points.length; i += 1) {
    const [s1, e1] = points[i] as readonly [number, number];
    const [s0, e0] = points[i - 1] as readonly [number, number];
    if (scale <= s1) return e0 + ((e1 - e0) * Math.log(scale / s0)) / Math.log(s1 / s0);
  }
  return last[1];
};

/** The demo scale that gives about `events` events. */
export const scaleFor = (events: number): number => {
  let scale = events / perScale(1);
  for (let i = 0; i < 8; i += 1) scale = events / perScale(scale);
  return Math.max(0.01, Math.round(scale * 1000) / 1000);
};

export const ensureDataset = async (options: { cache: string; seed: number; events: number; fresh: boolean; commit: string }): Promise<Dataset> => {
  const dir = resolve(ROOT, options.cache, `seed${options.seed}-events${options.events}`);
  const path = resolve(dir, 'log.db');
  const metaPath = resolve(dir, 'generation.json');
  if (!options.fresh && existsSync(metaPath) && existsSync(path)) {
    const generation = JSON.parse(readFileSync(metaPath, 'utf8')) as Generation;
    progress(`dataset: ${generation.events} events from the cache (${dir})`);
    return { dir, path, events: generation.events, generation, fresh: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const scale = scaleFor(options.events);
  const scratch = ramScratch(options.events * BYTES_PER_EVENT);
  const target = scratch === undefined ? path : resolve(scratch, 'log.db');
  progress(`dataset: xinfang demo --seed ${options.seed} --scale ${scale} (about ${options.events} events) into ${target}`);
  try {
    const run = await runDemo({ path: target, seed: options.seed, scale, label: 'dataset' });
    if (scratch !== undefined) copyStoreFiles(target, dir);
    const generation: Generation = { ...run, generatedAt: new Date().toISOString(), commit: options.commit, where: scratch === undefined ? 'disk' : 'tmpfs' };
    writeFileSync(metaPath, `${JSON.stringify(generation, null, 2)}\n`);
    progress(`dataset: ${generation.events} events in ${generation.seconds.toFixed(0)} s`);
    return { dir, path, events: generation.events, generation, fresh: true };
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
};
