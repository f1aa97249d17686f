import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CLI_BIN, ROOT } from './paths';
import { peakRssOf } from './child';
import { progress } from './progress';

/*
 * The dataset: the demo campaign (tools/demo-data) replayed by the real `xinfang demo` — every request
 * through the app's routes, codecs and rules into a SQLite store — at the scale that gives about the events
 * asked for. It is generated once per seed and size and kept in the cache folder. While it runs, the log's
 * head and the process's RSS are sampled every second: that is the `demo --scale` figure (events/s as the
 * campaign grows, and peak RSS).
 */

/** Events per unit of `--scale`, as the scale-1 campaign gives (measured: about 14,700). */
const EVENTS_PER_SCALE = 14_700;
const SAMPLE_MS = 1000;

export interface Sample {
  readonly seconds: number;
  readonly position: number;
  readonly rssMb: number;
}

export interface Generation {
  readonly seed: number;
  readonly scale: number;
  readonly events: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly samples: readonly Sample[];
  readonly generatedAt: string;
  readonly commit: string;
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

const headOf = (path: string): number => {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { fileMustExist: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get() as { head: number }).head;
  } catch {
    return 0; // the schema is not there yet
  } finally {
    db.close();
  }
};

const rssNow = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
};

const generate = (path: string, seed: number, scale: number): Promise<Omit<Generation, 'generatedAt' | 'commit' | 'events'>> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, 'demo', '--seed', String(seed), '--scale', String(scale), '--store', `sqlite:${path}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = performance.now();
    const samples: Sample[] = [];
    let peakRssMb = 0;
    let tail = '';
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-3000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let lastLog = 0;
    const timer = setInterval(() => {
      const pid = child.pid;
      if (pid === undefined) return;
      peakRssMb = Math.max(peakRssMb, peakRssOf(pid) || 0);
      const sample = { seconds: (performance.now() - started) / 1000, position: headOf(path), rssMb: rssNow(pid) };
      samples.push(sample);
      if (sample.seconds - lastLog >= 30) {
        lastLog = sample.seconds;
        progress(`dataset: ${sample.position} events after ${sample.seconds.toFixed(0)} s (RSS ${sample.rssMb.toFixed(0)} MB)`);
      }
    }, SAMPLE_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`xinfang demo exited with ${code}: ${tail}`));
      samples.push({ seconds, position: headOf(path), rssMb: Number.NaN });
      resolvePromise({ seed, scale, seconds, peakRssMb, samples });
    });
  });

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
  const scale = Math.max(0.01, Math.round((options.events / EVENTS_PER_SCALE) * 1000) / 1000);
  progress(`dataset: xinfang demo --seed ${options.seed} --scale ${scale} (about ${options.events} events) into ${dir}`);
  const run = await generate(path, options.seed, scale);
  const generation: Generation = { ...run, events: headOf(path), generatedAt: new Date().toISOString(), commit: options.commit };
  writeFileSync(metaPath, `${JSON.stringify(generation, null, 2)}\n`);
  progress(`dataset: ${generation.events} events in ${generation.seconds.toFixed(0)} s`);
  return { dir, path, events: generation.events, generation, fresh: true };
};
