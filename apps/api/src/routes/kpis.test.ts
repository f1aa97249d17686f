import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });
const SEPTEMBER = 'from=2024-09-01&to=2024-09-30';

describe('GET /kpis', () => {
  it('answers the figures of REPORTS.md for the window', async () => {
    const res = await get(`/kpis?${SEPTEMBER}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      asOf: '2024-09-25T12:00:00+08:00',
      from: '2024-09-01',
      to: '2024-09-30',
      communityId: null,
      volume: { total: 3, byOrigin: { screening: 1, visit: 1, letter: 1 }, byCommunity: { qinghua: 2, yangguang: 1 } },
      visits: { batches: 1, people: 1, collective: 0 },
      repeatPetitions: { total: 1 },
      backlog: { open: 1 },
      packageResolution: { numerator: 1, denominator: 1, rate: 1 },
      provisional: false,
    });
    expect(res.body.onTimeResolution).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(res.body.deadlineWarnings.overdue.map((w: { caseId: string }) => w.caseId)).toEqual([scenario.c2]);
  });

  it('changes with asOf and knownAt', async () => {
    expect((await get(`/kpis?${SEPTEMBER}&asOf=2024-09-15`)).body.volume.total).toBe(2);
    const known = await get(`/kpis?${SEPTEMBER}&knownAt=2024-09-21`);
    expect(known.body.packageResolution).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it('limits a community to its own figures; naming another is a 403', async () => {
    const own = await get(`/kpis?${SEPTEMBER}`, 'community:qinghua');
    expect(own.status).toBe(200);
    expect(own.body.communityId).toBe('qinghua');
    expect(own.body.volume.total).toBe(2);
    expect((await get(`/kpis?${SEPTEMBER}&communityId=qinghua`, 'community:qinghua')).body.volume.total).toBe(2);
    expect((await get(`/kpis?${SEPTEMBER}&communityId=yangguang`, 'community:qinghua')).status).toBe(403);
    expect((await get(`/kpis?${SEPTEMBER}&communityId=yangguang`)).body.volume.total).toBe(1);
  });

  it('lets the office, auditor and inspector read; a leader gets 403, no token 401', async () => {
    for (const role of ['auditor', 'inspector'] as const) expect((await get(`/kpis?${SEPTEMBER}`, role)).status, role).toBe(200);
    expect((await get(`/kpis?${SEPTEMBER}`, 'leader:L01')).status).toBe(403);
    expect((await get(`/kpis?${SEPTEMBER}`, null)).status).toBe(401);
  });

  it('needs from and to as dates (400 naming them)', async () => {
    const missing = await get('/kpis?from=2024-09-01');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'to', message: expect.any(String) }]);
    const bad = await get('/kpis?from=2024-09&to=30&asOf=now');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['from', 'to', 'asOf']);
  });

  it('compares with the window before (环比) or a year earlier (同比): the figures /kpis gives for that window seen as far back', async () => {
    const res = await get(`/kpis?from=2024-09-16&to=2024-09-25&asOf=2024-09-25&compare=previous`);
    expect(res.status).toBe(200);
    const { comparison, ...figures } = res.body;
    expect(figures).toEqual((await get(`/kpis?from=2024-09-16&to=2024-09-25&asOf=2024-09-25`)).body);
    expect(comparison).toMatchObject({ compare: 'previous', from: '2024-09-06', to: '2024-09-15', asOf: '2024-09-15T23:59:59.999+08:00' });
    const direct = (await get(`/kpis?from=2024-09-06&to=2024-09-15&asOf=${encodeURIComponent(comparison.asOf)}&knownAt=${encodeURIComponent(comparison.knownAt)}`)).body;
    const { asOf: _a, knownAt: _k, from: _f, to: _t, communityId: _c, ...directFigures } = direct;
    expect(comparison.figures).toEqual(directFigures);
    expect(comparison.changes['volume.total']).toEqual({
      before: direct.volume.total,
      after: figures.volume.total,
      change: figures.volume.total - direct.volume.total,
    });
    const lastYear = await get(`/kpis?${SEPTEMBER}&compare=lastYear`);
    expect(lastYear.body.comparison).toMatchObject({ compare: 'lastYear', from: '2023-09-01', to: '2023-09-30' });
    // Nothing was registered in 2023: every count before is 0.
    expect(lastYear.body.comparison.changes['volume.total']).toEqual({ before: 0, after: 3, change: 3 });
  });

  it('refuses a comparison it does not know (400 naming it)', async () => {
    const res = await get(`/kpis?${SEPTEMBER}&compare=lastMonth`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'compare', message: expect.stringContaining('previous | lastYear') }]);
  });
});
