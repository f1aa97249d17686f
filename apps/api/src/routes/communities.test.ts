import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ empty: true });
});
afterAll(async () => server.close());

const qinghua = { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] };

describe('POST /api/v1/communities', () => {
  it('registers a community: 201 with id, revision and position', async () => {
    const res = await server.call('POST', '/api/v1/communities', { body: qinghua });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'qinghua', revision: 1, position: 1 });
  });

  it('refuses a second registration with the domain code (422), writing nothing', async () => {
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/communities', { body: qinghua });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('communityAlreadyExists');
    expect(await server.eventCount()).toBe(before);
  });

  it('names each bad field (400) and writes nothing', async () => {
    const before = await server.eventCount();
    const missing = await server.call('POST', '/api/v1/communities', { body: { communityId: 'x', grids: [] } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: 'name', message: '缺少必填字段 / required field is missing' }]);
    const wrongType = await server.call('POST', '/api/v1/communities', { body: { ...qinghua, communityId: 'y', grids: 'none' } });
    expect(wrongType.body.errors.map((e: { path: string }) => e.path)).toEqual(['grids']);
    const tooMany = await server.call('POST', '/api/v1/communities', {
      body: { ...qinghua, communityId: 'z', grids: Array.from({ length: 1_001 }, (_, i) => ({ gridId: `g${i}`, name: '网格' })) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([{ path: 'grids', message: '应为 0–1000 项 / expected 0–1,000 items' }]);
    const badName = await server.call('POST', '/api/v1/communities', { body: { ...qinghua, communityId: 'w', name: '青华\udc00' } });
    expect(badName.body.errors.map((e: { path: string }) => e.path)).toEqual(['name']);
    const malformed = await server.call('POST', '/api/v1/communities', { body: '{not json' });
    expect(malformed.status).toBe(400);
    expect(await server.eventCount()).toBe(before);
  });

  it('answers 401 without a token and 403 to a role that may not', async () => {
    expect((await server.call('POST', '/api/v1/communities', { role: null, body: qinghua })).status).toBe(401);
    expect((await server.call('POST', '/api/v1/communities', { role: 'auditor', body: { ...qinghua, communityId: 'z' } })).status).toBe(403);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const body = { communityId: 'yangguang', name: '阳光社区', grids: [] };
    const first = await server.call('POST', '/api/v1/communities', { body, headers: { 'idempotency-key': 'k-1' } });
    const before = await server.eventCount();
    const again = await server.call('POST', '/api/v1/communities', { body, headers: { 'idempotency-key': 'k-1' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('answers /health', async () => {
    expect((await server.call('GET', '/health', { role: null })).body).toEqual({ status: 'ok' });
  });
});

describe('GET /api/v1/communities (v1.1)', () => {
  it('lists every community with its grids, in id order, to every role, paged', async () => {
    const res = await server.call('GET', '/api/v1/communities', { role: 'leader:L01' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows.find((row: { communityId: string }) => row.communityId === 'qinghua')).toEqual(qinghua);
    const ids = res.body.rows.map((row: { communityId: string }) => row.communityId);
    expect(ids).toEqual([...ids].sort());
    expect(res.body.total).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const role of ['inspector', 'community:yangguang', 'auditor'] as const) {
      expect((await server.call('GET', '/api/v1/communities', { role })).body.total).toBe(ids.length);
    }
    const page = await server.call('GET', '/api/v1/communities?limit=1&offset=1');
    expect(page.body).toEqual({ total: ids.length, rows: [res.body.rows[1]] });
    expect((await server.call('GET', '/api/v1/communities?limit=x')).status).toBe(400);
  });
});
