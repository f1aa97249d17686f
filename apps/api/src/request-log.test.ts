import { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env';
import { requestLog } from './request-log';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

interface Line {
  level: number;
  msg: string;
  requestId: string;
  method: string;
  path: string;
  query?: string[];
  route?: string;
  status: number;
  durationMs: number;
  tokenId?: string;
  role?: string;
}

const requestLines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.msg === 'request');

const lineOf = (requestId: string): Line => {
  const found = requestLines(server.logs()).filter((l) => l.requestId === requestId);
  expect(found, requestId).toHaveLength(1);
  return found[0]!;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request log', () => {
  it('writes one line per request: method, path, route, status, duration, token id and role, request id', async () => {
    const res = await server.call('POST', '/api/v1/communities', {
      body: { communityId: 'xinhe', name: '新河社区', grids: [{ gridId: 'xh-1', name: '第一网格' }] },
      headers: { 'x-request-id': 'req-community-1' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req-community-1');
    const line = lineOf('req-community-1');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'POST',
      path: '/api/v1/communities',
      route: '/api/v1/communities',
      status: 201,
      role: 'office',
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(line.tokenId).toEqual(expect.any(String));
    expect(line.tokenId).not.toBe(server.tokens.office);
    expect(Object.keys(line).sort()).toEqual(
      ['durationMs', 'hostname', 'level', 'method', 'msg', 'path', 'pid', 'requestId', 'role', 'route', 'status', 'time', 'tokenId'].sort(),
    );
  });

  it('generates a request id when none (or an unusable one) is given, and echoes it', async () => {
    const res = await server.call('GET', '/health', { role: null });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    expect(lineOf(id)).toMatchObject({ method: 'GET', path: '/health', status: 200 });
    expect(lineOf(id)).not.toHaveProperty('tokenId');

    const odd = await server.call('GET', '/health', { role: null, headers: { 'x-request-id': 'has spaces; and <more>' } });
    expect(odd.headers.get('x-request-id')).toMatch(UUID);
  });

  it('logs a refused request with its status and role, an unauthenticated one without any', async () => {
    const forbidden = await server.call('POST', '/api/v1/communities', {
      role: 'community:qinghua',
      body: { communityId: 'x', name: 'x', grids: [] },
      headers: { 'x-request-id': 'req-403' },
    });
    expect(forbidden.status).toBe(403);
    expect(lineOf('req-403')).toMatchObject({ status: 403, role: 'community:qinghua' });

    await server.call('GET', '/api/v1/ledgers/disputes', { role: null, headers: { 'x-request-id': 'req-401' } });
    const unauthenticated = lineOf('req-401');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated).not.toHaveProperty('tokenId');
    expect(unauthenticated).not.toHaveProperty('role');

    await server.call('GET', '/nowhere', { headers: { 'x-request-id': 'req-404' } });
    expect(lineOf('req-404')).toMatchObject({ status: 404, path: '/nowhere' });
    expect(lineOf('req-404')).not.toHaveProperty('route');
  });

  it('never logs personal data: no body, no query value, no header, no token', async () => {
    const name = '欧阳娜娜';
    const idNumber = '11010519491231002X';
    const phone = '13912345678';
    const address = '青华路88号3单元';
    const before = server.logs().length;
    const res = await server.call('POST', '/api/v1/cases', {
      body: {
        origin: 'visit',
        communityId: 'qinghua',
        category: 'wageArrears',
        summary: '拖欠工资三个月',
        registeredAt: '2024-09-18T08:30:00+08:00',
        petitioners: [{ name, idNumber, phone, address }],
      },
      headers: { 'x-request-id': 'req-case', 'x-petitioner': encodeURIComponent(name), cookie: `phone=${phone}` },
    });
    expect(res.status).toBe(201);
    // A bad body: the 400 names the field, the log does not carry its value.
    const bad = await server.call('POST', '/api/v1/cases', {
      body: { origin: 'visit', petitioners: [{ name, idNumber: `${idNumber}0`, phone }] },
      headers: { 'x-request-id': 'req-bad-case' },
    });
    expect(bad.status).toBe(400);
    // Query values: a parameter that carries something personal is logged by its name only — here two the
    // ledger does not know, refused (400) without their values in the log either.
    const query = await server.call('GET', `/api/v1/ledgers/disputes?communityId=qinghua&category=other&from=2024-09-01&q=${encodeURIComponent(name)}&${phone}=1`, {
      headers: { 'x-request-id': 'req-query' },
    });
    expect(query.status).toBe(400);
    // The office reads it back unmasked: the data was there to leak.
    const read = await server.call('GET', `/api/v1/cases/${res.body.id}`, { headers: { 'x-request-id': 'req-read' } });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(name);
    expect(JSON.stringify(read.body)).toContain(phone);

    const written = server.logs().slice(before);
    expect(requestLines(written).map((l) => l.requestId)).toEqual(['req-case', 'req-bad-case', 'req-query', 'req-read']);
    for (const secret of [name, encodeURIComponent(name), idNumber, phone, address, '拖欠工资', ...Object.values(server.tokens)]) {
      expect(written, secret).not.toContain(secret);
    }
    expect(server.logs()).not.toContain(name);
    expect(lineOf('req-query').query).toEqual(['?', 'category', 'communityId', 'from', 'q']);
    expect(lineOf('req-query').path).toBe('/api/v1/ledgers/disputes');
    expect(lineOf('req-case')).toMatchObject({ status: 201, route: '/api/v1/cases' });
    expect(lineOf('req-bad-case')).toMatchObject({ status: 400 });
  });

  it('logs a fault (500) at error level, and still answers with the request id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const app = new Hono<AppEnv>().use(requestLog(logger)).get('/boom/:id', () => {
      throw new Error('secret 13912345678');
    });
    app.onError((_error, c) => c.json({ error: 'internal' }, 500));
    const res = await app.request('/boom/7?phone=13912345678', { headers: { 'x-request-id': 'r-500' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('r-500');
    const [line] = requestLines(lines.join(''));
    expect(line).toMatchObject({ level: 50, status: 500, path: '/boom/7', route: '/boom/:id', query: ['phone'], requestId: 'r-500' });
    expect(lines.join('')).not.toContain('13912345678');
  });
});
