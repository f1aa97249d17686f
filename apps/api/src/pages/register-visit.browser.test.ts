import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, type Scenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * 登记来访 in chromium on the query scenario (clock at 25 Sep 2024 12:00): the office registers a visit
 * of a new petitioner, is refused first for a missing field (nothing written), then finds the visit on its
 * case page and in 附件3; then registers a returning petitioner picked from the existing files.
 */

let harness: BrowserHarness;
let scenario: Scenario;
beforeAll(async () => {
  harness = await startBrowserHarness({
    setUp: async (server) => {
      scenario = await buildScenario(server);
    },
  });
}, 120_000);
afterAll(async () => harness?.close());

describe('登记来访 in the browser', () => {
  it('registers a visit through the form and finds it on its case page and in 附件3', async () => {
    const page = await harness.logIn('office', '/office/register/visit');
    expect(await page.locator('h1').textContent()).toBe('登记来访');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const form = page.locator('#visit-form');
    await form.getByLabel('姓名').fill('赵小梅');
    await form.getByLabel('联系电话').fill('13700001234');
    await form.getByLabel('接待领导').selectOption('L01');
    await form.getByLabel('接待时间').fill('2024-09-25T10:30');
    await form.getByLabel('接待地点').fill('街道信访接待室');
    await form.getByLabel('反映问题').fill('小区电梯长期故障无人维修');
    await form.getByLabel('诉求').fill('尽快修复电梯');
    await form.getByLabel('类型').selectOption('realEstate');
    // No community: a new case needs one — refused, the error beside the field, nothing written.
    const before = await harness.server.eventCount();
    await form.getByRole('button', { name: '登记' }).click();
    await page.waitForSelector('#visit-form [role=alert]');
    expect(await page.locator('#visit-form').textContent()).toContain('社区');
    expect(await harness.server.eventCount()).toBe(before);
    expect(await page.locator('#visit-form').getByLabel('反映问题').inputValue()).toBe('小区电梯长期故障无人维修');

    await page.locator('#visit-communityId').selectOption('qinghua');
    await page.locator('#visit-form').getByRole('button', { name: '登记' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/office/cases/') && url.searchParams.get('done') === '登记来访');
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(await page.getByRole('status').textContent()).toContain('已提交：登记来访');
    expect(await page.locator('main').textContent()).toContain('小区电梯长期故障无人维修');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'register-visit-case');

    const visits = await harness.server.call('GET', '/api/v1/ledgers/visits');
    const row = visits.body.rows.find((r: { caseId: string }) => r.caseId === caseId);
    expect(row).toMatchObject({ receivedAt: '2024-09-25T10:30:00+08:00', location: '街道信访接待室', matter: '小区电梯长期故障无人维修' });
    await page.goto(`${harness.server.url}/office/ledgers/visits`);
    expect(await page.locator('table').first().textContent()).toContain('小区电梯长期故障无人维修');
  });

  it('picks a returning petitioner from the existing files', async () => {
    const page = await harness.logIn('office', '/office/register/visit');
    await page.getByLabel('查找已有档案（姓名、电话或完整身份证号）').fill('张三丰');
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '张三丰');
    await page.getByRole('link', { name: '选用 张三丰' }).click();
    await page.waitForURL((url) => url.searchParams.get('personId') === scenario.zhangId);
    // The address names the file, not the person: the name is read from the file.
    expect(decodeURIComponent(page.url())).not.toContain('张三丰');
    expect(await page.locator('#visit-form').textContent()).toContain(`已选：张三丰（档案 ${scenario.zhangId}）`);
    await harness.screenshot(page, 'register-visit');

    const form = page.locator('#visit-form');
    await form.getByLabel('接待领导').selectOption('L01');
    await form.getByLabel('接待时间').fill('2024-09-25T11:00');
    await form.getByLabel('接待地点').fill('街道信访接待室');
    await form.getByLabel('反映问题').fill('漏水再次发生');
    await form.getByLabel('已有事项编号').fill('c1');
    await form.getByRole('button', { name: '登记' }).click();
    await page.waitForURL((url) => url.pathname === '/office/cases/c1');
    const file = await harness.server.call('GET', `/api/v1/persons/${scenario.zhangId}`);
    expect(file.body.visits.map((v: { matter: string }) => v.matter)).toContain('漏水再次发生');
  });
});
