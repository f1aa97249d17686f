import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { startTestServer, type TestRole, type TestServer } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const streamOf = (caseId: string): Promise<RecordedEvent[]> => server.services.store.readStream(`case-${caseId}`);
const typesOf = async (caseId: string) => (await streamOf(caseId)).map((e) => e.type);

const at = (day: number, time = '10:00') => `2024-09-${String(day).padStart(2, '0')}T${time}:00+08:00`;
const idNumber = (first17: string) => `${first17}${idNumberCheckDigit(first17)}`;
const WANG = { name: '王大妈', idNumber: idNumber('35058219560302456'), phone: '0595-87654321' };

const visit = (more: Record<string, unknown> = {}) => ({
  leaderId: 'L01',
  receivedAt: at(18, '09:30'),
  location: '街道信访接待室',
  visitorCount: 1,
  matter: '小区电梯长期停运',
  petitioners: [{ name: '孙七' }],
  communityId: 'qinghua',
  category: 'realEstate',
  ...more,
});

const post = (body: unknown, role: TestRole | null = 'office', headers: Record<string, string> = {}) =>
  server.call('POST', '/api/v1/visits', { role, body, headers });

let cases = 0;
let wangsCase = '';
/** A case of qinghua registered by the office (origin screening, no visit yet). */
const existingCase = async (): Promise<string> => {
  cases += 1;
  const caseId = `vc-${cases}`;
  const res = await server.call('POST', '/api/v1/cases', {
    body: {
      caseId,
      origin: 'screening',
      communityId: 'qinghua',
      category: 'neighbour',
      summary: '楼上漏水纠纷',
      registeredAt: at(16),
      petitioners: [{ name: '周八' }],
    },
  });
  expect(res.status).toBe(201);
  return caseId;
};

