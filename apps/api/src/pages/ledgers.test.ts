import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, type Scenario } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { PAGE_SIZE } from './ledgers';

/*
 * The 台账 pages over real HTTP: filters from the ledger table, paging, sorting, links to the case pages,
 * the print version. The scenario's three cases (c1 2 Sep 青华, c2 5 Sep 阳光, c3 20 Sep 青华), and for
 * paging 52 more screening cases of 阳光 registered on 21–22 Sep.
 */

let server: TestServer;
let scenario: Scenario;
const EXTRA = PAGE_SIZE + 2;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
  server.setNow('2024-09-25T12:30:00+08:00');
  for (let i = 0; i < EXTRA; i += 1) {
    const res = await server.call('POST', '/api/v1/cases', {
      body: {
        caseId: `x${String(i).padStart(2, '0')}`,
        origin: 'screening',
        communityId: 'yangguang',
        category: 'other',
        summary: `排查事项 ${i}`,
        registeredAt: `2024-09-2${1 + (i % 2)}T09:${String(i % 60).padStart(2, '0')}:00+08:00`,
        petitioners: [{ name: '赵六' }],
      },
    });
    expect(res.status, res.text).toBe(201);
  }
});
afterAll(async () => server.close());

const logIn = async (role: TestRole): Promise<string> => {
  const res = await fetch(`${server.url}/?token=${encodeURIComponent(server.tokens[role])}`, { redirect: 'manual' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};

const open = async (path: string, role: TestRole = 'office') => {
  const res = await fetch(`${server.url}${path}`, { headers: { cookie: await logIn(role) }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
};

/** The 序号 of each row shown, and the case it links to. */
const rowsOf = (html: string) => [...html.matchAll(/<td><a href="\/office\/cases\/([^"]+)" title="[^"]*">(\d+)<\/a><\/td>/g)].map((m) => ({ caseId: decodeURIComponent(m[1]!), seq: Number(m[2]) }));

describe('台账 pages', () => {
  it('pages 附件1 by 50 rows in the form order, each row linked to its case page', async () => {
    const total = 3 + EXTRA;
    const first = await open('/office/ledgers/disputes?asOf=2024-09-25');
    expect(first.text).toContain(`共 ${total} 条`);
    expect(rowsOf(first.text).map((r) => r.seq)).toEqual(Array.from({ length: PAGE_SIZE }, (_, i) => i + 1));
    expect(rowsOf(first.text).slice(0, 2)).toEqual([
      { caseId: 'c1', seq: 1 },
      { caseId: scenario.c2, seq: 2 },
    ]);
    expect(first.text).toContain('第 1 / 2 页');
    expect(first.text).toContain('<a href="/office/ledgers/disputes?asOf=2024-09-25&amp;page=2">下一页</a>');
    const second = await open('/office/ledgers/disputes?asOf=2024-09-25&page=2');
    expect(rowsOf(second.text).map((r) => r.seq)).toEqual([51, 52, 53, 54, 55]);
    expect(second.text).toContain('第 2 / 2 页');
    // The print version: every row on one page, no pager.
    const all = await open('/office/ledgers/disputes?asOf=2024-09-25&all=1');
    expect(rowsOf(all.text)).toHaveLength(total);
    expect(all.text).not.toContain('class="pager"');
  });

  it('sorts the whole ledger by a column, keeping each row its 序号', async () => {
    const page = await open(`/office/ledgers/disputes?communityId=qinghua&sort=${encodeURIComponent('-排查日期')}`);
    expect(rowsOf(page.text)).toEqual([
      { caseId: 'c3', seq: 2 },
      { caseId: 'c1', seq: 1 },
    ]);
    // Ascending over both pages: the extra cases of 21–22 Sep come after c3 (20 Sep), 21 Sep before 22 Sep.
    const sorted = await open(`/office/ledgers/disputes?sort=${encodeURIComponent('排查日期')}&page=1`);
    expect(rowsOf(sorted.text).slice(0, 4).map((r) => r.caseId)).toEqual(['c1', scenario.c2, 'c3', 'x00']);
    expect(sorted.text).toContain('<option value="排查日期" selected="">排查日期 ↑ 从小到大</option>');
  });

  it('offers each ledger its own filters: 附件2 a community only, 附件3 a leader, 附件4 a unit', async () => {
    const backlog = await open('/office/ledgers/backlog');
    expect(backlog.text).toContain('name="communityId"');
    expect(backlog.text).not.toContain('name="from"');
    const visits = await open('/office/ledgers/visits');
    expect(visits.text).toContain('name="leaderId"');
    expect(visits.text).toContain('接待日期自');
    const duties = await open('/office/ledgers/duties');
    expect(duties.text).toContain('name="unit"');
    expect(duties.text).not.toContain('name="communityId"');
    expect(duties.text).toContain('值班日期自');
  });

  it('exports what the filters show, in the form order, whatever the page is sorted by', async () => {
    const page = await open(`/office/ledgers/disputes?communityId=qinghua&sort=${encodeURIComponent('-排查日期')}&page=1`);
    expect(page.text).toContain('href="/office/exports/disputes?communityId=qinghua&amp;format=xlsx"');
    const csv = await fetch(`${server.url}/office/exports/disputes?communityId=qinghua&format=csv`, { headers: { cookie: await logIn('office') } });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['1', '2']);
  });

  it('shows a refusal under the filters, with a way to clear them', async () => {
    const page = await open('/office/ledgers/disputes?communityId=yangguang', 'community:qinghua');
    expect(page.status).toBe(200);
    expect(page.text).toContain('无权访问');
    expect(page.text).toContain('<a href="/office/ledgers/disputes">清除筛选</a>');
    const bad = await open('/office/ledgers/disputes?from=2024-13-01');
    expect(bad.text).toContain('查询参数有误');
  });

  it('opens, unasked, as of the last day of a past campaign when the store holds nothing of this month', async () => {
    server.setNow('2026-12-01T10:00:00+08:00');
    try {
      const page = await open('/office/ledgers/backlog');
      // The latest business time in the store: the extra cases of 22 Sep 2024.
      expect(page.text).toContain('默认显示截至最近一条数据之日（2024-09-22）');
      expect(page.text).toContain('<input type="date" name="asOf" value="2024-09-22"/>');
      expect(page.text).toContain('截至 2024-09-22 23:59');
      // Asked, the day asked.
      const asked = await open('/office/ledgers/backlog?asOf=2026-11-30');
      expect(asked.text).not.toContain('默认显示');
      expect(asked.text).toContain('截至 2026-11-30 23:59');
    } finally {
      server.setNow('2024-09-25T12:30:00+08:00');
    }
  });
});
