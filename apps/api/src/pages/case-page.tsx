import { Hono, type Context } from 'hono';
import { acceptanceDecisionLabels, caseCommandSegments, categoryLabels, originLabels } from '@xinfang/domain';
import { mayReadPersons } from '../routes/person-queries';
import { idempotencyHeader, instantOfLocal, postedText, submissionKey } from './form-values';
import { mayGiveReceipt } from '../case-access';
import { NoticeForms, ReceiptForm } from './notice-forms';
import { REGISTER_CASE_TITLE } from './register-case';
import { REGISTER_VISIT_TITLE } from './register-visit';
import { ActionForm, actionBody, actionHeaders, actionTitle } from './case-action-forms';
import { casePageData, type CaseFile } from './case-page-data';
import { errorPage } from './error-page';
import { casePagePath } from './case-path';
import { render, type PageStatus } from './layout';
import { localDay, localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 一案一册 at /office/cases/{id}: the case file as the role may read it (masked as the API masks it), its
 * timeline, and as forms exactly the actions the role may take on it now. A form posts to
 * /office/cases/{id}/{segment}, which calls the API's POST; on a refusal the page is shown again with the
 * API's field errors beside the fields and what was typed kept — nothing written.
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: unknown): string =>
  typeof key !== 'string' ? '' : key in labels ? labels[key as K] : key;

/** 化解状态 of the forms, by the lifecycle state of DESIGN.md. */
const STATE_LABELS = {
  registered: '已登记（待受理）',
  accepted: '已受理（待交办）',
  inProgress: '办理中',
  resolved: '已化解',
  closed: '已息诉息访',
  rejected: acceptanceDecisionLabels.rejected,
} as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const Summary = ({ file }: { file: CaseFile }) => {
  const backlog = file['backlog'] as { inBacklog?: boolean } | undefined;
  return (
    <table class="case-summary">
      <tbody>
        <tr>
          <th>状态</th>
          <td>{label(STATE_LABELS, file.state)}</td>
          <th>化解时限</th>
          <td class="nowrap">{text(file['deadline']) === '' ? '—' : localDay(text(file['deadline']))}</td>
          <th>积案</th>
          <td>{backlog?.inBacklog === true ? '是' : '否'}</td>
        </tr>
        <tr>
          <th>来源</th>
          <td>{label(originLabels, file['origin'])}</td>
          <th>所属社区</th>
          <td>{text(file['community']) || text(file['communityId'])}</td>
          <th>类别</th>
          <td>{label(categoryLabels, file['category'])}</td>
        </tr>
        <tr>
          <th>登记时间</th>
          <td class="nowrap">{localTime(text(file['registeredAt']))}</td>
          <th>信访事项</th>
          <td colspan={3}>{text(file['summary'])}</td>
        </tr>
        <tr>
          <th>诉求</th>
          <td colspan={5}>{text(file['demands']) || '—'}</td>
        </tr>
      </tbody>
    </table>
  );
};

