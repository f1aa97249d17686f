import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';
import { buildScenario } from '../test-query-scenario';

/*
 * 工作总结 in chromium: the summary of a window written from the figures of /kpis and /assessment, a Word
 * document to download, printable; only for the office, the auditor and the inspector.
 */

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness({ setUp: async (server) => void (await buildScenario(server)) });
}, 120_000);
afterAll(async () => harness?.close());

describe('工作总结 in the browser', () => {
  it('writes the summary of the window from the figures of /kpis and /assessment, and downloads it as Word', async () => {
    const page = await harness.logIn('office', '/');
    await page.getByRole('link', { name: '工作总结' }).click();
    await page.waitForURL(/\/office\/reports\/campaign/);
    await page.locator('input[name="from"]').fill('2024-09-01');
    await page.locator('input[name="to"]').fill('2024-09-20');
    await page.getByRole('button', { name: '生成' }).click();
    await page.waitForURL(/from=2024-09-01&to=2024-09-20/);
    expect(await page.locator('.summary h1').textContent()).toBe('信访工作总结（2024-09-01 至 2024-09-20）');
    const kpis = (await harness.server.call('GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-20&asOf=2024-09-20')).body;
    const overview = await page.locator('.summary p', { hasText: '本期共登记信访事项' }).textContent();
    expect(overview).toContain(`本期共登记信访事项 ${kpis.volume.total} 件`);
    expect(overview).toContain(`越级上访 ${kpis.escalations.total} 次`);
    const scores = (await harness.server.call('GET', '/api/v1/assessment?from=2024-09-01&to=2024-09-20&asOf=2024-09-20')).body.rows;
    const shown = await page.locator('.summary table').last().locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(shown.map((cells) => [cells[1], cells[2]])).toEqual(scores.map((r: { name: string; score: number }) => [r.name, r.score.toFixed(1)]));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'campaign-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word' }).click()]);
    expect(download.suggestedFilename()).toBe('信访工作总结（2024-09-01 至 2024-09-20）.docx');
    // A .docx is a zip: it starts with PK.
    expect(readFileSync((await download.path())).subarray(0, 2).toString()).toBe('PK');
  });

  it('is not in the menu of a community, and refuses it', async () => {
    const home = await harness.logIn('community:qinghua', '/');
    expect(await home.getByRole('link', { name: '工作总结' }).count()).toBe(0);
    const page = await harness.logIn('community:qinghua', '/office/reports/campaign?from=2024-09-01&to=2024-09-20');
    expect(await page.locator('[role="alert"]').textContent()).toContain('专项工作总结由信访办、审计和纪工委查看');
  });
});
