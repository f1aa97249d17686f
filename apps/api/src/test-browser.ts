import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loginUrl } from './pages/login-url';
import { startTestServer, type TestRole, type TestServer, type TestServerOptions } from './test-server';

/*
 * Test support for the browser tests of the pages (`*.browser.test.ts`): the real app over real HTTP (the
 * test server: a SQLite store in a temp folder, one token per role), Debian's chromium driven by
 * playwright-core at the office PC's 1366×768, logged in through the login URL `xinfang serve` prints
 * (`loginUrl`), screenshots into apps/api/screenshots/ (git-ignored), and axe-core's check.
 */

/** Debian's chromium (`apt-get install chromium fonts-noto-cjk`; `.ci/run` installs both). */
export const CHROMIUM = process.env.XINFANG_CHROMIUM ?? '/usr/bin/chromium';
/** Where each page's screenshot goes, one file per page. */
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

export interface BrowserHarness {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh browser (its own cookies) logged in as `role` through its login URL, on 工作台 or `path`. */
  readonly logIn: (role: TestRole, path?: string) => Promise<Page>;
  /** Saves the page's full screenshot as screenshots/NAME.png. */
  readonly screenshot: (page: Page, name: string) => Promise<string>;
  readonly close: () => Promise<void>;
}

export const launchChromium = async (): Promise<Browser> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium fonts-noto-cjk (or set XINFANG_CHROMIUM)`);
  }
  // As root (CI, containers) chromium runs only without its sandbox; a container's /dev/shm is often 64 MB,
  // too small for chromium's shared memory, so it uses /tmp.
  const args = ['--lang=zh-CN', '--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  return chromium.launch({ executablePath: CHROMIUM, args, headless: true });
};

/** A browser context as the office PC has it: 1366×768, Chinese, Asia/Shanghai, downloads kept. */
export const officeContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });

/** Starts the test server (`setUp` fills it through the API) and chromium. */
export const startBrowserHarness = async (
  options: TestServerOptions & { readonly setUp?: (server: TestServer) => Promise<void> } = {},
): Promise<BrowserHarness> => {
  const { setUp, ...serverOptions } = options;
  const server = await startTestServer(serverOptions);
  let browser: Browser;
  try {
    await setUp?.(server);
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    logIn: async (role, path = '/') => {
      const context = await officeContext(browser);
      contexts.push(context);
      const page = await context.newPage();
      const response = await page.goto(loginUrl(server.url, server.tokens[role], path));
      // The page itself may answer anything (a test may open a 404); the login must not be refused.
      expect(response?.status(), `login as ${role} at ${path}`).not.toBe(401);
      // The token went into the cookie and out of the address bar.
      expect(page.url()).not.toContain('token=');
      return page;
    },
    screenshot: async (page, name) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = `${SCREENSHOTS}${name}.png`;
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
};

const axeSource = (): string => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations axe-core finds on the page (an empty list is the pass). */
export const seriousAxeViolations = async (page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> => {
  // Evaluated through the debugging protocol, which the pages' CSP (no script) does not govern.
  await page.evaluate(axeSource());
  // A string, run in the page: this package is typed without the DOM.
  const violations = await page.evaluate<{ id: string; impact: string | null; nodes: { target: unknown[] }[] }[]>(
    'axe.run(document).then((result) => result.violations)',
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
};
