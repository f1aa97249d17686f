import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { peakRssOf } from './child';
import { CLI_BIN, ROOT } from './paths';

/*
 * The real `xinfang` command (apps/cli/bin/xinfang.js, from the sources as a user runs it) in a child
 * process: its wall time, and its peak RSS — the kernel's high-water mark (VmHWM), read every 50 ms and
 * once more as it exits, so only growth in its last moments could be missed. `onSample` sees its current
 * RSS at each reading (the demo's growth).
 */

export interface CliRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
}

const SAMPLE_MS = 50;

const rssNow = (pid: number): number => {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? Number.NaN : Number(match[1]) / 1024;
  } catch {
    return Number.NaN;
  }
};

export const runCli = (
  args: readonly string[],
  options: { readonly onSample?: (seconds: number, rssMb: number) => void; readonly sampleMs?: number; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const started = performance.now();
    let peakRssMb = 0;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-20_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const sample = (): void => {
      const pid = child.pid;
      if (pid === undefined) return;
      const peak = peakRssOf(pid);
      if (Number.isFinite(peak)) peakRssMb = Math.max(peakRssMb, peak);
      options.onSample?.((performance.now() - started) / 1000, rssNow(pid));
    };
    const timer = setInterval(sample, options.sampleMs ?? SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`xinfang ${args.join(' ')} exited with ${code}: ${stderr.trim().slice(-2000) || stdout.slice(-2000)}`));
      resolve({ seconds, peakRssMb, stdout, stderr });
    });
  });
