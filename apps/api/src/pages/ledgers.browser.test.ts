import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, forms } from '@xinfang/reports';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';
import { buildScenario, ZHANG } from '../test-query-scenario';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
});
afterAll(async () => harness?.close());

describe('台账 in the browser', () => {
  it('logs in through the printed URL, opens 附件1 from the menu and downloads its XLSX with the rows of the API', async () => {
    const page = await harness.logIn('office');
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '附件1' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('附件1 矛盾纠纷排查化解清单');

    const api = await harness.server.call('GET', '/api/v1/ledgers/disputes');
    const rows = api.body.rows as Parameters<(typeof forms.disputes.columns)[number]['value']>[0][];
    expect(rows.length).toBeGreaterThan(0);
    expect(await page.locator('tbody tr').count()).toBe(rows.length);
    expect(await page.locator('tbody').textContent()).toContain(ZHANG.name);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    // The server clock stands at 25 Sep (the scenario's end): the file is named for that day, in Chinese.
    expect(download.suggestedFilename()).toBe('附件1-矛盾纠纷排查化解清单-2024-09-25.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('附件1')!;
    const columns = forms.disputes.columns;
    expect(columns.map((_, i) => sheet.getRow(3).getCell(i + 1).value)).toEqual(columns.map((column) => column.header));
    // Row 4 on: the ledger's rows, cell by cell as the page shows them (dates are Excel dates: their day).
    expect(sheet.actualRowCount).toBe(3 + rows.length);
    rows.forEach((row, r) => {
      columns.forEach((column, c) => {
        const value = sheet.getRow(4 + r).getCell(c + 1).value;
        const shown = value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        expect({ row: r, column: column.header, shown }).toEqual({ row: r, column: column.header, shown: cellText(column, row) });
      });
    });

    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'ledger-disputes');
  });

  it('prints 附件1 as the official form on A4 landscape: every row, no menu, filters or buttons', async () => {
    const page = await harness.logIn('office', '/office/ledgers/disputes');
    await page.getByRole('link', { name: '打印全表' }).click();
    // A click starts the navigation; the old page is there until it commits.
    await page.waitForURL((url) => url.searchParams.get('all') === '1');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '导出 Excel' }).isVisible()).toBe(false);
    expect(await page.locator('h1').textContent()).toBe('附件1 矛盾纠纷排查化解清单');
    expect(await page.locator('.form-subtitle').textContent()).toBe('截至：2024-09-25');
    expect(await page.locator('tbody tr').count()).toBe(3);
    // The page size the print stylesheet asks for: A4 landscape, 297 × 210 mm (841.89 × 595.28 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([842, 595]);
    await harness.screenshot(page, 'ledger-disputes-print');
  });

  it('shows each of the four forms with no serious accessibility violation', async () => {
    const page = await harness.logIn('auditor');
    for (const [name, title] of [
      ['disputes', '附件1 矛盾纠纷排查化解清单'],
      ['backlog', '附件2 信访积案和突出问题化解清单'],
      ['visits', '附件3 领导干部接待群众来访登记表'],
      ['duties', '附件4 领导接访安排表'],
    ] as const) {
      await page.goto(`${harness.server.url}/office/ledgers/${name}`);
      expect(await page.locator('h1').textContent()).toBe(title);
      expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
      await harness.screenshot(page, `ledger-${name}`);
    }
  });

  it('filters by a community and a leader chosen by name from the lists, never typed as ids', async () => {
    const page = await harness.logIn('office', '/office/ledgers/disputes');
    const community = page.locator('select[name="communityId"]');
    expect(await community.locator('option').allTextContents()).toEqual(['全部社区', '青华社区', '阳光社区']);
    await community.selectOption({ label: '青华社区' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((url) => url.searchParams.get('communityId') === 'qinghua');
    expect(await page.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['青华社区', '青华社区']);
    expect(await page.locator('.form-subtitle').textContent()).toBe('填报单位：青华社区\u3000截至：2024-09-25');

    await page.goto(`${harness.server.url}/office/ledgers/visits`);
    await page.locator('select[name="leaderId"]').selectOption({ label: '陈主任（街道党工委书记）' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((url) => url.searchParams.get('leaderId') === 'L01');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.locator('select[name="leaderId"]').selectOption({ label: '林书记（社区书记）' });
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL((url) => url.searchParams.get('leaderId') === 'L02');
    expect(await page.locator('tbody tr').count()).toBe(0);
  });

  it('offers a community user its own community only', async () => {
    const page = await harness.logIn('community:qinghua', '/office/ledgers/backlog');
    expect(await page.locator('select[name="communityId"] option').allTextContents()).toEqual(['全部社区', '青华社区']);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
