import { Hono, type Context } from 'hono';
import { categoryLabels, originLabels, riskFlagLabels } from '@xinfang/domain';
import { mayRegisterCases } from '../case-access';
import type { Role } from '../roles';
import { CsrfField } from './csrf';
import { errorPage } from './error-page';
import { LabeledField, OtherErrors, ProblemAlert } from './field-errors';
import { idempotencyHeader, instantOfLocal, KEY_FIELD, postedText, postedTexts, submissionKey } from './form-values';
import { render } from './layout';
import { localTime } from './local-time';
import type { PageEnv } from './page-env';
import { PETITIONER_PATHS, PetitionerSection, petitionerOf, pickedPerson, type FoundPerson } from './petitioner-fields';
import { readProblem, type PageProblem } from './problems';
import { casePagePath } from './case-path';


/*
 * 登记事项: a new case found by screening or come by letter, phone or online (a visit is registered on its
 * own page), with its petitioner picked from the existing files or typed new. Posts POST /cases with the
 * browser's token; a refusal comes back with the API's errors beside the fields, nothing written.
 */

const PATH = '/office/register/case';
export const REGISTER_CASE_TITLE = '登记信访事项';

interface Community {
  readonly communityId: string;
  readonly name: string;
  readonly grids: readonly { gridId: string; name: string }[];
}

const text = postedText;
const texts = postedTexts;

/** What the form posted → the body of `POST /cases`. */
export const caseBody = (typed: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const optional = (name: string) => (text(typed, name) === '' ? {} : { [name]: text(typed, name) });
  const people = text(typed, 'peopleCount');
  return {
    origin: text(typed, 'origin'),
    communityId: text(typed, 'communityId'),
    ...optional('gridId'),
    category: text(typed, 'category'),
    summary: text(typed, 'summary'),
    ...optional('demands'),
    registeredAt: instantOfLocal(text(typed, 'registeredAt')),
    ...(people === '' ? {} : { peopleCount: /^\d{1,6}$/.test(people) ? Number(people) : people }),
    riskFlags: texts(typed.riskFlags),
    petitioners: [petitionerOf(typed)],
  };
};

const SHOWN = ['origin', 'communityId', 'gridId', 'category', 'summary', 'demands', 'registeredAt', 'peopleCount', 'riskFlags', ...PETITIONER_PATHS];

const Select = ({ name, options, value, empty }: { name: string; options: Readonly<Record<string, string>>; value: string; empty?: string }) => (
  <select id={`case-${name}`} name={name}>
    {empty !== undefined && <option value="">{empty}</option>}
    {Object.entries(options).map(([key, label]) => (
      <option value={key} selected={key === value}>
        {label}
      </option>
    ))}
  </select>
);

