import { Hono, type Context } from 'hono';
import { backlogReasonLabels, categoryLabels, originLabels } from '@xinfang/domain';
import { caseLedgerStatusLabels as STATUS_LABELS, DEADLINE_WARNING_DAYS } from '@xinfang/projections';
import type { Role } from '../roles';
import { render } from './layout';
import { localDay, localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { casePagePath } from './case-path';


/*
 * 信访事项 at /office/cases: GET /cases with the browser's token — search, filters, sorting and 50 rows a
 * page; each row links to its case page. A community sees its own community's cases, a leader the cases it
 * leads (我的事项): the API scopes the list, the page only leaves out the choices the role cannot use.
 */

export const CASES_PAGE_SIZE = 50;

/** The list's filters the page passes on (API.md's GET /cases); anything else in the address is dropped. */
const FILTERS = ['q', 'status', 'communityId', 'category', 'origin', 'leaderId', 'due', 'backlog', 'from', 'to', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
type Values = Partial<Record<Filter, string>>;

const DUE_LABELS = { overdue: '已超期', soon: `${DEADLINE_WARNING_DAYS} 日内到期` } as const;
const SORT_LABELS = { '-registeredAt': '登记时间（新→旧）', registeredAt: '登记时间（旧→新）', deadline: '化解时限（近→远）' } as const;

interface Row {
  readonly caseId: string;
  readonly summary: string;
  readonly communityId: string;
  readonly category: string;
  readonly origin: string;
  readonly status: string;
  readonly registeredAt: string;
  readonly deadline: string | null;
  readonly daysLeft: number | null;
  readonly backlogReasons: readonly string[];
  readonly petitioners: readonly { readonly personId: string; readonly name?: string }[];
}

const label = (labels: Readonly<Record<string, string>>, key: string): string => labels[key] ?? key;

const valuesOf = (c: Context<PageEnv>): Values => {
  const values: Values = {};
  for (const name of FILTERS) {
    const value = c.req.query(name)?.trim();
    if (value !== undefined && value !== '') values[name] = value;
  }
  return values;
};

const search = (values: Readonly<Record<string, string | undefined>>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const Select = (props: { name: Filter; label: string; value: string | undefined; options: readonly (readonly [string, string])[]; all?: string }) => (
  <label>
    {props.label}
    <select name={props.name}>
      {props.all !== undefined && <option value="">{props.all}</option>}
      {props.options.map(([value, text]) => (
        <option value={value} selected={value === props.value}>
          {text}
        </option>
      ))}
    </select>
  </label>
);

const pairs = (labels: Readonly<Record<string, string>>) => Object.entries(labels);

interface Choices {
  readonly communities: readonly { communityId: string; name: string }[];
  readonly leaders: readonly { leaderId: string; name: string; position: string }[];
}

const Filters = ({ values, choices, role }: { values: Values; choices: Choices; role: Role }) => (
  <form method="get" action="/office/cases" class="filters">
    <label>
      搜索
      <input type="search" name="q" value={values.q ?? ''} placeholder="编号、事项或诉求" size={16} />
    </label>
    <Select name="status" label="状态" value={values.status} options={pairs(STATUS_LABELS)} all="全部" />
    {role.kind !== 'community' && (
      <Select name="communityId" label="社区" value={values.communityId} options={choices.communities.map((x) => [x.communityId, x.name] as const)} all="全部社区" />
    )}
    <Select name="category" label="类别" value={values.category} options={pairs(categoryLabels)} all="全部" />
    <Select name="origin" label="来源" value={values.origin} options={pairs(originLabels)} all="全部" />
    {role.kind !== 'leader' && (
      <Select
        name="leaderId"
        label="责任/包案领导"
        value={values.leaderId}
        options={choices.leaders.map((l) => [l.leaderId, `${l.name}（${l.position}）`] as const)}
        all="全部领导"
      />
    )}
    <Select name="due" label="时限" value={values.due} options={pairs(DUE_LABELS)} all="全部" />
    <label>
      积案
      <select name="backlog">
        <option value="">全部</option>
        <option value="true" selected={values.backlog === 'true'}>
          仅积案
        </option>
      </select>
    </label>
    <label>
      登记日期自
      <input type="date" name="from" value={values.from ?? ''} />
    </label>
    <label>
      至
      <input type="date" name="to" value={values.to ?? ''} />
    </label>
    <Select name="sort" label="排序" value={values.sort} options={pairs(SORT_LABELS)} />
    <button type="submit">查询</button>
    <a class="button" href="/office/cases">
      清除筛选
    </a>
  </form>
);

const daysLeftText = (row: Row): string => {
  if (row.daysLeft === null || row.status === 'resolved' || row.status === 'closed') return '';
  return row.daysLeft < 0 ? `超期 ${-row.daysLeft} 日` : `剩 ${row.daysLeft} 日`;
};

const CaseTable = ({ rows, communities }: { rows: readonly Row[]; communities: ReadonlyMap<string, string> }) => (
  <table class="case-list">
    <thead>
      <tr>
        <th>编号</th>
        <th>登记时间</th>
        <th>信访人</th>
        <th>信访事项</th>
        <th>社区</th>
        <th>类别</th>
        <th>来源</th>
        <th>状态</th>
        <th>化解时限</th>
        <th>积案原因</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((row) => (
        <tr>
          <td class="nowrap">
            <a href={casePagePath(row.caseId)}>{row.caseId}</a>
          </td>
          <td class="nowrap">{localTime(row.registeredAt)}</td>
          <td>{row.petitioners.map((p) => p.name ?? p.personId).join('、')}</td>
          <td>{row.summary}</td>
          <td class="nowrap">{communities.get(row.communityId) ?? row.communityId}</td>
          <td class="nowrap">{label(categoryLabels, row.category)}</td>
          <td class="nowrap">{label(originLabels, row.origin)}</td>
          <td class="nowrap">{label(STATUS_LABELS, row.status)}</td>
          <td class={row.daysLeft !== null && row.daysLeft < 0 && daysLeftText(row) !== '' ? 'nowrap bad' : 'nowrap'}>
            {row.deadline === null ? '—' : localDay(row.deadline)} {daysLeftText(row)}
          </td>
          <td>{row.backlogReasons.map((r) => label(backlogReasonLabels, r)).join('、')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const headingOf = (role: Role, communities: ReadonlyMap<string, string>): string => {
  if (role.kind === 'leader') return '我的事项（本人负责或包案）';
  if (role.kind === 'community') return `${communities.get(role.communityId) ?? role.communityId}的信访事项`;
  return '信访事项';
};

const listOf = async <T,>(c: Context<PageEnv>, path: string): Promise<T[]> => {
  const response = await c.var.api(path);
  return response.ok ? ((await response.json()) as { rows: T[] }).rows : [];
};

export const caseListPages = new Hono<PageEnv>().get('/office/cases', async (c) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const values = valuesOf(c);
  const page = Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1);
  const offset = (page - 1) * CASES_PAGE_SIZE;
  const [response, communities, leaders] = await Promise.all([
    c.var.api(`/api/v1/cases${search({ ...values, limit: String(CASES_PAGE_SIZE), offset: String(offset) })}`),
    listOf<Choices['communities'][number]>(c, '/api/v1/communities'),
    listOf<Choices['leaders'][number]>(c, '/api/v1/leaders'),
  ]);
  const names = new Map(communities.map((x) => [x.communityId, x.name]));
  const problem: PageProblem | undefined = response.ok ? undefined : await readProblem(response);
  const answer = response.ok ? ((await response.json()) as { total: number; rows: Row[] }) : { total: 0, rows: [] };
  const pages = Math.max(1, Math.ceil(answer.total / CASES_PAGE_SIZE));
  const body = (
    <>
      <h1>{headingOf(caller.role, names)}</h1>
      <Filters values={values} choices={{ communities, leaders }} role={caller.role} />
      {problem !== undefined ? (
        <div class="problem" role="alert">
          <p class="bad">
            {problem.title}
            {problem.detail === '' ? '' : `：${problem.detail}`}
          </p>
          {[...problem.fieldErrors].map(([path, messages]) => (
            <p class="field-error">
              {path}：{messages.join('；')}
            </p>
          ))}
          <a href="/office/cases">清除筛选</a>
        </div>
      ) : (
        <>
          <p class="muted">共 {answer.total} 件</p>
          {answer.rows.length > 0 && <CaseTable rows={answer.rows} communities={names} />}
          <div class="pager">
            {page > 1 && <a href={`/office/cases${search({ ...values, page: String(page - 1) })}`}>上一页</a>}
            <span>
              第 {page} 页，共 {pages} 页
            </span>
            {page < pages && <a href={`/office/cases${search({ ...values, page: String(page + 1) })}`}>下一页</a>}
          </div>
        </>
      )}
    </>
  );
  return render(c, headingOf(caller.role, names), body, { status: problem === undefined ? 200 : problem.status === 403 ? 403 : 400 });
});
