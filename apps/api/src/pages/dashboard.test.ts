import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, NOW, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';

/*
 * The 工作台 page over real HTTP, on the query test scenario (see test-query-scenario.ts): the figures it
 * shows are /kpis's for the same range, its to-do list is the role's, and its default range finds the
 * scenario's September 2024 when the clock has moved on.
 */

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
}, 60_000);
afterAll(() => server.close());

const cookies = new Map<TestRole, string>();
const browse = async (path: string, role: TestRole) => {
  if (!cookies.has(role)) {
    const login = await fetch(`${server.url}/?token=${encodeURIComponent(server.tokens[role])}`, { redirect: 'manual' });
    cookies.set(role, (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
  }
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: cookies.get(role) ?? '' } });
  return { status: response.status, text: await response.text() };
};

/** The figures of the KPI table: `data-kpi` → its count, or `numerator/denominator`. */
const shownFigures = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<tr data-kpi="([^"]+)"(?: data-count="(\d+)")?(?: data-numerator="(\d+)" data-denominator="(\d+)")?>/g)].map((m) => [
      m[1],
      m[2] ?? `${m[3]}/${m[4]}`,
    ]),
  );

const at = (kpis: any, path: string): any => path.split('.').reduce((value, key) => value[key], kpis);

describe('the 工作台 page', () => {
  it("shows every KPI of /kpis for the same range, with its target and 达标/未达标 in words", async () => {
    const page = await browse('/?from=2024-09-01&to=2024-09-22', 'office');
    expect(page.status).toBe(200);
    expect(page.text).toContain('工作台 2024-09-01 至 2024-09-22');
    expect(page.text).toContain('数据截至 2024-09-22 23:59');
    const kpis = (await server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-22&asOf=2024-09-22')).body;
    const shown = shownFigures(page.text);
    expect(Object.keys(shown)).toHaveLength(19);
    for (const [key, figure] of Object.entries(shown)) {
      const value = at(kpis, key);
      const expected = typeof value === 'number' ? String(value) : `${value.numerator ?? value.fulfilled}/${value.denominator ?? value.required}`;
      expect(figure, key).toBe(expected);
    }
    expect(shown['volume.total']).toBe('3');
    expect(page.text).toMatch(/<tr data-kpi="backlog.open" data-count="1"><th scope="row">在册积案<\/th><td>1<\/td><td>0<\/td><td class="verdict-unmet">未达标<\/td><td data-compared="true">上期 0，增加 1<\/td><\/tr>/);
    expect(page.text).toMatch(/data-kpi="escalations.total"[^]*?<td class="verdict-met">达标<\/td>/);
    expect(page.text.match(/<svg /g)).toHaveLength(4);
  });

  it('lists the to-do of the range: c2 overdue in red with a link to its case, the missing reports, the roster never announced', async () => {
    const page = await browse('/?from=2024-09-01&to=2024-09-22', 'office');
    expect(page.text).toContain('待办事项');
    expect(page.text).toContain(`<td class="overdue">超期</td><td><a href="/office/cases/${scenario.c2}">${scenario.c2}</a></td>`);
    expect(page.text).toContain('<td class="nowrap overdue">超期 2 天</td>');
    expect(page.text.match(/data-todo="screening"/g)).toHaveLength(11);
    expect(page.text.match(/data-todo="announcement"/g)).toHaveLength(1);
    expect(page.text).toContain('<td>街道</td><td class="nowrap">2024-09-16</td><td class="nowrap overdue">2024-09-14</td>');
  });

  it("keeps each role's scope: a community its own, the inspector without links to cases it may not open", async () => {
    const community = await browse('/?from=2024-09-01&to=2024-09-22', 'community:qinghua');
    expect(community.status).toBe(200);
    expect(community.text).not.toContain('data-todo="overdue"');
    expect(community.text.match(/data-todo="screening"/g)).toHaveLength(5);
    const inspector = await browse('/?from=2024-09-01&to=2024-09-22', 'inspector');
    expect(inspector.status).toBe(200);
    expect(inspector.text).toContain('督查关注');
    expect(inspector.text).toContain(`<td class="overdue">超期</td><td>${scenario.c2}</td>`);
    expect(shownFigures(inspector.text)).toEqual(shownFigures((await browse('/?from=2024-09-01&to=2024-09-22', 'office')).text));
  });

  it("opens on the month up to today while the store has this month's data, and on the month of its latest data once it has none", async () => {
    const now = await browse('/', 'office');
    expect(now.text).toContain('工作台 2024-08-26 至 2024-09-25');
    expect(now.text).not.toContain('近期没有新的数据');
    server.setNow('2026-12-05T09:00:00+08:00');
    try {
      const later = await browse('/', 'office');
      expect(later.text).toContain('工作台 2024-08-21 至 2024-09-20');
      expect(later.text).toContain('近期没有新的数据：默认显示库中最近一个月（数据至 2024-09-20）。');
      expect(shownFigures(later.text)['volume.total']).toBe('3');
    } finally {
      server.setNow(NOW);
    }
  });

  it('refuses a range that is not one beside its field, and shows the default meanwhile', async () => {
    const page = await browse('/?from=2024-09-30&to=2024-09-01', 'office');
    expect(page.status).toBe(400);
    expect(page.text).toContain('<span class="field-error">截止日期不能早于起始日期</span>');
    expect(page.text).toContain('value="2024-09-30"');
    expect(page.text).toContain('工作台 2024-08-26 至 2024-09-25');
  });
});