describe('POST /api/v1/visits', () => {
  it('registers a new case with origin visit: 201 {id: visitId, caseId, revision, position}', async () => {
    const before = await server.eventCount();
    const res = await post(visit({ visitId: 'v-1', petitioners: [WANG], visitorCount: 3, handlingOpinion: '联系物业' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: 'v-1', caseId: expect.stringMatching(/^c-/), revision: 2, position: before + 3 });
    wangsCase = res.body.caseId;
    const [registered, recorded] = await streamOf(res.body.caseId);
    expect(registered?.type).toBe('CaseRegistered');
    expect(registered?.data).toMatchObject({ origin: 'visit', communityId: 'qinghua', category: 'realEstate', summary: '小区电梯长期停运', peopleCount: 3 });
    expect(recorded?.type).toBe('VisitRecorded');
    expect(recorded?.data).toMatchObject({ visitId: 'v-1', leaderId: 'L01', repeat: false, handlingOpinion: '联系物业' });
  });

  it('generates the visit id when none is given, and takes a chosen case id for a new case', async () => {
    const res = await post(visit({ caseId: undefined }));
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^v-/);
    const chosen = await post(visit({ caseId: 'vc-new' }));
    // A named case must exist: a visit never creates the case the client thought was there.
    expect(chosen.status).toBe(404);
    expect(chosen.body.code).toBe('caseNotFound');
  });

  it('records a visit on an existing case; a second visit there is a repeat petition', async () => {
    const caseId = await existingCase();
    const first = await post(visit({ caseId, visitId: 'v-first', communityId: undefined }));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: 'v-first', caseId, revision: 2, position: expect.any(Number) });
    const second = await post(visit({ caseId, visitId: 'v-second', receivedAt: at(20), communityId: undefined }));
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: 'v-second', caseId, revision: 4 });
    expect(await typesOf(caseId)).toEqual(['CaseRegistered', 'VisitRecorded', 'VisitRecorded', 'RepeatPetitionRecorded']);
    const events = await streamOf(caseId);
    expect(events[1]?.data).toMatchObject({ visitId: 'v-first', repeat: false });
    expect(events[2]?.data).toMatchObject({ visitId: 'v-second', repeat: true });
    expect(events[3]?.data).toEqual({ at: at(20), channel: 'visit', accepted: true, visitId: 'v-second' });
  });

  it('links a returning petitioner (same id number) to the same person', async () => {
    const caseId = await existingCase();
    const before = await server.eventCount();
    const res = await post(visit({ caseId, petitioners: [{ name: '王阿姨', idNumber: WANG.idNumber }] }));
    expect(res.status).toBe(201);
    expect(await server.eventCount()).toBe(before + 1); // the visit only: no new person file
    const [, first] = await streamOf(wangsCase);
    const recorded = (await streamOf(caseId)).at(-1);
    const wang = (first?.data as { petitioners: { personId: string }[] }).petitioners;
    expect(wang).toEqual([{ personId: expect.stringMatching(/^p-/) }]);
    expect((recorded?.data as { petitioners: unknown[] }).petitioners).toEqual(wang);
  });

  it('keeps the petitioner’s name, id number and phone out of the log (only in the sealed person file)', async () => {
    const log: RecordedEvent[] = [];
    for await (const event of server.services.store.readAll()) log.push(event);
    const text = JSON.stringify(log);
    for (const secret of [WANG.name, WANG.idNumber, WANG.phone, '孙七']) expect(text).not.toContain(secret);
  });

  it.each([
    ['office', {}, 201],
    ['leader:L01', {}, 201],
    ['leader:L02', {}, 403], // a visit L01 received
    ['leader:L02', { leaderId: 'L02' }, 201],
    ['community:qinghua', {}, 201],
    ['community:yangguang', {}, 403],
    ['community:yangguang', { communityId: 'yangguang' }, 201],
    ['auditor', {}, 403],
    ['inspector', {}, 403],
    [null, {}, 401],
  ] as const)('role matrix for a new case: %s %o → %i', async (role, more, status) => {
    const before = await server.eventCount();
    const res = await post(visit(more), role);
    expect(res.status).toBe(status);
    expect(await server.eventCount()).toBe(status === 201 ? before + 3 : before);
  });

  it.each([
    ['office', {}, 201],
    ['leader:L02', { leaderId: 'L02' }, 201], // a leader receives whoever comes, on any case
    ['leader:L02', {}, 403],
    ['community:qinghua', {}, 201],
    ['community:yangguang', {}, 403], // the case is qinghua's
    ['community:yangguang', { communityId: 'yangguang' }, 403],
    ['community:qinghua', { communityId: 'yangguang' }, 403],
    ['auditor', {}, 403],
    ['inspector', {}, 403],
    [null, {}, 401],
  ] as const)('role matrix on an existing qinghua case: %s %o → %i', async (role, more, status) => {
    const caseId = await existingCase();
    const before = await server.eventCount();
    const res = await post(visit({ caseId, communityId: undefined, ...more }), role);
    expect(res.status).toBe(status);
    expect(await server.eventCount()).toBe(status === 201 ? before + 2 : before);
  });

  it('returns the first answer (the same generated ids) to a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'visit-once' };
    const first = await post(visit(), 'office', headers);
    expect(first.status).toBe(201);
    const before = await server.eventCount();
    const again = await post(visit(), 'office', headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('answers a stale If-Match on an existing case with 409 and its revision, writing nothing', async () => {
    const caseId = await existingCase();
    const before = await server.eventCount();
    const stale = await post(visit({ caseId }), 'office', { 'if-match': '0' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(1);
    expect(await server.eventCount()).toBe(before);
    expect((await post(visit({ caseId }), 'office', { 'if-match': '1' })).status).toBe(201);
  });

  it.each([
    ['a missing field', { leaderId: undefined }, ['leaderId']],
    ['a wrong type', { visitorCount: 'three' }, ['visitorCount']],
    ['an unknown category', { category: 'weather' }, ['category']],
    ['no one counted', { visitorCount: 0 }, ['visitorCount']],
    ['a bad phone', { petitioners: [{ name: '孙七', phone: 'call me' }] }, ['petitioners.0.phone']],
    ['a bad case id', { caseId: 'no/slash' }, ['caseId']],
  ])('names the bad field (400) of %s, writing nothing', async (_what, more, paths) => {
    const before = await server.eventCount();
    const res = await post(visit(more));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses by the domain (422 / 404) before any person file is written', async () => {
    const caseId = await existingCase();
    const before = await server.eventCount();
    const nowhere = await post(visit({ communityId: undefined, petitioners: [{ name: '新来的' }] }));
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.code).toBe('communityRequired');
    const early = await post(visit({ caseId, receivedAt: at(15), petitioners: [{ name: '新来的' }] }));
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('timeOutOfOrder');
    const unknown = await post(visit({ caseId: 'no-such-case', petitioners: [{ name: '新来的' }] }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('caseNotFound');
    const ghost = await post(visit({ petitioners: [{ name: '新来的' }, { name: '某', personId: 'p-nobody' }] }));
    expect(ghost.status).toBe(404);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a community that is not registered (422 unknownCommunity), on a new case or an existing one, writing nothing', async () => {
    const caseId = await existingCase();
    const before = await server.eventCount();
    const ghost = await post(visit({ communityId: 'ghost' }));
    expect(ghost.status).toBe(422);
    expect(ghost.body).toMatchObject({ code: 'unknownCommunity', errors: [{ path: 'communityId' }] });
    const onCase = await post(visit({ caseId, communityId: 'ghost' }));
    expect(onCase.body.code).toBe('unknownCommunity');
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses the same visit id on a case twice (422 visitAlreadyRecorded)', async () => {
    const caseId = await existingCase();
    expect((await post(visit({ caseId, visitId: 'v-dup' }))).status).toBe(201);
    const before = await server.eventCount();
    const again = await post(visit({ caseId, visitId: 'v-dup' }));
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('visitAlreadyRecorded');
    expect(await server.eventCount()).toBe(before);
  });
});
