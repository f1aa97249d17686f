import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullPath } from './openapi';
import { endpoints } from './routes/system';
import { MAX_LISTED_ERRORS } from './problem';
import { LOGIN_BODY_LIMIT } from './pages/session-constants';
import { startTestServer, type TestServer } from './test-server';
import { API_BODY_LIMIT } from './validator';

/*
 * The guards every request passes before a route does its work: the role before the body, the size of
 * the body, and the size of a refusal.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/**
 * Sends the head of a request and only `sent` of its body (a Content-Length of `declared`, or chunked
 * when it is undefined), and waits for the answer: a server that answers has not waited for the rest.
 */
const sendPart = (
  path: string,
  headers: Record<string, string>,
  sent: Buffer,
  declared?: number,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: any; text: string }> =>
  new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(declared === undefined ? {} : { 'content-length': String(declared) }) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text), text });
        req.destroy();
      });
    });
    req.write(sent);
  });

const json = (role: 'office' | 'auditor' = 'office') => ({
  authorization: `Bearer ${server.tokens[role]}`,
  'content-type': 'application/json',
});

/** `{petitioners: [{}, {}, …]}`: a body with `count` bad petitioners, three bytes each. */
const badPetitioners = (count: number): string => `{"petitioners":[${Array.from({ length: count }, () => '{}').join(',')}]}`;

