import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Acknowledged, WriterPlan, WriterReport } from './concurrent-writer';

/** Where the child starts: this package, whose node_modules (or the workspace's) has vite. */
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/*
 * The writer of concurrent-writer.ts in another process, for an adapter's multi-process tests. The child is a
 * plain Node process. It loads the adapter's writer module (which opens its store and exports
 * `runWriter(plan, onAcknowledged)`) with Vite's module runner (TypeScript, and the workspace's packages from
 * source through the `@xinfang/source` condition, so nothing needs to be built), says `ready`, waits for a
 * line on stdin, runs the plan and prints one JSON line per acknowledged append, then its report.
 */
const bootstrap = (writerModule: string): string => `
import { runnerImport } from 'vite';
import { once } from 'node:events';
// runnerImport leaves every package to Node, which would load the workspace packages' dist (if built at all):
// run those from source instead, as the tests do.
const { module } = await runnerImport(${JSON.stringify(writerModule)}, {
  configFile: false,
  logLevel: 'silent',
  environments: { inline: { resolve: { noExternal: [/^@xinfang\\//], conditions: ['@xinfang/source'] } } },
});
const plan = JSON.parse(process.env.XINFANG_WRITER_PLAN);
process.stdout.write('ready\\n');
await once(process.stdin, 'data');
const report = await module.runWriter(plan, (ack) => process.stdout.write('ack ' + JSON.stringify(ack) + '\\n'));
process.stdout.write('report ' + JSON.stringify(report) + '\\n');
process.exit(0);
`;

export interface ChildWriter {
  /** Resolves once the child has loaded (it has not opened the store yet); then `go` starts it. */
  readonly ready: Promise<void>;
  readonly go: () => void;
  /** Every append the child has reported as acknowledged so far. */
  readonly acknowledged: readonly Acknowledged[];
  /** Resolves with the child's report when it exits normally, `undefined` when it was killed. */
  readonly exited: Promise<WriterReport | undefined>;
  readonly kill: () => void;
}

/** Starts a child running `runWriter(plan)` of `writerModule` (a file path); it waits for `go`. */
export const startWriterProcess = <Plan extends WriterPlan>(writerModule: string, plan: Plan): ChildWriter => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', bootstrap(writerModule)], {
    cwd: packageDir,
    env: { ...process.env, XINFANG_WRITER_PLAN: JSON.stringify(plan) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acknowledged: Acknowledged[] = [];
  let report: WriterReport | undefined;
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line === 'ready') markReady();
    else if (line.startsWith('ack ')) acknowledged.push(JSON.parse(line.slice(4)) as Acknowledged);
    else if (line.startsWith('report ')) report = JSON.parse(line.slice(7)) as WriterReport;
  });
  const exited = new Promise<WriterReport | undefined>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(undefined);
      else if (code === 0 && report !== undefined) resolve(report);
      else reject(new Error(`the child writer failed (code ${code}, signal ${signal}):\n${stderr}`));
    });
  });
  // A child that fails before it is ready must not leave the test waiting for `ready`.
  const exitedEarly = exited.then(() => {
    throw new Error(`the child writer exited before it was ready:\n${stderr}`);
  });
  void exitedEarly.catch(() => undefined); // once ready, a later exit is not an error here
  const readyOrFailed = Promise.race([ready, exitedEarly]);
  return {
    ready: readyOrFailed,
    go: () => child.stdin.write('go\n'),
    acknowledged,
    exited,
    kill: () => child.kill('SIGKILL'),
  };
};
