import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Test support: the real `xinfang` as a child process (bin/xinfang.js, exactly what `npx xinfang` runs),
 * against a store in a temp folder.
 */

export const BIN = fileURLToPath(new URL('../../bin/xinfang.js', import.meta.url));

/** Servers still running: killed when the test process exits, so a failed test leaves none behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a child: the tests' own, less the variables the CLI reads, plus `env`. */
const childEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const { XINFANG_STORE: _store, PORT: _port, HOST: _host, XINFANG_DEBUG: _debug, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn', ...env };
};

export const runCli = (
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: childEnv(options.env), timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });

export const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

export interface Served {
  /** `http://127.0.0.1:PORT` as the server printed it. */
  readonly url: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Sends a signal (SIGTERM by default) and waits for the exit. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<Run>;
}

/** `xinfang serve --port 0 …`, resolved once it has printed everything it prints at start. */
export const startServe = (args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Served> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let started = false;
    const exited = new Promise<Run>((done) =>
      child.once('exit', (code) => {
        running.delete(child);
        done({ code, stdout, stderr });
      }),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in time:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /serving on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (!started && url !== undefined && stdout.includes('Ctrl+C')) {
        started = true;
        clearTimeout(timer);
        resolve({
          url,
          stdout: () => stdout,
          stderr: () => stderr,
          stop: async (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    void exited.then(({ code }) => {
      if (started) return;
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before it started:\n${stdout}\n${stderr}`));
    });
  });

/** A temp folder for one test file's stores, removed afterwards. */
export const tempDir = (): { readonly path: string; readonly remove: () => void } => {
  const path = mkdtempSync(join(tmpdir(), 'xinfang-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};

/** A JSON request to a served app. */
export const call = async (
  url: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: any }> => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body: parsed };
};
