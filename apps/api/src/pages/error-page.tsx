import type { Context } from 'hono';
import { render, type PageStatus } from './layout';
import type { PageEnv } from './page-env';
import type { PageProblem } from './problems';

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
