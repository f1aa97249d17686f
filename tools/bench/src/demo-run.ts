import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runCli } from './cli-run';
import { progress } from './progress';

/*
 * `xinfang demo --seed S --scale X --store sqlite:PATH` — the real command, every request of the campaign
 * through the app's routes, codecs and rules — with the log's head and the process's RSS sampled every
 * second: events/s as the campaign and the log grow, and the peak RSS.
 */

export interface Sample {
  readonly seconds: number;
  readonly position: number;
  readonly rssMb: number;
}

export interface DemoRun {
  readonly seed: number;
  readonly scale: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  /** CPU time of the demo process (user + system), as last sampled (up to a second before its end). */
  readonly cpuSeconds?: number;
  readonly events: number;
  readonly samples: readonly Sample[];
}

/** The log's head (0 before the schema exists). */
export const headOf = (path: string): number => {
  if (!existsSync(path)) return 0;
  const db = new Database(path, { fileMustExist: true, readonly: true });
  try {
    return (db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get() as { head: number }).head;
  } catch {
    return 0; // the schema is not there yet
  } finally {
    db.close();
  }
};

export const runDemo = async (options: { path: string; seed: number; scale: number; label: string }): Promise<DemoRun> => {
  const samples: Sample[] = [];
  let lastLog = 0;
  const run = await runCli(['demo', '--seed', String(options.seed), '--scale', String(options.scale), '--store', `sqlite:${options.path}`], {
    sampleMs: 1000,
    onSample: (seconds, rssMb) => {
      const sample = { seconds, position: headOf(options.path), rssMb };
      samples.push(sample);
      if (seconds - lastLog >= 30) {
        lastLog = seconds;
        progress(`${options.label}: ${sample.position} events after ${seconds.toFixed(0)} s (RSS ${rssMb.toFixed(0)} MB)`);
      }
    },
  });
  const events = headOf(options.path);
  samples.push({ seconds: run.seconds, position: events, rssMb: Number.NaN });
  return { seed: options.seed, scale: options.scale, seconds: run.seconds, peakRssMb: run.peakRssMb, cpuSeconds: run.cpuSeconds, events, samples };
};

/** When the log reached `position`, interpolated between samples. */
const timeAt = (samples: readonly Sample[], position: number): number => {
  let previous: Sample = { seconds: 0, position: 0, rssMb: 0 };
  for (const sample of samples) {
    if (sample.position >= position) {
      const span = sample.position - previous.position;
      return span === 0 ? sample.seconds : previous.seconds + ((position - previous.position) / span) * (sample.seconds - previous.seconds);
    }
    previous = sample;
  }
  return previous.seconds;
};

/** Events/s in each fifth of the log. */
export const fifthsOf = (run: Pick<DemoRun, 'samples' | 'events'>): number[] =>
  [0, 1, 2, 3, 4].map((i) => {
    const from = Math.round((run.events * i) / 5);
    const to = Math.round((run.events * (i + 1)) / 5);
    return (to - from) / (timeAt(run.samples, to) - timeAt(run.samples, from));
  });

/** RSS at the first sample at or past `position`. */
const rssAt = (samples: readonly Sample[], position: number): number => {
  let last = Number.NaN;
  for (const s of samples) {
    if (Number.isFinite(s.rssMb)) last = s.rssMb;
    if (s.position >= position) return last;
  }
  return last;
};

/** RSS when the log reached each fifth of its size: flat, or growing with the log. */
export const rssAtFifths = (run: Pick<DemoRun, 'samples' | 'events'>): number[] => [1, 2, 3, 4, 5].map((i) => rssAt(run.samples, (run.events * i) / 5));
