import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * 接访排班 in chromium on the query scenario (clock at 25 Sep 2024 12:00): the week of 16 Sep holds d1
 * (陈主任, Friday 20 Sep). The office marks it missed with 林书记 standing in — after a refusal of a time
 * typed ahead of the clock — and adds a slot for the next week.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('接访排班 in the browser', () => {
  it('marks a slot missed with its substitute and adds a slot', async () => {
    const page = await harness.logIn('office', '/office/duties?weekOf=2024-09-16');
    expect(await page.locator('#slot-d1').textContent()).toContain('陈主任');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'roster');

    const before = await harness.server.eventCount();
    const missed = page.locator('#missed-d1');
    await missed.getByLabel('登记时间').fill('2024-09-26T10:00');
    await missed.getByLabel('未能接访原因').fill('参加区里会议');
    await missed.getByLabel('补位领导').selectOption('L02');
    await missed.getByRole('button', { name: '登记未能接访' }).click();
    await page.waitForSelector('#missed-d1 [role=alert]');
    expect(await harness.server.eventCount()).toBe(before);

    const again = page.locator('#missed-d1');
    await again.getByLabel('登记时间').fill('2024-09-20T08:00');
    await again.getByRole('button', { name: '登记未能接访' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '登记未能接访');
    expect(await page.locator('#slot-d1').textContent()).toContain('未能接访：参加区里会议，由林书记（社区书记）补位');

    const slot = page.locator('#slot-form');
    await slot.getByLabel('日期').fill('2024-09-27');
    await slot.getByLabel('接访领导').selectOption('L02');
    await slot.getByLabel('地点').fill('青华社区接待室');
    await slot.getByLabel('单位').selectOption('qinghua');
    await slot.getByRole('button', { name: '新增安排' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '新增安排' && url.searchParams.get('weekOf') === '2024-09-23');
    expect(await page.locator('table.roster').textContent()).toContain('青华社区接待室');
    const duties = await harness.server.call('GET', '/api/v1/ledgers/duties?from=2024-09-27&to=2024-09-27');
    expect(duties.body.rows).toMatchObject([{ date: '2024-09-27', leader: '林书记', location: '青华社区接待室', unit: '青华社区' }]);
  });

  it('shows a community the roster without the forms', async () => {
    const page = await harness.logIn('community:yangguang', '/office/duties?weekOf=2024-09-16');
    expect(await page.locator('table.roster').textContent()).toContain('陈主任');
    expect(await page.locator('form[method=post]').count()).toBe(0);
  });
});
