import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, seriousAxeViolations, type BrowserHarness } from '../test-browser';

/* 基础数据 in chromium: the office registers a community with its grids and a leader of it from the page. */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async () => undefined });
}, 120_000);
afterAll(async () => harness?.close());

describe('基础数据 in the browser', () => {
  it('registers a community with grids and a leader; a refused one writes nothing', async () => {
    const page = await harness.logIn('office', '/office/reference');
    const form = page.locator('#community-form');
    await form.getByLabel('社区编号（字母、数字）').fill('hongxing');
    await form.getByLabel('社区名称').fill('红星社区');
    await form.getByLabel('网格（每行“编号 名称”）').fill('hx-1 第一网格\nhx-2 第二网格');
    await form.getByRole('button', { name: '登记社区' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '登记社区 红星社区');
    expect(await page.locator('#communities').textContent()).toContain('第一网格、第二网格');
    const listed = await harness.server.call('GET', '/api/v1/communities');
    expect(listed.body.rows.find((r: { communityId: string }) => r.communityId === 'hongxing')).toEqual({
      communityId: 'hongxing',
      name: '红星社区',
      grids: [{ gridId: 'hx-1', name: '第一网格' }, { gridId: 'hx-2', name: '第二网格' }],
    });

    // The same id again: refused by the domain, nothing written.
    const before = await harness.server.eventCount();
    const again = page.locator('#community-form');
    await again.getByLabel('社区编号（字母、数字）').fill('hongxing');
    await again.getByLabel('社区名称').fill('红星社区');
    await again.getByRole('button', { name: '登记社区' }).click();
    await page.waitForSelector('#community-form [role=alert]');
    expect(await harness.server.eventCount()).toBe(before);

    const leader = page.locator('#leader-form');
    await leader.getByLabel('领导编号').fill('L10');
    await leader.getByLabel('姓名').fill('周书记');
    await leader.getByLabel('职务').fill('红星社区党委书记');
    await leader.getByLabel('分管工作').fill('社区全面工作');
    await leader.getByLabel('单位').selectOption('hongxing');
    await leader.getByLabel('第一网格长').check();
    await leader.getByRole('button', { name: '登记领导' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '登记领导 周书记');
    expect(await page.locator('#leaders').textContent()).toContain('红星社区党委书记');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'reference-data');
    const leaders = await harness.server.call('GET', '/api/v1/leaders');
    expect(leaders.body.rows.find((r: { leaderId: string }) => r.leaderId === 'L10')).toMatchObject({ unit: 'hongxing', principal: false, firstGridLeader: true });
  });
});
