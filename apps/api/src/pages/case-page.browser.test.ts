import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, type Scenario } from '../test-query-scenario';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

/*
 * The case pages in chromium on the query scenario (c1 of 青华 led by L02 and resolved, c2 of 阳光 never
 * decided, c3 of 青华 registered on 20 Sep; the clock at 25 Sep 12:00).
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

describe('the case pages in the browser', () => {
  it('accepts, assigns and resolves c3 through its case page, reached from the case list', async () => {
    const page = await harness.logIn('office', '/office/cases');
    expect(await page.locator('h1').textContent()).toBe('信访事项');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'case-list');

    await page.getByRole('link', { name: 'c3', exact: true }).click();
    // A click only starts the navigation: wait for the address it leads to before reading the page.
    await page.waitForURL((url) => url.pathname === '/office/cases/c3');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const acceptance = page.locator('#form-acceptance');
    await acceptance.getByLabel('决定时间').fill('2024-09-21T09:00');
    await acceptance.getByRole('button', { name: '提交受理决定' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '受理决定');
    expect(await page.getByRole('status').textContent()).toContain('已提交：受理决定');

    const assignment = page.locator('#form-assignment');
    await assignment.getByLabel('责任单位').fill('青华社区');
    await assignment.getByLabel('责任领导').selectOption('L02');
    await assignment.getByLabel('责任人').fill('网格员小刘');
    await assignment.getByLabel('化解措施').fill('约谈开发商，限期整改');
    await assignment.getByLabel('化解时限').fill('2024-10-20');
    await assignment.getByLabel('交办时间').fill('2024-09-22T10:00');
    await assignment.getByRole('button', { name: '提交交办（一案一策）' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '交办（一案一策）');
    expect(await page.getByRole('status').textContent()).toContain('已提交：交办（一案一策）');

    // A refusal: resolved before it was assigned — the API's error beside the form, nothing written.
    const before = await harness.server.eventCount();
    const resolution = page.locator('#form-resolution');
    await resolution.getByLabel('化解时间').fill('2024-09-21T15:30');
    await resolution.getByLabel('化解情况').fill('开发商同意整改');
    await resolution.getByRole('button', { name: '提交化解' }).click();
    await page.waitForURL((url) => url.pathname === '/office/cases/c3/resolution');
    expect(await page.locator('#form-resolution [role=alert]').textContent()).toContain('不能早于');
    expect(await harness.server.eventCount()).toBe(before);

    const again = page.locator('#form-resolution');
    expect(await again.getByLabel('化解情况').inputValue()).toBe('开发商同意整改');
    await again.getByLabel('化解时间').fill('2024-09-24T15:30');
    await again.getByLabel('化解结果').selectOption('solved');
    await again.getByRole('button', { name: '提交化解' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === '化解');
    expect(await page.getByRole('status').textContent()).toContain('已提交：化解');

    const lines = await page.locator('table.timeline tbody tr').allTextContents();
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('2024-09-24 15:30');
    expect(lines[3]).toContain('2024-09-25 12:00');
    expect(lines[3]).toContain('化解');
    expect(await page.locator('form.action-form legend').allTextContents()).toContain('满意度回访');
    const file = await harness.server.call('GET', '/api/v1/cases/c3');
    expect(file.body.state).toBe('resolved');
    expect(file.body.assignment.responsibleLeader.leaderId).toBe('L02');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'case-page');
  });

  it("a community user cannot open another community's case", async () => {
    const page = await harness.logIn('community:qinghua', `/office/cases/${scenario.c2}`);
    expect(await page.locator('h1').textContent()).toBe('无权访问');
    expect(await page.getByRole('alert').textContent()).toContain('返回事项列表');
    const own = await harness.logIn('community:qinghua', '/office/cases/c1');
    expect(await own.locator('h1').textContent()).toContain('信访事项 c1');
    // No action on its own case: only the receipt, which the community gives.
    expect(await own.locator('form.action-form').evaluateAll((forms) => forms.map((f) => f.id))).toEqual(['form-receipt']);
  });

  it('a leader sees its own cases and acts on them', async () => {
    const page = await harness.logIn('leader:L02', '/office/cases');
    expect(await page.locator('h1').textContent()).toBe('我的事项（本人负责或包案）');
    const ids = await page.locator('table.case-list tbody tr td:first-child').allTextContents();
    expect(ids.sort()).toEqual(['c1', 'c3']);
    await page.getByRole('link', { name: 'c1', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/office/cases/c1');
    expect(await page.locator('form.action-form legend').allTextContents()).toContain('息诉息访');
    await harness.screenshot(page, 'case-page-leader');
  });

  it("opens 张三丰's file from c1", async () => {
    const page = await harness.logIn('office', '/office/cases/c1');
    await page.getByRole('link', { name: '张三丰' }).click();
    await page.waitForURL((url) => url.pathname === `/office/persons/${scenario.zhangId}`);
    expect(await page.locator('h1').textContent()).toBe('一人一档：张三丰');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'person-file');
  });
});
