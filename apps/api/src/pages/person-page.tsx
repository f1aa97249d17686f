import { Hono } from 'hono';
import { backlogReasonLabels, categoryLabels } from '@xinfang/domain';
import { caseLedgerStatusLabels, type PersonFile, type PersonSearchRow } from '@xinfang/projections';
import { errorPage } from './error-page';
import { render } from './layout';
import { localDay, localTime } from './local-time';
import type { PageEnv } from './page-env';
import { readProblem, type PageProblem } from './problems';
import { casePagePath } from './case-path';


/*
 * 一人一档 at /office/persons/{id}: GET /persons/{id} with the browser's token — the petitioner's data (masked
 * for every role but the office, `[已删除]` once forgotten), every case they are on (each linked to its case
 * page) and every visit they came on. The API lets the office and the auditor read it; others get its 403.
 * /office/persons finds a person by name, phone or id number (the office only, as the API allows).
 */

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const FILE_STATUS: Readonly<Record<PersonFile['status'], string>> = { registered: '在档', erased: '已删除个人信息', missing: '无档案（仅见于事项）' };

const Field = ({ label, value }: { label: string; value: string | undefined }) => (
  <tr>
    <th>{label}</th>
    <td>{value === undefined || value === '' ? '—' : value}</td>
  </tr>
);

export const PERSONS_PAGE_SIZE = 50;

/** 查找信访人: GET /persons?q= (the office only; an id number is matched by the API through its keyed hash). */
const PersonSearch = ({ q, rows, total, problem }: { q: string; rows: readonly PersonSearchRow[]; total: number; problem: PageProblem | undefined }) => (
  <>
    <h1>一人一档</h1>
    <form method="get" action="/office/persons" class="filters">
      <label>
        姓名、电话或身份证号
        <input type="search" name="q" value={q} size={24} required />
      </label>
      <button type="submit">查找</button>
    </form>
    {problem !== undefined && (
      <div class="problem" role="alert">
        <p class="bad">
          {problem.title}
          {problem.detail === '' ? '' : `：${problem.detail}`}
        </p>
        {[...problem.fieldErrors.values()].flat().map((message) => (
          <p class="field-error">{message}</p>
        ))}
      </div>
    )}
    {problem === undefined && q !== '' && (
      <>
        <p class="muted">
          找到 {total} 人{total > rows.length ? `，显示前 ${rows.length} 人` : ''}
        </p>
        {rows.length > 0 && (
          <table class="person-search">
            <thead>
              <tr>
                <th>姓名</th>
                <th>信访事项</th>
                <th>来访</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <a href={`/office/persons/${encodeURIComponent(row.personId)}`}>{row.name}</a>
                  </td>
                  <td>{row.cases} 件</td>
                  <td>{row.visits} 次</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    )}
  </>
);

export const personPages = new Hono<PageEnv>()
  .get('/office/persons', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q === '') return render(c, '一人一档', <PersonSearch q="" rows={[]} total={0} problem={undefined} />);
    const response = await c.var.api(`/api/v1/persons?${new URLSearchParams({ q, limit: String(PERSONS_PAGE_SIZE) }).toString()}`);
    if (!response.ok) {
      const problem = await readProblem(response);
      return render(c, '一人一档', <PersonSearch q={q} rows={[]} total={0} problem={problem} />, { status: problem.status === 403 ? 403 : 400 });
    }
    const { total, rows } = (await response.json()) as { total: number; rows: PersonSearchRow[] };
    return render(c, '一人一档', <PersonSearch q={q} rows={rows} total={total} problem={undefined} />);
  })
  .get('/office/persons/:id', async (c) => {
  const personId = c.req.param('id');
  const back = { href: '/office/cases', label: '返回事项列表' };
  if (!ID.test(personId)) return errorPage(c, { status: 404, title: '未找到', detail: `${personId} 不存在` }, back);
  const response = await c.var.api(`/api/v1/persons/${personId}`);
  if (!response.ok) return errorPage(c, await readProblem(response), back);
  const file = (await response.json()) as PersonFile;
  const p = file.petitioner;
  const body = (
    <>
      <h1>一人一档：{p.name ?? personId}</h1>
      <table class="person">
        <tbody>
          <Field label="姓名" value={p.name} />
          <Field label="身份证号" value={p.idNumber} />
          <Field label="电话" value={p.phone} />
          <Field label="住址" value={p.address} />
          <Field label="建档时间" value={file.registeredAt === null ? undefined : localTime(file.registeredAt)} />
          <Field label="档案状态" value={`${FILE_STATUS[file.status]}${file.erasedAt === null ? '' : `（${localTime(file.erasedAt)}）`}`} />
        </tbody>
      </table>
      <h2>信访事项（{file.cases.length} 件）</h2>
      {file.cases.length > 0 && (
        <table class="person-cases">
          <thead>
            <tr>
              <th>编号</th>
              <th>登记时间</th>
              <th>社区</th>
              <th>类别</th>
              <th>信访事项</th>
              <th>状态</th>
              <th>化解时限</th>
              <th>积案原因</th>
            </tr>
          </thead>
          <tbody>
            {file.cases.map((k) => (
              <tr>
                <td class="nowrap">
                  <a href={casePagePath(k.caseId)}>{k.caseId}</a>
                </td>
                <td class="nowrap">{localTime(k.registeredAt)}</td>
                <td class="nowrap">{k.community}</td>
                <td class="nowrap">{categoryLabels[k.category]}</td>
                <td>{k.summary}</td>
                <td class="nowrap">{caseLedgerStatusLabels[k.status]}</td>
                <td class="nowrap">{k.deadline === null ? '—' : localDay(k.deadline)}</td>
                <td>{k.backlogReasons.map((r) => backlogReasonLabels[r]).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>来访记录（{file.visits.length} 次）</h2>
      {file.visits.length > 0 && (
        <table class="person-visits">
          <thead>
            <tr>
              <th>接待时间</th>
              <th>地点</th>
              <th>接访领导</th>
              <th>人数</th>
              <th>反映事项</th>
              <th>重复访</th>
              <th>事项</th>
            </tr>
          </thead>
          <tbody>
            {file.visits.map((v) => (
              <tr>
                <td class="nowrap">{localTime(v.receivedAt)}</td>
                <td>{v.location}</td>
                <td class="nowrap">{`${v.leader}（${v.leaderPosition}）`}</td>
                <td>{v.visitorCount}</td>
                <td>{v.matter}</td>
                <td>{v.repeat ? '是' : '否'}</td>
                <td class="nowrap">
                  <a href={casePagePath(v.caseId)}>{v.caseId}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
  return render(c, `一人一档 ${p.name ?? personId}`, body);
});
