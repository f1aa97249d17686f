import { Hono } from 'hono';
import { dayOf, type LocalDate } from '@xinfang/domain';
import { compareLabels, verdictLabels, type Compare, type ComplianceRule, type Kpis } from '@xinfang/projections';
import { mayReadCases } from '../case-access';
import type { Role } from '../roles';
import { dashboardData, type DashboardData, type TrendPeriodFigures } from './dashboard-data';
import { askedRange, defaultRange, type DateRange, type RangeFieldError } from './dashboard-range';
import { daysLeftText, todoCount, todoHeading, type CaseDue, type Todo } from './dashboard-todo';
import { errorPage } from './error-page';
import { kpiTextLines, type KpiTextLine } from '@xinfang/reports';
import { render } from './layout';
import { RangeFields } from './range-fields';
import { localTime } from './local-time';
import { LoginPage } from './login-page';
import type { PageEnv } from './page-env';
import { readProblem } from './problems';
import { TrendChart } from './trend-chart';
import { casePagePath } from './case-path';


/*
 * 工作台 at `/` (issue 10), for every role: the to-do list of the role, every KPI against its target with
 * 达标/未达标 in words, the gap lists behind the targets missed and small trend charts — over a date range
 * that defaults to the month of the store's latest data (dashboard-range.ts). A leader reads no figures
 * (API.md): its 工作台 is the cases it leads that are overdue or due soon. Without a session: the login.
 */

const STYLE = `
.dash section{margin:.6rem 0 1rem}.dash h2{margin:.2rem 0 .4rem}.dash h3{font-size:.95rem;margin:.6rem 0 .3rem}
.dash .cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 1.4rem;align-items:start}
@media (max-width:1000px){.dash .cols{grid-template-columns:minmax(0,1fr)}}
.todo .overdue{color:#b42318;font-weight:600}.todo .soon{color:#8a5a00;font-weight:600}
.kpi td.verdict-met{color:#1a7f37}.kpi td.verdict-unmet{color:#b42318;font-weight:600}.kpi td.verdict-none{color:#57606a}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(272px,1fr));gap:.6rem}
.trend{margin:0;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.4rem .5rem}
.trend figcaption{font-size:.85rem;margin-bottom:.2rem}
details{margin:.3rem 0}summary{cursor:pointer}
@media print{.dash .cols{grid-template-columns:minmax(0,1fr)}details>*{display:block}}
`;

interface Names {
  readonly community: (id: string) => string;
  readonly leader: (id: string) => string;
}

const sameNames: Names = { community: (id) => id, leader: (id) => id };

const unitName = (names: Names, unit: string) => (unit === 'subdistrict' ? '街道' : names.community(unit));

const RangeForm = ({ range, errors, compare }: { range: { from: string; to: string }; errors: readonly RangeFieldError[]; compare: Compare }) => (
  <form class="filters noprint" method="get" action="/">
    <RangeFields range={range} errors={errors} />
    <label>
      对比
      <select name="compare">
        {(Object.keys(compareLabels) as Compare[]).map((value) => (
          <option value={value} selected={value === compare}>
            {compareLabels[value]}
          </option>
        ))}
      </select>
    </label>
    <button>查询</button>
    <a class="button" href="/">默认范围</a>
  </form>
);

/** At most this many cases of each kind on the 工作台; the rest are counted (the case list has them all). */
export const TODO_CASES_SHOWN = 10;

