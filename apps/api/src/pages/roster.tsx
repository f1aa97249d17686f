import { Hono, type Context } from 'hono';
import { addDays, dayOf, isLocalDate, mondayOf, type LocalDate } from '@xinfang/domain';
import { isOffice } from '../auth';
import { CsrfField } from './csrf';
import { DoneNotice } from './done-notice';
import { WeekPicker } from './week-picker';
import { errorPage } from './error-page';
import { LabeledField, OtherErrors, ProblemAlert } from './field-errors';
import { idempotencyHeader, instantOfLocal, KEY_FIELD, postedText, submissionKey } from './form-values';
import { render } from './layout';
import { localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 接访排班: a week's reception roster (附件4's rows, GET /ledgers/duties) kept from the page — a slot added
 * (POST /duties: day, leader, place, unit), a slot the leader could not keep marked missed with the reason
 * and the substitute who kept it (POST /duties/{id}/missed). Every role reads it; the office keeps it.
 */

const PATH = '/office/duties';
export const ROSTER_TITLE = '接访排班';

interface Slot {
  readonly dutyId: string;
  readonly date: LocalDate;
  readonly weekday: string;
  readonly leader: string;
  readonly position: string;
  readonly location: string;
  readonly unit: string;
  readonly missed: { readonly at: string; readonly reason: string } | null;
  readonly substitute: { readonly leader: string; readonly position: string } | null;
}

interface Leader {
  readonly leaderId: string;
  readonly name: string;
  readonly position: string;
}

interface Refusal {
  readonly form: string;
  readonly problem: PageProblem;
  readonly typed: Readonly<Record<string, unknown>>;
}

const text = postedText;

const LeaderSelect = ({ id, name, leaders, value, empty }: { id: string; name: string; leaders: readonly Leader[]; value: string; empty?: string }) => (
  <select id={id} name={name}>
    {empty !== undefined && <option value="">{empty}</option>}
    {leaders.map((l) => (
      <option value={l.leaderId} selected={l.leaderId === value}>
        {l.name}（{l.position}）
      </option>
    ))}
  </select>
);

const Alert = ({ refusal }: { refusal: Refusal | undefined }) => <ProblemAlert problem={refusal?.problem} />;

const AddSlotForm = (props: { weekOf: LocalDate; leaders: readonly Leader[]; units: readonly { id: string; name: string }[]; refusal: Refusal | undefined }) => {
  const { refusal } = props;
  const problem = refusal?.problem;
  const typed = refusal?.typed;
  const field = (path: string, label: string, control: unknown) => (
    <LabeledField idPrefix="slot" path={path} label={label} problem={problem}>
      {control}
    </LabeledField>
  );
  return (
    <form method="post" action={`${PATH}/slots`} id="slot-form" class="register-form noprint">
      <fieldset>
        <legend>新增接访安排</legend>
        <CsrfField />
        <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
        <input type="hidden" name="weekOf" value={props.weekOf} />
        <Alert refusal={refusal} />
        <OtherErrors problem={problem} shown={['date', 'leaderId', 'location', 'unit']} />
        <div class="fields">
          {field('date', '日期', <input id="slot-date" name="date" type="date" value={text(typed, 'date') || props.weekOf} required />)}
          {field('leaderId', '接访领导', <LeaderSelect id="slot-leaderId" name="leaderId" leaders={props.leaders} value={text(typed, 'leaderId')} />)}
          {field('location', '地点', <input id="slot-location" name="location" value={text(typed, 'location')} required />)}
          {field(
            'unit',
            '单位',
            <select id="slot-unit" name="unit">
              {props.units.map((u) => (
                <option value={u.id} selected={u.id === text(typed, 'unit')}>
                  {u.name}
                </option>
              ))}
            </select>,
          )}
        </div>
        <button type="submit">新增安排</button>
      </fieldset>
    </form>
  );
};

const MissedForm = (props: { slot: Slot; weekOf: LocalDate; leaders: readonly Leader[]; now: string; refusal: Refusal | undefined }) => {
  const { slot } = props;
  const refusal = props.refusal?.form === slot.dutyId ? props.refusal : undefined;
  const prefix = `missed-${slot.dutyId}`;
  const field = (path: string, label: string, control: unknown) => (
    <LabeledField idPrefix={prefix} path={path} label={label} problem={refusal?.problem}>
      {control}
    </LabeledField>
  );
  return (
    <form method="post" action={`${PATH}/${encodeURIComponent(slot.dutyId)}/missed`} class="inline-form" id={`missed-${slot.dutyId}`}>
      <CsrfField />
      <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
      <input type="hidden" name="weekOf" value={props.weekOf} />
      <Alert refusal={refusal} />
      {field('at', '登记时间', <input id={`${prefix}-at`} name="at" type="datetime-local" value={text(refusal?.typed, 'at') || localTime(props.now).replace(' ', 'T')} required />)}
      {field('reason', '未能接访原因', <input id={`${prefix}-reason`} name="reason" value={text(refusal?.typed, 'reason')} required size={14} />)}
      {field(
        'substituteLeaderId',
        '补位领导',
        <LeaderSelect id={`${prefix}-substituteLeaderId`} name="substituteLeaderId" leaders={props.leaders} value={text(refusal?.typed, 'substituteLeaderId')} empty="（无人补位）" />,
      )}
      <button type="submit">登记未能接访</button>
    </form>
  );
};

