import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastLine, runCli, startServe, tempDir, type Served } from './test/cli';

/*
 * A server whose projection runner fails (its read-model file held by another program: every commit is
 * refused) keeps answering: queries 200 as of the last position the read models hold, which they state;
 * commands go on (an id number is matched through the events since); /health says degraded and why; and
 * once the file is free the runner catches up by itself. A real server process, a real SQLite file.
 */

const dir = tempDir();
const storePath = join(dir.path, 'office.db');
const store = `sqlite:${storePath}`;
let served: Served;
let token: string;

const newCase = (caseId: string, petitioner: Record<string, string>) => ({
  caseId,
  origin: 'letter',
  communityId: 'qinghua',
  category: 'neighbour',
  summary: `纠纷 ${caseId}`,
  registeredAt: '2024-09-02T10:00:00+08:00',
  petitioners: [petitioner],
});

const post = async (path: string, body: unknown): Promise<{ position: number }> => {
  const res = await call(served.url, 'POST', path, token, body);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body as { position: number };
};

/** A ledger of every case, its position header and the case ids it lists. */
const disputes = async () => {
  const res = await fetch(`${served.url}/api/v1/ledgers/disputes`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { total: number; rows: { caseId: string }[] };
  return { status: res.status, position: Number(res.headers.get('x-xinfang-head')?.split(':')[0]), caseIds: body.rows.map((row) => row.caseId).sort() };
};

beforeAll(async () => {
  const created = await runCli(['token', 'create', '--role', 'office', '--store', store]);
  token = lastLine(created.stdout);
  served = await startServe(['--store', store]);
  await post('/api/v1/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] });
  for (const id of ['c1', 'c2', 'c3']) await post('/api/v1/cases', newCase(id, { name: `当事人${id}` }));
});
afterAll(async () => {
  await served.stop();
  dir.remove();
});

describe('a server whose projection runner fails', () => {
  it('answers queries as of the position it states, takes commands, says degraded, and recovers by itself', async () => {
    const before = await disputes();
    expect(before).toMatchObject({ status: 200, caseIds: ['c1', 'c2', 'c3'] });
    const committed = before.position;

    // Another program holds the read models' file: every commit of the runner is refused (SQLITE_BUSY).
    const holder = new Database(join(dir.path, 'office.read.db'));
    holder.exec('BEGIN IMMEDIATE');
    let head: number;
    try {
      await post('/api/v1/cases', newCase('c4', { name: '赵六', idNumber: '350582199001012234' }));
      // The same id number again: matched to c4's person through the events the read models lack.
      head = (await post('/api/v1/cases', newCase('c5', { name: '赵六', idNumber: '350582199001012234' }))).position;

      let health = await call(served.url, 'GET', '/health', undefined);
      for (let i = 0; i < 200 && health.body.status !== 'degraded'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        health = await call(served.url, 'GET', '/health', undefined);
      }
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', position: committed, head });
      expect(health.body.reason).toMatch(/读模型更新失败.*the projection runner failed.*database is locked/s);

      // Queries answer 200, right as of the position they state (c4 and c5 are after it).
      expect(await disputes()).toEqual({ status: 200, position: committed, caseIds: ['c1', 'c2', 'c3'] });
      const kpis = await fetch(`${served.url}/api/v1/kpis?from=2024-09-01&to=2024-09-30`, { headers: { authorization: `Bearer ${token}` } });
      expect(kpis.status).toBe(200);
      expect(kpis.headers.get('x-xinfang-head')?.split(':')[0]).toBe(String(committed));
      expect((await call(served.url, 'GET', '/api/v1/cases/c1', token)).status).toBe(200);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }

    // The file is free: the runner catches up by itself.
    let health = await call(served.url, 'GET', '/health', undefined);
    for (let i = 0; i < 600 && health.body.status !== 'ok'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = await call(served.url, 'GET', '/health', undefined);
    }
    expect(health.body).toEqual({ status: 'ok' });
    expect(await disputes()).toEqual({ status: 200, position: head, caseIds: ['c1', 'c2', 'c3', 'c4', 'c5'] });
    const c4 = await call(served.url, 'GET', '/api/v1/cases/c4', token);
    const c5 = await call(served.url, 'GET', '/api/v1/cases/c5', token);
    expect(c4.body.petitioners[0].personId).toBeDefined();
    expect(c5.body.petitioners[0].personId).toBe(c4.body.petitioners[0].personId);
    expect(served.stderr()).toMatch(/the projection runner failed: retrying/);
  });
});
