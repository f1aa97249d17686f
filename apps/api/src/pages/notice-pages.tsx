import { Hono, type Context } from 'hono';
import { isId, isNoticeNumber, noticeKindLabels, noticeKinds, originLabels, type NoticeKind, type NoticeTemplate } from '@xinfang/domain';
import type { NoticeDocument } from '@xinfang/reports';
import { casePagePath } from './case-path';
import { CsrfField } from './csrf';
import { DoneNotice } from './done-notice';
import { errorPage } from './error-page';
import { ProblemAlert } from './field-errors';
import { idempotencyHeader, KEY_FIELD, postedText, submissionKey, type Posted } from './form-values';
import { render, type PageStatus } from './layout';
import { localTime } from './local-time';
import { NoticeSheet, ReceiptSheet, SHEET_STYLE } from './notice-sheet';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * The printed side of a case: a written notice as a printable page with its Word file
 * (/office/cases/{id}/notices/{n}), the receipt with its query code (shown once, right after it is
 * made, never in a URL), and the office's templates (/office/notices), edited without a release.
 */

const TEMPLATES = '/office/notices';
const BACK_TO_CASES = { href: '/office/cases', label: '返回事项列表' };

const refusedPage = async (c: Context<PageEnv>, response: Response, back = BACK_TO_CASES) => errorPage(c, await readProblem(response), back);

const NoticePage = ({ caseId, number, document }: { caseId: string; number: string; document: NoticeDocument }) => (
  <>
    <style>{SHEET_STYLE}</style>
    <p class="noprint">
      <a href={casePagePath(caseId)}>返回信访事项 {caseId}</a> · <a href={`${casePagePath(caseId)}/notices/${number}/docx`}>下载 Word</a> ·{' '}
      <span class="muted">用浏览器打印（Ctrl+P），只打印告知书</span>
    </p>
    <NoticeSheet document={document} />
  </>
);

interface TemplateRow {
  readonly kind: NoticeKind;
  readonly label: string;
  readonly version: number;
  readonly template: NoticeTemplate;
  readonly placeholders: readonly string[];
  readonly required: readonly string[];
}

const TemplateForm = ({ row, typed, problem }: { row: TemplateRow; typed?: Posted | undefined; problem?: PageProblem | undefined }) => {
  const value = (name: keyof NoticeTemplate) => (typed === undefined ? row.template[name] : postedText(typed, name));
  const id = (name: string) => `${row.kind}-${name}`;
  const errors = (name: string) => (problem?.fieldErrors.get(name) ?? []).map((m) => <span class="field-error">{m}</span>);
  return (
    <form method="post" action={TEMPLATES} class="template-form" id={`template-${row.kind}`}>
      <fieldset>
        <legend>
          {row.label} <span class="muted">当前第 {row.version} 版{row.version === 0 ? '（内置）' : ''}</span>
        </legend>
        <CsrfField />
        <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
        <input type="hidden" name="kind" value={row.kind} />
        <ProblemAlert problem={problem} />
        <label for={id('officeName')}>
          机关名称 <input id={id('officeName')} name="officeName" value={value('officeName')} required />
          {errors('officeName')}
        </label>
        <label for={id('sealText')}>
          印章文字 <input id={id('sealText')} name="sealText" value={value('sealText')} required />
          {errors('sealText')}
        </label>
        <label for={id('title')}>
          标题 <input id={id('title')} name="title" value={value('title')} required />
          {errors('title')}
        </label>
        <label for={id('body')}>
          正文（每行一段）
          <textarea id={id('body')} name="body" rows={6} required>
            {value('body')}
          </textarea>
          {errors('body')}
        </label>
        <p class="muted">
          可用占位符：{row.placeholders.map((p) => `{${p}}`).join(' ')}；须保留：{row.required.map((p) => `{${p}}`).join(' ')}
        </p>
        <button type="submit">保存为第 {row.version + 1} 版</button>
      </fieldset>
    </form>
  );
};

const TEMPLATE_STYLE =
  '.template-form fieldset{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin-bottom:.8rem}' +
  '.template-form label{display:block;margin:.3rem 0}.template-form input{width:28rem}.template-form textarea{width:100%;display:block}';

const templatesPage = async (c: Context<PageEnv>, refusal?: { kind: string; typed: Posted; problem: PageProblem }) => {
  const response = await c.var.api('/api/v1/notices/templates');
  if (!response.ok) return refusedPage(c, response, { href: '/', label: '返回工作台' });
  const { templates } = (await response.json()) as { templates: TemplateRow[] };
  const body = (
    <>
      <style>{TEMPLATE_STYLE}</style>
      <h1>告知书模板</h1>
      <DoneNotice done={c.req.query('done')} refused={refusal} />
      <p class="muted">修改后出具的告知书使用新版本；已出具的告知书仍按出具时的版本重印。</p>
      {templates.map((row) => (
        <TemplateForm row={row} typed={refusal?.kind === row.kind ? refusal.typed : undefined} problem={refusal?.kind === row.kind ? refusal.problem : undefined} />
      ))}
    </>
  );
  return render(c, '告知书模板', body, { status: (refusal?.problem.status ?? 200) as PageStatus });
};

