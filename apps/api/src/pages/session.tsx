import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrfMatches, csrfTokenFor, CSRF_FIELD } from './csrf';
import { errorPage } from './error-page';
import { render } from './layout';
import { LoginPage } from './login-page';
import type { ApiFetch, InProcessRequest, PageEnv } from './page-env';
import { limitBody } from '../validator';
import { LOGIN_TOKEN_PARAM } from './login-url';
import { LOGIN_BODY_LIMIT, LOGIN_PATH, LOGOUT_PATH, PAGE_BODY_LIMIT, SESSION_COOKIE } from './session-constants';

/*
 * The page session. The browser logs in with the URL `serve` prints (`/?token=…`, or any page's address
 * with `token=`): the token moves into an HttpOnly cookie and out of the address bar. Every page then
 * finds on its context the token, who holds it, `api` (the API in-process with that token — so a page
 * sees exactly what the role may see, masked as the API masks it, and no rule is written twice) and the
 * CSRF token its forms carry. A POST to a page without the session's CSRF token is refused unread.
 */

/** The paths the session runs on (mounted by app.ts): 工作台, the login and logout, and every page under /office. */
export const PAGE_PATHS = ['/', LOGIN_PATH, LOGOUT_PATH, '/office/*'] as const;

const loginLimit = limitBody(LOGIN_BODY_LIMIT);
const pageLimit = limitBody(PAGE_BODY_LIMIT);
/** A page's body is limited before anything reads it (the session reads a form's CSRF field). */
export const pageBodyLimit: MiddlewareHandler<PageEnv> = (c, next) => (c.req.path === LOGIN_PATH ? loginLimit : pageLimit)(c, next);

/** Sets the cookie and goes back to the same address without the token (out of history and logs). */
export const logIn = async (c: Context<PageEnv>, token: string | undefined): Promise<Response> => {
  const caller = token === undefined ? undefined : await c.var.services.database.tokens.verify(token);
  if (token === undefined || caller === undefined) {
    return render(c, '登录', <LoginPage message="令牌无效或已撤销 / unknown or revoked token" />, { status: 401, nav: false });
  }
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
  const url = new URL(c.req.url);
  url.searchParams.delete(LOGIN_TOKEN_PARAM);
  return c.redirect(c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/', 302);
};

const apiFor =
  (request: InProcessRequest, token: string | undefined): ApiFetch =>
  async (path, { method = 'GET', body, headers = {} } = {}) => {
    const all: Record<string, string> = { ...headers };
    if (token !== undefined) all.authorization = `Bearer ${token}`;
    if (body !== undefined) all['content-type'] = 'application/json';
    return request(path, { method, headers: all, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  };

/** The page session middleware; `request` is the app's own (in-process) request. */
export const pageSession =
  (request: InProcessRequest): MiddlewareHandler<PageEnv> =>
  async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    const caller = cookie === undefined ? undefined : await c.var.services.database.tokens.verify(cookie);
    const token = caller === undefined ? undefined : cookie;
    c.set('pageToken', token);
    c.set('pageCaller', caller);
    c.set('api', apiFor(request, token));
    c.set('csrfToken', csrfTokenFor(token));

    // A login URL may point at any page: take the token, then show that page.
    const fromUrl = c.req.query(LOGIN_TOKEN_PARAM);
    if (c.req.method === 'GET' && fromUrl !== undefined && c.req.path !== LOGIN_PATH) return logIn(c, fromUrl);

    if (c.req.path.startsWith('/office/') && token === undefined) return c.redirect('/', 302);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.path !== LOGIN_PATH) {
      const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
      if (!csrfMatches(token, form[CSRF_FIELD])) {
        return errorPage(
          c,
          { status: 403, title: '请求已拒绝', detail: '表单已过期或不是从本系统页面提交的（CSRF 校验失败），请重新打开页面再提交。' },
          { href: c.req.path, label: '重新打开页面' },
        );
      }
    }
    await next();
  };