const CaseRows = ({ cases, tone, role, names, summaries }: { cases: readonly CaseDue[]; tone: 'overdue' | 'soon'; role: Role; names: Names; summaries: boolean }) => (
  <>
    {cases.slice(0, TODO_CASES_SHOWN).map((c) => (
      <tr data-todo={tone}>
        <td class={tone}>{tone === 'overdue' ? '超期' : '即将到期'}</td>
        <td>{mayReadCases(role) ? <a href={casePagePath(c.caseId)}>{c.caseId}</a> : c.caseId}</td>
        {summaries && <td>{c.summary ?? ''}</td>}
        <td>{names.community(c.communityId)}</td>
        <td class="nowrap">{c.deadline}</td>
        <td class={`nowrap ${tone}`}>{daysLeftText(c.daysLeft)}</td>
      </tr>
    ))}
    {cases.length > TODO_CASES_SHOWN && (
      <tr>
        <td colspan={summaries ? 6 : 5} class="muted">{`另有 ${cases.length - TODO_CASES_SHOWN} 件${tone === 'overdue' ? '超期' : '即将到期'}事项未列出`}</td>
      </tr>
    )}
  </>
);

/** The missing reports by day: one row a day, the communities that owe it. */
const byDate = <Gap extends { readonly date: string }>(gaps: readonly Gap[]): [string, Gap[]][] => {
  const days = new Map<string, Gap[]>();
  for (const gap of gaps) days.set(gap.date, [...(days.get(gap.date) ?? []), gap]);
  return [...days.entries()];
};

