import { Hono } from 'hono';
import { clientOf, lookUpStatus } from '../public-status';
import { limitBody } from '../validator';
import { render, type PageStatus } from './layout';
import type { PageEnv } from './page-env';
import { StatusTable } from './notice-sheet';

/*
 * 办理进度查询 (/status), the public page behind a receipt: no login, no menu. The code is posted, never put
 * in a URL (where a browser's history and a proxy's log would keep it), and looked up as
 * GET /public/status/{code} looks it up — the same answer, the same bound on failed guesses.
 */

const PATH = '/status';

const StatusForm = ({ code, message }: { code: string; message?: string | undefined }) => (
  <form method="post" action={PATH} class="filters">
    <label for="status-code">
      查询码
      <input id="status-code" name="code" value={code} autocomplete="off" maxlength={40} placeholder="XXXX-XXXX-XXXX-XXXX" required />
      {message !== undefined && (
        <span class="field-error" role="alert">
          {message}
        </span>
      )}
    </label>
    <button type="submit">查询</button>
  </form>
);

const Page = (props: { code: string; message?: string | undefined; children?: unknown }) => (
  <>
    <h1>信访事项办理进度查询</h1>
    <p class="muted">请输入信访事项登记回执上的查询码。本页只显示办理阶段、日期、期限和承办单位。</p>
    <StatusForm code={props.code} message={props.message} />
    {props.children}
  </>
);

const MESSAGES = {
  malformed: '查询码应为回执上的 16 位字母和数字',
  unknown: '查询码不存在或已作废，请核对回执或联系信访办',
} as const;

export const statusPages = new Hono<PageEnv>()
  .get(PATH, (c) => render(c, '办理进度查询', <Page code="" />, { nav: false }))
  .post(PATH, limitBody(1_024), async (c) => {
    const posted = await c.req.parseBody();
    const code = typeof posted['code'] === 'string' ? posted['code'].trim() : '';
    const found = await lookUpStatus(c.var, clientOf(c), code);
    switch (found.kind) {
      case 'found':
        return render(c, '办理进度查询', <Page code=""><StatusTable status={found.status} /></Page>, { nav: false });
      case 'limited':
        c.header('retry-after', String(found.retryAfter));
        return render(c, '办理进度查询', <Page code="" message={`查询错误次数过多，请 ${Math.ceil(found.retryAfter / 60)} 分钟后再试`} />, { nav: false, status: 429 as PageStatus });
      default:
        return render(c, '办理进度查询', <Page code={code} message={MESSAGES[found.kind]} />, { nav: false, status: (found.kind === 'malformed' ? 400 : 404) as PageStatus });
    }
  });
