import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterCommunityBody } from '@xinfang/domain';
import { toJsonSchema } from './io-ts-schema';
import { bodySchema, fullPath, openApiDocument } from './openapi';
import { endpoints } from './routes/system';
import { startTestServer, type TestServer } from './test-server';
import { curlExample, fieldRows, typeLabel } from './endpoint-docs';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const unescape = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('GET /docs', () => {
  it('is a public page in Chinese, text/html; charset=utf-8', async () => {
    const res = await server.call('GET', '/docs', { role: null });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(res.text).toContain('<title>信访 API 文档</title>');
    expect(res.text).toContain('href="/openapi.json"');
    // The legend says once what each of our types means.
    expect(res.text).toContain('<td>身份证号</td><td><code>IdNumber</code></td>');
  });

  it('lists every path of the OpenAPI document with its method', async () => {
    const { text } = await server.call('GET', '/docs', { role: null });
    const doc = openApiDocument(endpoints);
    let count = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        count += 1;
        expect(text, `${method} ${path}`).toContain(`${method.toUpperCase()}</span>${path}</h3>`);
      }
    }
    expect(count).toBe(endpoints.length);
  });

  it('shows roles, body fields with type and required, and a curl example per endpoint', async () => {
    const { text } = await server.call('GET', '/docs', { role: null });
    const article = text.slice(text.indexOf('<article id="registerCase">'), text.indexOf('</article>', text.indexOf('<article id="registerCase">')));
    expect(article).toContain('<code>office</code> 信访办');
    expect(article).toContain('<code>community:&lt;communityId&gt;</code> 社区（仅本社区）');
    expect(article).toContain('<td><code>origin</code></td><td>screening（排查） | visit（来访） | letter（来信） | online（网上信访） | phone（来电）</td><td><span class="req">必填</span>');
    expect(article).toContain('<td><code>petitioners[].idNumber</code></td><td>身份证号</td><td><span class="opt">可选</span>');
    expect(article).toContain('<td><code>caseId</code></td><td>标识</td><td><span class="opt">可选</span>');
    const curl = unescape(/<pre id="curl-registerCase">([\s\S]*?)<\/pre>/.exec(article)?.[1] ?? '');
    expect(curl).toContain(`curl -X POST '${server.url}/api/v1/cases'`);
    expect(curl).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(curl).toContain(`-H 'Content-Type: application/json'`);
    expect(text.match(/<pre id="curl-/g)).toHaveLength(endpoints.length);
    expect(text.match(/<button class="copy"/g)).toHaveLength(endpoints.length);
  });

  it('loads nothing from elsewhere: inline CSS and script only, pinned by the Content-Security-Policy', async () => {
    const res = await server.call('GET', '/docs', { role: null });
    expect(res.text).not.toMatch(/<script[^>]+src=|<link\b|<iframe|@import|url\(/i);
    expect(res.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1] ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(res.text)?.[1] ?? '';
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(res.text.match(/<script/g)).toHaveLength(1);
    expect(res.text.match(/<style/g)).toHaveLength(1);
    expect(res.text).not.toMatch(/ style="/);
  });

  it('GET / is the office\'s page (its login without a cookie), which links to the docs', async () => {
    const res = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('信访工作台 登录');
    expect(text).toContain('href="/docs"');
  });
});

describe('the pieces of the page', () => {
  it('reads a body schema as rows, nested array items as name[].field, required first', () => {
    expect(fieldRows(toJsonSchema(RegisterCommunityBody))).toEqual([
      { path: 'communityId', type: '标识', required: true, description: '' },
      { path: 'name', type: '文本', required: true, description: '' },
      { path: 'grids', type: '数组（对象）', required: true, description: '' },
      { path: 'grids[].gridId', type: '标识', required: true, description: '' },
      { path: 'grids[].name', type: '文本', required: true, description: '' },
    ]);
    const leader = endpoints.find((e) => e.operationId === 'registerLeader')!;
    expect(fieldRows(bodySchema(leader)!).find((r) => r.path === 'unit')).toEqual({
      path: 'unit',
      type: '标识',
      required: true,
      description: '"subdistrict"（街道）或社区标识 / "subdistrict" or a communityId',
    });
  });

  it('names types in Chinese', () => {
    expect(typeLabel({ type: 'boolean' })).toBe('true / false');
    expect(typeLabel({ type: 'array', items: { type: 'string' }, minItems: 1 })).toBe('数组（字符串），至少 1 项');
    expect(typeLabel({ anyOf: [{ type: 'string', title: 'Instant' }, { type: 'string', title: 'LocalDate' }] })).toBe(
      '时间（ISO 8601，带时区） 或 日期 YYYY-MM-DD',
    );
  });

  it('writes a curl command that a shell reads back as the example', () => {
    const notice = endpoints.find((e) => e.operationId === 'notifyPetitioner')!;
    const curl = curlExample({ ...notice, example: { content: "It's done" } }, 'http://127.0.0.1:3000');
    expect(curl.split(' \\\n  ')[0]).toBe(`curl -X POST 'http://127.0.0.1:3000/api/v1/cases/case-001/notice'`);
    expect(curl).toContain(`"content": "It'\\''s done"`);
    const kpis = endpoints.find((e) => e.operationId === 'kpis')!;
    expect(curlExample(kpis, 'http://h')).toBe(`curl 'http://h/api/v1/kpis?from=2024-09-01&to=2024-09-30' \\\n  -H "Authorization: Bearer $TOKEN"`);
    const health = endpoints.find((e) => fullPath(e) === '/health')!;
    expect(curlExample(health, 'http://h')).toBe(`curl 'http://h/health'`);
  });
});
