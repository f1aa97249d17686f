import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * 排查报送 in chromium on the query scenario (clock at Wednesday 25 Sep 2024 12:00): 青华 has found nothing
 * by screening since Friday 20 Sep (c3 came by letter, still unresolved), so its report of the day opens as
 * a nil report (零报告).
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('排查报送 in the browser', () => {
  it("files a community's nil report, after a refused one wrote nothing", async () => {
    const page = await harness.logIn('community:qinghua', '/office/register/screening');
    expect(await page.locator('h1').textContent()).toBe('排查报送');
    expect(await page.locator('#screening-date').inputValue()).toBe('2024-09-25');
    expect(await page.locator('#screening-nil').isChecked()).toBe(true);
    expect(await page.getByLabel('报送 c3').isChecked()).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'screening-form');

    // A nil report that lists a case is refused by the domain: the reason on the page, nothing written.
    const before = await harness.server.eventCount();
    await page.getByLabel('报送 c3').check();
    await page.getByRole('button', { name: '报送', exact: true }).click();
    await page.waitForSelector('#screening-form [role=alert]');
    expect(await page.locator('#screening-form').textContent()).toContain('零报告不能列有事项');
    expect(await harness.server.eventCount()).toBe(before);

    await page.getByLabel('报送 c3').uncheck();
    await page.getByRole('button', { name: '报送', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '零报告');
    expect(await page.getByRole('status').first().textContent()).toContain('已提交：零报告');
    expect(await page.locator('main').textContent()).toContain('2024-09-25 已报送：零报告');
    const report = await harness.server.call('GET', '/api/v1/reports/screening?communityId=qinghua&date=2024-09-25');
    expect(report.body.submitted).toEqual({ nil: true, caseIds: [] });
    expect(await harness.server.eventCount()).toBe(before + 1);
  });

  it("does not offer a community another community's report", async () => {
    const page = await harness.logIn('community:yangguang', '/office/register/screening?communityId=qinghua');
    expect(await page.locator('#screening-community option').allTextContents()).toEqual(['阳光社区']);
    expect(await page.locator('main').textContent()).toContain('阳光社区 2024-09-25');
  });
});
