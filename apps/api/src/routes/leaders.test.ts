import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestServer, type TestRole, type TestServer } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const post = (body: unknown, options: { role?: TestRole | null; headers?: Record<string, string> } = {}) =>
  server.call('POST', '/api/v1/leaders', { body, ...options });

const leader = (leaderId: string, extra: Record<string, unknown> = {}) => ({
  leaderId,
  name: '王主任',
  position: '街道党工委副书记',
  portfolio: '信访维稳',
  unit: 'subdistrict',
  ...extra,
});

describe('POST /api/v1/leaders', () => {
  it('registers a leader: 201 with id, revision and position', async () => {
    const before = await server.eventCount();
    const res = await post(leader('L01', { principal: true }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'L01', revision: 1, position: before + 1 });
    expect(await server.eventCount()).toBe(before + 1);
  });

  it('records the roles written out, false where left out', async () => {
    const res = await post(leader('L02', { unit: 'qinghua', firstGridLeader: true }));
    const feed = await server.call('GET', `/api/v1/events?after=${res.body.position - 1}&limit=1`);
    expect(feed.body.events[0]).toMatchObject({
      type: 'LeaderRegistered',
      data: { ...leader('L02', { unit: 'qinghua' }), principal: false, firstGridLeader: true },
      meta: { streamId: 'leader-L02', revision: 1 },
    });
  });

  it('refuses a unit that is neither the subdistrict nor a registered community (422 unknownCommunity naming unit), writing nothing', async () => {
    const before = await server.eventCount();
    const res = await post(leader('L-ghost', { unit: 'ghost' }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'unknownCommunity', errors: [{ path: 'unit', message: '社区 ghost 未登记 / community ghost is not registered' }] });
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a second registration with the domain code (422), writing nothing', async () => {
    const before = await server.eventCount();
    const res = await post(leader('L01'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 422, code: 'leaderAlreadyExists', details: { leaderId: 'L01' } });
    expect(await server.eventCount()).toBe(before);
  });

  it.each([
    ['a missing field', { leaderId: 'L09', name: '李', position: '副主任', unit: 'subdistrict' }, 'portfolio', '缺少必填字段 / required field is missing'],
    ['a wrong type', leader('L09', { principal: 'yes' }), 'principal', '应为 true 或 false / expected true or false'],
    ['a malformed id', leader('L 09'), 'leaderId', '应为 1–64 位字母、数字、- 或 _ / expected 1–64 letters, digits, - or _'],
    ['a blank text', leader('L09', { name: '  ' }), 'name', '应为非空文本（不超过 10000 字，不含控制字符或残缺的 Unicode 字符） / expected non-blank text (at most 10,000 characters, no control characters or ill-formed Unicode)'],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const before = await server.eventCount();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path, message }]);
    expect(await server.eventCount()).toBe(before);
  });

  it('answers a body that is not JSON with 400, writing nothing', async () => {
    const before = await server.eventCount();
    const res = await post('{"leaderId":');
    expect(res.status).toBe(400);
    expect(await server.eventCount()).toBe(before);
  });

  it('answers 401 without a token', async () => {
    const before = await server.eventCount();
    expect((await post(leader('L10'), { role: null })).status).toBe(401);
    expect(await server.eventCount()).toBe(before);
  });

  it.each(ROLES.filter((role) => role !== 'office'))('answers 403 to %s, writing nothing', async (role) => {
    const before = await server.eventCount();
    const res = await post(leader('L10'), { role });
    expect(res.status).toBe(403);
    expect(await server.eventCount()).toBe(before);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'leader-k1' };
    const first = await post(leader('L11'), { headers });
    const before = await server.eventCount();
    const again = await post(leader('L11'), { headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a key reused for another leader (422 idempotencyKeyReused), writing nothing', async () => {
    const before = await server.eventCount();
    const res = await post(leader('L12'), { headers: { 'idempotency-key': 'leader-k1' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('idempotencyKeyReused');
    expect(await server.eventCount()).toBe(before);
  });

  it('answers a stale If-Match with 409 and the current revision, writing nothing', async () => {
    const before = await server.eventCount();
    const stale = await post(leader('L13'), { headers: { 'if-match': '2' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(0);
    expect(await server.eventCount()).toBe(before);
    const current = await post(leader('L13'), { headers: { 'if-match': '0' } });
    expect(current.body).toEqual({ id: 'L13', revision: 1, position: before + 1 });
  });
});

describe('GET /api/v1/leaders (v1.1)', () => {
  it('lists every leader with position, portfolio, unit and principal, to every role', async () => {
    const res = await server.call('GET', '/api/v1/leaders', { role: 'community:qinghua' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.rows[0]).toEqual({
      leaderId: 'L01',
      name: '王主任',
      position: '街道党工委副书记',
      portfolio: '信访维稳',
      unit: 'subdistrict',
      principal: true,
      firstGridLeader: false,
    });
    expect(res.body.total).toBe(res.body.rows.length);
    expect((await server.call('GET', '/api/v1/leaders?limit=0', { role: 'inspector' })).body).toEqual({ total: res.body.total, rows: [] });
  });
});
