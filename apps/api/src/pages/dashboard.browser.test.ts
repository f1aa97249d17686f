import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';
import { buildScenario, NOW } from '../test-query-scenario';

/*
 * 工作台 in chromium at 1366×768, on the query test scenario: the figures it shows are /kpis's for the range
 * it shows — the range asked for, and the default one the page picks itself once the clock is far past
 * the data — and every role that logs in gets its own 工作台 (no 403), without serious axe violations.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

/** The KPI table as the browser shows it: key → [figure, verdict text]. */
const kpiTable = (page: Page) =>
  page.locator('tr[data-kpi]').evaluateAll((rows) =>
    rows.map((row) => {
      const data = (name: string) => row.getAttribute(`data-${name}`);
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { key: data('kpi') ?? '', figure: data('count') ?? `${data('numerator')}/${data('denominator')}`, value: cells[0] ?? '', verdict: cells[2] ?? '' };
    }),
  );

const figureOf = (kpis: Record<string, unknown>, key: string): string => {
  const value = key.split('.').reduce<any>((v, k) => v[k], kpis);
  return typeof value === 'number' ? String(value) : `${value.numerator ?? value.fulfilled}/${value.denominator ?? value.required}`;
};

/** The range the page shows, read from its date fields. */
const shownRange = async (page: Page) => ({
  from: await page.locator('input[name="from"]').inputValue(),
  to: await page.locator('input[name="to"]').inputValue(),
});

const expectFiguresOfKpis = async (page: Page, asOf: string) => {
  const { from, to } = await shownRange(page);
  const kpis = await harness.server.call('GET', `/api/v1/kpis?from=${from}&to=${to}&asOf=${asOf}`);
  expect(kpis.status).toBe(200);
  const table = await kpiTable(page);
  expect(table).toHaveLength(19);
  for (const line of table) expect(line.figure, line.key).toBe(figureOf(kpis.body, line.key));
  return table;
};

describe('工作台 in the browser', () => {
  it('shows the figures of /kpis for the range asked for, with 达标/未达标 in words, the to-do list and four trend charts', async () => {
    const page = await harness.logIn('office', '/?from=2024-09-01&to=2024-09-22');
    await expect.poll(() => page.locator('h1').textContent()).toBe('工作台 2024-09-01 至 2024-09-22');
    const table = await expectFiguresOfKpis(page, '2024-09-22');
    expect(table.find((line) => line.key === 'backlog.open')).toEqual({ key: 'backlog.open', figure: '1', value: '1', verdict: '未达标' });
    expect(table.find((line) => line.key === 'escalations.total')?.verdict).toBe('达标');
    expect(await page.locator('tr[data-todo="overdue"] td.overdue').first().textContent()).toBe('超期');
    expect(await page.locator('[data-todo="screening"]').count()).toBe(11);
    expect(await page.locator('.trends svg').count()).toBe(4);
    expect(await page.locator('.trends svg').first().isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'dashboard');
  });

  it('changes its range through its form, and its figures stay those of /kpis', async () => {
    const page = await harness.logIn('office', '/?from=2024-09-01&to=2024-09-22');
    await page.locator('input[name="from"]').fill('2024-09-10');
    await page.locator('input[name="to"]').fill('2024-09-20');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('工作台 2024-09-10 至 2024-09-20');
    const table = await expectFiguresOfKpis(page, '2024-09-20');
    expect(table.find((line) => line.key === 'volume.total')?.figure).toBe('1');
  });

  it('shows beside each figure that of the window compared with, 环比 or 同比, as /kpis?compare= gives it', async () => {
    const page = await harness.logIn('office', '/?from=2024-09-12&to=2024-09-22');
    const compared = async (compare: string) => {
      const kpis = (await harness.server.call('GET', `/api/v1/kpis?from=2024-09-12&to=2024-09-22&asOf=2024-09-22&compare=${compare}`)).body;
      const shown = await page.locator('tr[data-kpi]').evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute('data-kpi') ?? '', row.querySelector('td[data-compared]')?.textContent ?? '']),
      );
      expect(shown).toHaveLength(19);
      return { kpis, shown: Object.fromEntries(shown) as Record<string, string> };
    };
    expect(await page.locator('th', { hasText: '环比' }).count()).toBe(1);
    const previous = await compared('previous');
    // 1–11 September registered 2 cases, 12–22 September 1: one fewer.
    expect(figureOf(previous.kpis.comparison.figures, 'volume.total')).toBe('2');
    expect(previous.shown['volume.total']).toBe('上期 2，减少 1');
    for (const [key, text] of Object.entries(previous.shown)) {
      const before = figureOf(previous.kpis.comparison.figures, key);
      expect(text, key).toContain(before.includes('/') ? `（${before}）` : `上期 ${before}，`);
    }
    await page.locator('select[name="compare"]').selectOption('lastYear');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('th', { hasText: '同比' }).count()).toBe(1);
    const lastYear = await compared('lastYear');
    expect(lastYear.kpis.comparison.from).toBe('2023-09-12');
    expect(lastYear.shown['volume.total']).toBe('去年同期 0，增加 1');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("opens, with the clock far past the data, on the month of the store's latest data, whose figures are /kpis's", async () => {
    harness.server.setNow('2026-12-05T09:00:00+08:00');
    try {
      const page = await harness.logIn('office');
      expect(await shownRange(page)).toEqual({ from: '2024-08-21', to: '2024-09-20' });
      expect(await page.getByRole('note').textContent()).toContain('数据至 2024-09-20');
      await expectFiguresOfKpis(page, '2024-09-20');
      await harness.screenshot(page, 'dashboard-default-range');
    } finally {
      harness.server.setNow(NOW);
    }
  });

  it("gives the inspector and a community their own 工作台, with the inspector's figures the office's", async () => {
    const inspector = await harness.logIn('inspector', '/?from=2024-09-01&to=2024-09-22');
    expect(await inspector.locator('h2#todo-title').textContent()).toContain('督查关注');
    await expectFiguresOfKpis(inspector, '2024-09-22');
    expect(await seriousAxeViolations(inspector)).toEqual([]);
    await harness.screenshot(inspector, 'dashboard-inspector');
    const community = await harness.logIn('community:qinghua', '/?from=2024-09-01&to=2024-09-22');
    expect(await community.locator('[data-todo="screening"]').count()).toBe(5);
  });
});
