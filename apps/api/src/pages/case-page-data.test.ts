import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, NOW, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { parseRole } from '../roles';
import { casePageData, type ApiGet } from './case-page-data';

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

const dataFor = (role: TestRole, caseId: string) => casePageData(as(role), parseRole(role)!, caseId, NOW);

/*
 * The case page's data, asked over real HTTP with each role's token on the query scenario: c1 of 青华
 * registered 2 Sep, accepted 3 Sep, assigned to and packaged by L02 (林书记) on 4 Sep, its resolution of
 * 10 Sep typed in on 25 Sep; c2 of 阳光 registered by L01's visit on 5 Sep, never decided.
 */
describe('what the case page asks the API', () => {
  it("c1's timeline: business time, recording time and who, in Shanghai time, names not ids", async () => {
    const data = await dataFor('office', 'c1');
    if (data.kind !== 'case') throw new Error(`refused: ${data.response.status}`);
    const office = (await server.services.database.tokens.list()).find((t) => t.role.kind === 'office')!;
    expect(data.timeline.map(({ revision, happenedAt, recordedAt, who, what, detail }) => [revision, happenedAt, recordedAt, who, what, detail])).toEqual([
      [1, '2024-09-02 10:00', '2024-09-02 18:00', `信访办（${office.id}）`, '登记', '排查，青华社区，邻里纠纷；邻里漏水纠纷；诉求：修复漏水；涉及 1 人'],
      [2, '2024-09-03 09:00', '2024-09-04 18:00', `信访办（${office.id}）`, '受理', ''],
      [3, '2024-09-04 09:00', '2024-09-04 18:00', `信访办（${office.id}）`, '交办（一案一策）', '青华社区，责任领导 林书记，责任人 网格员小刘；措施：上门调解；化解时限 2024-09-30'],
      [4, '2024-09-04 10:00', '2024-09-04 18:00', `信访办（${office.id}）`, '领导包案', '包案领导 林书记'],
      [5, '2024-09-10 16:00', '2024-09-25 09:00', `信访办（${office.id}）`, '化解', '调解，社区层级，解决问题到位；已修复漏水，双方和解'],
    ]);
    expect(data.file.revision).toBe(5);
  });

  it('the forms offered: the office on resolved c1 the satisfaction call and closure; the leader who leads it the same', async () => {
    const office = await dataFor('office', 'c1');
    const leader = await dataFor('leader:L02', 'c1');
    if (office.kind !== 'case' || leader.kind !== 'case') throw new Error('refused');
    expect(office.actions.map((a) => a.segment)).toEqual(['notice', 'satisfaction', 'repeat', 'escalation', 'reopen', 'review', 'closure']);
    expect(leader.actions).toEqual(office.actions);
  });

  it('c2, registered by a visit and never decided: acceptance first; its community reads it and may do nothing', async () => {
    const office = await dataFor('office', scenario.c2);
    const community = await dataFor('community:yangguang', scenario.c2);
    if (office.kind !== 'case' || community.kind !== 'case') throw new Error('refused');
    expect(office.actions[0]?.segment).toBe('acceptance');
    expect(office.actions.map((a) => a.segment)).not.toContain('assignment');
    expect(community.actions).toEqual([]);
    expect(community.file.petitioners?.[0]?.name).toBe('李**');
  });

  it("another community's case and a leader's case it does not lead are the API's 403, as it answered", async () => {
    for (const [role, caseId] of [['community:qinghua', scenario.c2], ['leader:L01', 'c1'], ['inspector', 'c1']] as const) {
      const data = await dataFor(role, caseId);
      expect(data.kind, role).toBe('refused');
      if (data.kind === 'refused') expect(data.response.status).toBe(403);
    }
    const missing = await dataFor('office', 'no-such-case');
    expect(missing.kind === 'refused' && missing.response.status).toBe(404);
  });
});
