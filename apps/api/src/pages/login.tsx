import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { errorPage } from './error-page';
import type { PageEnv } from './page-env';
import { logIn } from './session';
import { LOGIN_PATH, LOGOUT_PATH, SESSION_COOKIE } from './session-constants';

/**
 * A login posted from another site's page would log the office's browser in as someone else: a browser
 * always sends Origin on a cross-site POST, so one naming another origin is refused. (A client without a
 * browser sends none, and gains nothing: it holds the token it posts.)
 */
const fromAnotherSite = (origin: string | undefined, url: string): boolean => origin !== undefined && origin !== new URL(url).origin;

/** The login form's POST and the logout. The login page itself is 工作台's answer without a session. */
export const loginPages = new Hono<PageEnv>()
  .post(LOGIN_PATH, async (c) => {
    if (fromAnotherSite(c.req.header('origin'), c.req.url)) {
      return errorPage(c, { status: 403, title: '请求已拒绝', detail: '登录表单不是从本系统页面提交的。' });
    }
    const form = await c.req.parseBody();
    return logIn(c, typeof form.token === 'string' ? form.token.trim() : undefined);
  })
  .get(LOGOUT_PATH, (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 302);
  });