const show = async (c: Context<PageEnv>, weekOf: LocalDate, refusal?: Refusal) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const office = isOffice(caller.role);
  const [slotsResponse, leadersResponse, communitiesResponse] = await Promise.all([
    c.var.api(`/api/v1/ledgers/duties?${new URLSearchParams({ from: weekOf, to: addDays(weekOf, 6) }).toString()}`),
    c.var.api('/api/v1/leaders'),
    c.var.api('/api/v1/communities'),
  ]);
  if (!slotsResponse.ok) return errorPage(c, await readProblem(slotsResponse), { href: '/', label: '返回工作台' });
  const slots = ((await slotsResponse.json()) as { rows: Slot[] }).rows;
  const leaders = leadersResponse.ok ? ((await leadersResponse.json()) as { rows: Leader[] }).rows : [];
  const communities = communitiesResponse.ok ? ((await communitiesResponse.json()) as { rows: { communityId: string; name: string }[] }).rows : [];
  const units = [{ id: 'subdistrict', name: '街道' }, ...communities.map((cm) => ({ id: cm.communityId, name: cm.name }))];
  const now = c.var.services.clock.now();
  const done = c.req.query('done');
  const body = (
    <>
      <h1>
        {ROSTER_TITLE}（{weekOf} 至 {addDays(weekOf, 6)}）
      </h1>
      <WeekPicker path={PATH} id="roster-week" weekOf={weekOf}>
        <a href={`/office/duties/announcement?weekOf=${weekOf}`}>本周接访公告</a>
      </WeekPicker>
      <DoneNotice done={done} refused={refusal} />
      {slots.length === 0 ? (
        <p class="muted">本周尚无接访安排。</p>
      ) : (
        <table class="roster">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">单位</th>
              <th scope="col">接访领导</th>
              <th scope="col">地点</th>
              <th scope="col">情况</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr id={`slot-${slot.dutyId}`}>
                <td class="nowrap">
                  {slot.date} {slot.weekday}
                </td>
                <td>{slot.unit}</td>
                <td>
                  {slot.leader}（{slot.position}）
                </td>
                <td>{slot.location}</td>
                <td>
                  {slot.missed === null ? (
                    office ? (
                      <MissedForm slot={slot} weekOf={weekOf} leaders={leaders} now={now} refusal={refusal} />
                    ) : (
                      '按计划'
                    )
                  ) : (
                    <span class="warn">
                      未能接访：{slot.missed.reason}
                      {slot.substitute === null ? '（无人补位）' : `，由${slot.substitute.leader}（${slot.substitute.position}）补位`}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {office && <AddSlotForm weekOf={weekOf} leaders={leaders} units={units} refusal={refusal?.form === 'slot' ? refusal : undefined} />}
    </>
  );
  return render(c, ROSTER_TITLE, body, refusal === undefined ? {} : { status: refusal.problem.status === 403 ? 403 : 422 });
};

const weekOfText = (text: string | undefined, today: LocalDate): LocalDate => mondayOf(text !== undefined && isLocalDate(text) ? text : today);

const DUTY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const rosterPages = new Hono<PageEnv>()
  .get(PATH, (c) => show(c, weekOfText(c.req.query('weekOf'), dayOf(c.var.services.clock.now()))))
  .post(`${PATH}/slots`, async (c) => {
    const typed = await c.req.parseBody();
    const weekOf = weekOfText(text(typed, 'weekOf'), dayOf(c.var.services.clock.now()));
    const body = { date: text(typed, 'date'), leaderId: text(typed, 'leaderId'), location: text(typed, 'location'), unit: text(typed, 'unit') };
    const response = await c.var.api('/api/v1/duties', { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (response.ok) return c.redirect(`${PATH}?${new URLSearchParams({ weekOf: mondayOf(isLocalDate(body.date) ? body.date : weekOf), done: '新增安排' }).toString()}`, 303);
    return show(c, weekOf, { form: 'slot', problem: await readProblem(response), typed });
  })
  .post(`${PATH}/:id/missed`, async (c) => {
    const dutyId = c.req.param('id');
    const typed = await c.req.parseBody();
    const weekOf = weekOfText(text(typed, 'weekOf'), dayOf(c.var.services.clock.now()));
    if (!DUTY_ID.test(dutyId)) return errorPage(c, { status: 404, title: '未找到', detail: '没有这项接访安排' }, { href: PATH, label: '返回接访排班' });
    const substitute = text(typed, 'substituteLeaderId');
    const body = { at: instantOfLocal(text(typed, 'at')), reason: text(typed, 'reason'), ...(substitute === '' ? {} : { substituteLeaderId: substitute }) };
    const response = await c.var.api(`/api/v1/duties/${dutyId}/missed`, { method: 'POST', body, headers: idempotencyHeader(typed) });
    if (response.ok) return c.redirect(`${PATH}?${new URLSearchParams({ weekOf, done: '登记未能接访' }).toString()}`, 303);
    return show(c, weekOf, { form: dutyId, problem: await readProblem(response), typed });
  });
