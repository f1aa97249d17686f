import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, ZHANG, ZHANG_MASKED } from '../test-query-scenario';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { csrfTokenFor } from './csrf';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await buildScenario(server);
});
afterAll(async () => server.close());

/** A browser: follows no redirects, sends the cookie it was given. */
const browse = async (path: string, cookie?: string) => {
  const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

const logIn = async (role: TestRole): Promise<string> => {
  const res = await browse(`/?token=${encodeURIComponent(server.tokens[role])}`);
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/');
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0] ?? '';
};

describe('the office pages', () => {
  it('shows the login page without a token, and refuses an unknown one', async () => {
    const page = await browse('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('信访工作台 登录');
    const bad = await browse('/?token=xf_nope');
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('令牌无效');
  });

  it('keeps the rest of the address when it takes the token out of it', async () => {
    const res = await browse(`/?from=2024-09-01&token=${encodeURIComponent(server.tokens.office)}&to=2024-09-30`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/?from=2024-09-01&to=2024-09-30');
    const deep = await browse(`/office/ledgers/backlog?token=${encodeURIComponent(server.tokens.office)}&asOf=2024-09-25`);
    expect(deep.status).toBe(302);
    expect(deep.headers.get('location')).toBe('/office/ledgers/backlog?asOf=2024-09-25');
  });

  it('logs in with the URL that serve prints, then shows the 工作台 with its KPIs', async () => {
    const cookie = await logIn('office');
    const page = await browse('/?from=2024-09-01&to=2024-09-30', cookie);
    expect(page.text).toContain('工作台 2024-09-01 至 2024-09-30');
    expect(page.text).toMatch(/<th scope="row">信访总量<\/th><td>3（上期 0）<\/td>/);
  });

  it('shows a form with its Chinese headers, unmasked for the office and masked for the auditor', async () => {
    const office = await browse('/office/ledgers/disputes', await logIn('office'));
    expect(office.text).toContain('附件1 矛盾纠纷排查化解清单');
    expect(office.text).toContain('<th>序号</th><th>社区</th><th>网格</th>');
    expect(office.text).toContain(ZHANG.name);
    const auditor = await browse('/office/ledgers/visits', await logIn('auditor'));
    expect(auditor.text).toContain('附件3');
    expect(auditor.text).not.toContain(ZHANG.name);
    const disputes = await browse('/office/ledgers/disputes', await logIn('auditor'));
    expect(disputes.text).toContain(ZHANG_MASKED.name);
  });

  it('exports through the API with the page token, and sends a stranger back to log in', async () => {
    const response = await fetch(`${server.url}/office/exports/disputes?format=csv`, { headers: { cookie: await logIn('office') } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    // fetch's text() drops a byte-order mark, so the bytes are read: EF BB BF, then the headers.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith('序号,社区')).toBe(true);
    expect((await browse('/office/ledgers/disputes')).status).toBe(302);
  });

  it('keeps the role: a community sees its own community, and an API refusal is shown, not thrown', async () => {
    const page = await browse('/office/ledgers/disputes?communityId=yangguang', await logIn('community:qinghua'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('无权访问');
  });

  it('reaches only the four forms: a traversal to another API path is a 404, never forwarded', async () => {
    const cookie = await logIn('office');
    const tries = [
      '/office/exports/..%2Fcases%2Fc1',
      '/office/exports/..%2fcases%2fc1',
      '/office/exports/%2E%2E%2Fcases%2Fc1',
      '/office/exports/..%252Fcases%252Fc1',
      '/office/exports/..%5Ccases%5Cc1',
      '/office/exports/disputes%2F..%2F..%2Fcases%2Fc1',
      '/office/exports/..%2F..%2Fapi%2Fv1%2Fcases%2Fc1',
      '/office/ledgers/..%2Fcases%2Fc1',
      '/office/exports/constructor',
      '/office/exports/__proto__',
      '/office/exports/nosuch',
      '/office/ledgers/nosuch',
      '/office/ledgers/toString',
    ];
    for (const path of tries) {
      const res = await browse(path, cookie);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).toContain('没有这张表 / no such form');
      expect(res.text).not.toContain(ZHANG.name);
      expect(res.text).not.toContain('"caseId"');
    }
    // The four forms still answer.
    for (const name of ['disputes', 'backlog', 'visits', 'duties']) {
      expect((await browse(`/office/exports/${name}?format=csv`, cookie)).status).toBe(200);
    }
  });

  it('refuses a page POST without the session CSRF token, unread, and lets the right one through', async () => {
    const cookie = await logIn('office');
    const post = (body: string) =>
      fetch(`${server.url}/office/ledgers/disputes`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const none = await post('a=1');
    expect(none.status).toBe(403);
    expect(await none.text()).toContain('CSRF 校验失败');
    expect((await post('_csrf=forged')).status).toBe(403);
    // The session's own token passes the check (and finds no POST route there: the app's 404).
    const right = await post(`_csrf=${csrfTokenFor(server.tokens.office)}`);
    expect(right.status).toBe(404);
    // A page shows its forms the same token: the ledger page has none, the CSRF field is in every form of a page.
    expect(csrfTokenFor(server.tokens.office)).not.toBe(csrfTokenFor(server.tokens.auditor));
  });

  it('refuses a login posted from another site', async () => {
    const res = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(server.tokens.office)}`,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    // A browser says so in Sec-Fetch-Site (its Origin is null under Referrer-Policy: no-referrer).
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: `token=${encodeURIComponent(server.tokens.office)}`,
      });
    expect((await post({ origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(302);
    expect((await post({ origin: 'null' })).status).toBe(302);
  });

  it('shows the ledger time in Asia/Shanghai, never raw UTC', async () => {
    const page = await browse('/office/ledgers/backlog?asOf=2024-09-25', await logIn('office'));
    expect(page.text).toContain('截至 2024-09-25 23:59');
    expect(page.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('answers a page that does not exist with a page, and a way back; the API keeps problem+json', async () => {
    const page = await browse('/office/nosuch', await logIn('office'));
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('没有这个页面：/office/nosuch');
    expect(page.text).toContain('<a href="/">返回工作台</a>');
    const api = await browse('/api/v1/nosuch');
    expect(api.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });

  it('leaves out of the menu what the role may not open: a leader reads the roster, not 附件1–3', async () => {
    const leader = await browse('/office/ledgers/duties', await logIn('leader:L01'));
    expect(leader.status).toBe(200);
    expect(leader.text).toContain('<a href="/office/ledgers/duties">附件4</a>');
    expect(leader.text).not.toContain('<a href="/office/ledgers/disputes">附件1</a>');
    const inspector = await browse('/office/ledgers/duties', await logIn('inspector'));
    expect(inspector.text).toContain('<a href="/office/ledgers/disputes">附件1</a>');
  });
});
