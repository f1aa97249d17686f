import { Hono, type Context } from 'hono';
import { dayOf } from '@xinfang/domain';
import { cellText, formTitle, ledgerNamed, type Column, type LedgerEntry } from '@xinfang/reports';
import { defaultRange } from './dashboard-range';
import { errorPage } from './error-page';
import { render } from './layout';
import { LedgerFilters, type Choices, type FilterValues } from './ledger-filters';
import { sortOrderOf, sortRows, type SortOrder } from './ledger-sort';
import { localDay, localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { casePagePath } from './case-path';


/*
 * 台账: the four official forms as pages (/office/ledgers/{name}) and their exports (/office/exports/{name}),
 * asked of the API with the browser's token. Filters come from the ledger table (@xinfang/reports), with
 * communities and leaders chosen by name; 50 rows a page in the form's order, or sorted by a column (then
 * the page sorts the whole ledger, keeping each row's 序号); every row of a case links to its case page.
 * Printed (Ctrl+P), the page is the official form on A4 landscape: title, 填报单位 and 截至, the table —
 * no menu, filters or pager; "打印全表" opens every row on one page for that.
 */

export const PAGE_SIZE = 50;

type Row = Record<string, unknown> & { readonly seq?: number; readonly caseId?: string };
type Ledger = { total: number; rows: Row[]; asOf: string };

/** The page's query: the filters the ledger takes, as asked (empty ones left out). */
const filterValues = (c: Context<PageEnv>, entry: LedgerEntry): FilterValues => {
  const values: FilterValues = {};
  for (const name of ['asOf', 'knownAt', ...entry.filters] as const) {
    const value = c.req.query(name);
    if (value !== undefined && value !== '') values[name] = value;
  }
  return values;
};

/** The form's columns, reading the rows as the API sent them (JSON of that ledger's rows). */
const columnsOf = (entry: LedgerEntry): readonly Column<Row>[] => entry.form.columns as unknown as readonly Column<Row>[];

const searchOf = (values: Record<string, string | undefined>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, value);
  return params.toString();
};

const withQuery = (path: string, query: string) => (query === '' ? path : `${path}?${query}`);

/** The ledger not found: a 404 with a way to the forms that exist. */
const noSuchForm = (c: Context<PageEnv>) =>
  errorPage(c, { status: 404, title: '未找到', detail: '没有这张表 / no such form' }, { href: '/office/ledgers/disputes', label: '打开附件1' });

/** The lists a filter form chooses from; undefined when the API answers none (then the id is typed). */
const choicesFor = async (c: Context<PageEnv>, entry: LedgerEntry): Promise<Choices> => {
  const list = async <T,>(wanted: boolean, path: string): Promise<T[] | undefined> => {
    if (!wanted) return undefined;
    const response = await c.var.api(path);
    return response.ok ? ((await response.json()) as { rows: T[] }).rows : undefined;
  };
  const [communities, leaders] = await Promise.all([
    list<NonNullable<Choices['communities']>[number]>(entry.filters.includes('communityId') || entry.filters.includes('unit'), '/api/v1/communities'),
    list<NonNullable<Choices['leaders']>[number]>(entry.filters.includes('leaderId'), '/api/v1/leaders'),
  ]);
  const role = c.var.pageCaller?.role;
  // A community user reads its own community's ledgers only: offer no other.
  const own = role?.kind === 'community' ? communities?.filter((x) => x.communityId === role.communityId) : communities;
  return { communities: own, leaders };
};

