import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, startTestServer, type TestRole, type TestServer, expectNoWrite as noWrite } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

type Options = { role?: TestRole | null; headers?: Record<string, string> };
const post = (path: string, body: unknown, options: Options = {}) => server.call('POST', `/api/v1${path}`, { body, ...options });
/** The stored event at a global position, from the feed. */
const eventAt = async (position: number) =>
  (await server.call('GET', `/api/v1/events?after=${position - 1}&limit=1`)).body.events[0];

const FORBIDDEN = ROLES.filter((role) => role !== 'office');
const MISSING = '缺少必填字段 / required field is missing';
const NOT_A_DATE = '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD';
const NOT_AN_INSTANT =
  '应为带时区的 ISO 8601 时间，如 2024-09-18T09:30:00+08:00 / expected an ISO 8601 time with an offset, e.g. 2024-09-18T09:30:00+08:00';
const NOT_TEXT = '应为非空文本（不超过 10000 字，不含控制字符或残缺的 Unicode 字符） / expected non-blank text (at most 10,000 characters, no control characters or ill-formed Unicode)';
const NOT_AN_ID = '应为 1–64 位字母、数字、- 或 _ / expected 1–64 letters, digits, - or _';

// Weeks of 2024: W38 = 16–22 Sept, W39 = 23–29 Sept, W40 = 30 Sept–6 Oct, W41 = 7–13 Oct.
const slot = (extra: Record<string, unknown> = {}) => ({
  date: '2024-09-18',
  leaderId: 'L01',
  location: '街道信访接待室',
  unit: 'subdistrict',
  ...extra,
});
const missed = (extra: Record<string, unknown> = {}) => ({ at: '2024-09-25T08:30:00+08:00', reason: '临时出差', ...extra });
const announcement = (extra: Record<string, unknown> = {}) => ({
  unit: 'subdistrict',
  weekOf: '2024-09-30',
  publishedAt: '2024-09-27T17:00:00+08:00',
  channel: '街道公众号',
  ...extra,
});

const expectNoWrite = (send: () => ReturnType<TestServer['call']>, status: number) => noWrite(server, send, status);

describe('POST /api/v1/duties', () => {
  it('schedules a slot: 201 with its id, the roster revision and the position', async () => {
    const before = await server.eventCount();
    const res = await post('/duties', slot({ dutyId: 'd-38a' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'd-38a', revision: 1, position: before + 1 });
    expect(await eventAt(before + 1)).toMatchObject({
      type: 'DutyScheduled',
      data: slot({ dutyId: 'd-38a' }),
      meta: { streamId: 'duty-subdistrict-2024-W38', revision: 1 },
    });
  });

  it('makes up a dutyId when none is given; a retry with the same Idempotency-Key gets the same one', async () => {
    const headers = { 'idempotency-key': 'duty-k1' };
    const first = await post('/duties', slot({ date: '2024-09-19' }), { headers });
    expect(first.status).toBe(201);
    expect(first.body.id).toMatch(/^duty-[A-Za-z0-9_-]+$/);
    expect(first.body.revision).toBe(2);
    expect((await eventAt(first.body.position)).data.dutyId).toBe(first.body.id);
    const again = await expectNoWrite(() => post('/duties', slot({ date: '2024-09-19' }), { headers }), 201);
    expect(again.body).toEqual(first.body);
  });

  it.each([
    ['in the same roster (the domain)', slot({ dutyId: 'd-38a', date: '2024-09-20' }), { dutyId: 'd-38a' }],
    ['in another week', slot({ dutyId: 'd-38a', date: '2024-10-08' }), { dutyId: 'd-38a' }],
    ['in another unit', slot({ dutyId: 'd-38a', unit: 'qinghua' }), { dutyId: 'd-38a' }],
  ])('refuses a dutyId already used %s: 422 dutyAlreadyScheduled', async (_label, body, details) => {
    const res = await expectNoWrite(() => post('/duties', body), 422);
    expect(res.body).toMatchObject({ code: 'dutyAlreadyScheduled', details });
  });

  it.each([
    ['a missing field', { date: '2024-09-18', leaderId: 'L01', unit: 'subdistrict' }, 'location', MISSING],
    ['a wrong type', slot({ leaderId: 7 }), 'leaderId', NOT_AN_ID],
    ['a malformed date', slot({ date: '18/09/2024' }), 'date', NOT_A_DATE],
    ['a date that does not exist', slot({ date: '2024-02-30' }), 'date', NOT_A_DATE],
    ['a malformed dutyId', slot({ dutyId: 'd 1' }), 'dutyId', NOT_AN_ID],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post('/duties', body), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post('/duties', slot({ dutyId: 'd-x' }), { role: null }), 401);
  });

  it.each(FORBIDDEN)('answers 403 to %s, writing nothing', async (role) => {
    const res = await expectNoWrite(() => post('/duties', slot({ dutyId: 'd-x', unit: 'qinghua' }), { role }), 403);
    expect(res.body.type).toBe('https://xinfang.dev/problems/forbidden');
  });

  it('answers a stale If-Match with 409 and the roster revision; a current one is accepted', async () => {
    const stale = await expectNoWrite(() => post('/duties', slot({ dutyId: 'd-38c' }), { headers: { 'if-match': '1' } }), 409);
    expect(stale.body.currentRevision).toBe(2);
    const current = await post('/duties', slot({ dutyId: 'd-38c' }), { headers: { 'if-match': '2' } });
    expect(current.status).toBe(201);
    expect(current.body).toMatchObject({ id: 'd-38c', revision: 3 });
  });

  it('refuses an Idempotency-Key already used for another command (422 idempotencyKeyReused)', async () => {
    const res = await expectNoWrite(
      () => post('/duties/announcements', announcement(), { headers: { 'idempotency-key': 'duty-k1' } }),
      422,
    );
    expect(res.body.code).toBe('idempotencyKeyReused');
  });
});

