import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestServer, type TestRole, type TestServer, expectNoWrite as noWrite } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

type Options = { role?: TestRole | null; headers?: Record<string, string> };
const post = (path: string, body: unknown, options: Options = {}) => server.call('POST', `/api/v1${path}`, { body, ...options });
const eventAt = async (position: number) =>
  (await server.call('GET', `/api/v1/events?after=${position - 1}&limit=1`)).body.events[0];

const inspection = (extra: Record<string, unknown> = {}) => ({
  unit: 'qinghua',
  finding: '接访登记表缺少处理意见',
  at: '2024-09-20T15:00:00+08:00',
  dueDate: '2024-09-30',
  ...extra,
});
const rectification = (extra: Record<string, unknown> = {}) => ({ at: '2024-09-26T10:00:00+08:00', note: '已补填处理意见', ...extra });

const FORBIDDEN = ROLES.filter((role) => role !== 'office' && role !== 'inspector');
const MISSING = '缺少必填字段 / required field is missing';
const NOT_TEXT = '应为非空文本（不超过 10000 字，不含控制字符或残缺的 Unicode 字符） / expected non-blank text (at most 10,000 characters, no control characters or ill-formed Unicode)';
const NOT_A_DATE = '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD';
const NOT_AN_INSTANT =
  '应为带时区的 ISO 8601 时间，如 2024-09-18T09:30:00+08:00 / expected an ISO 8601 time with an offset, e.g. 2024-09-18T09:30:00+08:00';
const NOT_AN_ID = '应为 1–64 位字母、数字、- 或 _ / expected 1–64 letters, digits, - or _';

const expectNoWrite = (send: () => ReturnType<TestServer['call']>, status: number) => noWrite(server, send, status);

describe('POST /api/v1/inspections', () => {
  it('refuses a unit that is neither the subdistrict nor a registered community (422 unknownCommunity naming unit), writing nothing', async () => {
    const res = await expectNoWrite(() => post('/inspections', inspection({ unit: 'ghost' })), 422);
    expect(res.body).toMatchObject({ code: 'unknownCommunity', errors: [{ path: 'unit', message: '社区 ghost 未登记 / community ghost is not registered' }] });
  });

  it.each(['inspector', 'office'] as const)('records a finding for %s: 201 with id, revision and position', async (role) => {
    const before = await server.eventCount();
    const res = await post('/inspections', inspection({ inspectionId: `insp-${role}` }), { role });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: `insp-${role}`, revision: 1, position: before + 1 });
    expect(await eventAt(before + 1)).toMatchObject({
      type: 'InspectionRecorded',
      data: inspection({ inspectionId: `insp-${role}` }),
      meta: { streamId: `inspection-insp-${role}`, actor: { role } },
    });
  });

  it('makes up an inspectionId when none is given; a retry with the same Idempotency-Key gets the same one', async () => {
    const headers = { 'idempotency-key': 'inspection-k1' };
    const first = await post('/inspections', inspection({ unit: 'subdistrict' }), { role: 'inspector', headers });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^inspection-[A-Za-z0-9_-]+$/);
    const again = await expectNoWrite(() => post('/inspections', inspection({ unit: 'subdistrict' }), { role: 'inspector', headers }), 201);
    expect(again.body).toEqual(first.body);
  });

  it.each([
    ['a due date before the finding', inspection({ inspectionId: 'insp-2', dueDate: '2024-09-19' }), 'dueDateBeforeFinding'],
    ['a finding recorded twice', inspection({ inspectionId: 'insp-inspector' }), 'inspectionAlreadyRecorded'],
  ])('refuses %s with 422 and the code, writing nothing', async (_label, body, code) => {
    const res = await expectNoWrite(() => post('/inspections', body, { role: 'inspector' }), 422);
    expect(res.body).toMatchObject({ status: 422, code });
  });

  it.each([
    ['a missing field', { unit: 'qinghua', at: '2024-09-20T15:00:00+08:00', dueDate: '2024-09-30' }, 'finding', MISSING],
    ['a wrong type', inspection({ finding: ['x'] }), 'finding', NOT_TEXT],
    ['a malformed date', inspection({ dueDate: '2024-09-31' }), 'dueDate', NOT_A_DATE],
    ['a malformed time', inspection({ at: '2024-09-20T25:00:00+08:00' }), 'at', NOT_AN_INSTANT],
    ['a malformed unit', inspection({ unit: '' }), 'unit', NOT_AN_ID],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post('/inspections', body, { role: 'inspector' }), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post('/inspections', inspection({ inspectionId: 'insp-3' }), { role: null }), 401);
  });

  it.each(FORBIDDEN)('answers 403 to %s, writing nothing', async (role) => {
    await expectNoWrite(() => post('/inspections', inspection({ inspectionId: 'insp-3' }), { role }), 403);
  });

  it('answers a stale If-Match with 409 and the current revision', async () => {
    const res = await expectNoWrite(
      () => post('/inspections', inspection({ inspectionId: 'insp-office' }), { role: 'inspector', headers: { 'if-match': '0' } }),
      409,
    );
    expect(res.body.currentRevision).toBe(1);
  });
});

