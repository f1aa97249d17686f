import { Hono, type Context } from 'hono';
import { dayOf, isLocalDate, mondayOf, type LocalDate } from '@xinfang/domain';
import { isOffice } from '../auth';
import { CsrfField } from './csrf';
import { DoneNotice } from './done-notice';
import { WeekPicker } from './week-picker';
import { errorPage } from './error-page';
import { FieldErrors, OtherErrors, ProblemAlert } from './field-errors';
import { idempotencyHeader, KEY_FIELD, postedText, submissionKey } from './form-values';
import { render } from './layout';
import { localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';

/*
 * 接访公告: the week's (or a day's) reception roster as ready-to-post text (GET /duties/announcement), and
 * "published" in one click for each unit's roster not yet published (POST /duties/announcements, now, with
 * the channel it was posted on). Every role may read the roster; the office publishes it.
 */

const PATH = '/office/duties/announcement';
export const ANNOUNCEMENT_TITLE = '接访公告';

interface Announcement {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly text: string;
  readonly rosters: readonly { unit: string; unitName: string; weekOf: LocalDate; publishedAt: string | null }[];
  readonly published: boolean;
}

const PublishForm = ({ roster, problem }: { roster: Announcement['rosters'][number]; problem?: PageProblem | undefined }) => (
  <form method="post" action={PATH} class="inline-form noprint" id={`publish-${roster.unit}`}>
    <CsrfField />
    <input type="hidden" name={KEY_FIELD} value={submissionKey()} />
    <input type="hidden" name="unit" value={roster.unit} />
    <input type="hidden" name="weekOf" value={roster.weekOf} />
    <label for={`channel-${roster.unit}`}>
      公布渠道
      <input id={`channel-${roster.unit}`} name="channel" value="公告栏" required size={12} />
      <FieldErrors problem={problem} path="channel" />
    </label>{' '}
    <button type="submit">标记{roster.unitName}本周安排已公布</button>
  </form>
);

const show = async (c: Context<PageEnv>, weekOf: LocalDate, refused?: { problem: PageProblem; unit: string }) => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return c.redirect('/', 302);
  const response = await c.var.api(`/api/v1/duties/announcement?${new URLSearchParams({ weekOf }).toString()}`);
  if (!response.ok) return errorPage(c, await readProblem(response), { href: PATH, label: '返回接访公告' });
  const announcement = (await response.json()) as Announcement;
  const done = c.req.query('done');
  const body = (
    <>
      <h1>{ANNOUNCEMENT_TITLE}</h1>
      <WeekPicker path={PATH} id="announcement-week" weekOf={weekOf} />
      <DoneNotice done={done} refused={refused} />
      <ProblemAlert problem={refused?.problem} />
      <OtherErrors problem={refused?.problem} shown={['channel']} />
      <h2>公告文本（可直接复制张贴）</h2>
      <pre class="announcement-text" id="announcement-text">
        {announcement.text}
      </pre>
      <h2>各单位安排的公布情况</h2>
      {announcement.rosters.length === 0 ? (
        <p class="muted">本周没有接访安排。</p>
      ) : (
        <ul class="rosters">
          {announcement.rosters.map((roster) => (
            <li>
              {roster.unitName}：
              {roster.publishedAt === null ? (
                <>
                  <span class="bad">未公布</span>
                  {isOffice(caller.role) && <PublishForm roster={roster} problem={refused?.unit === roster.unit ? refused.problem : undefined} />}
                </>
              ) : (
                <span class="ok">已于 {localTime(roster.publishedAt)} 公布</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return render(c, ANNOUNCEMENT_TITLE, body, refused === undefined ? {} : { status: refused.problem.status === 403 ? 403 : 422 });
};

const weekOfQuery = (c: Context<PageEnv>): LocalDate => {
  const asked = c.req.query('weekOf');
  return mondayOf(asked !== undefined && isLocalDate(asked) ? asked : dayOf(c.var.services.clock.now()));
};

export const announcementPages = new Hono<PageEnv>()
  .get(PATH, (c) => show(c, weekOfQuery(c)))
  .post(PATH, async (c) => {
    const posted = await c.req.parseBody();
    const field = (name: string) => postedText(posted, name);
    const weekOf = isLocalDate(field('weekOf')) ? mondayOf(field('weekOf')) : weekOfQuery(c);
    const response = await c.var.api('/api/v1/duties/announcements', {
      method: 'POST',
      body: { unit: field('unit'), weekOf: field('weekOf'), channel: field('channel'), publishedAt: c.var.services.clock.now() },
      headers: idempotencyHeader(posted),
    });
    if (response.ok) return c.redirect(`${PATH}?${new URLSearchParams({ weekOf, done: '已公布' }).toString()}`, 303);
    return show(c, weekOf, { problem: await readProblem(response), unit: field('unit') });
  });
