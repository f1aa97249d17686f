import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { call, runCli, startServe, tempDir, type Served } from './test/cli';

/*
 * `xinfang rebuild` while a server serves the same store. It used to reset the read models under the
 * server and then fail: the server's next commit left 附件1 with one row, and cases answered 404, also
 * after a restart. Now the server holds the read models' lock, and rebuild refuses before touching them.
 */

const dir = tempDir();
const path = join(dir.path, 'served.db');
const store = `sqlite:${path}`;
afterAll(() => dir.remove());

const LEDGERS = ['disputes', 'backlog', 'visits', 'duties'] as const;

/** Every ledger's total through the server, and one case of 附件1 looked up. */
const ledgersOf = async (served: Served, token: string) => {
  const totals: Record<string, number> = {};
  for (const ledger of LEDGERS) {
    const reply = await call(served.url, 'GET', `/api/v1/ledgers/${ledger}?asOf=2024-10-15&limit=1`, token);
    expect(reply.status).toBe(200);
    totals[ledger] = reply.body.total;
  }
  const first = (await call(served.url, 'GET', '/api/v1/ledgers/disputes?limit=1', token)).body.rows[0]?.caseId as string;
  return { totals, caseStatus: (await call(served.url, 'GET', `/api/v1/cases/${first}`, token)).status };
};

/** The read models as stored: the documents of the case read model and its checkpoint, beside the log's head. */
const readModelsOnDisk = () => {
  const read = new Database(join(dir.path, 'served.read.db'), { readonly: true });
  const log = new Database(path, { readonly: true });
  try {
    return {
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
  it('refuses before touching anything; every ledger stays whole, also after a restart; after a crash it runs', async () => {
    let served = await startServe(['--store', store]);
    const token = /\?token=(xf_\S+)/.exec(served.stdout())?.[1] ?? '';
    try {
      const demo = await runCli(['demo', '--scale', '0.02', '--store', store], { timeoutMs: 120_000 });
      expect(demo.code, demo.stderr).toBe(0);
      const before = await ledgersOf(served, token);
      expect(before.totals.disputes).toBeGreaterThan(20);
      expect(before.totals.visits).toBeGreaterThan(0);
      expect(before.totals.duties).toBeGreaterThan(0);
      expect(before.caseStatus).toBe(200);
      const disk = readModelsOnDisk();
      expect(disk.checkpoint).toBe(disk.head);
      expect(disk.docs).toBeGreaterThan(before.totals.disputes ?? 0);

      const refused = await runCli(['rebuild', '--store', store]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/请先停止它，再重建；未做任何改动 .*stop it, then rebuild; nothing was changed/);
      expect(refused.stdout).not.toMatch(/rebuilt/);
      expect(readModelsOnDisk()).toEqual(disk);
      expect(await ledgersOf(served, token)).toEqual(before);

      // The server goes on taking writes, then restarts: still whole.
      const community = { communityId: 'later', name: '后来社区', grids: [{ gridId: 'later-1', name: '第一网格' }] };
      expect((await call(served.url, 'POST', '/api/v1/communities', token, community)).status).toBe(201);
      expect((await served.stop()).code).toBe(0);
      served = await startServe(['--store', store]);
      expect(await ledgersOf(served, token)).toEqual(before);

      // A server that crashed holds nothing: rebuild runs, and gives the same ledgers.
      await served.stop('SIGKILL');
      const rebuilt = await runCli(['rebuild', '--store', store]);
      expect(rebuilt.code, rebuilt.stderr).toBe(0);
      expect(rebuilt.stdout).toMatch(/rebuilt aggregates/);
      served = await startServe(['--store', store]);
      expect(await ledgersOf(served, token)).toEqual(before);
      expect(readModelsOnDisk().docs).toBe(disk.docs + 1); // the community registered since
    } finally {
      await served.stop();
    }
  }, 240_000);
});
