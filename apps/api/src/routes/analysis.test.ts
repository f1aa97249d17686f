import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterLinkId } from '@xinfang/domain';
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
const SEPTEMBER = 'from=2024-09-01&to=2024-09-30&asOf=2024-09-25';

describe('GET /analysis/hotspots', () => {
  it('counts the cases of the window as /kpis does, by category and community, each beside the window before', async () => {
    const res = await get(`/analysis/hotspots?${SEPTEMBER}`);
    expect(res.status).toBe(200);
    const kpis = (await get(`/kpis?${SEPTEMBER}`)).body;
    expect(Object.fromEntries(res.body.byCategory.map((r: { category: string; count: number }) => [r.category, r.count]))).toEqual(kpis.volume.byCategory);
    expect(Object.fromEntries(res.body.byCommunity.map((r: { communityId: string; count: number }) => [r.communityId, r.count]))).toEqual(kpis.volume.byCommunity);
    expect(res.body.previous).toEqual({ from: '2024-08-02', to: '2024-08-31' });
    expect(res.body.byCommunity.every((r: { previous: number }) => r.previous === 0)).toBe(true);
    expect(res.body.byWeek.map((w: { weekOf: string }) => w.weekOf)).toEqual(['2024-08-26', '2024-09-02', '2024-09-09', '2024-09-16', '2024-09-23', '2024-09-30']);
    expect(res.body.byWeek.reduce((sum: number, w: { count: number }) => sum + w.count, 0)).toBe(kpis.volume.total);
  });

  it("limits a community to its own cases; a leader reads none", async () => {
    const own = await get(`/analysis/hotspots?${SEPTEMBER}`, 'community:qinghua');
    expect(own.status).toBe(200);
    expect(own.body.byCommunity.map((r: { communityId: string }) => r.communityId)).toEqual(['qinghua']);
    expect((await get(`/analysis/hotspots?${SEPTEMBER}&communityId=yangguang`, 'community:qinghua')).status).toBe(403);
    expect((await get(`/analysis/hotspots?${SEPTEMBER}`, 'leader:L01')).status).toBe(403);
    expect((await get('/analysis/hotspots?from=2024-09-01')).status).toBe(400);
  });
});

describe('POST /analysis/matter-links', () => {
  it('refuses an unknown case (422 naming it) and a role other than the office, writing nothing', async () => {
    const before = await server.eventCount();
    const unknown = await server.call('POST', '/api/v1/analysis/matter-links', {
      body: { caseIds: ['c1', 'nope'], decision: 'confirmed', at: '2024-09-25T09:00:00+08:00' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknownCase', errors: [{ path: 'caseIds.1' }] });
    const community = await server.call('POST', '/api/v1/analysis/matter-links', {
      role: 'community:qinghua',
      body: { caseIds: ['c1', 'c3'], decision: 'confirmed', at: '2024-09-25T09:00:00+08:00' },
    });
    expect(community.status).toBe(403);
    expect(await server.eventCount()).toBe(before);
  });

  it('records a decision on the cases, named by them in any order', async () => {
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/analysis/matter-links', {
      body: { caseIds: ['c3', scenario.c2], decision: 'dismissed', at: '2024-09-25T09:00:00+08:00', note: '不同事由' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.id).toBe(matterLinkId([scenario.c2, 'c3']));
    expect(await server.eventCount()).toBe(before + 1);
    const feed = (await get(`/events?after=${before}`)).body.events;
    expect(feed.map((e: { type: string; data: { caseIds: string[] } }) => [e.type, e.data.caseIds])).toEqual([['MatterLinkDecided', [scenario.c2, 'c3'].sort()]]);
  });
});
