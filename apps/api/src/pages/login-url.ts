/**
 * The address parameter a login URL carries its token in (`/?token=…`, or any page's address with it):
 * the session takes it into a cookie and out of the address.
 */
export const LOGIN_TOKEN_PARAM = 'token';

/** The login URL `xinfang serve` prints, opening 工作台 (or `path`) logged in with `token`. */
export const loginUrl = (base: string, token: string, path = '/'): string => {
  const url = new URL(path, base);
  url.searchParams.set(LOGIN_TOKEN_PARAM, token);
  return url.toString();
};
