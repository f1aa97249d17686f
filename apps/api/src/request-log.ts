import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { TokenInfo } from './app-database';
import type { AppEnv } from './env';
import { formatRole } from './roles';

/*
 * One structured log line per request. It says what was asked and how it went — method, path, the names
 * (never the values) of the query parameters, the matched route, status, duration, the caller's token id
 * and role (never the token), and a request id — and nothing else: no body, no query value, no header.
 * Petitioners' names, id numbers and phone numbers travel in bodies and query values, so they can never
 * reach the log through here.
 */

/** A request id we are willing to echo: short, and made of characters that cannot carry much else. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** A query parameter name we log as it is; any other name is logged as `?`. */
const QUERY_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

export interface RequestLogLine {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  /** The names of the query parameters, sorted, each once. */
  readonly query?: readonly string[];
  /** The route that answered, as registered (`/api/v1/cases/:id/acceptance`). */
  readonly route?: string;
  readonly status: number;
  readonly durationMs: number;
  readonly tokenId?: string;
  readonly role?: string;
}

/** A path whose last part is a secret (a receipt's query code): logged with the part replaced. */
const SECRET_PATH = /^(\/public\/status\/)[^/]*$/;

const loggedPath = (path: string): string => path.replace(SECRET_PATH, '$1{code}');

const queryNames = (url: string): string[] => {
  const names = new Set<string>();
  for (const name of new URL(url).searchParams.keys()) names.add(QUERY_NAME.test(name) ? name : '?');
  return [...names].sort();
};

/** The logging middleware; put it first, so that it times and sees every request, refused ones too. */
export const requestLog = (logger: Logger): MiddlewareHandler<AppEnv> => async (c, next) => {
  const started = performance.now();
  const incoming = c.req.header(REQUEST_ID_HEADER);
  const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  try {
    await next();
  } finally {
    c.header(REQUEST_ID_HEADER, requestId);
    const caller = c.get('caller') as TokenInfo | undefined;
    const route = routePath(c, -1);
    const query = queryNames(c.req.url);
    const status = c.res.status;
    const line: RequestLogLine = {
      requestId,
      method: c.req.method,
      path: loggedPath(c.req.path),
      ...(query.length === 0 ? {} : { query }),
      ...(route === '' || route.includes('*') ? {} : { route }),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(caller === undefined ? {} : { tokenId: caller.id, role: formatRole(caller.role) }),
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  }
};
