import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { escapeHtml } from '../html';
import { MAX_LISTED_ERRORS } from '../problem';
import { API_BODY_LIMIT } from '../validator';
import { namedTypes, type JsonSchema } from '../io-ts-schema';
import {
  API_BASE,
  bodySchema,
  endpoints,
  exampleBody,
  exampleOf,
  fullPath,
  openApiDocument,
  roleCode,
  roleLabels,
  tags,
  type Endpoint,
  type Tag,
} from '../openapi';

/*
 * `GET /openapi.json` and `GET /docs`, public (no token): the generated OpenAPI document, and the same
 * endpoints as a readable page in Chinese. The page is rendered on the server and carries its CSS and
 * its one small script inline — no CDN, since the office may be offline — and a Content-Security-Policy
 * that allows exactly those two and nothing else.
 */



/** Single-quotes a word for a POSIX shell. */
const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  Id: '标识',
  Instant: '时间（ISO 8601，带时区）',
  LocalDate: '日期 YYYY-MM-DD',
  Text: '文本',
  Count: '整数 ≥ 1',
  IdNumber: '身份证号',
  Phone: '电话',
};

/** The type of a field in Chinese, enumerations with their labels. */
export const typeLabel = (schema: JsonSchema): string => {
  if (schema.enum !== undefined) {
    const labels = schema['x-enumLabels'];
    return schema.enum.map((v) => (labels?.[String(v)] === undefined ? String(v) : `${String(v)}（${labels[String(v)]}）`)).join(' | ');
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.title !== undefined && TYPE_NAMES[schema.title] !== undefined) return TYPE_NAMES[schema.title] ?? schema.title;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives !== undefined) return alternatives.map(typeLabel).join(' 或 ');
  switch (schema.type) {
    case 'string':
      return '字符串';
    case 'integer':
      return '整数';
    case 'number':
      return '数字';
    case 'boolean':
      return 'true / false';
    case 'null':
      return 'null';
    case 'object':
      return '对象';
    case 'array': {
      const item = schema.items === false || schema.items === undefined ? '任意' : typeLabel(schema.items);
      return `数组（${item}）${(schema.minItems ?? 0) > 0 ? `，至少 ${schema.minItems} 项` : ''}`;
    }
    default:
      return '任意';
  }
};

/** A field's description without what its named type says (the legend of the page says that once). */
const ownDescription = (schema: JsonSchema): string => {
  const text = schema.description ?? '';
  const common = schema.title === undefined ? undefined : namedTypes[schema.title]?.description;
  if (common === undefined || !text.endsWith(common)) return text;
  return text.slice(0, text.length - common.length).replace(/[.;]?\s*$/, '');
};

export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** Every field of a body, nested ones as `petitioners[].name`, required ones first at each level. */
export const fieldRows = (schema: JsonSchema, prefix = ''): FieldRow[] => {
  const required = new Set(schema.required ?? []);
  const names = Object.keys(schema.properties ?? {}).sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  return names.flatMap((name) => {
    const property = schema.properties?.[name] ?? {};
    const path = `${prefix}${name}`;
    const row: FieldRow = { path, type: typeLabel(property), required: required.has(name), description: ownDescription(property) };
    if (property.type === 'object' && property.properties !== undefined) return [row, ...fieldRows(property, `${path}.`)];
    const items = property.type === 'array' && property.items !== false ? property.items : undefined;
    if (items?.type === 'object' && items.properties !== undefined) return [row, ...fieldRows(items, `${path}[].`)];
    return [row];
  });
};

const pathExamples: Readonly<Record<string, string>> = {
  cases: 'case-001',
  duties: 'duty-001',
  inspections: 'inspection-001',
  persons: 'person-001',
};

