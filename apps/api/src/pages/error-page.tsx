import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { render, type PageStatus } from './layout';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/** Where an error page leads back to: a page that works (e.g. the same page without its filters) and 工作台. */
export interface WayBack {
  readonly href: string;
  readonly label: string;
}

const pageStatus = (status: number): PageStatus =>
  ([400, 401, 403, 404, 409, 422, 503] as const).find((s) => s === status) ?? 500;

/** A refusal shown as a page of its own, with its way back. */
export const errorPage = (
  c: Context<PageEnv>,
  problem: Pick<PageProblem, 'status' | 'title' | 'detail'>,
  back?: WayBack,
  options: { readonly pageStatus?: PageStatus } = {},
) =>
  render(
    c,
    problem.title,
    <div class="problem" role="alert">
      <h1 class="bad">{problem.title}</h1>
      {problem.detail !== '' && <p>{problem.detail}</p>}
      <p>
        {back !== undefined && (
          <>
            <a href={back.href}>{back.label}</a>
            {' · '}
          </>
        )}
        <a href="/">返回工作台</a>
      </p>
    </div>,
    { status: options.pageStatus ?? pageStatus(problem.status) },
  );

/** Whether a path is a page's (answered in HTML) rather than the API's. */
export const isPagePath = (path: string): boolean => path === '/' || path.startsWith('/office/');

/**
 * The app's context, as a page's: the session may not have run for it (an error before it), and then the
 * layout finds no caller — which it shows as no one.
 */
const asPage = (c: Context<AppEnv>): Context<PageEnv> => c as unknown as Context<PageEnv>;

/** A page address that does not exist. */
export const pageNotFound = (c: Context<AppEnv>) =>
  errorPage(asPage(c), { status: 404, title: '未找到', detail: `没有这个页面：${c.req.path}` });

/** A page that failed (the app's problem+json answer, 5xx), as a page: the browser shows it, with a way back. */
export const pageFailure = async (c: Context<AppEnv>, problem: Response): Promise<Response> => {
  const read = await readProblem(problem);
  const response = await errorPage(asPage(c), read, { href: c.req.path, label: '重试' });
  const retryAfter = problem.headers.get('retry-after');
  if (retryAfter !== null) response.headers.set('retry-after', retryAfter);
  return response;
};