const LedgerTable = ({ entry, rows }: { entry: LedgerEntry; rows: readonly Row[] }) => {
  const columns = columnsOf(entry);
  return (
    <table>
      <thead>
        <tr>
          {columns.map((column) => (
            <th>{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((column, i) =>
              // The first cell of a case's row (its 序号) opens the case.
              i === 0 && typeof row.caseId === 'string' ? (
                <td>
                  <a href={casePagePath(row.caseId)} title={`打开案件 ${row.caseId}`}>
                    {cellText(column, row)}
                  </a>
                </td>
              ) : (
                <td class={column.kind === 'text' ? undefined : 'nowrap'}>{cellText(column, row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const Pager = (props: { path: string; query: Record<string, string | undefined>; page: number; pages: number }) => {
  const { path, query, page, pages } = props;
  const link = (to: number) => withQuery(path, searchOf({ ...query, page: to === 1 ? undefined : String(to) }));
  return (
    <nav class="pager" aria-label="分页">
      {page > 1 ? <a href={link(page - 1)}>上一页</a> : <span class="muted">上一页</span>}
      <span>{`第 ${page} / ${pages} 页`}</span>
      {page < pages ? <a href={link(page + 1)}>下一页</a> : <span class="muted">下一页</span>}
    </nav>
  );
};

interface LedgerPageProps {
  readonly entry: LedgerEntry;
  readonly values: FilterValues;
  readonly choices: Choices;
  readonly sort: SortOrder | undefined;
  readonly page: number;
  readonly all: boolean;
  readonly ledger?: { readonly total: number; readonly asOf: string; readonly rows: readonly Row[] };
  readonly problem?: PageProblem;
  /** The 截至 the page chose, not asked: the last day of a past campaign. */
  readonly pastCampaign?: string | undefined;
}

const LedgerPage = (props: LedgerPageProps) => {
  const { entry, values, choices, sort, page, all, ledger, problem, pastCampaign } = props;
  const path = `/office/ledgers/${entry.name}`;
  const shownQuery = { ...values, sort: sort === undefined ? undefined : `${sort.descending ? '-' : ''}${sort.header}` };
  const pages = ledger === undefined || all ? 1 : Math.max(1, Math.ceil(ledger.total / PAGE_SIZE));
  const community = choices.communities?.find((x) => x.communityId === (values.communityId ?? values.unit));
  return (
    <>
      <h1 class="form-title">{formTitle(entry.form)}</h1>
      <LedgerFilters entry={entry} values={values} choices={choices} sort={sort} />
      {pastCampaign !== undefined && (
        <p class="muted noprint">{`本月没有新数据，默认显示截至最近一条数据之日（${pastCampaign}）的台账；可改“截至”查看其他日期。`}</p>
      )}
      <p class="noprint actions">
        <a class="button" href={withQuery(`/office/exports/${entry.name}`, searchOf({ ...values, format: 'xlsx' }))}>
          导出 Excel
        </a>{' '}
        <a class="button" href={withQuery(`/office/exports/${entry.name}`, searchOf({ ...values, format: 'csv' }))}>
          导出 CSV
        </a>{' '}
        <a class="button" href={withQuery(path, searchOf({ ...shownQuery, all: '1' }))}>
          打印全表
        </a>
        {all && <span class="muted">{' 全部行已显示：按 Ctrl+P 打印（A4 横向）'}</span>}
      </p>
      {problem !== undefined && (
        <div class="problem" role="alert">
          <p class="bad">{`${problem.title}：${problem.detail}`}</p>
          <p>
            <a href={path}>清除筛选</a>
          </p>
        </div>
      )}
      {ledger !== undefined && (
        <>
          <p class="form-subtitle print-only">
            {community !== undefined && <span>{`填报单位：${community.name}\u3000`}</span>}
            <span>{`截至：${localDay(ledger.asOf)}`}</span>
          </p>
          <p class="muted noprint">{`共 ${ledger.total} 条 · 截至 ${localTime(ledger.asOf)}`}</p>
          <LedgerTable entry={entry} rows={ledger.rows} />
          {pages > 1 && <Pager path={path} query={shownQuery} page={page} pages={pages} />}
        </>
      )}
    </>
  );
};

/**
 * The day a ledger opens on when no 截至 is asked: today — unless the store holds no event of this month
 * (a past campaign, as the demo's of 2024): then the day of its latest event, as 工作台 opens on it, not a
 * today at which every case of the campaign is long overdue.
 */
const campaignDay = async (c: Context<PageEnv>): Promise<string | undefined> => {
  const today = dayOf(c.var.services.clock.now());
  const bounds = await c.var.services.worlds.bounds();
  const { to } = defaultRange(today, bounds?.maxOccurredAt);
  return to === today ? undefined : to;
};

const pageNumber = (text: string | undefined): number => {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : 1;
};

export const ledgerPages = new Hono<PageEnv>()
  .get('/office/ledgers/:name', async (c) => {
    const entry = ledgerNamed(c.req.param('name'));
    if (entry === undefined) return noSuchForm(c);
    const asked = filterValues(c, entry);
    const pastCampaign = asked.asOf === undefined ? await campaignDay(c) : undefined;
    const values: FilterValues = pastCampaign === undefined ? asked : { ...asked, asOf: pastCampaign };
    const sort = sortOrderOf(c.req.query('sort'), columnsOf(entry));
    const all = c.req.query('all') === '1';
    const page = all ? 1 : pageNumber(c.req.query('page'));
    // Unsorted, the API pages the form; sorted (or all of it), the page needs every row.
    const paging = sort === undefined && !all ? { limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) } : {};
    const [response, choices] = await Promise.all([
      c.var.api(withQuery(`/api/v1/ledgers/${entry.name}`, searchOf({ ...values, ...paging }))),
      choicesFor(c, entry),
    ]);
    const props = { entry, values, choices, sort, page, all, pastCampaign };
    // A refusal is shown on the page, under the filters that caused it, so they can be changed.
    if (!response.ok) return render(c, '台账', <LedgerPage {...props} problem={await readProblem(response)} />);
    const ledger = (await response.json()) as Ledger;
    const rows =
      sort === undefined ? ledger.rows : sortRows(ledger.rows, columnsOf(entry), sort).slice(...(all ? [] : [(page - 1) * PAGE_SIZE, page * PAGE_SIZE]));
    return render(c, formTitle(entry.form), <LedgerPage {...props} ledger={{ total: ledger.total, asOf: ledger.asOf, rows }} />);
  })
  .get('/office/exports/:name', async (c) => {
    const entry = ledgerNamed(c.req.param('name'));
    if (entry === undefined) return noSuchForm(c);
    const format = c.req.query('format');
    const values = filterValues(c, entry);
    const response = await c.var.api(
      withQuery(`/api/v1/ledgers/${entry.name}`, searchOf({ ...values, format: format === 'csv' || format === 'xlsx' ? format : undefined })),
    );
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
