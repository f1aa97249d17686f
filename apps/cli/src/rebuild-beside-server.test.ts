import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { call, runCli, startServe, tempDir, type Served } from './test/cli';

/*
 * `xinfang rebuild` while a server serves the same store (the demo campaign loaded): the read models are
 * built beside the served ones, and the server swaps to them. A client asks for every ledger and the KPIs
 * in a loop the whole time; every answer must be the complete one — the same as before the rebuild, never
 * a partial read model, never a 5xx — and afterwards the server serves from (and writes to) the new file.
 */

const dir = tempDir();
const path = join(dir.path, 'served.db');
const readPath = join(dir.path, 'served.read.db');
const store = `sqlite:${path}`;
afterAll(() => dir.remove());

/** What the client asks, as of the campaign's last day (so that a write made today changes none of it). */
const QUERIES = [
  ...['disputes', 'backlog', 'visits', 'duties'].map((ledger) => `/api/v1/ledgers/${ledger}?asOf=2024-10-15&limit=500`),
  '/api/v1/kpis?from=2024-09-15&to=2024-10-15&asOf=2024-10-15&communityId=qinghua',
] as const;

/** Each answer, less the moment it was asked at (`knownAt`: now, by default). */
const answersOf = async (served: Served, token: string) => {
  const answers: Record<string, { status: number; body: unknown }> = {};
  for (const query of QUERIES) {
    const { status, body } = await call(served.url, 'GET', query, token);
    const { knownAt: _asked, ...rest } = body as Record<string, unknown>;
    answers[query] = { status, body: rest };
  }
  return answers;
};

/** The served read models on disk: the file (its inode), the case documents and checkpoint, the log's head. */
const onDisk = () => {
  const read = new Database(readPath, { readonly: true });
  const log = new Database(path, { readonly: true });
  try {
    return {
      inode: statSync(readPath).ino,
      docs: read.prepare("SELECT count(*) FROM read_models WHERE projection = 'aggregates'").pluck().get() as number,
      checkpoint: read.prepare("SELECT position FROM checkpoints WHERE projection = 'aggregates'").pluck().get() as number,
      head: log.prepare('SELECT max(position) FROM events').pluck().get() as number,
    };
  } finally {
    read.close();
    log.close();
  }
};

describe('xinfang rebuild beside a serving server', () => {
  it('builds beside and swaps: every answer meanwhile is the complete one; then the server serves from the new read models', async () => {
    let served = await startServe(['--store', store]);
    const token = /\?token=(xf_\S+)/.exec(served.stdout())?.[1] ?? '';
    try {
      const demo = await runCli(['demo', '--scale', '0.02', '--store', store], { timeoutMs: 120_000 });
      expect(demo.code, demo.stderr).toBe(0);
      const complete = await answersOf(served, token);
      for (const query of QUERIES) expect(complete[query]?.status, query).toBe(200);
      expect((complete[QUERIES[0]]?.body as { total: number }).total).toBeGreaterThan(20);
      const before = onDisk();
      expect(before.checkpoint).toBe(before.head);

      // One projection alone is rebuilt in place, which needs the server stopped.
      const refused = await runCli(['rebuild', '--projection', 'aggregates', '--store', store]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/请先停止它，再重建；未做任何改动 .*stop it, then rebuild; nothing was changed/);
      expect(onDisk()).toEqual(before);

      const rebuilding = runCli(['rebuild', '--store', store], { timeoutMs: 120_000 });
      let done = false;
      void rebuilding.then(() => (done = true));
      // A write while the rebuild runs: the read models built beside miss it, and the server catches them up.
      const community = { communityId: 'later', name: '后来社区', grids: [{ gridId: 'later-1', name: '第一网格' }] };
      expect((await call(served.url, 'POST', '/api/v1/communities', token, community)).status).toBe(201);
      let rounds = 0;
      for (let after = 0; after < 3; after += done ? 1 : 0) {
        const answers = await answersOf(served, token);
        for (const query of QUERIES) expect(answers[query], query).toEqual(complete[query]);
        rounds += 1;
      }
      const rebuilt = await rebuilding;
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toMatch(/rebuilt aggregates/);
      expect(rounds).toBeGreaterThan(3);

      // Swapped: another file in place, nothing left beside, the write made meanwhile in it.
      expect(existsSync(join(dir.path, 'served.read.ready.db'))).toBe(false);
      expect(existsSync(join(dir.path, 'served.read.next.db'))).toBe(false);
      const swapped = onDisk();
      expect(swapped.inode).not.toBe(before.inode);
      expect(swapped.checkpoint).toBe(swapped.head);
      expect(swapped.docs).toBe(before.docs + 1);
      const kpis = await call(served.url, 'GET', '/api/v1/kpis?from=2024-09-15&to=2024-10-15', token);
      expect(kpis.status).toBe(200);
      expect(JSON.stringify(kpis.body)).toContain('"later":0'); // the community registered during the rebuild
      // The server writes to the new file.
      const another = { communityId: 'latest', name: '最新社区', grids: [{ gridId: 'latest-1', name: '第一网格' }] };
      expect((await call(served.url, 'POST', '/api/v1/communities', token, another)).status).toBe(201);
      await expect.poll(() => onDisk().docs, { timeout: 10_000 }).toBe(before.docs + 2);
      expect(await answersOf(served, token)).toEqual(complete);

      // No server running: rebuild puts the new read models in place itself; a server started on them answers the same.
      await served.stop('SIGKILL');
      const alone = await runCli(['rebuild', '--store', store], { timeoutMs: 120_000 });
      expect(alone.code, alone.stderr).toBe(0);
      expect(existsSync(join(dir.path, 'served.read.ready.db'))).toBe(false);
      expect(onDisk()).toMatchObject({ docs: before.docs + 2, checkpoint: swapped.head + 1 });
      served = await startServe(['--store', store]);
      expect(await answersOf(served, token)).toEqual(complete);
    } finally {
      await served.stop();
    }
  }, 300_000);
});
