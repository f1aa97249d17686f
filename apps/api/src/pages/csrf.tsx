import { createHash, timingSafeEqual } from 'node:crypto';
import { useRequestContext } from 'hono/jsx-renderer';
import type { PageEnv } from './page-env';

/*
 * CSRF: every form a page posts carries `_csrf`, a value only a page of this session can know — the SHA-256
 * of the session's token (the token itself is in an HttpOnly cookie; the hash gives nothing back). The
 * session middleware refuses a POST whose `_csrf` is missing or another. The cookie is SameSite=Strict
 * too; the field is the check that does not rely on the browser.
 */

export const CSRF_FIELD = '_csrf';

/** The CSRF token of a session token; '' when there is no session (then no form but the login is shown). */
export const csrfTokenFor = (sessionToken: string | undefined): string =>
  sessionToken === undefined ? '' : createHash('sha256').update(`xinfang-csrf\0${sessionToken}`).digest('base64url');

/** Whether a posted `_csrf` is the session's. */
export const csrfMatches = (sessionToken: string | undefined, posted: unknown): boolean => {
  if (sessionToken === undefined || typeof posted !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(posted);
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The hidden field every POST form holds (inside a page rendered by `render`). */
export const CsrfField = () => {
  const c = useRequestContext<PageEnv>();
  return <input type="hidden" name={CSRF_FIELD} value={c.var.csrfToken} />;
};
