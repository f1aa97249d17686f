import { Hono, type Context } from 'hono';
import { isOffice } from '../auth';
import { CsrfField } from './csrf';
import { DoneNotice } from './done-notice';
import { LabeledField, OtherErrors, ProblemAlert } from './field-errors';
import { idempotencyHeader, KEY_FIELD, postedText, submissionKey } from './form-values';
import { render } from './layout';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 基础数据: the communities with their grids and the leaders (GET /communities, GET /leaders), and for the
 * office the forms that register them (POST /communities, POST /leaders). A community's grids are typed
 * one a line, `编号 名称`. Every role reads the lists; the forms are the office's.
 */

const PATH = '/office/reference';
export const REFERENCE_TITLE = '基础数据';

interface Community {
  readonly communityId: string;
  readonly name: string;
  readonly grids: readonly { gridId: string; name: string }[];
}

interface Leader {
  readonly leaderId: string;
  readonly name: string;
  readonly position: string;
  readonly portfolio: string;
  readonly unit: string;
  readonly principal: boolean;
}

interface Refusal {
  readonly form: 'community' | 'leader';
  readonly problem: PageProblem;
  readonly typed: Readonly<Record<string, unknown>>;
}

const text = postedText;

/** `qh-1 第一网格` lines → the grids of the API body (a line without a name is passed on for the API to refuse). */
export const gridsOf = (lines: string): { gridId: string; name: string }[] =>
  lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [gridId = '', ...name] = line.split(/\s+/);
      return { gridId, name: name.join(' ') };
    });

const Alert = ({ refusal }: { refusal: Refusal | undefined }) => <ProblemAlert problem={refusal?.problem} />;

const CommunityForm = ({ refusal }: { refusal: Refusal | undefined }) => {
  const field = (path: string, label: string, control: unknown) => (
    <LabeledField idPrefix="community" path={path} label={label} problem={refusal?.problem}>
      {control}
    </LabeledField>
  );
  return (
    <form method="post" action={`${PATH}/communities`} id="community-form" class="register-form noprint">
      <fieldset>
        <legend>登记社区</legend>
        <CsrfField />
        <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
        <Alert refusal={refusal} />
        <OtherErrors problem={refusal?.problem} shown={['communityId', 'name']} />
        <div class="fields">
          {field('communityId', '社区编号（字母、数字）', <input id="community-communityId" name="communityId" value={text(refusal?.typed, 'communityId')} required />)}
          {field('name', '社区名称', <input id="community-name" name="name" value={text(refusal?.typed, 'name')} required />)}
          {field(
            'grids',
            '网格（每行“编号 名称”）',
            <textarea id="community-grids" name="grids" rows={3} cols={30}>
              {text(refusal?.typed, 'grids')}
            </textarea>,
          )}
        </div>
        <button type="submit">登记社区</button>
      </fieldset>
    </form>
  );
};

const LeaderForm = ({ refusal, communities }: { refusal: Refusal | undefined; communities: readonly Community[] }) => {
  const field = (path: string, label: string, control: unknown) => (
    <LabeledField idPrefix="leader" path={path} label={label} problem={refusal?.problem}>
      {control}
    </LabeledField>
  );
  const value = (name: string) => text(refusal?.typed, name);
  return (
    <form method="post" action={`${PATH}/leaders`} id="leader-form" class="register-form noprint">
      <fieldset>
        <legend>登记领导</legend>
        <CsrfField />
        <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
        <Alert refusal={refusal} />
        <OtherErrors problem={refusal?.problem} shown={['leaderId', 'name', 'position', 'portfolio', 'unit']} />
        <div class="fields">
          {field('leaderId', '领导编号', <input id="leader-leaderId" name="leaderId" value={value('leaderId')} required size={10} />)}
          {field('name', '姓名', <input id="leader-name" name="name" value={value('name')} required size={10} />)}
          {field('position', '职务', <input id="leader-position" name="position" value={value('position')} required />)}
          {field('portfolio', '分管工作', <input id="leader-portfolio" name="portfolio" value={value('portfolio')} required />)}
          {field(
            'unit',
            '单位',
            <select id="leader-unit" name="unit">
              <option value="subdistrict">街道</option>
              {communities.map((cm) => (
                <option value={cm.communityId} selected={cm.communityId === value('unit')}>
                  {cm.name}
                </option>
              ))}
            </select>,
          )}
          <label for="leader-principal" class="inline">
            <span>
              <input type="checkbox" id="leader-principal" name="principal" value="on" checked={value('principal') === 'on'} /> 党政主要领导
            </span>
          </label>
          <label for="leader-firstGridLeader" class="inline">
            <span>
              <input type="checkbox" id="leader-firstGridLeader" name="firstGridLeader" value="on" checked={value('firstGridLeader') === 'on'} /> 第一网格长
            </span>
          </label>
        </div>
        <button type="submit">登记领导</button>
      </fieldset>
    </form>
  );
};

