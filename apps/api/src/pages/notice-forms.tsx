import { noticeKindLabels, type ExistingCase, type NoticeKind } from '@xinfang/domain';
import { lets, officeOnly } from '../access';
import { mayGiveReceipt } from '../case-access';
import type { Role } from '../roles';
import { casePagePath } from './case-path';
import { CsrfField } from './csrf';
import { KEY_FIELD, submissionKey } from './form-values';
import { localInputValue, localTime } from './local-time';
import type { PageProblem } from './problems';

/*
 * The case page's 书面告知与回执: the notices printed so far (each opens as a printable page with its Word
 * file), the form that prints one (the office: a notice names the petitioner), and the receipt's query
 * code — given by whoever may register the case, ended by the office.
 */

export interface NoticeFormsProps {
  readonly state: ExistingCase;
  readonly role: Role;
  readonly now: string;
  /** After a refusal of the notice form: what was typed and what the API said. */
  readonly typed?: Readonly<Record<string, unknown>> | undefined;
  readonly problem?: PageProblem | undefined;
}

const Errors = ({ problem, path }: { problem: PageProblem | undefined; path: string }) => (
  <>
    {(problem?.fieldErrors.get(path) ?? []).map((message) => (
      <span class="field-error">{message}</span>
    ))}
  </>
);

/** Makes the case's query code and shows its receipt (the code once); the code before it is ended. */
export const ReceiptForm = ({ caseId, id }: { caseId: string; id: string }) => (
  <form method="post" action={`${casePagePath(caseId)}/receipt`} class="action-form" id={id}>
    <fieldset>
      <legend>回执（查询码）</legend>
      <CsrfField />
      <p class="muted">生成新的查询码并打印回执，交信访人凭码查询办理进度；原查询码随即作废。查询码只显示一次。</p>
      <button type="submit">出具回执</button>
    </fieldset>
  </form>
);

export const NoticeForms = ({ state, role, now, typed, problem }: NoticeFormsProps) => {
  const base = casePagePath(state.caseId);
  const printed = state.notices.flatMap((n) => (n.notice === undefined ? [] : [{ ...n.notice, at: n.at }]));
  const prints = lets(officeOnly, role);
  const gives = mayGiveReceipt(role, state);
  if (!prints && !gives) return null;
  const typedKind = typeof typed?.['kind'] === 'string' ? typed['kind'] : undefined;
  const typedAt = typeof typed?.['at'] === 'string' ? typed['at'] : localInputValue(now);
  return (
    <section class="noprint" id="notices">
      <h2>书面告知与回执</h2>
      {prints && printed.length > 0 && (
        <ul>
          {printed.map((n) => (
            <li>
              <a href={`${base}/notices/${n.number}`}>
                {noticeKindLabels[n.kind]}（编号 {state.caseId}-{n.number}）
              </a>{' '}
              <span class="muted">
                {localTime(n.at)}，{n.issuedBy}，模板第 {n.templateVersion} 版
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="action-forms">
        {prints && (
          <form method="post" action={`${base}/notices`} class="action-form" id="form-notices">
            <fieldset>
              <legend>出具书面告知</legend>
              <CsrfField />
              <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
              {problem !== undefined && (
                <p class="field-error" role="alert">
                  {[problem.title, problem.detail].filter((t) => t !== '').join('：')}
                </p>
              )}
              <div class="fields">
                <label for="notices-kind">
                  告知书
                  <select id="notices-kind" name="kind">
                    {(Object.keys(noticeKindLabels) as NoticeKind[]).map((kind) => (
                      <option value={kind} selected={kind === typedKind}>
                        {noticeKindLabels[kind]}
                      </option>
                    ))}
                  </select>
                  <Errors problem={problem} path="kind" />
                </label>
                <label for="notices-at">
                  告知时间
                  <input id="notices-at" name="at" type="datetime-local" value={typedAt} required />
                  <Errors problem={problem} path="at" />
                </label>
              </div>
              <button type="submit">出具并打印</button>
            </fieldset>
          </form>
        )}
        {gives && <ReceiptForm caseId={state.caseId} id="form-receipt" />}
        {prints && (
          <form method="post" action={`${base}/receipt/revocation`} class="action-form" id="form-receipt-revocation">
            <fieldset>
              <legend>作废查询码</legend>
              <CsrfField />
              <p class="muted">回执遗失或泄露时作废，信访人凭原查询码将无法查询。</p>
              <button type="submit">作废查询码</button>
            </fieldset>
          </form>
        )}
      </div>
    </section>
  );
};