/** A curl command that calls the endpoint on this server, with an example body and required parameters. */
export const curlExample = (endpoint: Endpoint, origin: string): string => {
  const path = fullPath(endpoint).replace(/\/([^/]+)\/\{[^}]+\}/g, (_m, parent: string) => `/${parent}/${pathExamples[parent] ?? 'example-1'}`);
  const query = (endpoint.query ?? [])
    .filter((q) => q.required === true)
    .map((q) => `${encodeURIComponent(q.name)}=${encodeURIComponent(String(q.example ?? exampleOf(q.schema, q.name)))}`);
  const url = `${origin}${path}${query.length === 0 ? '' : `?${query.join('&')}`}`;
  const lines = [`curl${endpoint.method === 'GET' ? '' : ` -X ${endpoint.method}`} ${shellQuote(url)}`];
  if (endpoint.roles !== 'public') lines.push(`-H "Authorization: Bearer $TOKEN"`);
  const body = exampleBody(endpoint);
  if (body !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d ${shellQuote(JSON.stringify(body, null, 2))}`);
  }
  return lines.join(' \\\n  ');
};

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

const rolesHtml = (endpoint: Endpoint): string =>
  endpoint.roles === 'public'
    ? '公开，无需令牌'
    : endpoint.roles
        .map(
          (a) =>
            `<code>${escapeHtml(roleCode(a))}</code> ${escapeHtml(roleLabels[a.role].zh)}${a.scope === undefined ? '' : `（${escapeHtml(a.scope.zh)}）`}`,
        )
        .join('，');

const fieldsTable = (rows: readonly FieldRow[], caption: string): string =>
  rows.length === 0
    ? ''
    : `<table><caption class="en">${escapeHtml(caption)}</caption><thead><tr><th>字段</th><th>类型</th><th>必填</th><th>说明</th></tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr><td><code>${escapeHtml(r.path)}</code></td><td>${escapeHtml(r.type)}</td><td>${
              r.required ? '<span class="req">必填</span>' : '<span class="opt">可选</span>'
            }</td><td>${escapeHtml(r.description)}</td></tr>`,
        )
        .join('')}</tbody></table>`;

const endpointHtml = (endpoint: Endpoint, origin: string): string => {
  const method = endpoint.method.toLowerCase();
  const id = endpoint.operationId;
  const body = bodySchema(endpoint);
  const queryRows: FieldRow[] = (endpoint.query ?? []).map((q) => ({
    path: q.name,
    type: typeLabel(q.schema),
    required: q.required === true,
    description: `${q.description.zh} / ${q.description.en}`,
  }));
  return `<article id="${escapeHtml(id)}">
<h3><span class="method ${method}">${endpoint.method}</span>${escapeHtml(fullPath(endpoint))}</h3>
<div>${escapeHtml(endpoint.summary.zh)} <span class="en">${escapeHtml(endpoint.summary.en)}</span></div>
${endpoint.notes === undefined ? '' : `<p>${escapeHtml(endpoint.notes.zh)} <span class="en">${escapeHtml(endpoint.notes.en)}</span></p>`}
<div class="meta"><span>角色：${rolesHtml(endpoint)}</span><span>成功：<code>${endpoint.success}</code></span></div>
${fieldsTable(queryRows, '查询参数 / query parameters')}
${body === undefined ? '' : fieldsTable(fieldRows(body), '请求体（JSON）/ request body')}
<div class="curl"><button class="copy" type="button" data-target="curl-${escapeHtml(id)}">复制</button><pre id="curl-${escapeHtml(id)}">${escapeHtml(
    curlExample(endpoint, origin),
  )}</pre></div>
</article>`;
};

/** The docs page: every endpoint of the OpenAPI document, grouped by tag. */
export const docsPage = (origin: string): string => {
  const groups = (Object.keys(tags) as Tag[])
    .map((tag) => ({ tag, items: endpoints.filter((e) => e.tag === tag) }))
    .filter((g) => g.items.length > 0);
  const nav = groups
    .map(
      (g) =>
        `<h2>${escapeHtml(tags[g.tag].zh)}</h2><ul>${g.items
          .map((e) => `<li><a href="#${escapeHtml(e.operationId)}">${e.method} ${escapeHtml(e.path)}</a></li>`)
          .join('')}</ul>`,
    )
    .join('');
  const sections = groups
    .map(
      (g) =>
        `<h2 class="tag">${escapeHtml(tags[g.tag].zh)} <span class="en">${escapeHtml(tags[g.tag].en)}</span></h2>${g.items
          .map((e) => endpointHtml(e, origin))
          .join('\n')}`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>信访 API 文档</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>信访 API 文档 <small>v1</small></h1><p>街道信访办的 HTTP 接口。机器可读的描述：<a href="/openapi.json">/openapi.json</a>（OpenAPI 3.1）</p></header>
<div class="layout">
<nav>${nav}</nav>
<main>
<section class="intro">
<h2>约定</h2>
<ul>
<li>以下接口都在 <code>${API_BASE}</code> 之下；<code>/health</code>、<code>/openapi.json</code> 和本页在根路径。</li>
<li>认证：<code>Authorization: Bearer &lt;令牌&gt;</code>。令牌用命令行创建：<code>xinfang token create --role ROLE</code>。缺少或无效的令牌返回 401，角色无权返回 403。下面的示例假定令牌在环境变量 <code>$TOKEN</code> 中。</li>
<li>请求与响应都是 JSON，字段名为英文 camelCase，枚举值为英文代码（括号中为中文含义）。时间为带时区的 ISO 8601（如 <code>2024-09-18T09:30:00+08:00</code>），日期为北京时间的日（<code>2024-09-18</code>）。</li>
<li>错误为 <code>application/problem+json</code>：<code>{type, title, status, detail, errors?}</code>。请求体有误返回 400 并逐项列出字段路径（至多 ${MAX_LISTED_ERRORS} 项，其余计入 <code>moreErrors</code>）；请求体超过 ${API_BODY_LIMIT} 字节返回 413；业务规则不允许返回 422 并带 <code>code</code>；标识不存在返回 404；存储暂不可用（繁忙、磁盘已满、只读）返回 503 并带 <code>Retry-After</code>，稍后重试即可。</li>
<li>每个命令（POST、DELETE）可带 <code>Idempotency-Key</code>：同一个键再次提交返回首次结果，不重复写入；可带 <code>If-Match: &lt;版本号&gt;</code>：记录已被修改则返回 409 及当前版本。命令返回 <code>{id, revision, position}</code>（新建 201，其他 200）。</li>
<li>台账与指标查询接受 <code>asOf</code>（业务时间）和 <code>knownAt</code>（记录时间），默认都是现在；台账接受 <code>format=json|csv|xlsx</code> 与 <code>limit</code>/<code>offset</code>。除信访办外，个人信息一律脱敏。</li>
</ul>
<h2>字段类型</h2>
<table><thead><tr><th>类型</th><th>名称</th><th>说明</th></tr></thead><tbody>${Object.entries(namedTypes)
    .map(
      ([name, t]) =>
        `<tr><td>${escapeHtml(typeLabel(t))}</td><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(t.description ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>
</section>
${sections}
</main>
</div>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

/** The document and the page never change while the server runs: the document is serialised once. */
let documentJson: string | undefined;

export const docs = new Hono<AppEnv>()
  .get('/openapi.json', (c) => {
    documentJson ??= JSON.stringify(openApiDocument());
    return c.body(documentJson, 200, { 'content-type': 'application/json; charset=utf-8' });
  })
  .get('/docs', (c) =>
    c.body(docsPage(new URL(c.req.url).origin), 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': DOCS_CSP,
    }),
  );
