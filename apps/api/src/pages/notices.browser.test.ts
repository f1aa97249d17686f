import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeContext, seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';
import { buildScenario, NOW, ZHANG } from '../test-query-scenario';

/*
 * The petitioner's side in chromium: the office prints a written notice from the case page (recorded on
 * the case, shown printable, its Word file downloaded), gives the receipt, and a stranger's browser — no
 * login — finds the case's progress by the code and nothing personal; the templates page changes wording.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('notices, receipts and the public status page in the browser', () => {
  it('prints the opinion of c1 from its case page: recorded, printable, downloadable', async () => {
    const page = await harness.logIn('office', '/office/cases/c1');
    const before = await harness.server.eventCount();
    await page.locator('#notices-kind').selectOption('opinion');
    await page.getByRole('button', { name: '出具并打印' }).click();
    await page.waitForURL(/\/office\/cases\/c1\/notices\/1$/);
    expect(await harness.server.eventCount()).toBe(before + 1);
    const sheet = (await page.locator('article.sheet').textContent()) ?? '';
    for (const figure of ['信访事项处理意见书', '编号：c1-1', `${ZHANG.name}：`, '已修复漏水，双方和解', '2024年9月10日', '30日内']) expect(sheet).toContain(figure);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'notice');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载 Word' }).click();
    expect((await download).suggestedFilename()).toBe('信访事项处理意见书-c1-1.docx');
    // A notice of a fact the case does not have: refused beside the form, nothing written.
    await page.goto(`${harness.server.url}/office/cases/c3`);
    const count = await harness.server.eventCount();
    await page.locator('#notices-kind').selectOption('extension');
    await page.getByRole('button', { name: '出具并打印' }).click();
    expect(await page.locator('#form-notices [role=alert]').textContent()).toContain('延期办理告知书');
    expect(await harness.server.eventCount()).toBe(count);
  });

  it('gives the receipt once, and a browser without login finds the case’s progress by its code — nothing personal', async () => {
    const page = await harness.logIn('office', '/office/cases/c1');
    await page.getByRole('button', { name: '出具回执' }).click();
    const code = ((await page.locator('.sheet .code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(page.url()).not.toContain(code);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'receipt');

    const stranger = await (await officeContext(harness.browser)).newPage();
    await stranger.goto(`${harness.server.url}/status`);
    await stranger.locator('#status-code').fill(code.toLowerCase());
    await stranger.getByRole('button', { name: '查询' }).click();
    const shown = (await stranger.locator('main').textContent()) ?? (await stranger.content());
    expect(shown).toContain('已办结');
    expect(shown).toContain('2024-09-10');
    expect(shown).toContain('信访事项处理意见书');
    for (const secret of [...Object.values(ZHANG), '邻里漏水纠纷', '修复漏水', 'c1', '网格员小刘']) expect(await stranger.content()).not.toContain(secret);
    expect(await seriousAxeViolations(stranger)).toEqual([]);
    await harness.screenshot(stranger, 'public-status');
    await stranger.locator('#status-code').fill('2222-2222-2222-2222');
    await stranger.getByRole('button', { name: '查询' }).click();
    expect(await stranger.locator('[role=alert]').textContent()).toContain('不存在或已作废');
    await stranger.context().close();
  });

  it('lets the office change a template’s wording; the next notice uses it', async () => {
    const page = await harness.logIn('office', '/office/notices');
    expect(await page.locator('#template-acceptance legend').textContent()).toContain('当前第 0 版');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'notice-templates');
    await page.locator('#acceptance-officeName').fill('青阳街道信访工作办公室');
    await page.locator('#acceptance-body').fill('{信访人}：\n你反映的{事项}已于{受理日期}受理。');
    await page.locator('#template-acceptance').getByRole('button').click();
    await page.waitForURL(/done=/);
    expect(await page.locator('#template-acceptance legend').textContent()).toContain('当前第 1 版');
    // An unknown placeholder: refused beside the field.
    await page.locator('#rejection-body').fill('{处理意见}');
    await page.locator('#template-rejection').getByRole('button').click();
    expect(await page.locator('#template-rejection').textContent()).toContain('{处理意见}');
    expect(await page.locator('#template-rejection .field-error').count()).toBeGreaterThan(0);
    const res = await harness.server.call('POST', '/api/v1/cases/c1/notices', { body: { kind: 'acceptance', at: NOW } });
    const printed = (await harness.server.call('GET', `/api/v1/cases/c1/notices/${res.body.notice.number}`)).body;
    expect(printed.notice.templateVersion).toBe(1);
    expect(printed.lines).toContain('你反映的邻里漏水纠纷已于2024年9月3日受理。');
  });
});
