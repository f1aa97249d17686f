import { Hono } from 'hono';
import { addDays, dayOf } from '@xinfang/domain';
import { errorPage } from './error-page';
import { render } from './layout';
import { LoginPage } from './login-page';
import type { PageEnv } from './page-env';
import { readProblem } from './problems';

/*
 * 概览 at `/`: the KPIs of a date range (the last 30 days by default), or the login page without a session.
 * (The 工作台 of issue 10 replaces it.)
 */

type Rate = { numerator: number; denominator: number; rate: number | null };

const percent = (rate: Rate) =>
  rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%（${rate.numerator}/${rate.denominator}）`;

const KPI_RATES: readonly [string, string, number | undefined][] = [
  ['firstPetitionOneTimeResolution', '初信初访一次性化解率', 0.99],
  ['timelyAcceptance', '及时受理率', 1],
  ['onTimeResolution', '按期办结率', 1],
  ['satisfaction', '满意率', undefined],
  ['participation', '参评率', undefined],
  ['packageResolution', '包案化解率', 0.85],
];

const Card = ({ label, value, ok }: { label: string; value: string; ok?: boolean | undefined }) => (
  <div class="card">
    <div>{label}</div>
    <b class={ok === undefined ? '' : ok ? 'ok' : 'bad'}>{value}</b>
  </div>
);

const Overview = ({ kpis, from, to }: { kpis: Record<string, unknown>; from: string; to: string }) => {
  const volume = kpis.volume as { total: number };
  const visits = kpis.visits as { batches: number; people: number; collective: number };
  const escalations = kpis.escalations as { total: number; beijing: number; province: number };
  const backlog = kpis.backlog as { open: number; resolution: Rate };
  const incidents = kpis.incidents as { held: boolean };
  const screening = kpis.screeningReports as Rate & { required: number; fulfilled: number };
  return (
    <>
      <h1>{`概览 ${from} 至 ${to}`}</h1>
      <form class="filters" method="get" action="/">
        <label>
          自 <input type="date" name="from" value={from} />
        </label>
        <label>
          至 <input type="date" name="to" value={to} />
        </label>
        <button>查询</button>
      </form>
      <div class="cards">
        <Card label="信访总量" value={String(volume.total)} />
        <Card label="来访批次 / 人次" value={`${visits.batches} / ${visits.people}（集体访 ${visits.collective}）`} />
        <Card
          label="越级上访（到省 / 进京）"
          value={`${escalations.total}（${escalations.province} / ${escalations.beijing}）`}
          ok={escalations.total === 0}
        />
        <Card label="在册积案" value={String(backlog.open)} ok={backlog.open === 0} />
        <Card label="积案化解率" value={percent(backlog.resolution)} />
        <Card
          label="排查报送（周三、五）"
          value={`${screening.fulfilled}/${screening.required}`}
          ok={screening.rate === null || screening.rate >= 1}
        />
        <Card label="三个不发生" value={incidents.held ? '守住' : '已发生事件'} ok={incidents.held} />
        {KPI_RATES.map(([key, label, target]) => {
          const rate = kpis[key] as Rate;
          return <Card label={label} value={percent(rate)} ok={target === undefined || rate.rate === null ? undefined : rate.rate >= target} />;
        })}
      </div>
    </>
  );
};

export const overviewPages = new Hono<PageEnv>().get('/', async (c) => {
  if (c.var.pageToken === undefined) return render(c, '登录', <LoginPage />, { nav: false });
  const today = dayOf(c.var.services.clock.now());
  const from = c.req.query('from') || addDays(today, -29);
  const to = c.req.query('to') || today;
  // The figures as they stood at the end of the window, not today: a past month is read as it closed.
  const asOf = to < today ? to : c.var.services.clock.now();
  const response = await c.var.api(`/api/v1/kpis?${new URLSearchParams({ from, to, asOf }).toString()}`);
  if (!response.ok) return errorPage(c, await readProblem(response), { href: '/', label: '返回概览' });
  return render(c, '概览', <Overview kpis={(await response.json()) as Record<string, unknown>} from={from} to={to} />);
});
