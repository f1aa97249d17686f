import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer, expectNoWrite as noWrite } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Cases of two communities, registered through the API.
  for (const [caseId, communityId] of [
    ['qh-1', 'qinghua'],
    ['qh-2', 'qinghua'],
    ['yg-1', 'yangguang'],
  ] as const) {
    const res = await server.call('POST', '/api/v1/cases', {
      body: {
        caseId,
        origin: 'screening',
        communityId,
        category: 'neighbour',
        summary: '邻里漏水纠纷',
        registeredAt: '2024-09-16T10:00:00+08:00',
        petitioners: [{ name: '张三' }],
      },
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => server.close());

type Options = { role?: TestRole | null; headers?: Record<string, string> };
const post = (body: unknown, options: Options = {}) => server.call('POST', '/api/v1/screening-reports', { body, ...options });
const report = (extra: Record<string, unknown> = {}) => ({
  communityId: 'qinghua',
  reportDate: '2024-09-18',
  caseIds: ['qh-1', 'qh-2'],
  ...extra,
});
const nilReport = (extra: Record<string, unknown> = {}) => report({ caseIds: [], nil: true, ...extra });

const expectNoWrite = (send: () => ReturnType<TestServer['call']>, status: number) => noWrite(server, send, status);

const MISSING = '缺少必填字段 / required field is missing';
const NOT_A_DATE = '应为日期 YYYY-MM-DD / expected a date YYYY-MM-DD';

describe('POST /api/v1/screening-reports', () => {
  it('records the office’s report for a community: 201 with the report’s id (community and day)', async () => {
    const before = await server.eventCount();
    const res = await post(report());
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'qinghua-2024-09-18', revision: 1, position: before + 1 });
    const feed = await server.call('GET', `/api/v1/events?after=${before}&limit=1`);
    expect(feed.body.events[0]).toMatchObject({
      type: 'ScreeningReportSubmitted',
      data: { communityId: 'qinghua', reportDate: '2024-09-18', caseIds: ['qh-1', 'qh-2'], nil: false },
      meta: { streamId: 'screening-qinghua-2024-09-18', actor: { role: 'office' } },
    });
  });

  it('records a community’s own nil report (零报告)', async () => {
    const res = await post(nilReport({ reportDate: '2024-09-20' }), { role: 'community:qinghua' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'qinghua-2024-09-20', revision: 1 });
  });

  it('records a community’s own report listing its cases', async () => {
    const res = await post(report({ communityId: 'yangguang', caseIds: ['yg-1'] }), { role: 'community:yangguang' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'yangguang-2024-09-18', revision: 1 });
  });

  it.each([
    ['a case that does not exist', report({ reportDate: '2024-09-25', caseIds: ['qh-1', 'nope'] }), 'unknownCase', { caseId: 'nope' }],
    [
      'another community’s case',
      report({ reportDate: '2024-09-25', caseIds: ['yg-1'] }),
      'caseNotInCommunity',
      { caseId: 'yg-1', communityId: 'qinghua' },
    ],
    ['a second report for the day', report(), 'reportAlreadySubmitted', { communityId: 'qinghua', reportDate: '2024-09-18' }],
    ['a nil report with cases', report({ reportDate: '2024-09-25', nil: true }), 'nilReportWithCases', undefined],
    ['a report without cases not marked nil', report({ reportDate: '2024-09-25', caseIds: [] }), 'emptyReportNotNil', undefined],
    ['a case listed twice', report({ reportDate: '2024-09-25', caseIds: ['qh-1', 'qh-1'] }), 'duplicateCaseInReport', { caseId: 'qh-1' }],
  ])('refuses %s with 422 and the code, writing nothing', async (_label, body, code, details) => {
    const res = await expectNoWrite(() => post(body), 422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.body.details).toEqual(details);
  });

  it.each([
    ['a missing field', { communityId: 'qinghua', caseIds: [] }, 'reportDate', MISSING],
    ['a wrong type', report({ caseIds: 'qh-1' }), 'caseIds', '应为 Array<Id> / expected Array<Id>'],
    ['a wrong type inside the list', report({ caseIds: ['qh-1', 2] }), 'caseIds.1', '应为 1–64 位字母、数字、- 或 _ / expected 1–64 letters, digits, - or _'],
    ['a wrong type of flag', nilReport({ nil: 'yes' }), 'nil', '应为 true 或 false / expected true or false'],
    ['a malformed date', report({ reportDate: '2024/09/25' }), 'reportDate', NOT_A_DATE],
    [
      '10,001 cases',
      report({ caseIds: Array.from({ length: 10_001 }, (_, i) => `qh-${i}`) }),
      'caseIds',
      '应为 0–10000 项 / expected 0–10,000 items',
    ],
  ])('answers %s with 400 naming the field, writing nothing', async (_label, body, path, message) => {
    const res = await expectNoWrite(() => post(body), 400);
    expect(res.body.errors).toEqual([{ path, message }]);
  });

  it('answers 401 without a token', async () => {
    await expectNoWrite(() => post(nilReport({ reportDate: '2024-09-27' }), { role: null }), 401);
  });

  it.each(['auditor', 'inspector', 'leader:L01', 'leader:L02', 'community:yangguang'] as const)(
    'answers 403 to %s for qinghua’s report, writing nothing',
    async (role) => {
      await expectNoWrite(() => post(nilReport({ reportDate: '2024-09-27' }), { role }), 403);
    },
  );

  it('answers 403 to a community reporting another community’s cases before looking at them', async () => {
    const res = await expectNoWrite(
      () => post(report({ reportDate: '2024-09-27', caseIds: ['qh-1'] }), { role: 'community:yangguang' }),
      403,
    );
    expect(res.body.code).toBeUndefined();
  });

  it('refuses a report of a community that is not registered (422 unknownCommunity), writing nothing', async () => {
    const res = await expectNoWrite(() => post(nilReport({ communityId: 'ghost' })), 422);
    expect(res.body).toMatchObject({ code: 'unknownCommunity', details: { communityId: 'ghost' }, errors: [{ path: 'communityId' }] });
  });

  it('answers a stale If-Match with 409 and the current revision', async () => {
    const res = await expectNoWrite(() => post(report(), { headers: { 'if-match': '0' } }), 409);
    expect(res.body.currentRevision).toBe(1);
  });

  it('returns the first response for a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'report-k1' };
    const body = report({ reportDate: '2024-09-27', caseIds: ['qh-2'] });
    const first = await post(body, { role: 'community:qinghua', headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ id: 'qinghua-2024-09-27', revision: 1 });
    const again = await expectNoWrite(() => post(body, { role: 'community:qinghua', headers }), 201);
    expect(again.body).toEqual(first.body);
  });
});