export const noticePages = new Hono<PageEnv>()
  .get('/office/cases/:id/notices/:number', async (c) => {
    const { id, number } = c.req.param();
    if (!isId(id) || !isNoticeNumber(number)) return errorPage(c, { status: 404, title: '未找到', detail: '没有这份告知书' }, BACK_TO_CASES);
    const response = await c.var.api(`/api/v1/cases/${id}/notices/${number}`);
    if (!response.ok) return refusedPage(c, response);
    const { document } = (await response.json()) as { document: NoticeDocument };
    return render(c, document.title, <NoticePage caseId={id} number={number} document={document} />);
  })
  .get('/office/cases/:id/notices/:number/docx', async (c) => {
    const { id, number } = c.req.param();
    if (!isId(id) || !isNoticeNumber(number)) return errorPage(c, { status: 404, title: '未找到', detail: '没有这份告知书' }, BACK_TO_CASES);
    const response = await c.var.api(`/api/v1/cases/${id}/notices/${number}?format=docx`);
    if (!response.ok) return refusedPage(c, response);
    return new Response(response.body, { status: response.status, headers: response.headers });
  })
  .post('/office/cases/:id/receipt', async (c) => {
    const id = c.req.param('id');
    if (!isId(id)) return errorPage(c, { status: 404, title: '未找到', detail: `${id} 不存在` }, BACK_TO_CASES);
    const [issued, file] = [await c.var.api(`/api/v1/cases/${id}/receipt`, { method: 'POST' }), await c.var.api(`/api/v1/cases/${id}`)];
    if (!issued.ok) return refusedPage(c, issued, { href: casePagePath(id), label: '返回信访事项' });
    const { code, issuedAt } = (await issued.json()) as { code: string; issuedAt: string };
    const kase = file.ok ? ((await file.json()) as { registeredAt: string; origin: keyof typeof originLabels }) : undefined;
    const body = (
      <>
        <style>{SHEET_STYLE}</style>
        <p class="noprint">
          <a href={casePagePath(id)}>返回信访事项 {id}</a> ·{' '}
          <span class="muted">用浏览器打印（Ctrl+P）。查询码只显示这一次（{localTime(issuedAt)} 生成）。</span>
        </p>
        <ReceiptSheet caseId={id} code={code} issuedAt={issuedAt} registeredAt={kase?.registeredAt ?? issuedAt} origin={kase === undefined ? '' : originLabels[kase.origin]} />
      </>
    );
    return render(c, '信访事项登记回执', body);
  })
  .post('/office/cases/:id/receipt/revocation', async (c) => {
    const id = c.req.param('id');
    if (!isId(id)) return errorPage(c, { status: 404, title: '未找到', detail: `${id} 不存在` }, BACK_TO_CASES);
    const response = await c.var.api(`/api/v1/cases/${id}/receipt/revocation`, { method: 'POST' });
    if (!response.ok) return refusedPage(c, response, { href: casePagePath(id), label: '返回信访事项' });
    const { revoked } = (await response.json()) as { revoked: number };
    return c.redirect(`${casePagePath(id)}?done=${encodeURIComponent(revoked > 0 ? '查询码已作废' : '该事项没有有效的查询码')}`, 303);
  })
  .get(TEMPLATES, (c) => templatesPage(c))
  .post(TEMPLATES, async (c) => {
    const typed = await c.req.parseBody();
    const kind = postedText(typed, 'kind');
    const body = {
      kind,
      officeName: postedText(typed, 'officeName'),
      sealText: postedText(typed, 'sealText'),
      title: postedText(typed, 'title'),
      // A textarea posts CRLF line breaks; the wording keeps LF.
      body: typeof typed['body'] === 'string' ? typed['body'].replace(/\r\n?/g, '\n').trim() : '',
      at: c.var.services.clock.now(),
    };
    const response = await c.var.api('/api/v1/notices/templates', { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (!response.ok) return templatesPage(c, { kind, typed, problem: await readProblem(response) });
    const label = noticeKinds.includes(kind as NoticeKind) ? noticeKindLabels[kind as NoticeKind] : kind;
    return c.redirect(`${TEMPLATES}?done=${encodeURIComponent(`${label}模板`)}`, 303);
  });