const show = async (c: Context<PageEnv>, refusal?: Refusal) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const [communitiesResponse, leadersResponse] = await Promise.all([c.var.api('/api/v1/communities'), c.var.api('/api/v1/leaders')]);
  const communities = communitiesResponse.ok ? ((await communitiesResponse.json()) as { rows: Community[] }).rows : [];
  const leaders = leadersResponse.ok ? ((await leadersResponse.json()) as { rows: Leader[] }).rows : [];
  const unitName = (unit: string) => (unit === 'subdistrict' ? '街道' : (communities.find((cm) => cm.communityId === unit)?.name ?? unit));
  const done = c.req.query('done');
  const office = isOffice(caller.role);
  const body = (
    <>
      <h1>{REFERENCE_TITLE}</h1>
      <DoneNotice done={done} refused={refusal} />
      <h2>社区与网格</h2>
      <table id="communities">
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">社区</th>
            <th scope="col">网格</th>
          </tr>
        </thead>
        <tbody>
          {communities.map((cm) => (
            <tr>
              <td>{cm.communityId}</td>
              <td>{cm.name}</td>
              <td>{cm.grids.map((g) => g.name).join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {office && <CommunityForm refusal={refusal?.form === 'community' ? refusal : undefined} />}
      <h2>领导</h2>
      <table id="leaders">
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">姓名</th>
            <th scope="col">职务</th>
            <th scope="col">分管工作</th>
            <th scope="col">单位</th>
            <th scope="col">党政主要领导</th>
          </tr>
        </thead>
        <tbody>
          {leaders.map((l) => (
            <tr>
              <td>{l.leaderId}</td>
              <td>{l.name}</td>
              <td>{l.position}</td>
              <td>{l.portfolio}</td>
              <td>{unitName(l.unit)}</td>
              <td>{l.principal ? '是' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {office && <LeaderForm refusal={refusal?.form === 'leader' ? refusal : undefined} communities={communities} />}
    </>
  );
  return render(c, REFERENCE_TITLE, body, refusal === undefined ? {} : { status: refusal.problem.status === 403 ? 403 : 422 });
};

export const referencePages = new Hono<PageEnv>()
  .get(PATH, (c) => show(c))
  .post(`${PATH}/communities`, async (c) => {
    const typed = await c.req.parseBody();
    const body = { communityId: text(typed, 'communityId'), name: text(typed, 'name'), grids: gridsOf(text(typed, 'grids')) };
    const response = await c.var.api('/api/v1/communities', { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (response.ok) return c.redirect(`${PATH}?done=${encodeURIComponent(`登记社区 ${body.name}`)}`, 303);
    return show(c, { form: 'community', problem: await readProblem(response), typed });
  })
  .post(`${PATH}/leaders`, async (c) => {
    const typed = await c.req.parseBody();
    const body = {
      leaderId: text(typed, 'leaderId'),
      name: text(typed, 'name'),
      position: text(typed, 'position'),
      portfolio: text(typed, 'portfolio'),
      unit: text(typed, 'unit'),
      principal: text(typed, 'principal') === 'on',
      firstGridLeader: text(typed, 'firstGridLeader') === 'on',
    };
    const response = await c.var.api('/api/v1/leaders', { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (response.ok) return c.redirect(`${PATH}?done=${encodeURIComponent(`登记领导 ${body.name}`)}`, 303);
    return show(c, { form: 'leader', problem: await readProblem(response), typed });
  });
