import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_LIMITS } from '../public-limits';
import { startTestServer, type TestServer } from '../test-server';

/*
 * The public status look-up, tried the way a stranger would: every case's code, codes guessed, a revoked
 * code — never a name, id number, phone, address or what the matter is, and refused once the failed
 * guesses of one client reach their bound.
 */

let server: TestServer;

const people = [
  { name: '欧阳明', idNumber: '350582199001012234', phone: '15800009011', address: '青阳街道阳光路12号' },
  { name: '司马青', idNumber: '35058219850315561X', phone: '13912345678', address: '梅岭街道梅花巷3号' },
  { name: '上官云', phone: '13700001111', address: '阳光社区7栋' },
];
const cases = [
  { caseId: 'pub-1', communityId: 'qinghua', summary: '工地拖欠工资三个月' },
  { caseId: 'pub-2', communityId: 'yangguang', summary: '邻居装修噪音扰民' },
  { caseId: 'pub-3', communityId: 'qinghua', summary: '物业乱收停车费' },
];
/** Everything personal or about the matter that a public answer must never hold. */
const secrets = [...people.flatMap((p) => Object.values(p)), ...cases.flatMap((c) => [c.caseId, c.summary, c.communityId]), '王干事', '约谈施工方'];

const codes: Record<string, string> = {};
const publicGet = (code: string) => server.call('GET', `/public/status/${encodeURIComponent(code)}`, { role: null });

beforeAll(async () => {
  server = await startTestServer();
  server.setNow('2024-09-04T18:00:00+08:00');
  for (const [i, c] of cases.entries()) {
    const res = await server.call('POST', '/api/v1/cases', {
      body: { ...c, origin: 'visit', category: 'other', registeredAt: '2024-09-02T10:00:00+08:00', petitioners: [people[i]], demands: `${people[i]!.name}要求处理` },
    });
    expect(res.status, res.text).toBe(201);
  }
  await server.call('POST', '/api/v1/leaders', { body: { leaderId: 'L01', name: '陈主任', position: '书记', portfolio: '全面', unit: 'subdistrict' } });
  await server.call('POST', '/api/v1/cases/pub-1/acceptance', { body: { decision: 'accepted', at: '2024-09-03T09:00:00+08:00' } });
  await server.call('POST', '/api/v1/cases/pub-1/assignment', {
    body: { responsibleUnit: '街道劳动保障所', responsibleLeaderId: 'L01', responsiblePerson: '王干事', measures: '约谈施工方', deadline: '2024-10-15', at: '2024-09-04T09:00:00+08:00' },
  });
  await server.call('POST', '/api/v1/cases/pub-2/acceptance', { body: { decision: 'rejected', at: '2024-09-03T09:00:00+08:00', reason: '司马青已起诉' } });
  for (const c of cases) {
    const res = await server.call('POST', `/api/v1/cases/${c.caseId}/receipt`, { role: c.communityId === 'qinghua' ? 'community:qinghua' : 'office' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ caseId: c.caseId, statusPage: '/status' });
    expect(res.body.code).not.toContain(c.caseId);
    codes[c.caseId] = res.body.code;
  }
}, 60_000);
afterAll(async () => {
  await server.close();
});

const expectNothingPersonal = (text: string) => {
  for (const secret of secrets) expect(text).not.toContain(secret);
};

describe('GET /public/status/{code}', () => {
  it('answers each case’s code with that case’s stage, dates, deadline and unit, and nothing else', async () => {
    const answers = await Promise.all(cases.map((c) => publicGet(codes[c.caseId]!)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]!.body).toEqual({
      stage: 'inProgress', stageLabel: '办理中', registeredOn: '2024-09-02', acceptedOn: '2024-09-03', rejectedOn: null, resolvedOn: null, closedOn: null,
      deadline: '2024-10-15', deadlineLabel: '办理期限', handlingUnit: '街道劳动保障所', notices: [],
    });
    expect(answers[1]!.body).toMatchObject({ stage: 'rejected', rejectedOn: '2024-09-03', deadline: null, handlingUnit: null });
    expect(answers[2]!.body).toMatchObject({ stage: 'registered', deadline: '2024-09-17', deadlineLabel: '受理期限' });
    for (const answer of answers) {
      expectNothingPersonal(answer.text);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    // Typed as a person would: small letters, spaces instead of dashes.
    expect((await publicGet(codes['pub-3']!.toLowerCase().replace(/-/g, ' '))).body.stage).toBe('registered');
    // The code never reaches the request log.
    for (const code of Object.values(codes)) expect(server.logs()).not.toContain(code);
    expect(server.logs()).toContain('/public/status/{code}');
  });

  it('is given only by the office or the case’s own community; a new receipt ends the old code', async () => {
    expect((await server.call('POST', '/api/v1/cases/pub-2/receipt', { role: 'community:qinghua' })).status).toBe(403);
    expect((await server.call('POST', '/api/v1/cases/pub-1/receipt', { role: 'leader:L01' })).status).toBe(403);
    expect((await server.call('POST', '/api/v1/cases/nope/receipt')).status).toBe(404);
    expect((await server.call('POST', '/api/v1/cases/pub-1/receipt/revocation', { role: 'community:qinghua' })).status).toBe(403);
    const old = codes['pub-3']!;
    const renewed = await server.call('POST', '/api/v1/cases/pub-3/receipt');
    codes['pub-3'] = renewed.body.code;
    expect((await publicGet(old)).status).toBe(404);
    expect((await publicGet(codes['pub-3']!)).status).toBe(200);
  });

  it('refuses a revoked code, a malformed one and guesses alike — then every look-up from that client once the bound is reached', async () => {
    const revoke = await server.call('POST', '/api/v1/cases/pub-2/receipt/revocation');
    expect(revoke.body).toEqual({ caseId: 'pub-2', revoked: 1 });
    // 1 failed guess so far (the old pub-3 code, above).
    const revoked = await publicGet(codes['pub-2']!);
    expect(revoked.status).toBe(404);
    expect(revoked.body.code).toBe('unknownCode');
    expect((await publicGet('pub-1')).status).toBe(400);
    expect((await publicGet('not a code at all; DROP TABLE receipts')).status).toBe(400);
    const guesses = ['2222-2222-2222-2222', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', codes['pub-1']!.replace(/.$/, (ch) => (ch === '2' ? '3' : '2')), 'K7QM-3XHT-9RPD-WB2C'];
    for (const guess of guesses) {
      const res = await publicGet(guess);
      expect(res.status, guess).toBe(404);
      expectNothingPersonal(res.text);
    }
    const failedSoFar = 1 + 1 + 2 + guesses.length;
    for (let i = failedSoFar; i < PUBLIC_LIMITS.failedGuesses; i += 1) expect((await publicGet(`2345-6789-ABCD-EF${String(i).padStart(2, '2').replace(/[01]/g, '9')}`)).status).toBe(404);
    const refused = await publicGet('3333-3333-3333-3333');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_000);
    // A right code too: guessing does not go on.
    expect((await publicGet(codes['pub-1']!)).status).toBe(429);
    // The window ends: the client may ask again.
    server.setNow('2024-10-15T19:00:00+08:00');
    expect((await publicGet(codes['pub-1']!)).status).toBe(200);
  });
});
