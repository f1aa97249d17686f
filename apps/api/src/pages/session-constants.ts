/** The cookie that holds the browser's token (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'xinfang_token';
export const LOGIN_PATH = '/login';
export const LOGOUT_PATH = '/logout';

/** A login form holds one token: anything longer is refused unread, before anyone is authenticated. */
export const LOGIN_BODY_LIMIT = 8 * 1024;
/** A page's form (a visit with its petitioners, a screening report, …) is small; a body above this is refused unread. */
export const PAGE_BODY_LIMIT = 256 * 1024;
