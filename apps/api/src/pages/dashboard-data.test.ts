import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, NOW, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { dashboardData, type ApiGet } from './dashboard-data';
import { parseRole } from '../roles';

/*
 * The 工作台's figures are the API's: asked over real HTTP with each role's token, from the query test
 * scenario (c1 of 青华 resolved; c2 of 阳光, registered by a visit on 5 Sep and never decided, due on 20 Sep;
 * c3 of 青华 by letter on 20 Sep; 青华's one report of Wednesday 4 Sep; L01's duty slot of 20 Sep on a roster
 * never announced). The clock is at 25 Sep.
 */

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
}, 60_000);
afterAll(() => server.close());

const as =
  (role: TestRole): ApiGet =>
  (path) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.tokens[role]}` } });

const dataFor = (role: TestRole, range: { from: string; to: string }) => dashboardData(as(role), parseRole(role)!, range, NOW.slice(0, 10), NOW);

const RANGE = { from: '2024-09-01', to: '2024-09-18' };

describe('what the 工作台 asks the API', () => {
  it("gives the KPIs of the range as /kpis answers them, as of the range's last day", async () => {
    const data = await dataFor('office', RANGE);
    expect(data.kind).toBe('figures');
    if (data.kind !== 'figures') return;
    const direct = await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-18&asOf=2024-09-18');
    expect(data.kpis).toEqual(direct.body);
    expect(data.kpis.asOf).toBe('2024-09-18T23:59:59.999+08:00');
    // 环比 by default: the 18 days before, as /kpis?compare=previous answers them.
    const compared = await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-18&asOf=2024-09-18&compare=previous');
    expect(data.comparison).toEqual(compared.body.comparison);
    expect(data.comparison).toMatchObject({ compare: 'previous', from: '2024-08-14', to: '2024-08-31' });
    const lastYear = await dashboardData(as('office'), parseRole('office')!, RANGE, NOW.slice(0, 10), NOW, 'lastYear');
    expect(lastYear.kind === 'figures' && lastYear.comparison).toMatchObject({ compare: 'lastYear', from: '2023-09-01', to: '2023-09-18' });
  });

  it("makes the to-do list of the range's end: c2 due in 2 days (overdue 4 days later), 青华's and 阳光's missing reports, the roster never announced once its slot has come", async () => {
    const data = await dataFor('office', RANGE);
    expect(data.kind === 'figures' && data.todo).toEqual({
      overdue: [],
      dueSoon: [{ caseId: scenario.c2, communityId: 'yangguang', deadline: '2024-09-20', daysLeft: 2 }],
      missingReports: ['2024-09-06', '2024-09-11', '2024-09-13', '2024-09-18'].flatMap((date) => [
        { communityId: 'qinghua', date },
        { communityId: 'yangguang', date },
      ]).concat([{ communityId: 'yangguang', date: '2024-09-04' }]).sort((a, b) => (a.date + a.communityId < b.date + b.communityId ? -1 : 1)),
      // The roster's one slot (20 Sep) is after 18 Sep: the KPI does not ask for it yet.
      unannounced: [],
    });
    const later = await dataFor('office', { from: '2024-09-01', to: '2024-09-22' });
    if (later.kind !== 'figures') throw new Error(later.kind);
    expect(later.todo.overdue).toEqual([{ caseId: scenario.c2, communityId: 'yangguang', deadline: '2024-09-20', daysLeft: -2 }]);
    expect(later.todo.unannounced).toEqual([{ unit: 'subdistrict', weekOf: '2024-09-16', due: '2024-09-14', announcedAt: null }]);
  });

  it('splits the range into periods whose cases and visits add up to the range', async () => {
    const data = await dataFor('office', { from: '2024-09-01', to: '2024-09-22' });
    if (data.kind !== 'figures') throw new Error(data.kind);
    expect(data.trend.map((t) => [t.period.from, t.period.to, t.kpis?.volume.total, t.kpis?.visits.batches])).toEqual([
      ['2024-09-01', '2024-09-01', 0, 0],
      ['2024-09-02', '2024-09-08', 2, 1],
      ['2024-09-09', '2024-09-15', 0, 0],
      ['2024-09-16', '2024-09-22', 1, 0],
    ]);
    expect(data.kpis.volume.total).toBe(3);
    expect(data.kpis.visits.batches).toBe(1);
  });

  it("scopes a community's dashboard to its community, as the API does", async () => {
    const data = await dataFor('community:qinghua', RANGE);
    if (data.kind !== 'figures') throw new Error(data.kind);
    expect(data.kpis.communityId).toBe('qinghua');
    expect(data.todo.dueSoon).toEqual([]);
    expect(data.todo.missingReports.map((gap) => gap.communityId)).toEqual(['qinghua', 'qinghua', 'qinghua', 'qinghua']);
  });

  it("gives the inspector the office's figures", async () => {
    const inspector = await dataFor('inspector', RANGE);
    const office = await dataFor('office', RANGE);
    expect(inspector).toEqual(office);
  });
});