describe('POST /api/v1/duties/{id}/missed', () => {
  // Two rosters of W39: the subdistrict's (one slot) and qinghua's (two slots).
  beforeAll(async () => {
    for (const body of [
      slot({ dutyId: 'm-a', date: '2024-09-25' }),
      slot({ dutyId: 'm-b1', date: '2024-09-24', unit: 'qinghua', leaderId: 'L02' }),
      slot({ dutyId: 'm-b2', date: '2024-09-26', unit: 'qinghua', leaderId: 'L02' }),
      slot({ dutyId: 'm-c', date: '2024-09-27' }),
    ]) {
      expect((await post('/duties', body)).status).toBe(201);
    }
  });

  it('records a miss with its substitute on the slot’s own roster: 200 with that roster’s revision', async () => {
    const before = await server.eventCount();
    const res = await post('/duties/m-b1/missed', missed({ substituteLeaderId: 'L03' }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'm-b1', revision: 3, position: before + 1 });
    expect(await eventAt(before + 1)).toMatchObject({
      type: 'DutyMissed',
      data: { dutyId: 'm-b1', at: '2024-09-25T08:30:00+08:00', reason: '临时出差', substituteLeaderId: 'L03' },
      meta: { streamId: 'duty-qinghua-2024-W39', revision: 3, occurredAt: '2024-09-25T08:30:00+08:00' },
    });
  });

  it('records a miss without a substitute', async () => {
    const res = await post('/duties/m-a/missed', missed());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'm-a', revision: 3 }); // m-a, m-c, then the miss
    const event = await eventAt(res.body.position);
    expect(event.data).toEqual({ dutyId: 'm-a', at: '2024-09-25T08:30:00+08:00', reason: '临时出差' });
    expect(event.meta.streamId).toBe('duty-subdistrict-2024-W39');
  });

  it.each([
    ['a slot already missed', '/duties/m-b1/missed', missed(), 'dutyAlreadyMissed'],
    ['the slot’s own leader as substitute', '/duties/m-b2/missed', missed({ substituteLeaderId: 'L02' }), 'substituteIsSameLeader'],
  ])('refuses %s with 422 and the domain code, writing nothing', async (_label, path, body, code) => {
    const res = await expectNoWrite(() => post(path, body), 422);
    expect(res.body).toMatchObject({ status: 422, code, details: { dutyId: path.split('/')[2] } });
  });

  it('answers an unknown duty with 404', async () => {
    const res = await expectNoWrite(() => post('/duties/nope/missed', missed()), 404);
    expect(res.body).toMatchObject({ status: 404, id: 'nope' });
  });

  it('answers a malformed id in the path with 400 naming `id`', async () => {
    const res = await expectNoWrite(() => post('/duties/m%20a/missed', missed()), 400);
    expect(res.body.errors).toEqual([{ path: 'id', message: NOT_AN_ID }]);
  });

  it.each([
    ['a missing field', { at: '2024-09-25T08:30:00+08:00' }, 'reason', MISSING],
    ['a wrong type', missed({ reason: 5 }), 'reason', NOT_TEXT],
    ['a malformed time', missed({ at: '2024-09-25 08:30' }), 'at', NOT_AN_INSTANT],
    ['a time without an offset', missed({ at: '2024-09-25T08:30:00' }), 'at', NOT_AN_INSTANT],
    ['a malformed substitute', missed({ substituteLeaderId: ['L03'] }), 'substituteLeaderId', NOT_AN_ID],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post('/duties/m-c/missed', body), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post('/duties/m-c/missed', missed(), { role: null }), 401);
  });

  it.each(FORBIDDEN)('answers 403 to %s, writing nothing', async (role) => {
    await expectNoWrite(() => post('/duties/m-b2/missed', missed(), { role }), 403);
  });

  it('answers a stale If-Match with 409 and the roster revision', async () => {
    const res = await expectNoWrite(() => post('/duties/m-c/missed', missed(), { headers: { 'if-match': '2' } }), 409);
    expect(res.body.currentRevision).toBe(3);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'missed-k1' };
    const first = await post('/duties/m-c/missed', missed({ substituteLeaderId: 'L02' }), { headers });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: 'm-c', revision: 4 });
    const again = await expectNoWrite(() => post('/duties/m-c/missed', missed({ substituteLeaderId: 'L02' }), { headers }), 200);
    expect(again.body).toEqual(first.body);
  });
});

