import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, ZHANG, ZHANG_MASKED, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });

describe('GET /reports/screening', () => {
  it("answers a community's report for a Wednesday: new screened cases, unresolved ones, and what it submitted", async () => {
    const res = await get('/reports/screening?communityId=qinghua&date=2024-09-04&asOf=2024-09-04');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      communityId: 'qinghua',
      community: '青华社区',
      date: '2024-09-04',
      previousReportDate: '2024-08-30',
      submitted: { nil: false, caseIds: ['c1'] },
      total: 1,
      asOf: '2024-09-04T23:59:59.999+08:00',
    });
    expect(res.body.rows[0]).toMatchObject({
      seq: 1,
      caseId: 'c1',
      newSincePreviousReport: true,
      status: 'inProgress',
      petitioners: [{ personId: scenario.zhangId, ...ZHANG }],
    });
  });

  it('shows the statuses of asOf: by default now (c1 resolved since, c3 still open)', async () => {
    const now = await get('/reports/screening?communityId=qinghua&date=2024-09-20');
    expect(now.body.rows.map((r: { caseId: string }) => r.caseId)).toEqual(['c3']);
    expect(now.body.submitted).toBeNull();
    const friday = await get('/reports/screening?communityId=qinghua&date=2024-09-06');
    expect(friday.body.rows.map((r: { caseId: string; newSincePreviousReport: boolean }) => [r.caseId, r.newSincePreviousReport])).toEqual([]);
  });

  it('masks for every role but the office, and limits a community to its own', async () => {
    for (const role of ['auditor', 'inspector', 'community:qinghua'] as const) {
      const res = await get('/reports/screening?communityId=qinghua&date=2024-09-04&asOf=2024-09-04', role);
      expect(res.status, role).toBe(200);
      expect(res.body.rows[0].petitioners, role).toEqual([{ personId: scenario.zhangId, ...ZHANG_MASKED }]);
    }
    const own = await get('/reports/screening?date=2024-09-04', 'community:qinghua');
    expect(own.status).toBe(200);
    expect(own.body.communityId).toBe('qinghua');
    expect((await get('/reports/screening?communityId=qinghua&date=2024-09-04', 'community:yangguang')).status).toBe(403);
    expect((await get('/reports/screening?communityId=qinghua&date=2024-09-04', 'leader:L02')).status).toBe(403);
    expect((await get('/reports/screening?communityId=qinghua&date=2024-09-04', null)).status).toBe(401);
  });

  it('needs communityId and date (400 naming them); an unknown community is a 404', async () => {
    const missing = await get('/reports/screening?communityId=qinghua');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'date', message: expect.any(String) }]);
    const noCommunity = await get('/reports/screening?date=2024-09-04');
    expect(noCommunity.status).toBe(400);
    expect(noCommunity.body.errors).toEqual([{ path: 'communityId', message: expect.any(String) }]);
    const bad = await get('/reports/screening?communityId=qinghua&date=Wednesday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['date']);
    expect((await get('/reports/screening?communityId=nowhere&date=2024-09-04')).status).toBe(404);
  });
});
