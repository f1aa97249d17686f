import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryPool } from './query-pool';
import { buildScenario, type Scenario } from './test-query-scenario';
import { startTestServer, type TestServer } from './test-server';
import { QUERY_WORKER_NICENESS } from './thread-priority';

/*
 * Ledgers, KPIs, reports and files answered by worker threads (query-pool.ts) over real HTTP on a real
 * SQLite store: the same answers as in this thread; /health answered while they work; 503 with Retry-After
 * when every worker is busy and the queue is full; a killed worker fails its query with 503 and is replaced.
 */

const poolOf = (server: TestServer): QueryPool => server.services.queries as QueryPool;

/** Waits (a turn of the event loop at a time) until the pool is running and queueing that many queries. */
const untilLoad = async (server: TestServer, running: number, queued: number): Promise<void> => {
  for (;;) {
    const load = poolOf(server).load();
    if (load.running === running && load.queued === queued) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** Linux: the nice value of a thread of this process (field 19 of its stat, after the name in parentheses). */
const niceOf = (stat: string): number => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
const threadNices = (): Map<string, number> =>
  new Map(readdirSync('/proc/self/task').map((tid) => [tid, niceOf(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'))]));

/**
 * Makes every query of a view before 20 Oct fold case c1 again from 20,000 more events (minutes of the
 * 五个一, dated 20 Oct, which the view shows nothing of): a query that takes a while, the same in every run.
 */
const HEAVY_VIEW = 'asOf=2024-09-20';
const makeHeavy = async (server: TestServer): Promise<void> => {
  const { store } = server.services;
  const [first] = await store.readStream('case-c1');
  let revision = (await store.readStream('case-c1')).length;
  for (let chunk = 0; chunk < 4; chunk += 1) {
    const events = Array.from({ length: 5_000 }, (_, i) => ({
      type: 'FiveOnesRecorded',
      data: { item: 'minutes', detail: `会议纪要 ${chunk}-${i}`, at: '2024-10-20T09:00:00+08:00' },
      meta: { ...first!.meta, eventId: `heavy-${chunk}-${i}`, commandId: `heavy-${chunk}-${i}`, occurredAt: '2024-10-20T09:00:00+08:00' },
    }));
    const appended = await store.append('case-c1', events, { expectedRevision: revision });
    expect(appended._tag).toBe('Right');
    revision += events.length;
  }
  await server.services.runner.waitFor(await store.headPosition());
};

describe('queries in worker threads', () => {
  let inThread: TestServer;
  let inWorkers: TestServer;
  let scenario: Scenario;

  beforeAll(async () => {
    [inThread, inWorkers] = await Promise.all([startTestServer(), startTestServer({ queryWorkers: 2 })]);
    scenario = await buildScenario(inThread);
    expect(await buildScenario(inWorkers)).toEqual(scenario);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([inThread?.close(), inWorkers?.close()]);
  });

  it('answer every ledger, the KPIs, the screening report and the case and person files as this thread does, at several dates', { timeout: 300_000 }, async () => {
    const views = ['', 'asOf=2024-09-04', 'asOf=2024-09-12', 'asOf=2024-09-20&knownAt=2024-09-21', 'knownAt=2024-09-06', 'asOf=2024-09-30&knownAt=2024-09-30'];
    const paths = [
      '/api/v1/ledgers/disputes?',
      '/api/v1/ledgers/backlog?',
      '/api/v1/ledgers/visits?',
      '/api/v1/ledgers/duties?',
      '/api/v1/ledgers/disputes?communityId=qinghua&format=csv&',
      '/api/v1/ledgers/backlog?limit=1&offset=0&',
      '/api/v1/kpis?from=2024-09-01&to=2024-09-30&',
      '/api/v1/kpis?from=2024-09-01&to=2024-09-30&communityId=yangguang&',
      '/api/v1/reports/screening?communityId=qinghua&date=2024-09-04&',
      '/api/v1/cases/c1?',
      `/api/v1/cases/${scenario.c2}?`,
      `/api/v1/persons/${scenario.zhangId}?`,
    ];
    let compared = 0;
    for (const path of paths) {
      for (const view of views) {
        for (const role of ['office', 'community:qinghua'] as const) {
          if (path.includes('persons') && role !== 'office') continue;
          const [here, there] = await Promise.all([inThread.call('GET', path + view, { role }), inWorkers.call('GET', path + view, { role })]);
          expect(there.status, `${role} ${path}${view}`).toBe(here.status);
          expect(there.text, `${role} ${path}${view}`).toBe(here.text);
          if (here.status === 200) compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(poolOf(inWorkers).workers().length).toBeGreaterThan(0);
  });

  it('answer /health while 8 past-date queries run, before any of them is answered', { timeout: 300_000 }, async () => {
    const c1Before = await inWorkers.call('GET', `/api/v1/cases/c1?${HEAVY_VIEW}`);
    await makeHeavy(inWorkers);
    const finished: string[] = [];
    const queries = Array.from({ length: 8 }, (_, i) =>
      inWorkers.call('GET', `/api/v1/${i % 2 === 0 ? 'ledgers/backlog?' : 'kpis?from=2024-09-01&to=2024-09-30&'}${HEAVY_VIEW}`).then((res) => {
        finished.push(`query ${i}`);
        return res;
      }),
    );
    await untilLoad(inWorkers, 2, 6);
    const health = await inWorkers.call('GET', '/health', { role: null });
    finished.push('health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const answers = await Promise.all(queries);
    expect(finished[0]).toBe('health');
    expect(finished).toHaveLength(9);
    for (const res of answers) expect(res.status).toBe(200);
    // The heavy case still answers as it should: c1 as of 20 Sep, without the minutes of 20 Oct.
    const c1 = await inWorkers.call('GET', `/api/v1/cases/c1?${HEAVY_VIEW}`);
    expect(c1.status).toBe(200);
    expect({ ...c1.body, latestRevision: 0 }).toEqual({ ...c1Before.body, latestRevision: 0 });
    expect(c1.body.latestRevision).toBe(c1Before.body.latestRevision + 20_000);
  });
});

describe('a full pool', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ queryWorkers: 1, queryQueueLimit: 1 });
    await buildScenario(server);
    await makeHeavy(server);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a query with 503 and Retry-After while its worker and queue are full, writing nothing; then answers', { timeout: 300_000 }, async () => {
    const path = `/api/v1/ledgers/backlog?${HEAVY_VIEW}`;
    const running = [server.call('GET', path)];
    await untilLoad(server, 1, 0);
    running.push(server.call('GET', path));
    await untilLoad(server, 1, 1);
    const before = await server.eventCount();
    const refused = await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-30');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503, code: 'queriesBusy', retryAfter: 1 });
    expect(refused.body.title).toMatch(/查询繁忙.*Queries busy/);
    expect(await server.eventCount()).toBe(before);
    const [first, second] = await Promise.all(running);
    expect(first!.status).toBe(200);
    expect(second!.text).toBe(first!.text);
    expect((await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-30')).status).toBe(200);
  });

  it('answers 503 for a query whose worker is killed, and a new worker answers the next', { timeout: 300_000 }, async () => {
    const path = `/api/v1/ledgers/backlog?${HEAVY_VIEW}`;
    const expected = await server.call('GET', path);
    expect(expected.status).toBe(200);
    const [killed] = poolOf(server).workers();
    // Another past date: its states are not kept from before (see refold-cache.ts), so it takes a while.
    const pending = server.call('GET', '/api/v1/ledgers/backlog?asOf=2024-09-21');
    await untilLoad(server, 1, 0);
    await killed!.terminate();
    const failed = await pending;
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(failed.body).toMatchObject({ status: 503, code: 'queryWorkerFailed' });
    const again = await server.call('GET', path);
    expect(again.status).toBe(200);
    expect(again.text).toBe(expected.text);
    const [replacement] = poolOf(server).workers();
    expect(replacement).toBeDefined();
    expect(replacement).not.toBe(killed);
  });
});

describe('a pool warmed before the first query', () => {
  it('starts one worker (none before), which answers the first query', { timeout: 300_000 }, async () => {
    const server = await startTestServer({ queryWorkers: 2 });
    try {
      expect(poolOf(server).workers()).toHaveLength(0); // started as needed: a quiet server keeps none
      poolOf(server).warm();
      poolOf(server).warm();
      const [warmed] = poolOf(server).workers();
      expect(poolOf(server).workers()).toHaveLength(1);
      const res = await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-30');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: '2024-09-01', to: '2024-09-30', communityId: null });
      expect(poolOf(server).workers()).toEqual([warmed]);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(existsSync('/proc/thread-self'))('a query worker on Linux', () => {
  it('runs below the thread that serves requests: one thread more at its nice + 10, this one unchanged', { timeout: 300_000 }, async () => {
    const server = await startTestServer({ queryWorkers: 1 });
    try {
      const own = niceOf(readFileSync('/proc/thread-self/stat', 'utf8'));
      const lowered = Math.min(19, own + QUERY_WORKER_NICENESS);
      const before = [...threadNices().values()].filter((nice) => nice === lowered).length;
      const res = await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-30');
      expect(res.status).toBe(200); // answered by the worker, which has set its priority by then
      expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(own);
      expect([...threadNices().values()].filter((nice) => nice === lowered)).toHaveLength(before + 1);
    } finally {
      await server.close();
    }
  });
});