describe('the unit of a slot or an announcement', () => {
  it('must be the subdistrict or a registered community (422 unknownCommunity naming unit), writing nothing', async () => {
    for (const [path, body] of [
      ['/duties', slot({ unit: 'ghost', dutyId: 'd-ghost' })],
      ['/duties/announcements', announcement({ unit: 'ghost' })],
    ] as const) {
      const res = await expectNoWrite(() => post(path, body), 422);
      expect(res.body).toMatchObject({ code: 'unknownCommunity', details: { field: 'unit', communityId: 'ghost' }, errors: [{ path: 'unit' }] });
    }
    const own = await post('/duties', slot({ unit: 'yangguang', dutyId: 'd-yg' }));
    expect(own.status).toBe(201);
  });
});

describe('POST /api/v1/duties/announcements', () => {
  it('records the announcement of a week: 201 with the roster’s id (unit and ISO week)', async () => {
    const before = await server.eventCount();
    const res = await post('/duties/announcements', announcement());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'subdistrict-2024-W40', revision: 1, position: before + 1 });
    expect(await eventAt(before + 1)).toMatchObject({
      type: 'RosterAnnounced',
      data: announcement(),
      meta: { streamId: 'duty-subdistrict-2024-W40', occurredAt: '2024-09-27T17:00:00+08:00' },
    });
  });

  it('records a second announcement of the same week (another channel)', async () => {
    const res = await post('/duties/announcements', announcement({ channel: '公示栏' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'subdistrict-2024-W40', revision: 2 });
  });

  it('refuses a weekOf that is not a Monday: 422 weekOfNotMonday, writing nothing', async () => {
    const res = await expectNoWrite(() => post('/duties/announcements', announcement({ weekOf: '2024-10-02' })), 422);
    expect(res.body).toMatchObject({ code: 'weekOfNotMonday', details: { weekOf: '2024-10-02' } });
  });

  it.each([
    ['a missing field', { unit: 'subdistrict', weekOf: '2024-09-30', publishedAt: '2024-09-27T17:00:00+08:00' }, 'channel', MISSING],
    ['a wrong type', announcement({ unit: 1 }), 'unit', NOT_AN_ID],
    ['a malformed date', announcement({ weekOf: '2024-9-30' }), 'weekOf', NOT_A_DATE],
    ['a malformed time', announcement({ publishedAt: 'yesterday' }), 'publishedAt', NOT_AN_INSTANT],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post('/duties/announcements', body), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post('/duties/announcements', announcement(), { role: null }), 401);
  });

  it.each(FORBIDDEN)('answers 403 to %s, writing nothing', async (role) => {
    await expectNoWrite(() => post('/duties/announcements', announcement({ unit: 'qinghua' }), { role }), 403);
  });

  it('answers a stale If-Match with 409 and the roster revision', async () => {
    const res = await expectNoWrite(
      () => post('/duties/announcements', announcement(), { headers: { 'if-match': '0' } }),
      409,
    );
    expect(res.body.currentRevision).toBe(2);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'announce-k1' };
    const body = announcement({ unit: 'qinghua', weekOf: '2024-10-07', publishedAt: '2024-10-04T09:00:00+08:00' });
    const first = await post('/duties/announcements', body, { headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'qinghua-2024-W41', revision: 1 });
    const again = await expectNoWrite(() => post('/duties/announcements', body, { headers }), 201);
    expect(again.body).toEqual(first.body);
  });
});
