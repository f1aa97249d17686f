import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, ZHANG_MASKED, type Scenario } from '../test-query-scenario';

/*
 * `GET /cases` (API.md v1.1): the case list on the query scenario at 25 Sep 2024, 12:00 — c1 (青华,
 * screening, assigned to and packaged by L02, resolved 10 Sep), c2 (阳光, the visit of 5 Sep, in the
 * backlog for the repeat petition of 12 Sep), c3 (青华, letter, 20 Sep, undecided).
 */

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const list = (query = '', role: TestRole = 'office') => server.call('GET', `/api/v1/cases${query}`, { role });
const ids = (body: { rows: { caseId: string }[] }) => body.rows.map((row) => row.caseId);

describe('GET /cases', () => {
  it('lists every case, newest first, each as it stands now', async () => {
    const res = await list();
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(3);
    expect(ids(res.body)).toEqual(['c3', scenario.c2, 'c1']);
    expect(res.body.rows[2]).toEqual({
      seq: 3,
      caseId: 'c1',
      summary: '邻里漏水纠纷',
      communityId: 'qinghua',
      category: 'neighbour',
      origin: 'screening',
      status: 'resolved',
      registeredAt: '2024-09-02T10:00:00+08:00',
      deadline: '2024-09-30',
      daysLeft: 5,
      backlogReasons: [],
      petitioners: [expect.objectContaining({ personId: scenario.zhangId, name: '张三丰' })],
    });
    // c2, never accepted, overdue after its 15 days (20 Sep), in the backlog since the repeat of 12 Sep.
    expect(res.body.rows[1]).toMatchObject({ caseId: scenario.c2, origin: 'visit', status: 'open', daysLeft: -5, backlogReasons: ['overdue', 'repeat'] });
    expect(res.body.rows[0]).toMatchObject({ caseId: 'c3', deadline: '2024-10-05', daysLeft: 10 });
  });

  it('filters by status, community, category, origin, backlog, text and registration days', async () => {
    expect(ids((await list('?status=resolved')).body)).toEqual(['c1']);
    expect(ids((await list('?communityId=qinghua')).body)).toEqual(['c3', 'c1']);
    expect(ids((await list('?category=wageArrears')).body)).toEqual([scenario.c2]);
    expect(ids((await list('?origin=letter')).body)).toEqual(['c3']);
    expect(ids((await list('?backlog=true')).body)).toEqual([scenario.c2]);
    expect(ids((await list('?q=' + encodeURIComponent('漏水'))).body)).toEqual(['c1']);
    expect(ids((await list('?q=C3')).body)).toEqual(['c3']);
    expect(ids((await list('?from=2024-09-05&to=2024-09-19')).body)).toEqual([scenario.c2]);
    expect(ids((await list('?leaderId=L02')).body)).toEqual(['c1']);
  });

  it('sorts and pages, counting every match in total', async () => {
    expect(ids((await list('?sort=registeredAt')).body)).toEqual(['c1', scenario.c2, 'c3']);
    const page = await list('?sort=registeredAt&limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 3, rows: [{ seq: 2, caseId: scenario.c2 }] });
    const byDeadline = (await list('?sort=deadline')).body.rows as { deadline: string | null }[];
    const deadlines = byDeadline.map((row) => row.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('lists the overdue and the due-soon cases, unresolved only', async () => {
    expect(ids((await list('?due=overdue')).body)).toEqual([scenario.c2]);
    // At 25 Sep nothing is due within 3 days; c3 (5 Oct) is, from 2 Oct; c1 (30 Sep) never: it is resolved.
    expect(ids((await list('?due=soon')).body)).toEqual([]);
    server.setNow('2024-10-02T12:00:00+08:00');
    try {
      expect((await list('?due=soon')).body.rows).toMatchObject([{ caseId: 'c3', daysLeft: 3 }]);
    } finally {
      server.setNow('2024-09-25T12:00:00+08:00');
    }
  });

  it('scopes a community to its own cases and refuses another community with 403', async () => {
    const own = await list('', 'community:qinghua');
    expect(ids(own.body)).toEqual(['c3', 'c1']);
    expect(own.body.rows[1].petitioners[0]).toMatchObject({ name: ZHANG_MASKED.name, idNumber: ZHANG_MASKED.idNumber });
    expect((await list('?communityId=yangguang', 'community:qinghua')).status).toBe(403);
  });

  it("gives a leader the cases it leads, and refuses another leader's list with 403", async () => {
    expect(ids((await list('', 'leader:L02')).body)).toEqual(['c1']);
    expect(ids((await list('', 'leader:L01')).body)).toEqual([]);
    expect((await list('?leaderId=L02', 'leader:L01')).status).toBe(403);
  });

  it('refuses an inspector, and a bad parameter with 400 naming it', async () => {
    expect((await list('', 'inspector')).status).toBe(403);
    const bad = await list('?status=done&sort=deadline');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['status']);
    expect((await list('?backlog=yes')).body.errors[0].path).toBe('backlog');
    expect((await list('?limit=-1')).status).toBe(400);
  });
});
