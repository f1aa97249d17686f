import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';

/*
 * 信访事项 (the case list page) and 一人一档 (the person file page) over real HTTP on the query scenario:
 * c1 (青华, 张三丰, resolved), c2 (阳光, 李四, by L01's visit), c3 (青华, 王五, by letter); the clock at 25 Sep.
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

/** The case ids the list shows, in order. */
const idsOf = (html: string): string[] => [...html.matchAll(/<td class="nowrap"><a href="\/office\/cases\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));

describe('信访事项 (the case list page)', () => {
  it("lists every case newest first for the office, the same as GET /cases", async () => {
    const page = await open('/office/cases');
    expect(page.status).toBe(200);
    const api = await server.call('GET', '/api/v1/cases');
    expect(idsOf(page.text)).toEqual(api.body.rows.map((r: { caseId: string }) => r.caseId));
    expect(idsOf(page.text)).toEqual(['c3', scenario.c2, 'c1']);
    expect(page.text).toContain('共 3 件');
    expect(page.text).toContain('张三丰');
  });

  it('searches and filters through the API: text, community, status, sorting by deadline', async () => {
    expect(idsOf((await open('/office/cases?q=%E6%BC%8F%E6%B0%B4')).text)).toEqual(['c1']);
    expect(idsOf((await open('/office/cases?communityId=qinghua')).text)).toEqual(['c3', 'c1']);
    expect(idsOf((await open('/office/cases?status=resolved')).text)).toEqual(['c1']);
    const sorted = await open('/office/cases?sort=deadline&page=1&unknown=x');
    const api = await server.call('GET', '/api/v1/cases?sort=deadline');
    expect(idsOf(sorted.text)).toEqual(api.body.rows.map((r: { caseId: string }) => r.caseId));
  });

  it("a community sees its own community's cases, masked, without a community choice", async () => {
    const page = await open('/office/cases', 'community:qinghua');
    expect(idsOf(page.text)).toEqual(['c3', 'c1']);
    expect(page.text).toContain('张**');
    expect(page.text).not.toContain('张三丰');
    expect(page.text).not.toContain('name="communityId"');
    const other = await open('/office/cases?communityId=yangguang', 'community:qinghua');
    expect(other.status).toBe(403);
    expect(other.text).toContain('清除筛选');
  });

  it('a leader sees its own cases (我的事项): L02 leads c1, L01 none', async () => {
    const mine = await open('/office/cases', 'leader:L02');
    expect(mine.text).toContain('我的事项');
    expect(idsOf(mine.text)).toEqual(['c1']);
    expect(idsOf((await open('/office/cases', 'leader:L01')).text)).toEqual([]);
  });

  it('a filter the API refuses is shown with its message and a way to clear it', async () => {
    const page = await open('/office/cases?from=2024-13-01');
    expect(page.status).toBe(400);
    expect(page.text).toContain('清除筛选');
  });
});

describe('一人一档 (the person file page)', () => {
  it("shows 张三丰's data unmasked to the office, with c1 linked and no visit", async () => {
    const page = await open(`/office/persons/${scenario.zhangId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('350582199001012234');
    expect(page.text).toContain('<a href="/office/cases/c1">c1</a>');
    expect(page.text).toContain('来访记录（0 次）');
  });

  it("shows 李四's visit of 5 Sep in Shanghai time to the auditor, masked; a community gets the API's 403", async () => {
    const page = await open(`/office/persons/${scenario.liId}`, 'auditor');
    expect(page.status).toBe(200);
    expect(page.text).toContain('李*');
    expect(page.text).not.toContain('13912345678');
    expect(page.text).toContain('来访记录（1 次）');
    expect(page.text).toMatch(/<td class="nowrap">2024-09-05 \d\d:\d\d<\/td>/);
    expect((await open(`/office/persons/${scenario.liId}`, 'community:yangguang')).status).toBe(403);
    expect((await open('/office/persons/nobody')).status).toBe(404);
  });

  it('the case page links a petitioner to the file only for a role that may read it', async () => {
    expect((await open('/office/cases/c1')).text).toContain(`href="/office/persons/${scenario.zhangId}"`);
    expect((await open('/office/cases/c1', 'community:qinghua')).text).not.toContain('/office/persons/');
  });
});

describe('一人一档 search (the office only)', () => {
  it('finds 张三丰 by name, by phone and by id number, each linked to the file', async () => {
    for (const q of ['张三', '15800009011', '350582199001012234']) {
      const page = await open(`/office/persons?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(page.text, q).toContain(`<a href="/office/persons/${scenario.zhangId}">张三丰</a>`);
      expect(page.text, q).toContain('找到 1 人');
    }
    expect((await open('/office/persons?q=%E6%97%A0%E6%AD%A4%E4%BA%BA')).text).toContain('找到 0 人');
  });

  it("the auditor is refused the search (the API's 403), and the menu offers it to the office only", async () => {
    const refused = await open('/office/persons?q=%E5%BC%A0', 'auditor');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('role="alert"');
    expect((await open('/office/cases')).text).toContain('<a href="/office/persons">一人一档</a>');
    expect((await open('/office/cases', 'auditor')).text).not.toContain('<a href="/office/persons">一人一档</a>');
  });
});
