import { Hono, type Context } from 'hono';
import { categoryLabels } from '@xinfang/domain';
import { mayRecordVisits } from '../case-access';
import type { Role } from '../roles';
import { CsrfField } from './csrf';
import { errorPage } from './error-page';
import { render } from './layout';
import { localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { idempotencyHeader, instantOfLocal, KEY_FIELD, postedText, submissionKey } from './form-values';
import { LabeledField, OtherErrors, ProblemAlert } from './field-errors';
import { PETITIONER_PATHS, PetitionerSection, petitionerOf, pickedPerson, type FoundPerson } from './petitioner-fields';
import { casePagePath } from './case-path';


/*
 * 登记来访 (附件3): a visit received by a leader, on a new case or on one the office names. The petitioner
 * is picked from the existing files (the office searches them: GET /persons?q=) or typed in new — the API
 * matches a returning petitioner by id number itself. The form posts here; the page posts `POST /visits`
 * with the browser's token, and on a refusal shows the API's errors beside the fields, nothing written.
 */

const PATH = '/office/register/visit';
export const REGISTER_VISIT_TITLE = '登记来访';

interface Pick {
  readonly leaders: readonly { leaderId: string; name: string; position: string }[];
  readonly communities: readonly { communityId: string; name: string }[];
}

const rowsOf = async <Row,>(response: Response): Promise<Row[]> => (response.ok ? ((await response.json()) as { rows: Row[] }).rows : []);

const picks = async (c: Context<PageEnv>): Promise<Pick> => {
  const [leaders, communities] = await Promise.all([c.var.api('/api/v1/leaders'), c.var.api('/api/v1/communities')]);
  return { leaders: await rowsOf(leaders), communities: await rowsOf(communities) };
};

const text = postedText;

/** What the form posted → the body of `POST /visits` (empty optional fields left out, for the API to judge the rest). */
export const visitBody = (typed: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const optional = (name: string) => (text(typed, name) === '' ? {} : { [name]: text(typed, name) });
  const count = text(typed, 'visitorCount');
  return {
    leaderId: text(typed, 'leaderId'),
    receivedAt: instantOfLocal(text(typed, 'receivedAt')),
    location: text(typed, 'location'),
    visitorCount: /^\d{1,6}$/.test(count) ? Number(count) : count,
    matter: text(typed, 'matter'),
    ...optional('caseId'),
    ...optional('communityId'),
    ...optional('category'),
    ...optional('demands'),
    ...optional('handlingOpinion'),
    petitioners: [petitionerOf(typed)],
  };
};

interface FormProps {
  readonly role: Role;
  readonly pick: Pick;
  readonly typed: Readonly<Record<string, unknown>>;
  readonly now: string;
  readonly problem?: PageProblem | undefined;
  readonly found?: readonly FoundPerson[] | undefined;
}

const Field = (props: { name: string; label: string; errors: PageProblem | undefined; children: unknown }) => (
  <LabeledField idPrefix="visit" path={props.name} label={props.label} problem={props.errors}>
    {props.children}
  </LabeledField>
);

const VisitForm = (props: FormProps) => {
  const { typed, pick, role, problem, now } = props;
  const value = (name: string) => text(typed, name);
  const ownLeader = role.kind === 'leader' ? role.leaderId : undefined;
  const ownCommunity = role.kind === 'community' ? role.communityId : undefined;
  return (
    <form method="post" action={PATH} class="register-form" id="visit-form">
      <CsrfField />
      <input type="hidden" name={KEY_FIELD} value={value(KEY_FIELD) || submissionKey()} />
      <ProblemAlert problem={problem} />
      <OtherErrors problem={problem} shown={SHOWN_PATHS} />
      <PetitionerSection role={role} typed={typed} problem={problem} found={props.found} path={PATH} />
      <fieldset>
        <legend>接待</legend>
        <div class="fields">
          <Field name="leaderId" label="接待领导" errors={problem}>
            <select id="visit-leaderId" name="leaderId">
              {pick.leaders
                .filter((l) => ownLeader === undefined || l.leaderId === ownLeader)
                .map((l) => (
                  <option value={l.leaderId} selected={l.leaderId === value('leaderId')}>
                    {l.name}（{l.position}）
                  </option>
                ))}
            </select>
          </Field>
          <Field name="receivedAt" label="接待时间" errors={problem}>
            <input id="visit-receivedAt" name="receivedAt" type="datetime-local" value={value('receivedAt') || localTime(now).replace(' ', 'T')} required />
          </Field>
          <Field name="location" label="接待地点" errors={problem}>
            <input id="visit-location" name="location" value={value('location')} required />
          </Field>
          <Field name="visitorCount" label="来访人数" errors={problem}>
            <input id="visit-visitorCount" name="visitorCount" type="number" min="1" value={value('visitorCount') || '1'} required />
          </Field>
        </div>
        <div class="fields">
          <Field name="matter" label="反映问题" errors={problem}>
            <textarea id="visit-matter" name="matter" rows={3} cols={60} required>
              {value('matter')}
            </textarea>
          </Field>
          <Field name="demands" label="诉求" errors={problem}>
            <textarea id="visit-demands" name="demands" rows={3} cols={40}>
              {value('demands')}
            </textarea>
          </Field>
          <Field name="handlingOpinion" label="处理意见" errors={problem}>
            <textarea id="visit-handlingOpinion" name="handlingOpinion" rows={3} cols={40}>
              {value('handlingOpinion')}
            </textarea>
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>事项</legend>
        <p class="muted">新来访登记为新信访事项（须选社区）；同一事项再次来访，填写已有事项编号。</p>
        <div class="fields">
          <Field name="communityId" label="社区" errors={problem}>
            <select id="visit-communityId" name="communityId">
              {ownCommunity === undefined && <option value="">（再次来访时可不选）</option>}
              {pick.communities
                .filter((cm) => ownCommunity === undefined || cm.communityId === ownCommunity)
                .map((cm) => (
                  <option value={cm.communityId} selected={cm.communityId === value('communityId')}>
                    {cm.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field name="category" label="类型" errors={problem}>
            <select id="visit-category" name="category">
              <option value="">（未定）</option>
              {Object.entries(categoryLabels).map(([key, label]) => (
                <option value={key} selected={key === value('category')}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="caseId" label="已有事项编号" errors={problem}>
            <input id="visit-caseId" name="caseId" value={value('caseId')} size={24} />
          </Field>
        </div>
      </fieldset>
      <button type="submit">登记</button>
    </form>
  );
};

/** The fields shown beside their inputs; any other error is listed at the top of the form. */
const SHOWN_PATHS = [
  'leaderId', 'receivedAt', 'location', 'visitorCount', 'matter', 'demands', 'handlingOpinion', 'communityId', 'category', 'caseId',
  ...PETITIONER_PATHS,
];

const SearchForm = ({ q }: { q: string }) => (
  <form method="get" action={PATH} class="filters noprint">
    <label for="person-q">
      查找已有档案（姓名、电话或完整身份证号）
      <input id="person-q" name="q" value={q} size={24} />
    </label>
    <button type="submit">查找</button>
  </form>
);

const show = async (c: Context<PageEnv>, typed: Readonly<Record<string, unknown>>, problem?: PageProblem) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  if (!mayRecordVisits(caller.role)) {
    return errorPage(c, { status: 403, title: '无权访问', detail: '此账号不能登记来访' }, { href: '/', label: '返回工作台' });
  }
  const q = c.req.method === 'GET' ? (c.req.query('q') ?? '').trim() : '';
  const found =
    q !== '' && caller.role.kind === 'office'
      ? await rowsOf<FoundPerson>(await c.var.api(`/api/v1/persons?${new URLSearchParams({ q }).toString()}`))
      : undefined;
  const body = (
    <>
      <h1>{REGISTER_VISIT_TITLE}</h1>
      {caller.role.kind === 'office' && text(typed, 'personId') === '' && <SearchForm q={q} />}
      <VisitForm role={caller.role} pick={await picks(c)} typed={typed} now={c.var.services.clock.now()} problem={problem} found={found} />
    </>
  );
  return render(c, REGISTER_VISIT_TITLE, body, problem === undefined ? {} : { status: problem.status === 403 ? 403 : 422 });
};

export const registerVisitPages = new Hono<PageEnv>()
  .get(PATH, async (c) => show(c, await pickedPerson(c.var.api, c.req.query('personId'))))
  .post(PATH, async (c) => {
    const typed = await c.req.parseBody();
    const response = await c.var.api('/api/v1/visits', { method: 'POST', body: visitBody(typed), headers: idempotencyHeader(typed) });
    if (response.ok) {
      const { caseId } = (await response.json()) as { caseId: string };
      return c.redirect(`${casePagePath(caseId)}?done=${encodeURIComponent(REGISTER_VISIT_TITLE)}`, 303);
    }
    return show(c, typed, await readProblem(response));
  });
