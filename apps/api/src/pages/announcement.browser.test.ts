import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * 接访公告 in chromium on the query scenario: the subdistrict's roster of the week of 16 Sep 2024 holds one
 * slot (陈主任, Friday 20 Sep), never published; the clock is at 25 Sep 12:00.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('接访公告 in the browser', () => {
  it('shows the ready-to-post text and publishes the roster in one click', async () => {
    const page = await harness.logIn('office', '/office/duties/announcement?weekOf=2024-09-18');
    const text = await page.locator('#announcement-text').textContent();
    expect(text).toContain('街道领导干部接访公告（2024年9月16日至2024年9月22日）');
    expect(text).toContain('2024年9月20日（星期五） 陈主任（街道党工委书记，分管全面工作），地点：街道信访接待室');
    expect(await page.locator('ul.rosters').textContent()).toContain('街道：未公布');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'announcement');

    await page.getByRole('button', { name: '标记街道本周安排已公布' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '已公布');
    expect(await page.locator('ul.rosters').textContent()).toContain('街道：已于 2024-09-25 12:00 公布');
    const answer = await harness.server.call('GET', '/api/v1/duties/announcement?weekOf=2024-09-16');
    expect(answer.body.rosters).toEqual([{ unit: 'subdistrict', unitName: '街道', weekOf: '2024-09-16', publishedAt: '2024-09-25T12:00:00+08:00' }]);
  });

  it('lets a leader read the announcement, not publish it', async () => {
    const page = await harness.logIn('leader:L02', '/office/duties/announcement?weekOf=2024-09-23');
    expect(await page.locator('#announcement-text').textContent()).toContain('本期暂无领导接访安排');
    expect(await page.getByRole('button', { name: /已公布/ }).count()).toBe(0);
  });
});
