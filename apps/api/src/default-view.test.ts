import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourcedWorld } from '@xinfang/projections';
import { createApp } from './app';
import { openServices } from './open-services';
import { inProcessQueries } from './queries';

/*
 * A query with no asOf / knownAt never hides what the log holds. A server whose clock ran fast stamps
 * recordedAt ahead of the real time: once the clock is set right, "known by now" used to hide those events
 * (their cases 404). An event dated years ahead made every default query replay the whole log, since the
 * read model serves only a view that hides none of its events.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const RIGHT_NOW = '2024-10-08T10:00:00+08:00';

const start = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinfang-default-view-'));
  dirs.push(dir);
  let now = '2024-09-01T08:00:00+08:00';
  const services = await openServices({ storePath: join(dir, 'x.db'), clock: { now: () => now }, logger: pino({ level: 'silent' }), queryWorkers: 0 });
  // Which way each query's World came: the live read model, or a replay of the whole log.
  const sources: SourcedWorld['source'][] = [];
  const worlds = {
    ...services.worlds,
    worldFor: async (view: Parameters<typeof services.worlds.worldFor>[0]) => {
      const sourced = await services.worlds.worldFor(view);
      sources.push(sourced.source);
      return sourced;
    },
  };
  const app = createApp({ ...services, worlds, queries: inProcessQueries(worlds, services, services.database.keys.current) });
  const { token } = await services.database.tokens.create({ kind: 'office' }, 'test', now);
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const community = { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] };
  expect((await request('POST', '/communities', community)).status).toBe(201);
  const registerCase = async (caseId: string, registeredAt: string) =>
    (
      await request('POST', '/cases', {
        caseId,
        origin: 'screening',
        communityId: 'qinghua',
        category: 'wageArrears',
        summary: `欠薪 ${caseId}`,
        registeredAt,
        petitioners: [{ name: '李四' }],
      })
    ).status;
  return {
    services,
    request,
    registerCase,
    sources,
    setNow: (instant: string) => {
      now = instant;
    },
  };
};

describe('the default view of a query', () => {
  it('still finds a case recorded while the clock ran a day fast, once the clock is set right', async () => {
    const server = await start();
    try {
      server.setNow(RIGHT_NOW);
      expect(await server.registerCase('c-ok', '2024-10-08T09:00:00+08:00')).toBe(201);
      server.setNow('2024-10-09T10:00:00+08:00'); // a day fast
      expect(await server.registerCase('c-fast', '2024-10-08T09:30:00+08:00')).toBe(201);
      server.setNow(RIGHT_NOW); // set right

      const found = await server.request('GET', '/cases/c-fast');
      expect(found.status).toBe(200);
      expect(found.body.caseId).toBe('c-fast');
      expect(found.body.asOf).toBe(RIGHT_NOW);
      expect(found.body.knownAt).toBe('2024-10-09T10:00:00+08:00'); // the latest recording time, not the clock
      const ledger = await server.request('GET', '/ledgers/disputes');
      expect(ledger.body.rows.map((row: { caseId: string }) => row.caseId).sort()).toEqual(['c-fast', 'c-ok']);
      const history = await server.request('GET', '/cases/c-fast/history');
      expect(history.body.total).toBe(1);

      // An explicit knownAt means what API.md says: what the system knew then.
      expect((await server.request('GET', `/cases/c-fast?knownAt=${encodeURIComponent(RIGHT_NOW)}`)).status).toBe(404);
      expect((await server.request('GET', '/cases/c-ok?knownAt=2024-10-08')).status).toBe(200);
    } finally {
      await server.services.close();
    }
  });

  it('is answered from the read model beside an event dated years ahead, judged as of now', async () => {
    const server = await start();
    try {
      server.setNow(RIGHT_NOW);
      expect(await server.registerCase('c-now', '2024-10-08T09:00:00+08:00')).toBe(201);
      server.setNow('2042-06-02T10:00:00+08:00'); // a clock years fast took a business time years ahead
      expect(await server.registerCase('c-2042', '2042-06-01T09:00:00+08:00')).toBe(201);
      server.setNow(RIGHT_NOW);

      server.sources.length = 0;
      const ledger = await server.request('GET', '/ledgers/disputes');
      expect(ledger.status).toBe(200);
      expect(ledger.body.asOf).toBe(RIGHT_NOW);
      expect(ledger.body.rows.map((row: { caseId: string }) => row.caseId)).toEqual(['c-now']);
      // As of now, the case dated 2042 is not registered yet: T is the clock, not the latest business time.
      expect((await server.request('GET', '/cases/c-2042')).status).toBe(404);
      expect((await server.request('GET', '/cases/c-2042?asOf=2042-06-01')).status).toBe(200);
      server.sources.length = 0;
      const current = await server.request('GET', '/cases/c-now');
      expect(current.body.asOf).toBe(RIGHT_NOW);
      expect((await server.request('GET', '/kpis?from=2024-10-01&to=2024-10-08')).status).toBe(200);
      // Not one whole-log replay for the default view.
      expect(server.sources).toEqual(['readModel', 'readModel']);

      // A past date asked for explicitly is answered as it stood then: the read model narrowed to that
      // view through the stream bounds (the case dated 2042 left out), not a whole-log replay.
      server.sources.length = 0;
      const asked = await server.request('GET', '/ledgers/disputes?asOf=2024-10-08');
      expect(asked.body.rows.map((row: { caseId: string }) => row.caseId)).toEqual(['c-now']);
      expect(server.sources).toEqual(['index']);
    } finally {
      await server.services.close();
    }
  });
});