const Petitioners = ({ file, linked }: { file: CaseFile; linked: boolean }) => (
  <table class="petitioners">
    <thead>
      <tr>
        <th>信访人</th>
        <th>身份证号</th>
        <th>电话</th>
        <th>住址</th>
      </tr>
    </thead>
    <tbody>
      {(file.petitioners ?? []).map((p) => (
        <tr>
          <td>
            {linked ? <a href={`/office/persons/${encodeURIComponent(p.personId)}`}>{text(p.name) || p.personId}</a> : text(p.name) || p.personId}
          </td>
          <td class="nowrap">{text(p['idNumber']) || '—'}</td>
          <td class="nowrap">{text(p['phone']) || '—'}</td>
          <td>{text(p['address']) || '—'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** A refusal of the form just posted: which form, what was typed, what the API said. */
interface Refusal {
  readonly segment: string;
  readonly typed: Readonly<Record<string, unknown>>;
  readonly problem: PageProblem;
}

const showCase = async (c: Context<PageEnv>, caseId: string, refusal?: Refusal): Promise<Response> => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const now = c.var.services.clock.now();
  const data = await casePageData((path) => c.var.api(path), caller.role, caseId, now);
  if (data.kind === 'refused') return errorPage(c, await readProblem(data.response), { href: '/office/cases', label: '返回事项列表' });
  const { file, timeline, actions, leaders, state } = data;
  const done = c.req.query('done');
  const ownLeaderId = caller.role.kind === 'leader' ? caller.role.leaderId : undefined;
  const body = (
    <>
      <h1>
        信访事项 {file.caseId} <span class="muted">第 {file.revision} 版</span>
      </h1>
      {done !== undefined && refusal === undefined && (
        <p class="ok" role="status">
          已提交：{done}
        </p>
      )}
      {refusal === undefined && (done === REGISTER_CASE_TITLE || done === REGISTER_VISIT_TITLE) && mayGiveReceipt(caller.role, state) && (
        <div class="noprint">
          <p>请为信访人出具登记回执（附查询码），信访人凭码查询办理进度：</p>
          <ReceiptForm caseId={file.caseId} id="form-receipt-registered" />
        </div>
      )}
      <Summary file={file} />
      <h2>信访人</h2>
      <Petitioners file={file} linked={mayReadPersons(caller.role)} />
      <h2>办理经过</h2>
      <table class="timeline">
        <thead>
          <tr>
            <th>#</th>
            <th>发生时间</th>
            <th>录入时间</th>
            <th>录入人</th>
            <th>事项</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {timeline.map((line) => (
            <tr>
              <td>{line.revision}</td>
              <td class="nowrap">{line.happenedAt}</td>
              <td class="nowrap">{line.recordedAt}</td>
              <td>{line.who}</td>
              <td class="nowrap">{line.what}</td>
              <td>{line.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 class="noprint">办理</h2>
      {actions.length === 0 ? (
        <p class="muted noprint">当前账号对该事项没有可办理的操作。</p>
      ) : (
        <div class="noprint action-forms">
          <style>{FORM_STYLE}</style>
          {actions.map((offer) => {
            const refused = refusal?.segment === offer.segment ? refusal : undefined;
            return (
              <ActionForm
                caseId={file.caseId}
                offer={offer}
                leaders={leaders}
                ownLeaderId={ownLeaderId}
                now={now}
                revision={file.revision}
                submissionKey={submissionKey()}
                typed={refused?.typed}
                errors={refused?.problem.fieldErrors}
                problem={refused === undefined ? undefined : [refused.problem.title, refused.problem.detail].filter((t) => t !== '').join('：')}
              />
            );
          })}
        </div>
      )}
      <NoticeForms
        state={state}
        role={caller.role}
        now={now}
        typed={refusal?.segment === NOTICES ? refusal.typed : undefined}
        problem={refusal?.segment === NOTICES ? refusal.problem : undefined}
      />
    </>
  );
  const status = (refusal === undefined ? 200 : refusal.problem.status) as PageStatus;
  return render(c, `信访事项 ${file.caseId}`, body, { status });
};

/** The forms side by side at 1366 px, each form's fields in a row. */
const FORM_STYLE =
  '.action-forms{display:grid;grid-template-columns:repeat(auto-fill,minmax(32rem,1fr));gap:.5rem}' +
  '.action-form fieldset{height:100%;background:#fff;border:1px solid #d0d7de;border-radius:6px}' +
  '.action-form .fields{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin-bottom:.4rem}';

/** The notice form's refusal is shown beside it, as an action form's is beside that form. */
const NOTICES = 'notices';

const SEGMENTS = caseCommandSegments as Readonly<Record<string, (typeof caseCommandSegments)[keyof typeof caseCommandSegments]>>;

export const casePages = new Hono<PageEnv>()
  .get('/office/cases/:id', async (c) => {
    const caseId = c.req.param('id');
    if (!ID.test(caseId)) return errorPage(c, { status: 404, title: '未找到', detail: `${caseId} 不存在` }, { href: '/office/cases', label: '返回事项列表' });
    return showCase(c, caseId);
  })
  // 出具书面告知: the notice's page once printed; a refusal beside the form, as the actions' are.
  .post(`/office/cases/:id/${NOTICES}`, async (c) => {
    const caseId = c.req.param('id');
    if (!ID.test(caseId)) return errorPage(c, { status: 404, title: '未找到', detail: `${caseId} 不存在` }, { href: '/office/cases', label: '返回事项列表' });
    const typed = await c.req.parseBody();
    const body = { kind: postedText(typed, 'kind'), at: instantOfLocal(postedText(typed, 'at')) };
    const response = await c.var.api(`/api/v1/cases/${caseId}/notices`, { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (!response.ok) return showCase(c, caseId, { segment: NOTICES, typed, problem: await readProblem(response) });
    const { notice } = (await response.json()) as { notice: { number: number } };
    return c.redirect(`${casePagePath(caseId)}/notices/${notice.number}`, 303);
  })
  .post('/office/cases/:id/:segment', async (c) => {
    const caseId = c.req.param('id');
    const segment = c.req.param('segment');
    const type = SEGMENTS[segment];
    if (!ID.test(caseId) || type === undefined || !Object.hasOwn(SEGMENTS, segment)) {
      return errorPage(c, { status: 404, title: '未找到', detail: '没有这项办理' }, { href: '/office/cases', label: '返回事项列表' });
    }
    const typed = await c.req.parseBody();
    const response = await c.var.api(`/api/v1/cases/${caseId}/${segment}`, { method: 'POST', body: actionBody(type, typed), headers: actionHeaders(typed) });
    if (response.ok) return c.redirect(`${casePagePath(caseId)}?done=${encodeURIComponent(actionTitle(type))}`, 303);
    return showCase(c, caseId, { segment, typed, problem: await readProblem(response) });
  });
