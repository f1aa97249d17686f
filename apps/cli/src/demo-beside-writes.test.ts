import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, call, runCli, startServe, tempDir } from './test/cli';

/*
 * `xinfang demo` while a server on the same store takes writes. The demo waits for its read models to reach
 * the log's head before each look-up; the server's events reach them only by polling, and a poll timer does
 * not keep a process alive: the demo used to find an empty event loop and die silently (exit code 13),
 * leaving its office token active.
 */

const dir = tempDir();
const store = `sqlite:${join(dir.path, 'busy.db')}`;
afterAll(() => dir.remove());

describe('xinfang demo beside a server taking writes', () => {
  it('runs to completion, and its temporary token is revoked afterwards', async () => {
    const served = await startServe(['--store', store]);
    let writes = 0;
    let refused = 0;
    try {
      const token = /\?token=(xf_\S+)/.exec(served.stdout())?.[1];
      const demo = runCli(['demo', '--scale', '0.02', '--force', '--store', store], { timeoutMs: 150_000 });
      let done = false;
      void demo.then(() => {
        done = true;
      });
      // A clerk typing in communities at the server the whole time.
      while (!done) {
        const reply = await call(served.url, 'POST', '/api/v1/communities', token, {
          communityId: `busy-${writes}`,
          name: `并行社区${writes}`,
          grids: [{ gridId: `busy-${writes}-g1`, name: '第一网格' }],
        });
        if (reply.status === 201) writes += 1;
        else refused += 1;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const run = await demo;
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('demo campaign loaded');
      expect(refused).toBe(0);
      expect(writes).toBeGreaterThan(20);
      // --force: the clerk's first writes may land before the demo looks at the store.
      const [, before, after] = /事件 events：(\d+) → (\d+)/.exec(run.stdout) ?? [];
      expect(Number(after) - Number(before)).toBeGreaterThan(300);

      const list = await runCli(['token', 'list', '--store', store]);
      const demoTokens = list.stdout.split('\n').filter((line) => line.includes('demo (temporary)'));
      expect(demoTokens).toHaveLength(1);
      // A revoked token's line ends with the time it was revoked.
      expect(demoTokens[0]).toMatch(/\d\d:\d\d\s*$/);
      // Every acknowledged write of the clerk is in the log beside the demo's.
      const log = new Database(join(dir.path, 'busy.db'), { readonly: true });
      try {
        const row = log.prepare<[string], { n: number }>("SELECT count(*) AS n FROM events WHERE stream_id LIKE ?").get('community-busy-%');
        expect(row?.n).toBe(writes);
      } finally {
        log.close();
      }
    } finally {
      expect((await served.stop()).code).toBe(0);
    }
  }, 200_000);

  it('revokes its temporary token when stopped with Ctrl+C half-way', async () => {
    const path = join(dir.path, 'interrupted.db');
    const child = spawn(process.execPath, [BIN, 'demo', '--scale', '0.1', '--store', `sqlite:${path}`], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Half-way: once some of the campaign is in the log.
    const logged = (): number => {
      try {
        const log = new Database(path, { readonly: true, fileMustExist: true });
        try {
          return log.prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n ?? 0;
        } finally {
          log.close();
        }
      } catch {
        return 0;
      }
    };
    const deadline = Date.now() + 60_000;
    while (logged() < 50 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toContain('SIGINT: stopped');
    const list = await runCli(['token', 'list', '--store', `sqlite:${path}`]);
    const demoTokens = list.stdout.split('\n').filter((line) => line.includes('demo (temporary)'));
    expect(demoTokens).toHaveLength(1);
    expect(demoTokens[0]).toMatch(/\d\d:\d\d\s*$/);
  }, 120_000);
});
