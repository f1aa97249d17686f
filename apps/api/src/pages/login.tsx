import { Hono, type Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { errorPage } from './error-page';
import type { PageEnv } from './page-env';
import { logIn } from './session';
import { LOGIN_PATH, LOGOUT_PATH, SESSION_COOKIE } from './session-constants';

/**
 * A login posted from another site's page would log the office's browser in as someone else. A browser
 * says where a POST comes from: Sec-Fetch-Site (same-origin for our own form), or in an older browser
 * Origin — which is `null` for our own form, since every answer sends Referrer-Policy: no-referrer, and
 * so proves nothing. A client without a browser sends neither, and gains nothing: it holds the token.
 */
const fromAnotherSite = (c: Context<PageEnv>): boolean => {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && origin !== new URL(c.req.url).origin;
};

/** The login form's POST and the logout. The login page itself is 工作台's answer without a session. */
export const loginPages = new Hono<PageEnv>()
  .post(LOGIN_PATH, async (c) => {
    if (fromAnotherSite(c)) {
      return errorPage(c, { status: 403, title: '请求已拒绝', detail: '登录表单不是从本系统页面提交的。' });
    }
    const form = await c.req.parseBody();
    return logIn(c, typeof form.token === 'string' ? form.token.trim() : undefined);
  })
  .get(LOGOUT_PATH, (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 302);
  });
