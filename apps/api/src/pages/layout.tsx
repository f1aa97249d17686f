import { lets, officeOnly } from '../access';
import { readsCampaign } from '../routes/campaign-report';
import { readsFigures } from '../query-view';
import type { Context } from 'hono';
import { mayRecordVisits, mayRegisterCases } from '../case-access';
import { mayReport } from '../routes/screening-reports';
import type { Child } from 'hono/jsx';
import { RequestContext } from 'hono/jsx-renderer';
import { ledgerEntries, type LedgerEntry } from '@xinfang/reports';
import type { Role } from '../roles';
import type { PageEnv } from './page-env';

/*
 * The frame of every page: the menu, one stylesheet sized for 1366×768, and a print stylesheet (A4
 * landscape, no menu, no filters or buttons — only what is marked `.print` or is not marked `.noprint`).
 * Pages are rendered to a string on the server; no script, no framework.
 */

/** No script may run; styles inline only; forms post only to this server. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface MenuItem {
  readonly href: string;
  readonly label: string;
  /** Shown only to the roles it says (default: every role) — a link the role may not open is left out. */
  readonly shownTo?: (role: Role) => boolean;
}

/** A leader reads the roster, not the ledgers of every case of a community (API.md). */
const readsLedger = (entry: LedgerEntry) => (role: Role) => entry.public || role.kind !== 'leader';

/** The menu, in order. Each page's owner adds its line here. */
export const MENU: readonly MenuItem[] = [
  { href: '/', label: '工作台' },
  ...ledgerEntries.map((entry) => ({ href: `/office/ledgers/${entry.name}`, label: entry.form.number, shownTo: readsLedger(entry) })),
  { href: '/office/cases', label: '信访事项', shownTo: (role) => role.kind !== 'inspector' },
  { href: '/office/register/visit', label: '登记来访', shownTo: mayRecordVisits },
  { href: '/office/register/case', label: '登记事项', shownTo: mayRegisterCases },
  { href: '/office/register/screening', label: '排查报送', shownTo: mayReport },
  { href: '/office/duties', label: '接访排班' },
  { href: '/office/duties/announcement', label: '接访公告' },
  { href: '/office/persons', label: '一人一档', shownTo: (role) => role.kind === 'office' },
  { href: '/office/analysis', label: '热点分析', shownTo: (role) => lets(readsFigures, role) },
  { href: '/office/reports/campaign', label: '工作总结', shownTo: (role) => lets(readsCampaign, role) },
  { href: '/office/notices', label: '告知书模板', shownTo: (role) => lets(officeOnly, role) },
  { href: '/office/reference', label: '基础数据' },
  { href: '/docs', label: '接口文档' },
  { href: '/logout', label: '退出' },
];

const STYLE = `
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa;font-size:14px}
header{background:#b42318;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none;white-space:nowrap}header a:hover,header a:focus{text-decoration:underline}
header strong{font-size:1.1rem;margin-right:.8rem}header .who{margin-left:auto;font-size:.85rem;opacity:.9}
main{padding:.8rem 1rem}h1{font-size:1.25rem;margin:.4rem 0 .6rem}h2{font-size:1.05rem}
a{color:#0b57d0}
table{border-collapse:collapse;background:#fff;font-size:.85rem}
th,td{border:1px solid #d0d7de;padding:.25rem .45rem;vertical-align:top;white-space:pre-line;min-width:3.5em}
th{white-space:nowrap;background:#eaeef2;text-align:left}
.nowrap,time{white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.8rem}.card b{font-size:1.4rem}
.bad{color:#b42318}.ok{color:#1a7f37}.warn{color:#9a6700}
form.filters{margin:.5rem 0;display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}
label{display:inline-flex;flex-direction:column;gap:.15rem;font-size:.85rem}
input,select,button,textarea{font:inherit;padding:.2rem .35rem}
button,.button{background:#fff;border:1px solid #8c959f;border-radius:4px;cursor:pointer;color:#1f2328;text-decoration:none;padding:.25rem .6rem}
.field-error{color:#b42318;font-size:.8rem}
.announcement-text{background:#fff;border:1px solid #d0d7de;padding:.8rem;white-space:pre-wrap;font-family:inherit;font-size:1rem;max-width:60rem}
.inline-form{display:inline-flex;gap:.5rem;align-items:end;margin-left:.6rem}
.muted{color:#57606a;font-size:.85rem}
.pager{display:flex;gap:.8rem;align-items:center;margin:.6rem 0}
.problem{background:#fff;border:1px solid #b42318;border-radius:6px;padding:.8rem 1rem;max-width:48rem}
.print-only{display:none}
.form-subtitle{margin:.2rem 0;font-size:.9rem}.actions{margin:.3rem 0 .6rem}
@media print{
@page{size:A4 landscape;margin:10mm 10mm 12mm;@bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页";font-size:8pt}}
body{background:#fff;font-size:10pt}
header,.noprint,form.filters,.pager{display:none!important}
.print-only{display:block}
main{padding:0}
h1.form-title{text-align:center;font-size:16pt;margin:0 0 4mm}
table{width:100%;font-size:8pt}
th{background:#eee!important;print-color-adjust:exact;-webkit-print-color-adjust:exact;white-space:normal}
thead{display:table-header-group}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;

export interface LayoutProps {
  readonly title: string;
  /** Whose menu: items not shown to this role are left out (no role: the whole menu). */
  readonly role?: Role | undefined;
  /** The menu is left out of the login page. */
  readonly nav?: boolean;
  readonly who?: string | undefined;
  readonly children?: Child;
}

export const Layout = ({ title, nav = true, who, role, children }: LayoutProps) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · 信访工作台`}</title>
      <style>{STYLE}</style>
    </head>
    <body>
      {nav && (
        <header>
          <strong>信访工作台</strong>
          <nav aria-label="主菜单" style="display:contents">
            {MENU.filter((item) => role === undefined || item.shownTo === undefined || item.shownTo(role)).map((item) => (
              <a href={item.href}>{item.label}</a>
            ))}
          </nav>
          {who !== undefined && <span class="who">{who}</span>}
        </header>
      )}
      <main>{children}</main>
    </body>
  </html>
);

/** How a token's holder is shown in the menu. */
const whoOf = (c: Context<PageEnv>): string | undefined => {
  const caller = c.var.pageCaller;
  if (caller === undefined) return undefined;
  const role = caller.role;
  const roleText =
    role.kind === 'office'
      ? '信访办'
      : role.kind === 'auditor'
        ? '审计'
        : role.kind === 'inspector'
          ? '督查'
          : role.kind === 'community'
            ? `社区 ${role.communityId}`
            : `领导 ${role.leaderId}`;
  return `${caller.name}（${roleText}）`;
};

export type PageStatus = 200 | 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

/**
 * Renders a page: the layout around `body`, as `text/html`, with the pages' CSP and no caching (pages
 * hold personal data). Components inside may call `useRequestContext()` (e.g. `CsrfField`).
 */
export const render = async (
  c: Context<PageEnv>,
  title: string,
  body: Child,
  options: { readonly status?: PageStatus; readonly nav?: boolean } = {},
): Promise<Response> => {
  const page = (
    <RequestContext.Provider value={c}>
      <Layout title={title} nav={options.nav ?? true} who={whoOf(c)} role={c.var.pageCaller?.role}>
        {body}
      </Layout>
    </RequestContext.Provider>
  );
  const html = `<!doctype html>\n${(await page).toString()}`;
  return c.body(html, options.status ?? 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
  });
};