describe('the role is checked before the body is read', () => {
  it('refuses an auditor’s 0.9 MB body of 300,000 bad petitioners with a small 403, not a 400', async () => {
    const body = badPetitioners(300_000);
    expect(body.length).toBeGreaterThan(900_000);
    expect(body.length).toBeLessThan(API_BODY_LIMIT);
    const before = await server.eventCount();
    // Only its first 64 KiB are sent: the answer comes without the rest.
    const res = await sendPart('/api/v1/cases', json('auditor'), Buffer.from(body.slice(0, 65_536)), body.length);
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('https://xinfang.dev/problems/forbidden');
    expect(res.text.length).toBeLessThan(500);
    // The rest of the body is still due: the connection is not kept for another request.
    expect(res.headers.connection).toBe('close');
    expect(await server.eventCount()).toBe(before);
  });

  it('answers 403 to an invalid body or query on every endpoint a role may not call', async () => {
    const writes = endpoints.filter((e) => e.method !== 'GET' && e.roles !== 'public');
    expect(writes.length).toBeGreaterThan(20);
    for (const endpoint of writes) {
      const path = fullPath(endpoint).replace('{id}', 'x1');
      const res = await server.call(endpoint.method, path, { role: 'auditor', body: { bogus: [1, 2, 3] } });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    // The queries too: a role refused is told so before its query string is parsed.
    const reads: [string, 'leader:L01' | 'inspector' | 'community:qinghua'][] = [
      ['/api/v1/ledgers/disputes?from=nope', 'leader:L01'],
      ['/api/v1/ledgers/backlog?limit=-1', 'leader:L01'],
      ['/api/v1/ledgers/visits?to=nope', 'leader:L01'],
      ['/api/v1/kpis?from=nope', 'leader:L01'],
      ['/api/v1/reports/screening?date=nope', 'leader:L01'],
      ['/api/v1/cases/x1?asOf=nope', 'inspector'],
      ['/api/v1/cases/x1/history?asOf=nope', 'inspector'],
      ['/api/v1/persons/p1?asOf=nope', 'community:qinghua'],
      ['/api/v1/events?limit=nope', 'community:qinghua'],
    ];
    for (const [path, role] of reads) {
      const res = await server.call('GET', path, { role });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    // A community may not record an incident: refused before its body is looked at.
    const incident = await server.call('POST', '/api/v1/incidents', { role: 'community:qinghua', body: badPetitioners(1000) });
    expect(incident.status).toBe(403);
  });
});

describe('a refusal is small whatever the body', () => {
  it('lists the first bad fields of a 400 and counts the rest in moreErrors', async () => {
    const res = await server.call('POST', '/api/v1/cases', { body: badPetitioners(20_000) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(res.body.errors[0]).toEqual({ path: 'origin', message: expect.stringContaining('缺少必填字段') });
    expect(res.body.moreErrors).toBeGreaterThanOrEqual(20_000 - MAX_LISTED_ERRORS);
    expect(res.body.detail).toContain(`另有 ${res.body.moreErrors} 处错误 / ${res.body.moreErrors} more errors`);
    expect(res.text.length).toBeLessThan(20_000);
  });

  it('keeps a short list whole, without moreErrors', async () => {
    const res = await server.call('POST', '/api/v1/communities', { body: { communityId: 'q' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeLessThan(MAX_LISTED_ERRORS);
    expect(res.body).not.toHaveProperty('moreErrors');
  });
});

describe('body limits', () => {
  const tooLarge = (limit: number) => ({
    type: 'https://xinfang.dev/problems/payload-too-large',
    title: '请求内容过大 / Payload too large',
    status: 413,
    detail: `请求内容不得超过 ${limit} 字节 / the body may be at most ${limit} bytes`,
    limit,
  });

  it('refuses an API body over 1 MiB with a 413 naming the limit, and writes nothing', async () => {
    expect(API_BODY_LIMIT).toBe(1_048_576);
    const before = await server.eventCount();
    // Refused on its Content-Length, before any of it is read: only its start is sent.
    const res = await sendPart('/api/v1/communities', json(), Buffer.from('{"communityId":"big","name":"'), API_BODY_LIMIT + 1);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toEqual(tooLarge(API_BODY_LIMIT));
    expect(await server.eventCount()).toBe(before);
  });

  it('counts a body sent without a Content-Length as it streams in', async () => {
    // Chunked: 17 pieces of 64 KiB, one more than the limit; the answer comes before the body ends.
    const res = await sendPart('/api/v1/communities', { ...json(), 'transfer-encoding': 'chunked' }, Buffer.alloc(17 * 65_536, 'x'));
    expect(res.status).toBe(413);
    expect(res.body).toEqual(tooLarge(API_BODY_LIMIT));
  });

  it('takes a body just under the limit to the validator', async () => {
    const body = JSON.stringify({ communityId: 'big', name: 'x'.repeat(API_BODY_LIMIT - 100) });
    const res = await server.call('POST', '/api/v1/communities', { body });
    expect(res.status).toBe(400);
  });

  it('refuses a 20 MB login unread with a 413 of 8 KiB', async () => {
    expect(LOGIN_BODY_LIMIT).toBe(8192);
    const res = await sendPart('/login', { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('token=aaaa'), 20_000_000);
    expect(res.status).toBe(413);
    expect(res.body).toEqual(tooLarge(LOGIN_BODY_LIMIT));
    // A real login form still logs in.
    const ok = await fetch(`${server.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(server.tokens.office)}`,
      redirect: 'manual',
    });
    expect(ok.status).toBe(302);
  });
});

describe('security headers', () => {
  const secure = (headers: Headers) => ({
    nosniff: headers.get('x-content-type-options'),
    referrer: headers.get('referrer-policy'),
    frames: headers.get('x-frame-options'),
  });
  const SECURE = { nosniff: 'nosniff', referrer: 'no-referrer', frames: 'SAMEORIGIN' };

  it('marks every API answer nosniff, no-referrer and no-store, errors included', async () => {
    const ok = await server.call('GET', '/api/v1/events?limit=1');
    expect(ok.status).toBe(200);
    expect(secure(ok.headers)).toEqual(SECURE);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const bad = await server.call('GET', '/api/v1/events?limit=x');
    expect(bad.status).toBe(400);
    expect(secure(bad.headers)).toEqual(SECURE);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const health = await server.call('GET', '/health', { role: null });
    expect(secure(health.headers)).toEqual(SECURE);
  });

  it('names the scheme on every 401: no token, an unknown one, a refused login page', async () => {
    const tries: Record<string, string>[] = [{}, { authorization: 'Bearer xf_nope' }];
    for (const headers of tries) {
      const res = await server.call('GET', '/api/v1/kpis', { role: null, headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="xinfang"');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const page = await fetch(`${server.url}/?token=xf_nope`, { redirect: 'manual' });
    expect(page.status).toBe(401);
    expect(page.headers.get('www-authenticate')).toBe('Bearer realm="xinfang"');
    const fine = await server.call('GET', '/api/v1/kpis', { role: 'office' });
    expect(fine.headers.get('www-authenticate')).toBeNull();
  });

  it('keeps the pages working, with their own policy, and exports uncached', async () => {
    const login = await fetch(`${server.url}/?token=${encodeURIComponent(server.tokens.office)}`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(`${server.url}/office/ledgers/disputes`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('附件1 矛盾纠纷排查化解清单');
    expect(secure(page.headers)).toEqual(SECURE);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const csv = await fetch(`${server.url}/office/exports/disputes?format=csv`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(secure(csv.headers)).toEqual(SECURE);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect((await csv.text()).startsWith('序号,社区')).toBe(true);
  });
});
