import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * 登记信访事项 in chromium on the query scenario (clock at 25 Sep 2024 12:00): a community registers a case
 * found by screening; a wrong id number is refused beside its field first, nothing written.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('登记信访事项 in the browser', () => {
  it('registers a case of its own community through the form', async () => {
    const page = await harness.logIn('community:qinghua', '/office/register/case');
    expect(await page.locator('h1').textContent()).toBe('登记信访事项');
    expect(await page.locator('#case-communityId option').allTextContents()).toEqual(['青华社区']);
    const form = page.locator('#case-form');
    await form.getByLabel('姓名').fill('孙小红');
    // An id number whose check character is wrong.
    await form.getByLabel('身份证号').fill('350582199001011235');
    await page.locator('#case-gridId').selectOption('qh-2');
    await page.locator('#case-category').selectOption('neighbour');
    await page.locator('#case-registeredAt').fill('2024-09-25T09:00');
    await page.locator('#case-summary').fill('楼上装修噪音扰民');
    await page.locator('#case-demands').fill('限制施工时间');
    await page.locator('#case-risk-collective').check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'register-case');

    const before = await harness.server.eventCount();
    await form.getByRole('button', { name: '登记' }).click();
    await page.waitForSelector('#case-form [role=alert]');
    expect(await page.locator('#case-form').textContent()).toContain('身份证');
    expect(await harness.server.eventCount()).toBe(before);
    expect(await page.locator('#case-summary').inputValue()).toBe('楼上装修噪音扰民');

    await page.locator('#case-form').getByLabel('身份证号').fill('');
    await page.locator('#case-form').getByRole('button', { name: '登记' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/office/cases/') && url.searchParams.get('done') === '登记信访事项');
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const file = await harness.server.call('GET', `/api/v1/cases/${caseId}`);
    expect(file.body).toMatchObject({ origin: 'screening', communityId: 'qinghua', category: 'neighbour', summary: '楼上装修噪音扰民' });
    expect(file.body.registeredAt).toBe('2024-09-25T09:00:00+08:00');
    expect(file.body.riskFlags).toEqual(['collective']);
    // The receipt is offered at once; the community gives it for its own case.
    await page.locator('#form-receipt-registered').getByRole('button', { name: '出具回执' }).click();
    const code = ((await page.locator('.sheet .code').textContent()) ?? '').trim();
    expect((await harness.server.call('GET', `/public/status/${code}`, { role: null })).body.stage).toBe('registered');
  });
});
