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
  /** User + system CPU time of the process, as last read (NaN where /proc has none). */
  readonly cpuSeconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

const SAMPLE_MS = 50;
/** Clock ticks per second of /proc/PID/stat (USER_HZ: 100 on Linux). */
const TICKS = 100;

const cpuOf = (pid: number): number => {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return Number.NaN;
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

export const runCli = (
  args: readonly string[],
  options: { readonly onSample?: (seconds: number, rssMb: number) => void; readonly sampleMs?: number; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const started = performance.now();
    let peakRssMb = 0;
    let cpuSeconds = Number.NaN;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout = (stdout + chunk).slice(-20_000)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const sample = (): void => {
      const pid = child.pid;
      if (pid === undefined) return;
      const peak = peakRssOf(pid);
      if (Number.isFinite(peak)) peakRssMb = Math.max(peakRssMb, peak);
      const cpu = cpuOf(pid);
      if (Number.isFinite(cpu)) cpuSeconds = cpu;
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
      resolve({ seconds, peakRssMb, cpuSeconds, stdout, stderr });
    });
  });
