import { createHash } from 'node:crypto';
import type { FC } from 'hono/jsx';
import { roleCode, roleLabels } from '../access';
import { tags, type Endpoint, type Tag } from '../endpoint';
import { curlExample, fieldRows, typeLabel, type FieldRow } from '../endpoint-docs';
import { namedTypes } from '../io-ts-schema';
import { API_BASE, bodySchema, fullPath } from '../openapi';
import { MAX_LISTED_ERRORS } from '../problem';
import { API_BODY_LIMIT } from '../validator';

/*
 * `GET /docs`, public: every endpoint the routes declare, as a readable page in Chinese. Rendered on the
 * server; it carries its CSS and its one small script inline — no CDN, since the office may be offline —
 * and a Content-Security-Policy that allows exactly those two and nothing else.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#9e1b1b;color:#fff;padding:20px 32px}
header h1{margin:0;font-size:24px}
header p{margin:4px 0 0;opacity:.9}
header a{color:#fff}
.layout{display:flex;align-items:flex-start;gap:24px;padding:24px 32px;max-width:1400px;margin:0 auto}
nav{position:sticky;top:16px;flex:0 0 260px;max-height:calc(100vh - 32px);overflow:auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;font-size:13px}
nav h2{font-size:14px;margin:12px 0 4px}
nav ul{list-style:none;margin:0;padding:0}
nav a{color:#0969da;text-decoration:none}
main{flex:1;min-width:0}
section.intro,article{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:16px 20px;margin-bottom:16px}
h2.tag{margin:28px 0 12px;font-size:20px;border-bottom:2px solid #9e1b1b;padding-bottom:4px}
article h3{margin:0 0 6px;font-size:16px;font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.method{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;padding:1px 8px;margin-right:8px;font-size:13px}
.method.get{background:#1a7f37}.method.post{background:#0969da}.method.delete{background:#cf222e}
.en{color:#656d76;font-size:13px}
.meta{font-size:13px;margin:8px 0}
.meta span{display:inline-block;margin-right:16px}
table{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td code,li code,p code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#eff1f3;padding:0 4px;border-radius:3px}
.req{color:#cf222e;font-weight:600}
.opt{color:#656d76}
.curl{position:relative}
pre{background:#161b22;color:#e6edf3;padding:12px;border-radius:6px;overflow:auto;font-size:12px;margin:8px 0 0}
button.copy{position:absolute;top:6px;right:6px;border:1px solid #8c959f;background:#fff;border-radius:4px;padding:2px 10px;cursor:pointer;font-size:12px}
@media (max-width:900px){.layout{flex-direction:column;padding:12px}nav{position:static;flex:none;width:100%;max-height:none}}
@media print{nav,button.copy{display:none}header{background:none;color:#000}}
`;

const SCRIPT = `
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button.copy') : null;
  if (!button) return;
  var pre = document.getElementById(button.getAttribute('data-target'));
  if (!pre) return;
  var done = function () { button.textContent = '已复制'; setTimeout(function () { button.textContent = '复制'; }, 1500); };
  var fallback = function () {
    var range = document.createRange(); range.selectNodeContents(pre);
    var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
    try { document.execCommand('copy'); done(); } catch (e) { /* the text stays selected */ }
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(pre.textContent).then(done, fallback);
  else fallback();
});
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Only the inline style and script above; no other source, no frames, no forms. */
export const DOCS_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const Roles: FC<{ endpoint: Endpoint }> = ({ endpoint }) =>
  endpoint.roles === 'public' ? (
    <>公开，无需令牌</>
  ) : (
    <>
      {endpoint.roles.access.map((a, i) => (
        <>
          {i > 0 && '，'}
          <code>{roleCode(a)}</code> {roleLabels[a.role].zh}
          {a.scope !== undefined && `（${a.scope.zh}）`}
        </>
      ))}
    </>
  );

