import { Hono, type Context } from 'hono';
import { addDays, dayOf, isLocalDate, type LocalDate } from '@xinfang/domain';
import { previousReportDay } from '@xinfang/projections';
import { mayReport } from '../routes/screening-reports';
import { CsrfField } from './csrf';
import { DoneNotice } from './done-notice';
import { errorPage } from './error-page';
import { FieldErrors, OtherErrors, ProblemAlert } from './field-errors';
import { idempotencyHeader, KEY_FIELD, postedTexts, submissionKey } from './form-values';
import { render } from './layout';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { casePagePath } from './case-path';


/*
 * 排查报送: a community's Wednesday/Friday screening report, or its nil report (零报告). The page shows the
 * report as the API works it out for that day (GET /reports/screening: the cases found by screening since
 * the previous report day, and every one still unresolved), the new ones ticked; the community sends the
 * ticked cases, or says there is nothing. Posted as POST /screening-reports with the browser's token.
 */

const PATH = '/office/register/screening';
export const SCREENING_FORM_TITLE = '排查报送';

interface ReportRow {
  readonly caseId: string;
  readonly summary: string;
  readonly category: string;
  readonly registeredAt: string;
  readonly newSincePreviousReport: boolean;
}

interface Report {
  readonly community: string;
  readonly date: LocalDate;
  readonly previousReportDate: LocalDate;
  readonly submitted: { readonly nil: boolean; readonly caseIds: readonly string[] } | null;
  readonly rows: readonly ReportRow[];
}

/** The latest report day (a working Wednesday or Friday) up to and including `today`. */
const latestReportDay = (today: LocalDate): LocalDate => previousReportDay(addDays(today, 1));

const SHOWN = ['communityId', 'reportDate', 'caseIds', 'nil'];