const CaseForm = (props: { role: Role; communities: readonly Community[]; typed: Readonly<Record<string, unknown>>; now: string; problem?: PageProblem | undefined; found?: readonly FoundPerson[] | undefined }) => {
  const { typed, problem, role } = props;
  const value = (name: string) => text(typed, name);
  const field = (path: string, label: string, control: unknown) => (
    <LabeledField idPrefix="case" path={path} label={label} problem={problem}>
      {control}
    </LabeledField>
  );
  const origins = Object.fromEntries(Object.entries(originLabels).filter(([key]) => key !== 'visit'));
  const flags = texts(typed.riskFlags);
  return (
    <form method="post" action={PATH} class="register-form" id="case-form">
      <CsrfField />
      <input type="hidden" name={KEY_FIELD} value={value(KEY_FIELD) || submissionKey()} />
      <ProblemAlert problem={problem} />
      <OtherErrors problem={problem} shown={SHOWN} />
      <PetitionerSection role={role} typed={typed} problem={problem} found={props.found} path={PATH} />
      <fieldset>
        <legend>事项</legend>
        <div class="fields">
          {field('origin', '来源', <Select name="origin" options={origins} value={value('origin') || 'screening'} />)}
          {field(
            'communityId',
            '社区',
            <select id="case-communityId" name="communityId">
              {props.communities.map((cm) => (
                <option value={cm.communityId} selected={cm.communityId === value('communityId')}>
                  {cm.name}
                </option>
              ))}
            </select>,
          )}
          {field(
            'gridId',
            '网格',
            <select id="case-gridId" name="gridId">
              <option value="">（不指定）</option>
              {props.communities.map((cm) => (
                <optgroup label={cm.name}>
                  {cm.grids.map((grid) => (
                    <option value={grid.gridId} selected={grid.gridId === value('gridId')}>
                      {cm.name} {grid.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>,
          )}
          {field('category', '类型', <Select name="category" options={categoryLabels} value={value('category')} />)}
          {field('registeredAt', '登记时间', <input id="case-registeredAt" name="registeredAt" type="datetime-local" value={value('registeredAt') || localTime(props.now).replace(' ', 'T')} required />)}
          {field('peopleCount', '涉及人数', <input id="case-peopleCount" name="peopleCount" type="number" min="1" value={value('peopleCount') || '1'} />)}
        </div>
        <div class="fields">
          {field(
            'summary',
            '基本情况',
            <textarea id="case-summary" name="summary" rows={3} cols={60} required>
              {value('summary')}
            </textarea>,
          )}
          {field(
            'demands',
            '诉求',
            <textarea id="case-demands" name="demands" rows={3} cols={40}>
              {value('demands')}
            </textarea>,
          )}
        </div>
        <fieldset>
          <legend>风险类型</legend>
          {Object.entries(riskFlagLabels).map(([key, label]) => (
            <label for={`case-risk-${key}`} class="inline">
              <span>
                <input type="checkbox" id={`case-risk-${key}`} name="riskFlags" value={key} checked={flags.includes(key)} /> {label}
              </span>
            </label>
          ))}
        </fieldset>
      </fieldset>
      <button type="submit">登记</button>
    </form>
  );
};

const show = async (c: Context<PageEnv>, typed: Readonly<Record<string, unknown>>, problem?: PageProblem) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const role = caller.role;
  if (!mayRegisterCases(role)) return errorPage(c, { status: 403, title: '无权访问', detail: '此账号不能登记信访事项' }, { href: '/', label: '返回工作台' });
  const response = await c.var.api('/api/v1/communities');
  const all = response.ok ? ((await response.json()) as { rows: Community[] }).rows : [];
  const communities = role.kind === 'community' ? all.filter((cm) => cm.communityId === role.communityId) : all;
  const q = c.req.method === 'GET' ? (c.req.query('q') ?? '').trim() : '';
  const search = q !== '' && role.kind === 'office' ? await c.var.api(`/api/v1/persons?${new URLSearchParams({ q }).toString()}`) : undefined;
  const found = search?.ok === true ? ((await search.json()) as { rows: FoundPerson[] }).rows : undefined;
  const body = (
    <>
      <h1>{REGISTER_CASE_TITLE}</h1>
      <p class="muted">来访请在“登记来访”中登记：来访登记时自动生成事项。</p>
      {role.kind === 'office' && text(typed, 'personId') === '' && (
        <form method="get" action={PATH} class="filters noprint">
          <label for="case-person-q">
            查找已有档案（姓名、电话或完整身份证号）
            <input id="case-person-q" name="q" value={q} size={24} />
          </label>
          <button type="submit">查找</button>
        </form>
      )}
      <CaseForm role={role} communities={communities} typed={typed} now={c.var.services.clock.now()} problem={problem} found={found} />
    </>
  );
  return render(c, REGISTER_CASE_TITLE, body, problem === undefined ? {} : { status: problem.status === 403 ? 403 : 422 });
};

export const registerCasePages = new Hono<PageEnv>()
  .get(PATH, async (c) => show(c, await pickedPerson(c.var.api, c.req.query('personId'))))
  .post(PATH, async (c) => {
    const typed = await c.req.parseBody({ all: true });
    const response = await c.var.api('/api/v1/cases', { method: 'POST', body: caseBody(typed), headers: idempotencyHeader(typed) });
    if (response.ok) {
      const { id } = (await response.json()) as { id: string };
      return c.redirect(`${casePagePath(id)}?done=${encodeURIComponent(REGISTER_CASE_TITLE)}`, 303);
    }
    return show(c, typed, await readProblem(response));
  });
