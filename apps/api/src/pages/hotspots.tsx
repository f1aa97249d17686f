import { Hono, type Context } from 'hono';
import { dayOf, matterLinkDecisionLabels } from '@xinfang/domain';
import type { Hotspots } from '@xinfang/projections';
import { CsrfField } from './csrf';
import { asOfRange } from './dashboard-data';
import { askedRange, defaultRange, type DateRange, type RangeFieldError } from './dashboard-range';
import { DoneNotice } from './done-notice';
import { ProblemAlert } from './field-errors';
import { idempotencyHeader, KEY_FIELD, postedText, postedTexts, submissionKey } from './form-values';
import { render, type PageStatus } from './layout';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { RangeFields } from './range-fields';
import { casePagePath } from './case-path';


/*
 * 热点分析 (/office/analysis): where the window's cases come from, beside the window before
 * (`GET /api/v1/analysis/hotspots`), the people who come back, and the cases that may be one matter — each
 * suggestion with 确认 / 排除 for the office (`POST /api/v1/analysis/matter-links`); nothing is merged.
 */

const PATH = '/office/analysis';

const CountTable = ({ caption, head, rows }: { caption: string; head: string; rows: readonly { name: string; count: number; previous: number }[] }) => (
  <table>
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">{head}</th>
        <th scope="col">本期</th>
        <th scope="col">上期</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr>
          <td>{r.name}</td>
          <td>{r.count}</td>
          <td>{r.previous}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

const DecideForm = ({ caseIds, range }: { caseIds: readonly string[]; range: DateRange }) => (
  <form method="post" action={PATH} class="inline-form noprint">
    <CsrfField />
    <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
    <input type="hidden" name="from" value={range.from} />
    <input type="hidden" name="to" value={range.to} />
    {caseIds.map((id) => (
      <input type="hidden" name="caseIds" value={id} />
    ))}
    <button type="submit" name="decision" value="confirmed">
      确认
    </button>{' '}
    <button type="submit" name="decision" value="dismissed">
      排除
    </button>
  </form>
);

const HotspotsPage = (props: {
  range: DateRange;
  asked: { from: string; to: string };
  errors: readonly RangeFieldError[];
  office: boolean;
  hotspots?: Hotspots;
  problem?: PageProblem;
  done?: string;
}) => {
  const h = props.hotspots;
  return (
    <div>
      <h1>热点分析</h1>
      <form class="filters noprint" method="get" action={PATH}>
        <RangeFields range={props.asked} errors={props.errors} />
        <button>查询</button>
      </form>
      <DoneNotice done={props.done} refused={props.problem} />
      <ProblemAlert problem={props.problem} />
      {h !== undefined && (
        <>
          <p>{`${h.from} 至 ${h.to}，上期 ${h.previous.from} 至 ${h.previous.to}。`}</p>
          <CountTable caption="按类别" head="类别" rows={h.byCategory.map((r) => ({ ...r, name: r.label }))} />
          <CountTable caption="按社区" head="社区" rows={h.byCommunity} />
          <CountTable caption="按网格" head="网格" rows={h.byGrid.filter((r) => r.count + r.previous > 0)} />
          <table>
            <caption>按周</caption>
            <thead>
              <tr>
                <th scope="col">周一</th>
                <th scope="col">登记</th>
              </tr>
            </thead>
            <tbody>
              {h.byWeek.map((w) => (
                <tr>
                  <td>{w.weekOf}</td>
                  <td>{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>反复来访的信访人</h2>
          {h.repeatPetitioners.length === 0 ? (
            <p>无。</p>
          ) : (
            <ul>
              {h.repeatPetitioners.map((r) => (
                <li>{`${r.petitioner.name}：${r.caseIds.join('、')}`}</li>
              ))}
            </ul>
          )}
          <h2>疑似同一事项（串访、联访）</h2>
          {h.sameMatter.length === 0 ? (
            <p>无。</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">事项</th>
                  <th scope="col">相似度</th>
                  <th scope="col">状态</th>
                  {props.office && <th scope="col">处理</th>}
                </tr>
              </thead>
              <tbody>
                {h.sameMatter.map((m) => (
                  <tr data-matter={m.id}>
                    <td>
                      {m.caseIds.map((id, i) => (
                        <>
                          {i > 0 && '、'}
                          <a href={casePagePath(id)}>{id}</a>
                        </>
                      ))}
                    </td>
                    <td>{m.similarity.toFixed(2)}</td>
                    <td>{m.status === 'confirmed' ? matterLinkDecisionLabels.confirmed : '待核实'}</td>
                    {props.office && <td>{m.status === 'suggested' && <DecideForm caseIds={m.caseIds} range={props.range} />}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
};

const rangeOf = async (c: Context<PageEnv>, asked: { from: string; to: string }) => {
  const now = c.var.services.clock.now();
  const bounds = await c.var.services.worlds.bounds();
  const answer = askedRange(asked, defaultRange(dayOf(now), bounds?.maxOccurredAt));
  return answer.ok ? { range: answer.range, asked: answer.range, errors: [] } : { range: defaultRange(dayOf(now), bounds?.maxOccurredAt), asked, errors: answer.errors };
};

const show = async (c: Context<PageEnv>, asked: { from: string; to: string }, refused?: PageProblem) => {
  const { range, asked: shown, errors } = await rangeOf(c, asked);
  const now = c.var.services.clock.now();
  const office = c.var.pageCaller?.role.kind === 'office';
  const props = { range, asked: shown, errors, office, done: c.req.query('done') };
  if (errors.length > 0) return render(c, '热点分析', <HotspotsPage {...props} />, { status: 400 });
  const query = new URLSearchParams({ ...range, asOf: asOfRange(range, dayOf(now), now) }).toString();
  const response = await c.var.api(`/api/v1/analysis/hotspots?${query}`);
  if (!response.ok) return render(c, '热点分析', <HotspotsPage {...props} problem={await readProblem(response)} />, { status: response.status as PageStatus });
  const hotspots = (await response.json()) as Hotspots;
  return render(c, '热点分析', <HotspotsPage {...props} hotspots={hotspots} {...(refused === undefined ? {} : { problem: refused })} />, refused === undefined ? {} : { status: 422 });
};

export const hotspotPages = new Hono<PageEnv>()
  .get(PATH, (c) => show(c, { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' }))
  .post(PATH, async (c) => {
    const posted = await c.req.parseBody({ all: true });
    const asked = { from: postedText(posted, 'from'), to: postedText(posted, 'to') };
    const response = await c.var.api('/api/v1/analysis/matter-links', {
      method: 'POST',
      body: { caseIds: postedTexts(posted['caseIds']), decision: postedText(posted, 'decision'), at: c.var.services.clock.now() },
      headers: idempotencyHeader(posted),
    });
    if (response.ok) {
      const done = postedText(posted, 'decision') === 'confirmed' ? matterLinkDecisionLabels.confirmed : matterLinkDecisionLabels.dismissed;
      return c.redirect(`${PATH}?${new URLSearchParams({ ...asked, done }).toString()}`, 303);
    }
    return show(c, asked, await readProblem(response));
  });
