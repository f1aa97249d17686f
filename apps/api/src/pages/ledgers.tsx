import { Hono, type Context } from 'hono';
import { cellText, formTitle, forms, type FormName } from '@xinfang/reports';
import { errorPage } from './error-page';
import { render } from './layout';
import { localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 台账: the four forms as pages, and their exports, asked of the API with the browser's token.
 */

type Ledger = { total: number; rows: unknown[]; asOf: string };

const withFormat = (query: string, format: string): string => {
  const params = new URLSearchParams(query);
  params.set('format', format);
  return params.toString();
};

/** The query string a page passes on to the API: only the filters it knows, empty ones left out. */
const passOn = (c: Context<PageEnv>, names: readonly string[]): string => {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = c.req.query(name);
    if (value !== undefined && value !== '') params.set(name, value);
  }
  return params.toString();
};

/**
 * The form a page names, or undefined. Only these four names ever reach the API: the name is not put
 * into a path as it came (`..%2Fcases%2Fx1` would reach any GET of the API with the page's token).
 */
const formNamed = (name: string): FormName | undefined => (Object.hasOwn(forms, name) ? (name as FormName) : undefined);

const noSuchForm = (c: Context<PageEnv>) =>
  errorPage(c, { status: 404, title: '未找到', detail: '没有这张表 / no such form' }, { href: '/office/ledgers/disputes', label: '打开附件1' });

const LedgerTable = ({ name, ledger }: { name: FormName; ledger: Ledger }) => {
  const form = forms[name] as (typeof forms)['disputes'];
  const rows = ledger.rows as Parameters<(typeof form.columns)[number]['value']>[0][];
  return (
    <table>
      <thead>
        <tr>
          {form.columns.map((column) => (
            <th>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {form.columns.map((column) => (
              <td>{cellText(column, row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const LedgerPage = (props: { name: FormName; query: string; ledger?: Ledger; problem?: PageProblem }) => {
  const { name, query, ledger, problem } = props;
  const params = new URLSearchParams(query);
  return (
    <>
      <h1>{formTitle(forms[name])}</h1>
      <form class="filters" method="get">
        <label>
          截至 <input type="date" name="asOf" value={params.get('asOf') ?? ''} />
        </label>
        <label>
          社区 <input name="communityId" value={params.get('communityId') ?? ''} size={12} />
        </label>
        <button>查询</button>
        <a href={`/office/exports/${name}?${withFormat(query, 'xlsx')}`}>导出 Excel</a>
        <a href={`/office/exports/${name}?${withFormat(query, 'csv')}`}>导出 CSV</a>
      </form>
      {problem !== undefined && (
        <div class="problem" role="alert">
          <p class="bad">{`${problem.title}：${problem.detail}`}</p>
        </div>
      )}
      {ledger !== undefined && (
        <>
          <p class="muted">{`共 ${ledger.total} 条 · 截至 ${localTime(ledger.asOf)}`}</p>
          <LedgerTable name={name} ledger={ledger} />
        </>
      )}
    </>
  );
};

export const ledgerPages = new Hono<PageEnv>()
  .get('/office/ledgers/:name', async (c) => {
    const name = formNamed(c.req.param('name'));
    if (name === undefined) return noSuchForm(c);
    const query = passOn(c, ['asOf', 'knownAt', 'communityId', 'from', 'to', 'unit', 'leaderId', 'category']);
    const response = await c.var.api(`/api/v1/ledgers/${name}?${query}`);
    // A refusal is shown on the page, under the filters that caused it, so they can be changed.
    if (!response.ok) return render(c, '台账', <LedgerPage name={name} query={query} problem={await readProblem(response)} />);
    const ledger = (await response.json()) as Ledger;
    return render(c, formTitle(forms[name]), <LedgerPage name={name} query={query} ledger={ledger} />);
  })
  .get('/office/exports/:name', async (c) => {
    const name = formNamed(c.req.param('name'));
    if (name === undefined) return noSuchForm(c);
    const query = passOn(c, ['asOf', 'knownAt', 'communityId', 'from', 'to', 'unit', 'leaderId', 'category', 'format']);
    const response = await c.var.api(`/api/v1/ledgers/${name}?${query}`);
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
