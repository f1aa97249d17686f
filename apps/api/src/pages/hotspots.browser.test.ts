import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';
import type { TestServer } from '../test-server';
import { buildScenario, NOW } from '../test-query-scenario';

/*
 * 热点分析 in chromium: the counts of /analysis/hotspots, and a suggestion of two cases that may be one
 * matter (two people, same community and category, a day apart, like words), dismissed by the office
 * through its button — recorded, gone from the suggestions, the cases untouched.
 */

/** Two like cases of 青华 from two other people. */
const likeCases = async (server: TestServer) => {
  await buildScenario(server);
  for (const [caseId, day, name, summary] of [
    ['w1', '2024-09-16', '赵六', '某工地拖欠工资三个月未发'],
    ['w2', '2024-09-17', '钱七', '工地拖欠工资三个月，要求结清'],
  ] as const) {
    const res = await server.call('POST', '/api/v1/cases', {
      body: { caseId, origin: 'visit', communityId: 'qinghua', category: 'wageArrears', summary, registeredAt: `${day}T09:00:00+08:00`, petitioners: [{ name }] },
    });
    expect(res.status, res.text).toBe(201);
  }
  server.setNow(NOW);
};

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: likeCases });
}, 120_000);
afterAll(async () => harness?.close());

describe('热点分析 in the browser', () => {
  it('shows the counts of /analysis/hotspots and lets the office dismiss a same-matter suggestion', async () => {
    const page = await harness.logIn('office', '/office/analysis?from=2024-09-01&to=2024-09-25');
    const api = (await harness.server.call('GET', '/api/v1/analysis/hotspots?from=2024-09-01&to=2024-09-25&asOf=2024-09-25')).body;
    const communities = await page.locator('table', { has: page.locator('caption', { hasText: '按社区' }) }).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(communities).toEqual(api.byCommunity.map((r: { name: string; count: number; previous: number }) => [r.name, String(r.count), String(r.previous)]));
    expect(api.sameMatter.map((m: { caseIds: string[] }) => m.caseIds)).toEqual([['w1', 'w2']]);
    expect(await page.locator('tr[data-matter] td').nth(2).textContent()).toBe('待核实');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'hotspots');
    const before = await harness.server.eventCount();
    await page.getByRole('button', { name: '排除' }).click();
    await page.waitForURL(/done=/);
    expect(await page.getByRole('status').textContent()).toContain('不是同一事项');
    expect(await page.locator('tr[data-matter]').count()).toBe(0);
    expect(await harness.server.eventCount()).toBe(before + 1);
  });

  it('shows a community its own counts only', async () => {
    const page = await harness.logIn('community:qinghua', '/office/analysis?from=2024-09-01&to=2024-09-25');
    expect(await page.locator('h1').textContent()).toBe('热点分析');
    const communities = await page.locator('table', { has: page.locator('caption', { hasText: '按社区' }) }).locator('tbody td:first-child').allTextContents();
    expect(communities).toEqual(['青华社区']);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
