import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { PROBE, ROOT, SOURCE_FLAGS } from './paths';

/*
 * Every subject and every reference runs in a child process of its own: a fresh heap and JIT for each round
 * (no round warms the next), and a peak RSS that is the job's alone (the child reports its own maxRSS).
 */

/**
 * Room for a reference that holds the whole log in memory (Emmett's in-memory store at a million events):
 * a ceiling only — a job's RSS is what it uses, and is reported.
 */
const HEAP = ['--max-old-space-size=12288'];

/** What a job reports; `peakRssMb` is added by the probe. */
export type JobResult = Record<string, unknown> & { readonly peakRssMb: number };

const lastJsonLine = (text: string): unknown => {
  const lines = text.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]?.trim() ?? '';
    if (line.startsWith('{')) return JSON.parse(line);
  }
  throw new Error('no result line');
};

/** Runs `job` of probe.ts with `args` in a child process; resolves with its result line. */
export const runJob = <R extends JobResult>(job: string, args: Record<string, unknown>): Promise<R> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE_FLAGS, ...HEAP, PROBE, job, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`job ${job} exited with ${code}: ${err.trim() || out.slice(-2000)}`));
      try {
        resolve(lastJsonLine(out) as R);
      } catch (error) {
        reject(new Error(`job ${job}: ${(error as Error).message}: ${out.slice(-2000)} ${err}`));
      }
    });
  });

/** A long-running job (a server): resolves with its first result line once it prints it, and the process. */
export const startJob = <R>(job: string, args: Record<string, unknown>): Promise<{ ready: R; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE_FLAGS, ...HEAP, PROBE, job, JSON.stringify(args)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-4000)));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve({ ready: JSON.parse(line) as R, child });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`job ${job} exited early with ${code}: ${err.trim()}`)));
  });

/** Peak resident memory of a live process so far (VmHWM), in MB; NaN where /proc has no such line. */
export const peakRssOf = (pid: number): number => {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
};

/** Ends a started job and waits for it to go. */
export const stopJob = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
