import type { TokenInfo } from '../app-database';
import type { AppEnv } from '../env';

/** How a page asks the API: in-process, with the browser's own token, so it sees what that role may see. */
export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Extra headers (e.g. `idempotency-key`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** `path` is the API's own, e.g. `/api/v1/cases?status=open`. */
export type ApiFetch = (path: string, request?: ApiRequest) => Promise<Response>;

/** The app's request, as the page session calls it (app.request in app.ts). */
export type InProcessRequest = (path: string, init: RequestInit) => Response | Promise<Response>;

/**
 * What every page handler finds on the context (set by `pageSession`): the caller's token (undefined when
 * not logged in), who holds it, `api` to ask the API with that token, and the CSRF token its forms carry.
 */
export interface PageEnv {
  Variables: AppEnv['Variables'] & {
    pageToken: string | undefined;
    pageCaller: TokenInfo | undefined;
    api: ApiFetch;
    csrfToken: string;
  };
}
