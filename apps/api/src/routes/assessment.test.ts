import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAssessmentTable } from '@xinfang/domain';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario } from '../test-query-scenario';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });
const SEPTEMBER = 'from=2024-09-01&to=2024-09-30&asOf=2024-09-25';

type Rate = { numerator?: number; denominator?: number; fulfilled?: number; required?: number; rate: number | null };

/** The score the formula of docs/ASSESSMENT.md gives for a community's /kpis, with the default table. */
const expectedScore = (k: Record<string, any>): number => {
  const t = defaultAssessmentTable;
  const rate = (r: Rate) => (r.rate === null ? 100 : r.rate * 100);
  const count = (n: number, penalty: number) => Math.max(0, 100 - penalty * n);
  const sub = [
    [t.screeningReports.weight, rate(k.screeningReports)],
    [t.timelyAcceptance.weight, rate(k.timelyAcceptance)],
    [t.onTimeResolution.weight, rate(k.onTimeResolution)],
    [t.repeatPetitions.weight, count(k.repeatPetitions.total, t.repeatPetitions.penalty)],
    [t.escalations.weight, count(k.escalations.total, t.escalations.penalty)],
    [t.incidents.weight, count(k.incidents.total, t.incidents.penalty)],
  ] as const;
  const total = sub.reduce((s, [w]) => s + w, 0);
  return Math.round((sub.reduce((s, [w, v]) => s + w * v, 0) / total) * 10) / 10;
};

describe('GET /assessment', () => {
  it("scores every community from its own /kpis figures, ranked, with the table in force", async () => {
    const res = await get(`/assessment?${SEPTEMBER}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ from: '2024-09-01', to: '2024-09-30', weights: { table: defaultAssessmentTable, since: null } });
    expect(res.body.rows.map((r: { communityId: string }) => r.communityId).sort()).toEqual(['qinghua', 'yangguang']);
    for (const row of res.body.rows) {
      const k = (await get(`/kpis?${SEPTEMBER}&communityId=${row.communityId}`)).body;
      expect(row.score, row.communityId).toBe(expectedScore(k));
      expect(row.breakdown.find((b: { criterion: string }) => b.criterion === 'escalations').figure).toEqual({ count: k.escalations.total });
      expect(row.breakdown.find((b: { criterion: string }) => b.criterion === 'timelyAcceptance').figure).toEqual(k.timelyAcceptance);
    }
    const [first, second] = res.body.rows;
    expect(first.score).toBeGreaterThanOrEqual(second.score);
    expect(first.rank).toBe(1);
  });

  it('shows a community its own row, the inspector every row, a leader nothing', async () => {
    const all = (await get(`/assessment?${SEPTEMBER}`)).body.rows;
    const own = await get(`/assessment?${SEPTEMBER}`, 'community:qinghua');
    expect(own.status).toBe(200);
    expect(own.body.rows).toEqual(all.filter((r: { communityId: string }) => r.communityId === 'qinghua'));
    expect((await get(`/assessment?${SEPTEMBER}`, 'inspector')).body.rows).toEqual(all);
    expect((await get(`/assessment?${SEPTEMBER}`, 'leader:L01')).status).toBe(403);
    expect((await get(`/assessment?${SEPTEMBER}`, null)).status).toBe(401);
  });

  it('needs from and to (400 naming them)', async () => {
    const res = await get('/assessment?from=2024-09-01');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['to']);
  });
});

describe('POST /assessment/weights', () => {
  const table = { ...defaultAssessmentTable, screeningReports: { weight: 0 } };

  it('refuses a bad weight (400 naming it) and weights all 0 (422), writing nothing', async () => {
    const before = await server.eventCount();
    const bad = await server.call('POST', '/api/v1/assessment/weights', {
      body: { table: { ...table, escalations: { weight: 101, penalty: 25 } }, at: '2024-09-25T09:00:00+08:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['table.escalations.weight']);
    const zero = Object.fromEntries(Object.entries(table).map(([k, c]) => [k, { ...c, weight: 0 }]));
    const allZero = await server.call('POST', '/api/v1/assessment/weights', { body: { table: zero, at: '2024-09-25T09:00:00+08:00' } });
    expect(allZero.status).toBe(422);
    expect(allZero.body).toMatchObject({ code: 'allWeightsZero', errors: [{ path: 'table' }] });
    const community = await server.call('POST', '/api/v1/assessment/weights', { role: 'community:qinghua', body: { table, at: '2024-09-25T09:00:00+08:00' } });
    expect(community.status).toBe(403);
    expect(await server.eventCount()).toBe(before);
  });

  it('sets a table that counts from its business time on; before it, the old one', async () => {
    const res = await server.call('POST', '/api/v1/assessment/weights', { body: { table, at: '2024-09-20T09:00:00+08:00' } });
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('assessment-weights');
    const after = (await get(`/assessment?${SEPTEMBER}`)).body;
    expect(after.weights).toEqual({ table, since: '2024-09-20T09:00:00+08:00' });
    for (const row of after.rows) {
      const screening = row.breakdown.find((b: { criterion: string }) => b.criterion === 'screeningReports');
      expect(screening).toMatchObject({ weight: 0, points: 0 });
    }
    const earlier = (await get('/assessment?from=2024-09-01&to=2024-09-19&asOf=2024-09-19')).body;
    expect(earlier.weights).toEqual({ table: defaultAssessmentTable, since: null });
  });
});
