import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { csrfTokenFor } from './csrf';

/*
 * The case page over real HTTP on the query scenario (c1 resolved; c2 of 阳光 never decided; c3 of 青华
 * registered 20 Sep; the clock at 25 Sep 12:00): its timeline, the forms offered by role, and a form
 * posted — written through the API, or refused with the API's errors beside the fields and nothing written.
 */

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
}, 60_000);
afterAll(() => server.close());

const cookieOf = async (role: TestRole): Promise<string> => {
  const res = await fetch(`${server.url}/?token=${encodeURIComponent(server.tokens[role])}`, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};

const open = async (path: string, role: TestRole = 'office') => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: await cookieOf(role) }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};

const post = async (path: string, fields: Record<string, string>, role: TestRole = 'office') => {
  const body = new URLSearchParams({ ...fields, _csrf: csrfTokenFor(server.tokens[role]) });
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { cookie: await cookieOf(role), 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
};

const formsOf = (html: string): string[] => [...html.matchAll(/<form method="post" action="\/office\/cases\/[^/]+\/([a-z-]+)"/g)].map((m) => m[1]!);

describe('the case page', () => {
  it("shows c1's timeline with business time, recording time and who, and the forms the office may use now", async () => {
    const page = await open('/office/cases/c1');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<td class="nowrap">2024-09-10 16:00</td><td class="nowrap">2024-09-25 09:00</td><td>信访办（');
    expect(page.text).toContain('调解，社区层级，解决问题到位；已修复漏水，双方和解');
    expect(page.text).toContain('张三丰');
    expect(formsOf(page.text)).toEqual(['notice', 'satisfaction', 'repeat', 'escalation', 'reopen', 'review', 'closure', 'notices', 'receipt']);
  });

  it('a community reads its own case masked, with no action form (only its receipt); another community, a leader not leading it, the inspector get 403 pages', async () => {
    const own = await open(`/office/cases/${scenario.c2}`, 'community:yangguang');
    expect(own.status).toBe(200);
    expect(own.text).toContain('李**');
    expect(formsOf(own.text)).toEqual(['receipt']);
    expect(own.text).toContain('当前账号对该事项没有可办理的操作');
    for (const [role, caseId] of [['community:qinghua', scenario.c2], ['leader:L01', 'c1'], ['inspector', 'c1']] as const) {
      const refused = await open(`/office/cases/${caseId}`, role);
      expect(refused.status, role).toBe(403);
      expect(refused.text).toContain('返回事项列表');
    }
    expect((await open('/office/cases/no-such')).status).toBe(404);
  });

  it('accepts, assigns and resolves c3 through its forms: each written through the API, the page showing the next forms', async () => {
    expect(formsOf((await open('/office/cases/c3')).text)[0]).toBe('acceptance');
    const accepted = await post('/office/cases/c3/acceptance', { decision: 'accepted', at: '2024-09-21T09:00' });
    expect(accepted.status, accepted.text).toBe(303);
    expect(accepted.location).toBe(`/office/cases/c3?done=${encodeURIComponent('受理决定')}`);
    const assigned = await post('/office/cases/c3/assignment', {
      responsibleUnit: '青华社区',
      responsibleLeaderId: 'L02',
      responsiblePerson: '网格员小刘',
      measures: '约谈开发商',
      deadline: '2024-10-20',
      at: '2024-09-22T10:00',
    });
    expect(assigned.status, assigned.text).toBe(303);
    expect(formsOf((await open('/office/cases/c3')).text)).toContain('resolution');
    const resolved = await post('/office/cases/c3/resolution', { at: '2024-09-24T15:30', method: 'mediation', level: 'community', outcome: 'solved', summary: '开发商同意整改' });
    expect(resolved.status, resolved.text).toBe(303);
    const file = await server.call('GET', '/api/v1/cases/c3');
    expect(file.body.state).toBe('resolved');
    expect(file.body.assignment.responsibleLeader.leaderId).toBe('L02');
    expect(file.body.resolutions).toEqual([{ at: '2024-09-24T15:30:00+08:00', method: 'mediation', level: 'community', outcome: 'solved', summary: '开发商同意整改' }]);
    const page = await open('/office/cases/c3');
    expect(page.text).toContain('<td class="nowrap">2024-09-24 15:30</td><td class="nowrap">2024-09-25 12:00</td>');
    expect(formsOf(page.text)).toContain('satisfaction');
  });

  it('a refused form shows the API errors beside the fields, keeps what was typed, and writes nothing', async () => {
    const before = await server.eventCount();
    const refused = await post(`/office/cases/${scenario.c2}/acceptance`, { decision: 'accepted', at: '2024-09-01T09:00', reason: '属实' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('不能早于');
    expect(refused.text).toContain('value="2024-09-01T09:00"');
    expect(refused.text).toContain('value="属实"');
    const bad = await post(`/office/cases/${scenario.c2}/acceptance`, { decision: 'maybe', at: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<label for="acceptance-at">[^]*?class="field-error"/);
    expect(await server.eventCount()).toBe(before);
  });

  it('a leader acts on a case it leads: 林书记 (L02) gets c1 forms; a post without the CSRF field is refused', async () => {
    expect(formsOf((await open('/office/cases/c1', 'leader:L02')).text)).toContain('closure');
    const res = await fetch(`${server.url}/office/cases/c1/closure`, {
      method: 'POST',
      headers: { cookie: await cookieOf('leader:L02'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'at=2024-09-25T10:00',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    const closed = await post('/office/cases/c1/closure', { at: '2024-09-25T10:00' }, 'leader:L02');
    expect(closed.status, closed.text).toBe(303);
    expect((await server.call('GET', '/api/v1/cases/c1')).body.state).toBe('closed');
  });

  it("a form filled on a page someone has since changed is refused (409), and one posted twice records once", async () => {
    const page = await open(`/office/cases/${scenario.c2}`);
    const form = /<form[^>]*id="form-progress"[^]*?<\/form>/.exec(page.text)?.[0] ?? '';
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '';
    const revision = hidden('_revision');
    const key = hidden('_key');
    expect(Number(revision)).toBe((await server.call('GET', `/api/v1/cases/${scenario.c2}`)).body.revision);
    expect(key).toMatch(/^page-[0-9a-f-]{36}$/);
    const before = await server.eventCount();
    const stale = await post(`/office/cases/${scenario.c2}/progress`, { at: '2024-09-25T11:00', note: '电话联系', _revision: String(Number(revision) - 1), _key: 'stale-1' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('>电话联系</textarea>');
    expect(await server.eventCount()).toBe(before);
    for (let i = 0; i < 2; i += 1) {
      const sent = await post(`/office/cases/${scenario.c2}/progress`, { at: '2024-09-25T11:00', note: '电话联系', _revision: revision, _key: key });
      expect(sent.status, sent.text).toBe(303);
    }
    expect(await server.eventCount()).toBe(before + 1);
    expect((await server.call('GET', `/api/v1/cases/${scenario.c2}`)).body.progress).toEqual([{ at: '2024-09-25T11:00:00+08:00', note: '电话联系' }]);
  });
});
