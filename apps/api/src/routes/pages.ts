import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { addDays, dayOf } from '@xinfang/domain';
import { cellText, formTitle, forms, type FormName } from '@xinfang/reports';
import type { AppEnv } from '../env';
import { escapeHtml } from '../html';
import { limitBody } from '../validator';

/*
 * The office's pages: read-only views of the KPIs and the four forms, in Chinese. The browser logs in
 * with the URL `serve` prints (`/?token=…`): the token moves into an HttpOnly cookie and out of the
 * address bar. Each page asks the API itself, in-process, with that token — so the pages see exactly
 * what the token's role may see, masked exactly as the API masks it, and no rule is written twice.
 */

const COOKIE = 'xinfang_token';
/** A login form holds one token: anything longer is refused unread, before anyone is authenticated. */
export const LOGIN_BODY_LIMIT = 8 * 1024;
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type ApiFetch = (path: string, token: string) => Promise<Response>;

const page = (title: string, body: string, nav = true): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 信访工作台</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#b42318;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header strong{font-size:1.1rem;margin-right:1rem}
main{padding:1rem 1.2rem}h1{font-size:1.3rem}table{border-collapse:collapse;background:#fff;font-size:.85rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;white-space:pre-line;min-width:3.5em}th{white-space:nowrap}th{background:#eaeef2}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem}.card b{font-size:1.4rem}
.bad{color:#b42318}.ok{color:#1a7f37}form.filters{margin:.6rem 0;display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}
.muted{color:#57606a;font-size:.85rem}
</style></head><body>
${nav ? `<header><strong>信访工作台</strong><a href="/">概览</a>${(Object.keys(forms) as FormName[])
  .map((name) => `<a href="/office/ledgers/${name}">${escapeHtml(forms[name].number)}</a>`)
  .join('')}<a href="/docs">接口文档</a><a href="/logout">退出</a></header>` : ''}
<main>${body}</main></body></html>`;

const html = (c: Context<AppEnv>, body: string, status: 200 | 401 | 404 = 200) =>
  c.body(body, status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' });

const loginPage = (message?: string) =>
  page(
    '登录',
    `<h1>信访工作台 登录</h1>
${message === undefined ? '' : `<p class="bad">${escapeHtml(message)}</p>`}
<p>请打开启动服务时打印的登录链接，或输入访问令牌（由 <code>xinfang token create</code> 生成）。</p>
<form method="post" action="/login"><input name="token" type="password" size="50" autocomplete="off" required> <button>登录</button></form>
<p class="muted"><a href="/docs">接口文档 / API docs</a></p>`,
    false,
  );

const tokenOf = async (c: Context<AppEnv>): Promise<string | undefined> => {
  const token = getCookie(c, COOKIE);
  return token !== undefined && (await c.var.services.database.tokens.verify(token)) !== undefined ? token : undefined;
};

const logIn = async (c: Context<AppEnv>, token: string | undefined) => {
  if (token === undefined || (await c.var.services.database.tokens.verify(token)) === undefined) {
    return html(c, loginPage('令牌无效或已撤销 / unknown or revoked token'), 401);
  }
  setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
  // Back to the same page, with the token out of the address bar (and so out of history and logs).
  const url = new URL(c.req.url);
  url.searchParams.delete('token');
  return c.redirect(c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/', 302);
};

const percent = (rate: { numerator: number; denominator: number; rate: number | null }) =>
  rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%（${rate.numerator}/${rate.denominator}）`;

type Rate = { numerator: number; denominator: number; rate: number | null };
const KPI_RATES: readonly [string, string, number | undefined][] = [
  ['firstPetitionOneTimeResolution', '初信初访一次性化解率', 0.99],
  ['timelyAcceptance', '及时受理率', 1],
  ['onTimeResolution', '按期办结率', 1],
  ['satisfaction', '满意率', undefined],
  ['participation', '参评率', undefined],
  ['packageResolution', '包案化解率', 0.85],
];

const overview = (kpis: Record<string, unknown>, from: string, to: string): string => {
  const card = (label: string, value: string, ok?: boolean) =>
    `<div class="card"><div>${escapeHtml(label)}</div><b class="${ok === undefined ? '' : ok ? 'ok' : 'bad'}">${escapeHtml(value)}</b></div>`;
  const volume = kpis.volume as { total: number };
  const visits = kpis.visits as { batches: number; people: number; collective: number };
  const escalations = kpis.escalations as { total: number; beijing: number; province: number };
  const backlog = kpis.backlog as { open: number; resolution: Rate };
  const incidents = kpis.incidents as { held: boolean };
  const screening = kpis.screeningReports as Rate & { required: number; fulfilled: number };
  const rates = KPI_RATES.map(([key, label, target]) => {
    const rate = kpis[key] as Rate;
    return card(label, percent(rate), target === undefined || rate.rate === null ? undefined : rate.rate >= target);
  });
  return `<h1>概览 ${escapeHtml(from)} 至 ${escapeHtml(to)}</h1>
<form class="filters" method="get" action="/"><label>自 <input type="date" name="from" value="${escapeHtml(from)}"></label>
<label>至 <input type="date" name="to" value="${escapeHtml(to)}"></label><button>查询</button></form>
<div class="cards">
${card('信访总量', String(volume.total))}
${card('来访批次 / 人次', `${visits.batches} / ${visits.people}（集体访 ${visits.collective}）`)}
${card('越级上访（到省 / 进京）', `${escalations.total}（${escalations.province} / ${escalations.beijing}）`, escalations.total === 0)}
${card('在册积案', String(backlog.open), backlog.open === 0)}
${card('积案化解率', percent(backlog.resolution))}
${card('排查报送（周三、五）', `${screening.fulfilled}/${screening.required}`, screening.rate === null || screening.rate >= 1)}
${card('三个不发生', incidents.held ? '守住' : '已发生事件', incidents.held)}
${rates.join('\n')}
</div>`;
};

const ledgerPage = (name: FormName, ledger: { total: number; rows: unknown[]; asOf: string }, query: string): string => {
  const form = forms[name] as (typeof forms)['disputes'];
  const head = form.columns.map((column) => `<th>${escapeHtml(column.header)}</th>`).join('');
  const rows = (ledger.rows as Parameters<(typeof form.columns)[number]['value']>[0][])
    .map((row) => `<tr>${form.columns.map((column) => `<td>${escapeHtml(cellText(column, row))}</td>`).join('')}</tr>`)
    .join('\n');
  const params = new URLSearchParams(query);
  return `<h1>${escapeHtml(formTitle(form))}</h1>
<form class="filters" method="get"><label>截至 <input type="date" name="asOf" value="${escapeHtml(params.get('asOf') ?? '')}"></label>
<label>社区 <input name="communityId" value="${escapeHtml(params.get('communityId') ?? '')}" size="12"></label><button>查询</button>
<a href="/office/exports/${name}?${escapeHtml(withFormat(query, 'xlsx'))}">导出 Excel</a>
<a href="/office/exports/${name}?${escapeHtml(withFormat(query, 'csv'))}">导出 CSV</a></form>
<p class="muted">共 ${ledger.total} 条 · 截至 ${escapeHtml(ledger.asOf)}</p>
<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
};

const withFormat = (query: string, format: string): string => {
  const params = new URLSearchParams(query);
  params.set('format', format);
  return params.toString();
};

/** The query string a page passes on to the API: only the filters it knows, empty ones left out. */
const passOn = (c: Context<AppEnv>, names: readonly string[]): string => {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = c.req.query(name);
    if (value !== undefined && value !== '') params.set(name, value);
  }
  return params.toString();
};

/**
 * The form a page names, or undefined. Only these four names ever reach the API: the name is not put
 * into a path as it came (`..%2Fcases%2Fx1` would reach any GET of the API with the page's token).
 */
const formNamed = (name: string): FormName | undefined =>
  Object.hasOwn(forms, name) ? (name as FormName) : undefined;

const noSuchForm = (c: Context<AppEnv>) => html(c, page('未找到', '<p class="bad">没有这张表 / no such form</p>'), 404);

const problemText = async (response: Response): Promise<string> => {
  const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
  return `${body.title ?? response.status}：${body.detail ?? ''}`;
};

export const pages = (apiFetch: ApiFetch) =>
  new Hono<AppEnv>()
    // A login URL may point at any page: take the token, then show that page.
    .use('/office/*', async (c: Context<AppEnv>, next) => {
      const fromUrl = c.req.query('token');
      if (c.req.method === 'GET' && fromUrl !== undefined) return logIn(c, fromUrl);
      await next();
    })
    .get('/', async (c) => {
      const fromUrl = c.req.query('token');
      if (fromUrl !== undefined) return logIn(c, fromUrl);
      const token = await tokenOf(c);
      if (token === undefined) return html(c, loginPage());
      const today = dayOf(c.var.services.clock.now());
      const from = c.req.query('from') || addDays(today, -29);
      const to = c.req.query('to') || today;
      // The figures as they stood at the end of the window, not today: a past month is read as it closed.
      const asOf = to < today ? to : c.var.services.clock.now();
      const response = await apiFetch(`/api/v1/kpis?${new URLSearchParams({ from, to, asOf }).toString()}`, token);
      if (!response.ok) return html(c, page('概览', `<p class="bad">${escapeHtml(await problemText(response))}</p>`));
      return html(c, page('概览', overview((await response.json()) as Record<string, unknown>, from, to)));
    })
    .post('/login', limitBody(LOGIN_BODY_LIMIT), async (c) => {
      const form = await c.req.parseBody();
      return logIn(c, typeof form.token === 'string' ? form.token.trim() : undefined);
    })
    .get('/logout', (c) => {
      deleteCookie(c, COOKIE, { path: '/' });
      return c.redirect('/', 302);
    })
    .get('/office/ledgers/:name', async (c) => {
      const name = formNamed(c.req.param('name'));
      const token = await tokenOf(c);
      if (token === undefined) return c.redirect('/', 302);
      if (name === undefined) return noSuchForm(c);
      const query = passOn(c, ['asOf', 'knownAt', 'communityId', 'from', 'to', 'unit', 'leaderId', 'category']);
      const response = await apiFetch(`/api/v1/ledgers/${name}?${query}`, token);
      if (!response.ok) return html(c, page('台账', `<p class="bad">${escapeHtml(await problemText(response))}</p>`));
      const ledger = (await response.json()) as { total: number; rows: unknown[]; asOf: string };
      return html(c, page(formTitle(forms[name]), ledgerPage(name, ledger, query)));
    })
    .get('/office/exports/:name', async (c) => {
      const name = formNamed(c.req.param('name'));
      const token = await tokenOf(c);
      if (token === undefined) return c.redirect('/', 302);
      if (name === undefined) return noSuchForm(c);
      const query = passOn(c, ['asOf', 'knownAt', 'communityId', 'from', 'to', 'unit', 'leaderId', 'category', 'format']);
      const response = await apiFetch(`/api/v1/ledgers/${name}?${query}`, token);
      return new Response(response.body, { status: response.status, headers: response.headers });
    });
