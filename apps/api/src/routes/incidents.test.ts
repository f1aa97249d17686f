import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestServer, type TestRole, type TestServer, expectNoWrite as noWrite } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const res = await server.call('POST', '/api/v1/cases', {
    body: {
      caseId: 'c-wage',
      origin: 'visit',
      communityId: 'qinghua',
      category: 'wageArrears',
      summary: '工地欠薪',
      registeredAt: '2024-09-10T09:00:00+08:00',
      petitioners: [{ name: '李四' }],
    },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => server.close());

type Options = { role?: TestRole | null; headers?: Record<string, string> };
const post = (body: unknown, options: Options = {}) => server.call('POST', '/api/v1/incidents', { body, ...options });
const incident = (extra: Record<string, unknown> = {}) => ({
  type: 'massPetition',
  at: '2024-09-18T08:00:00+08:00',
  summary: '三十余名工人到区政府集体上访',
  ...extra,
});

const expectNoWrite = (send: () => ReturnType<TestServer['call']>, status: number) => noWrite(server, send, status);

describe('POST /api/v1/incidents', () => {
  it('records an incident on a case: 201 with id, revision and position', async () => {
    const before = await server.eventCount();
    const res = await post(incident({ incidentId: 'inc-1', caseId: 'c-wage' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'inc-1', revision: 1, position: before + 1 });
    const feed = await server.call('GET', `/api/v1/events?after=${before}&limit=1`);
    expect(feed.body.events[0]).toMatchObject({
      type: 'IncidentRecorded',
      data: incident({ incidentId: 'inc-1', caseId: 'c-wage' }),
      meta: { streamId: 'incident-inc-1', occurredAt: '2024-09-18T08:00:00+08:00' },
    });
  });

  it('makes up an incidentId when none is given; a retry with the same Idempotency-Key gets the same one', async () => {
    const headers = { 'idempotency-key': 'incident-k1' };
    const body = incident({ type: 'opinionHype', summary: '网上发布不实帖文' });
    const first = await post(body, { headers });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^incident-[A-Za-z0-9_-]+$/);
    expect(first.body.revision).toBe(1);
    const again = await expectNoWrite(() => post(body, { headers }), 201);
    expect(again.body).toEqual(first.body);
  });

  it('refuses an Idempotency-Key reused with another chosen id (422 idempotencyKeyReused)', async () => {
    const res = await expectNoWrite(
      () => post(incident({ incidentId: 'inc-9' }), { headers: { 'idempotency-key': 'incident-k1' } }),
      422,
    );
    expect(res.body.code).toBe('idempotencyKeyReused');
  });

  it.each([
    ['a case that does not exist', incident({ incidentId: 'inc-2', caseId: 'nope' }), 'unknownCase', { caseId: 'nope' }],
    ['an incident recorded twice', incident({ incidentId: 'inc-1' }), 'incidentAlreadyRecorded', { incidentId: 'inc-1' }],
  ])('refuses %s with 422 and the code, writing nothing', async (_label, body, code, details) => {
    const res = await expectNoWrite(() => post(body), 422);
    expect(res.body).toMatchObject({ status: 422, code, details });
  });

  it.each([
    ['a missing field', { type: 'extremeAct', at: '2024-09-18T08:00:00+08:00' }, 'summary', '缺少必填字段 / required field is missing'],
    ['a wrong type', incident({ summary: 42 }), 'summary', '应为非空文本（不超过 10000 字，不含控制字符或残缺的 Unicode 字符） / expected non-blank text (at most 10,000 characters, no control characters or ill-formed Unicode)'],
    // The message is the domain validator's (it names the enumeration, not yet its values).
    ['an unknown type', incident({ type: 'riot' }), 'type', expect.stringContaining('"massPetition" | "extremeAct" | "opinionHype"')],
    [
      'a malformed time',
      incident({ at: '2024-09-18' }),
      'at',
      '应为带时区的 ISO 8601 时间，如 2024-09-18T09:30:00+08:00 / expected an ISO 8601 time with an offset, e.g. 2024-09-18T09:30:00+08:00',
    ],
    ['a malformed caseId', incident({ caseId: 'c/1' }), 'caseId', '应为 1–64 位字母、数字、- 或 _ / expected 1–64 letters, digits, - or _'],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post(body), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post(incident({ incidentId: 'inc-3' }), { role: null }), 401);
  });

  it.each(ROLES.filter((role) => role !== 'office'))('answers 403 to %s, writing nothing', async (role) => {
    await expectNoWrite(() => post(incident({ incidentId: 'inc-3' }), { role }), 403);
  });

  it('answers a stale If-Match with 409 and the current revision', async () => {
    const res = await expectNoWrite(() => post(incident({ incidentId: 'inc-1' }), { headers: { 'if-match': '0' } }), 409);
    expect(res.body.currentRevision).toBe(1);
  });
});