const TodoSection = ({ todo, role, names, asOf }: { todo: Todo; role: Role; names: Names; asOf?: string }) => {
  const summaries = [...todo.overdue, ...todo.dueSoon].some((c) => c.summary !== undefined);
  return (
  <section class="todo" aria-labelledby="todo-title">
    <h2 id="todo-title">
      {todoHeading(role)}
      <span class="muted">{`（共 ${todoCount(todo)} 项${asOf === undefined ? '' : `，截至 ${localTime(asOf)}`}）`}</span>
    </h2>
    {todoCount(todo) === 0 && <p class="ok">暂无待办事项。</p>}
    {todo.overdue.length + todo.dueSoon.length > 0 && (
      <table>
        <caption class="muted" style="text-align:left">{`超期 ${todo.overdue.length} 件（红），3 日内到期 ${todo.dueSoon.length} 件（黄）`}</caption>
        <thead>
          <tr>
            <th>状态</th>
            <th>事项编号</th>
            {summaries && <th>信访事项</th>}
            <th>社区</th>
            <th>化解时限</th>
            <th>剩余</th>
          </tr>
        </thead>
        <tbody>
          <CaseRows cases={todo.overdue} tone="overdue" role={role} names={names} summaries={summaries} />
          <CaseRows cases={todo.dueSoon} tone="soon" role={role} names={names} summaries={summaries} />
        </tbody>
      </table>
    )}
    {todo.missingReports.length > 0 && (
      <>
        <h3>{`未报送的周三、周五排查报告（${todo.missingReports.length} 份）`}</h3>
        <table>
          <thead>
            <tr>
              <th>报送日期</th>
              <th>未报送的社区</th>
            </tr>
          </thead>
          <tbody>
            {byDate(todo.missingReports).map(([date, gaps]) => (
              <tr>
                <td class="nowrap overdue">{date}</td>
                <td>
                  {gaps.map((gap, i) => (
                    <>
                      {i > 0 && '、'}
                      <span data-todo="screening">{names.community(gap.communityId)}</span>
                    </>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    )}
    {todo.unannounced.length > 0 && (
      <>
        <h3>{`未公告的接访安排（${todo.unannounced.length} 周）`}</h3>
        <table>
          <thead>
            <tr>
              <th>单位</th>
              <th>周（自周一）</th>
              <th>应于此日前公告</th>
            </tr>
          </thead>
          <tbody>
            {todo.unannounced.map((gap) => (
              <tr data-todo="announcement">
                <td>{unitName(names, gap.unit)}</td>
                <td class="nowrap">{gap.weekOf}</td>
                <td class="nowrap overdue">{gap.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    )}
  </section>
  );
};

const figureData = (line: KpiTextLine) =>
  'count' in line.figure
    ? { 'data-count': String(line.figure.count) }
    : { 'data-numerator': String(line.figure.numerator), 'data-denominator': String(line.figure.denominator) };

const KpiTable = ({ lines, compare }: { lines: readonly KpiTextLine[]; compare: Compare }) => (
  <section class="kpi" aria-labelledby="kpi-title">
    <h2 id="kpi-title">指标与目标</h2>
    <table>
      <thead>
        <tr>
          <th>指标</th>
          <th>数值</th>
          <th>目标</th>
          <th>结论</th>
          <th>{compareLabels[compare]}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr data-kpi={line.key} {...figureData(line)}>
            <th scope="row">{line.label}</th>
            <td>{line.value}</td>
            <td>{line.target === '' ? '—' : line.target}</td>
            <td class={`verdict-${line.verdict}`}>{line.target === '' ? '—' : verdictLabels[line.verdict]}</td>
            <td data-compared>{line.compared ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

/** One gap list: a rule missed, what is missing, folded (no script: `<details>`). */
const GapList = <Gap,>({ title, rule, head, row }: { title: string; rule: ComplianceRule<Gap>; head: readonly string[]; row: (gap: Gap) => readonly string[] }) =>
  rule.gaps.length === 0 ? null : (
    <details data-gaps={title}>
      <summary>{`${title}：缺 ${rule.gaps.length} 项（应 ${rule.required}，已 ${rule.fulfilled}）`}</summary>
      <table>
        <thead>
          <tr>
            {head.map((h) => (
              <th>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rule.gaps.map((gap) => (
            <tr>
              {row(gap).map((cell) => (
                <td class="nowrap">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );

const GapLists = ({ kpis, names }: { kpis: Kpis; names: Names }) => {
  const r = kpis.receptionCompliance;
  const lists = [
    <GapList title="主要领导每周接访" rule={r.principalWeekly} head={['领导', '周（自周一）']} row={(g) => [names.leader(g.leaderId), g.weekOf]} />,
    <GapList title="街道每个工作日有领导接访" rule={r.dailyDuty} head={['工作日']} row={(g) => [g.date]} />,
    <GapList title="第一网格长每周接访" rule={r.firstGridLeaderWeekly} head={['领导', '周（自周一）']} row={(g) => [names.leader(g.leaderId), g.weekOf]} />,
    <GapList
      title="接访安排提前公告"
      rule={r.announcedAhead}
      head={['单位', '周（自周一）', '应公告日', '实际公告']}
      row={(g) => [unitName(names, g.unit), g.weekOf, g.due, g.announcedAt === null ? '未公告' : localTime(g.announcedAt)]}
    />,
    <GapList title="周三、周五排查报送" rule={kpis.screeningReports} head={['社区', '报送日期']} row={(g) => [names.community(g.communityId), g.date]} />,
  ];
  const missed = [r.principalWeekly, r.dailyDuty, r.firstGridLeaderWeekly, r.announcedAhead, kpis.screeningReports].some((rule) => rule.gaps.length > 0);
  return (
    <section aria-labelledby="gaps-title">
      <h2 id="gaps-title">差距清单</h2>
      {missed ? lists : <p class="ok">接访和排查报送均无差距。</p>}
    </section>
  );
};

const count = (value: number) => String(value);
const percent = (value: number) => `${Math.floor(value * 1000) / 10}%`;

const Trends = ({ trend }: { trend: readonly TrendPeriodFigures[] }) => {
  const series = (pick: (k: Kpis) => number | null) =>
    trend.map((t) => ({ label: t.period.from.slice(5), value: t.kpis === undefined ? null : pick(t.kpis) }));
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">
        趋势<span class="muted">（每段自所标日期起，末段至截止日期；在册积案为每段末的数）</span>
      </h2>
      <div class="trends">
        <TrendChart title="信访总量" points={series((k) => k.volume.total)} format={count} />
        <TrendChart title="来访人次" points={series((k) => k.visits.people)} format={count} />
        <TrendChart title="在册积案" points={series((k) => k.backlog.open)} format={count} />
        <TrendChart title="排查报送率" points={series((k) => k.screeningReports.rate)} format={percent} scaleTop={1} />
      </div>
    </section>
  );
};

interface DashboardProps {
  readonly role: Role;
  readonly data: Exclude<DashboardData, { kind: 'problem' }>;
  /** The range the figures are of. */
  readonly range: DateRange;
  /** What the form shows: the range, or the days asked for when they were refused (`errors`). */
  readonly asked: { from: string; to: string };
  readonly errors: readonly RangeFieldError[];
  /** Set when the range is the default of a store with no recent data: the day of its latest event. */
  readonly latestDataDay: LocalDate | undefined;
  readonly names: Names;
  /** 环比 or 同比, as asked (环比 unless 同比 was chosen). */
  readonly compare: Compare;
}

const Dashboard = ({ role, data, range, asked, errors, latestDataDay, names, compare }: DashboardProps) => (
  <div class="dash">
    <style>{STYLE}</style>
    {data.kind === 'cases' ? (
      <>
        <h1>工作台</h1>
        <p class="muted">领导账号查看本人负责或包案的信访事项；统计指标由信访办、社区和督查账号查看。</p>
        <TodoSection todo={data.todo} role={role} names={names} />
      </>
    ) : (
      <>
        <h1>{`工作台 ${range.from} 至 ${range.to}`}</h1>
        <RangeForm range={asked} errors={errors} compare={compare} />
        {latestDataDay !== undefined && (
          <p class="muted" role="note">{`近期没有新的数据：默认显示库中最近一个月（数据至 ${latestDataDay}）。`}</p>
        )}
        <p class="muted">
          {`数据截至 ${localTime(data.kpis.asOf)}`}
          {data.kpis.communityId !== null && ` · ${names.community(data.kpis.communityId)}`}
          {data.kpis.provisional && ` · 含未公布的节假日安排（${data.kpis.provisionalYears.join('、')} 年），结果暂定`}
        </p>
        <div class="cols">
          <div>
            <TodoSection todo={data.todo} role={role} names={names} asOf={data.kpis.asOf} />
            <GapLists kpis={data.kpis} names={names} />
          </div>
          <div>
            <KpiTable lines={kpiTextLines(data.kpis, data.comparison)} compare={data.comparison.compare} />
            <Trends trend={data.trend} />
          </div>
        </div>
      </>
    )}
  </div>
);

export const dashboardPages = new Hono<PageEnv>().get('/', async (c) => {
  const caller = c.var.pageCaller;
  if (c.var.pageToken === undefined || caller === undefined) return render(c, '登录', <LoginPage />, { nav: false });
  const now = c.var.services.clock.now();
  const today = dayOf(now);
  // The business time of the store's latest event: one fact the read side keeps, no personal data in it.
  const bounds = await c.var.services.worlds.bounds();
  const fallback = defaultRange(today, bounds?.maxOccurredAt);
  const asked = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
  const answer = askedRange(asked, fallback);
  const range: DateRange = answer.ok ? answer.range : fallback;
  const compare: Compare = c.req.query('compare') === 'lastYear' ? 'lastYear' : 'previous';
  const data = await dashboardData(c.var.api, caller.role, range, today, now, compare);
  if (data.kind === 'problem') {
    return errorPage(c, await readProblem(data.response), { href: '/', label: '默认范围' });
  }
  const usedDefault = asked.from === '' && asked.to === '';
  return render(
    c,
    '工作台',
    <Dashboard
      role={caller.role}
      data={data}
      range={range}
      asked={answer.ok ? range : asked}
      errors={answer.ok ? [] : answer.errors}
      latestDataDay={usedDefault && fallback.to !== today ? fallback.to : undefined}
      names={sameNames}
      compare={compare}
    />,
    { status: answer.ok ? 200 : 400 },
  );
});