describe('POST /api/v1/inspections/{id}/rectification', () => {
  it('records a rectification: 200 with the inspection’s id and revision', async () => {
    const before = await server.eventCount();
    const res = await post('/inspections/insp-inspector/rectification', rectification(), { role: 'inspector' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'insp-inspector', revision: 2, position: before + 1 });
    expect(await eventAt(before + 1)).toMatchObject({
      type: 'RectificationRecorded',
      data: { inspectionId: 'insp-inspector', ...rectification() },
      meta: { streamId: 'inspection-insp-inspector', revision: 2 },
    });
  });

  it('keeps every round: the office records a second one', async () => {
    const res = await post('/inspections/insp-inspector/rectification', rectification({ at: '2024-09-28T10:00:00+08:00', note: '复查通过' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'insp-inspector', revision: 3 });
  });

  it('answers an unknown inspection with 404 and the domain code, writing nothing', async () => {
    const res = await expectNoWrite(() => post('/inspections/nope/rectification', rectification(), { role: 'inspector' }), 404);
    expect(res.body).toMatchObject({ status: 404, code: 'inspectionNotFound' });
  });

  it('refuses a rectification dated before the finding: 422 rectificationBeforeFinding, writing nothing', async () => {
    const res = await expectNoWrite(
      () => post('/inspections/insp-office/rectification', rectification({ at: '2024-09-20T14:59:59+08:00' }), { role: 'inspector' }),
      422,
    );
    expect(res.body).toMatchObject({ code: 'rectificationBeforeFinding', details: { findingAt: '2024-09-20T15:00:00+08:00' } });
  });

  it('answers a malformed id in the path with 400 naming `id`', async () => {
    const longId = 'x'.repeat(65);
    const res = await expectNoWrite(() => post(`/inspections/${longId}/rectification`, rectification(), { role: 'inspector' }), 400);
    expect(res.body.errors).toEqual([{ path: 'id', message: NOT_AN_ID }]);
  });

  it.each([
    ['a missing field', { at: '2024-09-26T10:00:00+08:00' }, 'note', MISSING],
    ['a wrong type', rectification({ note: true }), 'note', NOT_TEXT],
    ['a malformed time', rectification({ at: '26/09/2024 10:00' }), 'at', NOT_AN_INSTANT],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post('/inspections/insp-office/rectification', body, { role: 'inspector' }), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post('/inspections/insp-office/rectification', rectification(), { role: null }), 401);
  });

  it.each(FORBIDDEN)('answers 403 to %s, writing nothing', async (role) => {
    await expectNoWrite(() => post('/inspections/insp-office/rectification', rectification(), { role }), 403);
  });

  it('answers a stale If-Match with 409 and the current revision', async () => {
    const res = await expectNoWrite(
      () => post('/inspections/insp-inspector/rectification', rectification(), { role: 'inspector', headers: { 'if-match': '2' } }),
      409,
    );
    expect(res.body.currentRevision).toBe(3);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'rectify-k1' };
    const first = await post('/inspections/insp-office/rectification', rectification(), { role: 'inspector', headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: 'insp-office', revision: 2 });
    const again = await expectNoWrite(() => post('/inspections/insp-office/rectification', rectification(), { role: 'inspector', headers }), 200);
    expect(again.body).toEqual(first.body);
  });

  it('refuses the key again on another inspection (422 idempotencyKeyReused)', async () => {
    const res = await expectNoWrite(
      () => post('/inspections/insp-inspector/rectification', rectification(), { role: 'inspector', headers: { 'idempotency-key': 'rectify-k1' } }),
      422,
    );
    expect(res.body.code).toBe('idempotencyKeyReused');
  });
});