const FieldsTable: FC<{ rows: readonly FieldRow[]; caption: string }> = ({ rows, caption }) =>
  rows.length === 0 ? null : (
    <table>
      <caption class="en">{caption}</caption>
      <thead>
        <tr>
          <th>字段</th>
          <th>类型</th>
          <th>必填</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <code>{r.path}</code>
            </td>
            <td>{r.type}</td>
            <td>{r.required ? <span class="req">必填</span> : <span class="opt">可选</span>}</td>
            <td>{r.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const EndpointEntry: FC<{ endpoint: Endpoint; origin: string }> = ({ endpoint, origin }) => {
  const id = endpoint.operationId;
  const body = bodySchema(endpoint);
  const queryRows: FieldRow[] = Object.entries(endpoint.query ?? {}).map(([name, q]) => ({
    path: name,
    type: typeLabel(q.schema),
    required: q.required === true,
    description: `${q.description.zh} / ${q.description.en}`,
  }));
  return (
    <article id={id}>
      <h3>
        <span class={`method ${endpoint.method.toLowerCase()}`}>{endpoint.method}</span>
        {fullPath(endpoint)}
      </h3>
      <div>
        {endpoint.summary.zh} <span class="en">{endpoint.summary.en}</span>
      </div>
      {endpoint.notes !== undefined && (
        <p>
          {endpoint.notes.zh} <span class="en">{endpoint.notes.en}</span>
        </p>
      )}
      <div class="meta">
        <span>
          角色：
          <Roles endpoint={endpoint} />
        </span>
        <span>
          成功：<code>{endpoint.success}</code>
        </span>
      </div>
      <FieldsTable rows={queryRows} caption="查询参数 / query parameters" />
      {body !== undefined && <FieldsTable rows={fieldRows(body)} caption="请求体（JSON）/ request body" />}
      <div class="curl">
        <button class="copy" type="button" data-target={`curl-${id}`}>
          复制
        </button>
        <pre id={`curl-${id}`}>{curlExample(endpoint, origin)}</pre>
      </div>
    </article>
  );
};

const Conventions: FC = () => (
  <section class="intro">
    <h2>约定</h2>
    <ul>
      <li>
        以下接口都在 <code>{API_BASE}</code> 之下；<code>/health</code>、<code>/openapi.json</code> 和本页在根路径。
      </li>
      <li>
        认证：<code>Authorization: Bearer &lt;令牌&gt;</code>。令牌用命令行创建：<code>xinfang token create --role ROLE</code>
        。缺少或无效的令牌返回 401，角色无权返回 403。下面的示例假定令牌在环境变量 <code>$TOKEN</code> 中。
      </li>
      <li>
        请求与响应都是 JSON，字段名为英文 camelCase，枚举值为英文代码（括号中为中文含义）。时间为带时区的 ISO 8601（如{' '}
        <code>2024-09-18T09:30:00+08:00</code>），日期为北京时间的日（<code>2024-09-18</code>）。
      </li>
      <li>
        错误为 <code>application/problem+json</code>：<code>{'{type, title, status, detail, errors?}'}</code>
        。请求体或查询参数有误返回 400 并逐项列出字段（至多 {MAX_LISTED_ERRORS} 项，其余计入 <code>moreErrors</code>
        ），接口不认识的查询参数也是 400；请求体超过 {API_BODY_LIMIT} 字节返回 413；业务规则不允许返回 422 并带 <code>code</code>
        ；标识不存在返回 404；存储暂不可用（繁忙、磁盘已满、只读）返回 503 并带 <code>Retry-After</code>，稍后重试即可。
      </li>
      <li>
        每个命令（POST、DELETE）可带 <code>Idempotency-Key</code>：同一个键再次提交返回首次结果，不重复写入；可带{' '}
        <code>If-Match: &lt;版本号&gt;</code>：记录已被修改则返回 409 及当前版本。命令返回 <code>{'{id, revision, position}'}</code>
        （新建 201，其他 200）。
      </li>
      <li>
        台账与指标查询接受 <code>asOf</code>（业务时间）和 <code>knownAt</code>（记录时间），默认都是现在；台账接受{' '}
        <code>format=json|csv|xlsx</code> 与 <code>limit</code>/<code>offset</code>。除信访办外，个人信息一律脱敏。
      </li>
    </ul>
    <h2>字段类型</h2>
    <table>
      <thead>
        <tr>
          <th>类型</th>
          <th>名称</th>
          <th>说明</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(namedTypes).map(([name, type]) => (
          <tr>
            <td>{typeLabel(type)}</td>
            <td>
              <code>{name}</code>
            </td>
            <td>{type.description ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </section>
);

const DocsPage: FC<{ endpoints: readonly Endpoint[]; origin: string }> = ({ endpoints, origin }) => {
  const groups = (Object.keys(tags) as Tag[])
    .map((tag) => ({ tag, items: endpoints.filter((e) => e.tag === tag) }))
    .filter((g) => g.items.length > 0);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>信访 API 文档</title>
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <header>
          <h1>
            信访 API 文档 <small>v1</small>
          </h1>
          <p>
            街道信访办的 HTTP 接口。机器可读的描述：<a href="/openapi.json">/openapi.json</a>（OpenAPI 3.1）
          </p>
        </header>
        <div class="layout">
          <nav>
            {groups.map((g) => (
              <>
                <h2>{tags[g.tag].zh}</h2>
                <ul>
                  {g.items.map((e) => (
                    <li>
                      <a href={`#${e.operationId}`}>
                        {e.method} {e.path}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </nav>
          <main>
            <Conventions />
            {groups.map((g) => (
              <>
                <h2 class="tag">
                  {tags[g.tag].zh} <span class="en">{tags[g.tag].en}</span>
                </h2>
                {g.items.map((e) => (
                  <EndpointEntry endpoint={e} origin={origin} />
                ))}
              </>
            ))}
          </main>
        </div>
        <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />
      </body>
    </html>
  );
};

/** The docs page of the endpoints, as the HTML the server sends. */
export const docsPage = async (endpoints: readonly Endpoint[], origin: string): Promise<string> =>
  `<!doctype html>\n${(await (<DocsPage endpoints={endpoints} origin={origin} />)).toString()}`;