const ReportForm = (props: {
  communities: readonly { communityId: string; name: string }[];
  communityId: string;
  date: LocalDate;
  report: Report | undefined;
  problem?: PageProblem | undefined;
  typed?: { caseIds: readonly string[]; nil: boolean } | undefined;
}) => {
  const { report, problem } = props;
  const ticked = (row: ReportRow) => (props.typed === undefined ? row.newSincePreviousReport : props.typed.caseIds.includes(row.caseId));
  const nilTicked = props.typed === undefined ? report !== undefined && !report.rows.some((row) => row.newSincePreviousReport) : props.typed.nil;
  return (
    <>
      <form method="get" action={PATH} class="filters noprint">
        <label for="screening-community">
          社区
          <select id="screening-community" name="communityId">
            {props.communities.map((cm) => (
              <option value={cm.communityId} selected={cm.communityId === props.communityId}>
                {cm.name}
              </option>
            ))}
          </select>
        </label>
        <label for="screening-date">
          报送日（周三、周五）
          <input id="screening-date" name="reportDate" type="date" value={props.date} required />
        </label>
        <button type="submit">查看</button>
      </form>
      {report === undefined ? null : report.submitted !== null ? (
        <p class="ok" role="status">
          {report.community} {report.date} 已报送：{report.submitted.nil ? '零报告' : `${report.submitted.caseIds.length} 件（${report.submitted.caseIds.join('、')}）`}
        </p>
      ) : (
        <form method="post" action={PATH} id="screening-form" class="register-form">
          <CsrfField />
          <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
          <input type="hidden" name="communityId" value={props.communityId} />
          <input type="hidden" name="reportDate" value={props.date} />
          <ProblemAlert problem={problem} />
          <OtherErrors problem={problem} shown={SHOWN} />
          <FieldErrors problem={problem} path="communityId" />
          <FieldErrors problem={problem} path="reportDate" />
          <fieldset>
            <legend>
              {report.community} {report.date} 报送事项（上次报送日 {report.previousReportDate} 以来排查发现的事项已勾选）
            </legend>
            {report.rows.length === 0 ? (
              <p class="muted">本期没有排查发现或未化解的事项。</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">报送</th>
                    <th scope="col">事项编号</th>
                    <th scope="col">基本情况</th>
                    <th scope="col">新增</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rows.map((row) => (
                    <tr>
                      <td>
                        <input type="checkbox" name="caseIds" value={row.caseId} id={`case-${row.caseId}`} checked={ticked(row)} aria-label={`报送 ${row.caseId}`} />
                      </td>
                      <td>
                        <a href={casePagePath(row.caseId)}>{row.caseId}</a>
                      </td>
                      <td>{row.summary}</td>
                      <td>{row.newSincePreviousReport ? '是' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <FieldErrors problem={problem} path="caseIds" />
            <p>
              <label for="screening-nil" class="inline">
                <span>
                  <input type="checkbox" id="screening-nil" name="nil" value="on" checked={nilTicked} /> 本期无新发现的矛盾纠纷（零报告）
                </span>
              </label>
              <FieldErrors problem={problem} path="nil" />
            </p>
          </fieldset>
          <button type="submit">报送</button>
        </form>
      )}
    </>
  );
};

const show = async (
  c: Context<PageEnv>,
  choice: { communityId?: string | undefined; date?: string | undefined },
  refused?: { problem: PageProblem; typed: { caseIds: readonly string[]; nil: boolean } },
) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const role = caller.role;
  if (!mayReport(role)) return errorPage(c, { status: 403, title: '无权访问', detail: '此账号不能报送排查报告' }, { href: '/', label: '返回工作台' });
  const all = await c.var.api('/api/v1/communities');
  const listed = all.ok ? ((await all.json()) as { rows: { communityId: string; name: string }[] }).rows : [];
  const communities = role.kind === 'community' ? listed.filter((cm) => cm.communityId === role.communityId) : listed;
  const communityId = role.kind === 'community' ? role.communityId : (choice.communityId ?? communities[0]?.communityId ?? '');
  const date = choice.date !== undefined && isLocalDate(choice.date) ? choice.date : latestReportDay(dayOf(c.var.services.clock.now()));
  let report: Report | undefined;
  if (communityId !== '') {
    const response = await c.var.api(`/api/v1/reports/screening?${new URLSearchParams({ communityId, date }).toString()}`);
    if (!response.ok) return errorPage(c, await readProblem(response), { href: PATH, label: '返回排查报送' });
    report = (await response.json()) as Report;
  }
  const done = c.req.query('done');
  const body = (
    <>
      <h1>{SCREENING_FORM_TITLE}</h1>
      <DoneNotice done={done} refused={refused} />
      <ReportForm communities={communities} communityId={communityId} date={date} report={report} problem={refused?.problem} typed={refused?.typed} />
    </>
  );
  return render(c, SCREENING_FORM_TITLE, body, refused === undefined ? {} : { status: refused.problem.status === 403 ? 403 : 422 });
};

const texts = postedTexts;

export const screeningFormPages = new Hono<PageEnv>()
  .get(PATH, (c) => show(c, { communityId: c.req.query('communityId'), date: c.req.query('reportDate') }))
  .post(PATH, async (c) => {
    const posted = await c.req.parseBody({ all: true });
    const [communityId = ''] = texts(posted.communityId);
    const [reportDate = ''] = texts(posted.reportDate);
    const typed = { caseIds: texts(posted.caseIds), nil: texts(posted.nil).includes('on') };
    const response = await c.var.api('/api/v1/screening-reports', {
      method: 'POST',
      body: { communityId, reportDate, caseIds: typed.caseIds, nil: typed.nil },
      headers: idempotencyHeader({ _key: texts(posted[KEY_FIELD])[0] }),
    });
    const back = new URLSearchParams({ communityId, reportDate });
    if (response.ok) {
      back.set('done', typed.nil ? '零报告' : `报送 ${typed.caseIds.length} 件`);
      return c.redirect(`${PATH}?${back.toString()}`, 303);
    }
    return show(c, { communityId, date: reportDate }, { problem: await readProblem(response), typed });
  });
