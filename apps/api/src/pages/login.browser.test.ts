import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeContext, seriousAxeViolations, startBrowserHarness, type BrowserHarness } from '../test-browser';

let harness: BrowserHarness;
beforeAll(async () => {
  harness = await startBrowserHarness();
});
afterAll(async () => harness?.close());

describe('login, logout and error pages in the browser', () => {
  it('logs in with a token typed into the login form, and out again', async () => {
    const context = await officeContext(harness.browser);
    try {
      const page = await context.newPage();
      await page.goto(`${harness.server.url}/office/ledgers/duties`);
      // Not logged in: sent to the login page.
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.locator('h1').textContent()).toBe('信访工作台 登录');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await harness.screenshot(page, 'login');

      await page.getByLabel('访问令牌').fill('xf_wrong');
      await page.getByRole('button', { name: '登录' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('令牌无效或已撤销');

      await page.getByLabel('访问令牌').fill(harness.server.tokens.office);
      await page.getByRole('button', { name: '登录' }).click();
      expect(await page.locator('header .who').textContent()).toBe('test office（信访办）');
      const cookie = (await context.cookies()).find((c) => c.name === 'xinfang_token');
      expect({ httpOnly: cookie?.httpOnly, sameSite: cookie?.sameSite }).toEqual({ httpOnly: true, sameSite: 'Strict' });

      await page.getByRole('link', { name: '退出' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByLabel('访问令牌').waitFor();
      expect(await page.locator('h1').textContent()).toBe('信访工作台 登录');
      expect((await context.cookies()).find((c) => c.name === 'xinfang_token')).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('shows a page that does not exist as a page with a way back', async () => {
    const page = await harness.logIn('office', '/office/no-such-page');
    expect(await page.locator('h1').textContent()).toBe('未找到');
    expect(await page.getByRole('alert').textContent()).toContain('没有这个页面：/office/no-such-page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await harness.screenshot(page, 'error-404');
    await page.getByRole('link', { name: '返回工作台' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });
});
