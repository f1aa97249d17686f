import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCommandBodies, idNumberCheckDigit } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { ROLES, startTestServer, type TestRole, type TestServer } from '../test-server';
import { caseActions } from './cases';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const store = () => server.services.store;
const streamOf = (caseId: string): Promise<RecordedEvent[]> => store().readStream(`case-${caseId}`);
const allEvents = async (): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store().readAll()) events.push(event);
  return events;
};

const at = (day: number, time = '10:00') => `2024-09-${String(day).padStart(2, '0')}T${time}:00+08:00`;
const idNumber = (first17: string) => `${first17}${idNumberCheckDigit(first17)}`;
const ZHANG = { name: '张三丰', idNumber: idNumber('35058219900101123'), phone: '15800009011', address: '青华路 8 号' };

const newCase = (caseId: string | undefined, more: Record<string, unknown> = {}) => ({
  ...(caseId === undefined ? {} : { caseId }),
  origin: 'screening',
  communityId: 'qinghua',
  category: 'wageArrears',
  summary: '某工地拖欠 12 名工人工资',
  registeredAt: at(16, '09:00'),
  petitioners: [{ name: '李四' }],
  ...more,
});

type Segment = keyof typeof caseActions;

/** What each step of a case's life takes when it only sets the scene for the action under test. */
const sceneBodies: Partial<Record<Segment, Record<string, unknown>>> = {
  acceptance: { decision: 'accepted', at: at(16) },
  assignment: {
    responsibleUnit: '青华社区居委会',
    responsibleLeaderId: 'L01',
    responsiblePerson: '王主任',
    measures: '约谈施工方，督促支付',
    deadline: '2024-10-31',
    at: at(17),
  },
  resolution: { at: at(20), method: 'mediation', level: 'community', outcome: 'solved', summary: '已足额支付' },
  review: { level: 'review', at: at(22) },
};

const call = (segment: Segment, caseId: string, body: unknown, role: TestRole | null = 'office', headers: Record<string, string> = {}) =>
  server.call('POST', `/api/v1/cases/${caseId}/${segment}`, { role, body, headers });

let cases = 0;
/**
 * A new case in community qinghua, 包案 to leader L01 by the office (so L01 leads it and L02 does not),
 * then taken through `after` by the office. Returns its id and revision.
 */
const prepare = async (after: readonly Segment[] = []): Promise<{ caseId: string; revision: number }> => {
  cases += 1;
  const caseId = `case-${cases}`;
  const registered = await server.call('POST', '/api/v1/cases', { body: newCase(caseId) });
  expect(registered.status).toBe(201);
  let last = await call('package', caseId, { leaderId: 'L01', at: at(16, '09:30') });
  for (const segment of after) last = await call(segment, caseId, sceneBodies[segment]);
  expect(last.status).toBe(200);
  return { caseId, revision: last.body.revision };
};

const LATER = at(25);

interface Action {
  readonly segment: Segment;
  /** The steps that make the action legal (after registration and a 包案 to L01). */
  readonly after: readonly Segment[];
  readonly body: Record<string, unknown>;
  readonly event: string;
  readonly missing: string;
  readonly wrongType: readonly [string, unknown];
  /** An enumeration field with a value not in it (where the body has an enumeration). */
  readonly badEnum?: readonly [string, string];
}

const RESOLVED: readonly Segment[] = ['acceptance', 'assignment', 'resolution'];

const actions: readonly Action[] = [
  { segment: 'acceptance', after: [], body: { decision: 'accepted', at: LATER, reason: '属于受理范围' }, event: 'CaseAccepted', missing: 'decision', wrongType: ['at', 20240925], badEnum: ['decision', 'maybe'] },
  { segment: 'assignment', after: ['acceptance'], body: { ...sceneBodies.assignment, at: LATER }, event: 'CaseAssigned', missing: 'measures', wrongType: ['deadline', 31] },
  { segment: 'package', after: [], body: { leaderId: 'L01', at: LATER }, event: 'CasePackaged', missing: 'leaderId', wrongType: ['leaderId', 1] },
  { segment: 'five-ones', after: [], body: { item: 'plan', detail: '一套化解方案', at: LATER }, event: 'FiveOnesRecorded', missing: 'detail', wrongType: ['detail', ['x']], badEnum: ['item', 'twoOnes'] },
  { segment: 'transfer', after: [], body: { toUnit: '区人社局', at: LATER, note: '转劳动监察' }, event: 'CaseTransferred', missing: 'toUnit', wrongType: ['note', false] },
  { segment: 'notice', after: [], body: { at: LATER, content: '已告知受理情况' }, event: 'PetitionerNotified', missing: 'content', wrongType: ['content', 7] },
  { segment: 'progress', after: [], body: { at: LATER, note: '第二次协调会' }, event: 'ProgressRecorded', missing: 'note', wrongType: ['at', true] },
  { segment: 'extension', after: ['acceptance', 'assignment'], body: { newDeadline: '2024-11-20', reason: '涉及多方', approvedBy: '李书记', at: LATER }, event: 'DeadlineExtended', missing: 'approvedBy', wrongType: ['newDeadline', 20241120] },
  { segment: 'resolution', after: ['acceptance', 'assignment'], body: { ...sceneBodies.resolution, at: LATER }, event: 'CaseResolved', missing: 'summary', wrongType: ['summary', {}], badEnum: ['method', 'magic'] },
  { segment: 'satisfaction', after: RESOLVED, body: { at: LATER, satisfied: true }, event: 'SatisfactionRecorded', missing: 'satisfied', wrongType: ['satisfied', 'yes'] },
  { segment: 'repeat', after: [], body: { at: LATER, channel: 'phone' }, event: 'RepeatPetitionRecorded', missing: 'channel', wrongType: ['at', 1], badEnum: ['channel', 'fax'] },
  { segment: 'escalation', after: [], body: { at: LATER, level: 'province', collective: true, abnormal: false }, event: 'EscalationRecorded', missing: 'level', wrongType: ['collective', 'yes'], badEnum: ['level', 'moon'] },
  { segment: 'reopen', after: RESOLVED, body: { at: LATER, reason: '承诺未兑现' }, event: 'CaseReopened', missing: 'reason', wrongType: ['reason', 3] },
  { segment: 'review', after: RESOLVED, body: { level: 'review', at: LATER }, event: 'ReviewRequested', missing: 'level', wrongType: ['at', 12], badEnum: ['level', 'appeal'] },
  { segment: 'review-decision', after: [...RESOLVED, 'review'], body: { level: 'review', at: LATER, outcome: 'upheld' }, event: 'ReviewDecided', missing: 'outcome', wrongType: ['level', 1], badEnum: ['outcome', 'overturned'] },
  { segment: 'closure', after: RESOLVED, body: { at: LATER }, event: 'CaseClosed', missing: 'at', wrongType: ['at', 1] },
];

/** Who may do a `/cases/{id}/…` command on a case of qinghua that L01 leads (null: no token). */
const actionMatrix: readonly (readonly [TestRole | null, number])[] = [
  ['office', 200],
  ['leader:L01', 200],
  ['leader:L02', 403],
  ['community:qinghua', 403],
  ['community:yangguang', 403],
  ['auditor', 403],
  ['inspector', 403],
  [null, 401],
];

const without = (body: Record<string, unknown>, field: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== field));

describe('the table of case actions', () => {
  it('has one path for every command on an existing case, and the test table covers every path', () => {
    expect(Object.values(caseActions).sort()).toEqual(Object.keys(caseCommandBodies).sort());
    expect(actions.map((a) => a.segment).sort()).toEqual(Object.keys(caseActions).sort());
  });

  it('covers every role of the test server in its matrix', () => {
    expect(actionMatrix.map(([role]) => role).filter((r) => r !== null).sort()).toEqual([...ROLES].sort());
  });
});

describe.each(actions)('POST /api/v1/cases/{id}/$segment', ({ segment, after, body, event, missing, wrongType, badEnum }) => {
  it(`records ${event}: 200 {id, revision, position}`, async () => {
    const { caseId, revision } = await prepare(after);
    const before = await server.eventCount();
    const res = await call(segment, caseId, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: caseId, revision: revision + 1, position: before + 1 });
    const last = (await streamOf(caseId)).at(-1);
    expect(last?.type).toBe(event);
    expect(last?.meta.occurredAt).toBe(LATER);
    expect(last?.meta.actor.role).toBe('office');
  });

  it('follows the role matrix; a refused role writes nothing', async () => {
    const shared = await prepare(after);
    for (const [role, status] of actionMatrix) {
      const target = status === 200 ? (await prepare(after)).caseId : shared.caseId;
      const before = await server.eventCount();
      const res = await call(segment, target, body, role);
      expect({ role, status: res.status }).toEqual({ role, status });
      expect(await server.eventCount()).toBe(status === 200 ? before + 1 : before);
      if (status === 200) expect((await streamOf(target)).at(-1)?.meta.actor.role).toBe(role);
    }
  });

  it('returns the first answer to a repeated Idempotency-Key and writes nothing', async () => {
    const { caseId } = await prepare(after);
    const headers = { 'idempotency-key': `retry-${segment}` };
    const first = await call(segment, caseId, body, 'office', headers);
    expect(first.status).toBe(200);
    const before = await server.eventCount();
    const again = await call(segment, caseId, body, 'office', headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses its Idempotency-Key reused for another action on the same case (422), writing nothing', async () => {
    const { caseId } = await prepare(after);
    const headers = { 'idempotency-key': `reused-${segment}` };
    expect((await call(segment, caseId, body, 'office', headers)).status).toBe(200);
    const [other, otherBody] = segment === 'progress' ? (['notice', { at: LATER, content: '告知' }] as const) : (['progress', { at: LATER, note: '协调' }] as const);
    const before = await server.eventCount();
    const res = await call(other, caseId, otherBody, 'office', headers);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'idempotencyKeyReused' });
    expect(await server.eventCount()).toBe(before);
    expect((await streamOf(caseId)).at(-1)?.meta.commandType).toBe(caseActions[segment]);
  });

  it('answers a stale If-Match with 409 and the current revision, writing nothing', async () => {
    const { caseId, revision } = await prepare(after);
    const before = await server.eventCount();
    const stale = await call(segment, caseId, body, 'office', { 'if-match': String(revision - 1) });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(revision);
    expect(await server.eventCount()).toBe(before);
    const current = await call(segment, caseId, body, 'office', { 'if-match': `"${revision}"` });
    expect(current.status).toBe(200);
    expect(current.body.revision).toBe(revision + 1);
  });

  it('names the bad field (400) of a missing field, a wrong type and an unknown value, writing nothing', async () => {
    const { caseId } = await prepare(after);
    const before = await server.eventCount();
    const bad: [Record<string, unknown>, string][] = [
      [without(body, missing), missing],
      [{ ...body, [wrongType[0]]: wrongType[1] }, wrongType[0]],
      ...(badEnum === undefined ? [] : [[{ ...body, [badEnum[0]]: badEnum[1] }, badEnum[0]] as [Record<string, unknown>, string]]),
    ];
    for (const [sent, path] of bad) {
      const res = await call(segment, caseId, sent);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect(await server.eventCount()).toBe(before);
  });

  it('answers 404 (caseNotFound) for an unknown case and 400 naming `id` for a bad one', async () => {
    const before = await server.eventCount();
    const unknown = await call(segment, 'no-such-case', body);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('caseNotFound');
    const leader = await call(segment, 'no-such-case', body, 'leader:L01');
    expect(leader.status).toBe(404);
    const badId = await call(segment, 'bad*id', body);
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
    expect(await server.eventCount()).toBe(before);
  });
});

describe('domain refusals on a case (422 with the code)', () => {
  it.each([
    ['resolution', [], { ...sceneBodies.resolution, at: LATER }, 'notAssigned'],
    ['acceptance', ['acceptance'], { decision: 'rejected', at: LATER }, 'alreadyDecided'],
    ['assignment', [], { ...sceneBodies.assignment, at: LATER }, 'notAccepted'],
    ['closure', ['acceptance', 'assignment'], { at: LATER }, 'notResolved'],
    ['progress', [], { at: at(15), note: '早于登记' }, 'timeOutOfOrder'],
  ] as const)('%s after %j → %s, writing nothing', async (segment, after, body, code) => {
    const { caseId } = await prepare(after);
    const before = await server.eventCount();
    const res = await call(segment, caseId, body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(await server.eventCount()).toBe(before);
  });
});

describe('leaders act on the cases they lead', () => {
  it('leads by the assignment in force, or by a 包案', async () => {
    cases += 1;
    const caseId = `case-${cases}`;
    expect((await server.call('POST', '/api/v1/cases', { body: newCase(caseId) })).status).toBe(201);
    const progress = { at: LATER, note: '走访' };
    expect((await call('progress', caseId, progress, 'leader:L02')).status).toBe(403);
    await call('acceptance', caseId, sceneBodies.acceptance);
    await call('assignment', caseId, { ...sceneBodies.assignment, responsibleLeaderId: 'L02' });
    expect((await call('progress', caseId, progress, 'leader:L02')).status).toBe(200);
    expect((await call('progress', caseId, progress, 'leader:L01')).status).toBe(403);
    // Reassigned to L01: L02 no longer leads it, L01 does.
    await call('assignment', caseId, { ...sceneBodies.assignment, at: at(18) });
    expect((await call('progress', caseId, progress, 'leader:L02')).status).toBe(403);
    expect((await call('progress', caseId, progress, 'leader:L01')).status).toBe(200);
  });

  it('records a 包案 only for itself, and only on a case it already leads', async () => {
    const { caseId } = await prepare();
    const before = await server.eventCount();
    expect((await call('package', caseId, { leaderId: 'L02', at: LATER }, 'leader:L02')).status).toBe(403);
    expect((await call('package', caseId, { leaderId: 'L02', at: LATER }, 'leader:L01')).status).toBe(403);
    expect(await server.eventCount()).toBe(before);
    expect((await call('package', caseId, { leaderId: 'L02', at: LATER }, 'office')).status).toBe(200);
    expect((await call('progress', caseId, { at: LATER, note: '包案后首次走访' }, 'leader:L02')).status).toBe(200);
  });

  it('answers a retried Idempotency-Key with its first answer though the leader no longer leads the case; a new key is refused (403)', async () => {
    cases += 1;
    const caseId = `case-${cases}`;
    expect((await server.call('POST', '/api/v1/cases', { body: newCase(caseId) })).status).toBe(201);
    await call('acceptance', caseId, sceneBodies.acceptance);
    await call('assignment', caseId, { ...sceneBodies.assignment, responsibleLeaderId: 'L02' });
    const progress = { at: LATER, note: '走访' };
    const first = await call('progress', caseId, progress, 'leader:L02', { 'idempotency-key': 'l02-progress' });
    expect(first.status).toBe(200);
    // Reassigned to L01: the access rule now refuses L02, but a retry is answered before the rule is checked.
    expect((await call('assignment', caseId, { ...sceneBodies.assignment, at: at(18) })).status).toBe(200);
    const before = await server.eventCount();

    const again = await call('progress', caseId, progress, 'leader:L02', { 'idempotency-key': 'l02-progress' });
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
    expect((await call('progress', caseId, progress, 'leader:L02', { 'idempotency-key': 'l02-progress-2' })).status).toBe(403);
    // The key on another case is another command (422), whether or not the leader may act there.
    const other = await call('progress', 'case-1', progress, 'leader:L02', { 'idempotency-key': 'l02-progress' });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'idempotencyKeyReused' });
    expect(await server.eventCount()).toBe(before);
  });
});

describe('POST /api/v1/cases', () => {
  it('registers a case: 201 {id, revision, position}, petitioners linked to new person files', async () => {
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/cases', { body: newCase('c-reg-1', { petitioners: [ZHANG, { name: '王五' }] }) });
    expect(res.status).toBe(201);
    // Two person files, then the case.
    expect(res.body).toEqual({ id: 'c-reg-1', revision: 1, position: before + 3 });
    const [registered] = await streamOf('c-reg-1');
    expect(registered?.type).toBe('CaseRegistered');
    expect(registered?.data).toMatchObject({ caseId: 'c-reg-1', origin: 'screening', communityId: 'qinghua', peopleCount: 2, firstPetition: true });
    const people = (registered?.data as { petitioners: { personId: string }[] }).petitioners;
    expect(people).toHaveLength(2);
    for (const { personId } of people) expect((await store().readStream(`person-${personId}`))[0]?.type).toBe('PersonRegistered');
  });

  it('generates the case id when none is given', async () => {
    const res = await server.call('POST', '/api/v1/cases', { body: newCase(undefined) });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^c-[A-Za-z0-9_-]+$/);
    expect((await streamOf(res.body.id))[0]?.type).toBe('CaseRegistered');
  });

  it('never puts a petitioner’s name, id number, phone or address in the log', async () => {
    const text = JSON.stringify(await allEvents());
    for (const secret of [ZHANG.name, ZHANG.idNumber, ZHANG.phone, ZHANG.address]) {
      expect(text).not.toContain(secret);
    }
    const [registered] = await streamOf('c-reg-1');
    const zhang = (registered?.data as { petitioners: { personId: string }[] }).petitioners[0]?.personId;
    const [person] = await store().readStream(`person-${zhang}`);
    expect(Object.keys(person?.data as object).sort()).toEqual(['idNumberDigest', 'personId', 'registeredAt', 'sealed']);
    expect(Object.keys((person?.data as { sealed: object }).sealed).sort()).toEqual(['data', 'iv', 'keyId', 'tag']);
  });

  it('links a petitioner whose id number is on file to the same person, and one named by personId', async () => {
    const [first] = await streamOf('c-reg-1');
    const zhang = (first?.data as { petitioners: { personId: string }[] }).petitioners[0]?.personId;
    const before = await server.eventCount();
    const again = await server.call('POST', '/api/v1/cases', {
      // The same id number typed with a lowercase x or spaces still matches; the name may differ.
      body: newCase('c-reg-2', { petitioners: [{ name: '张三', idNumber: ` ${ZHANG.idNumber.toLowerCase()} ` }] }),
    });
    expect(again.status).toBe(201);
    expect(await server.eventCount()).toBe(before + 1); // no new person file
    const byId = await server.call('POST', '/api/v1/cases', { body: newCase('c-reg-3', { petitioners: [{ name: '张', personId: zhang }] }) });
    expect(byId.status).toBe(201);
    for (const caseId of ['c-reg-2', 'c-reg-3']) {
      const [registered] = await streamOf(caseId);
      expect((registered?.data as { petitioners: unknown[] }).petitioners).toEqual([{ personId: zhang }]);
    }
  });

  it.each([
    [{ role: 'office', communityId: 'qinghua', status: 201 }],
    [{ role: 'community:qinghua', communityId: 'qinghua', status: 201 }],
    [{ role: 'community:yangguang', communityId: 'qinghua', status: 403 }],
    [{ role: 'leader:L01', communityId: 'qinghua', status: 403 }],
    [{ role: 'auditor', communityId: 'qinghua', status: 403 }],
    [{ role: 'inspector', communityId: 'qinghua', status: 403 }],
    [{ role: null, communityId: 'qinghua', status: 401 }],
  ] as const)('role matrix: %o', async ({ role, communityId, status }) => {
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/cases', { role, body: newCase(undefined, { communityId }) });
    expect(res.status).toBe(status);
    expect(await server.eventCount()).toBe(status === 201 ? before + 2 : before);
  });

  it('returns the first answer (the same generated id) to a repeated Idempotency-Key, writing nothing', async () => {
    const headers = { 'idempotency-key': 'register-once' };
    const body = newCase(undefined, { petitioners: [{ name: '赵六', phone: '13900001111' }] });
    const first = await server.call('POST', '/api/v1/cases', { body, headers });
    expect(first.status).toBe(201);
    const before = await server.eventCount();
    const again = await server.call('POST', '/api/v1/cases', { body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a closure sent with the key of a progress note (422): the closure is not silently dropped', async () => {
    const headers = { 'idempotency-key': 'progress-then-closure' };
    const { caseId } = await prepare(['acceptance', 'assignment']);
    expect((await call('progress', caseId, { at: at(18), note: '协调会' }, 'office', headers)).status).toBe(200);
    expect((await call('resolution', caseId, sceneBodies.resolution)).status).toBe(200);
    const closure = await call('closure', caseId, { at: LATER }, 'office', headers);
    expect(closure.status).toBe(422);
    expect(closure.body.code).toBe('idempotencyKeyReused');
    expect((await streamOf(caseId)).map((e) => e.type)).not.toContain('CaseClosed');
    expect((await call('closure', caseId, { at: LATER }, 'office', { 'idempotency-key': 'closure-own-key' })).status).toBe(200);
  });

  it('refuses a key already used for another command (422), writing nothing', async () => {
    const headers = { 'idempotency-key': 'used-for-progress' };
    const { caseId } = await prepare();
    expect((await call('progress', caseId, { at: LATER, note: '协调' }, 'office', headers)).status).toBe(200);
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/cases', { body: newCase(undefined), headers });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('idempotencyKeyReused');
    expect(await server.eventCount()).toBe(before);
  });

  it('answers a stale If-Match with 409 before any person file is written', async () => {
    const before = await server.eventCount();
    const stale = await server.call('POST', '/api/v1/cases', { body: newCase('c-if-match'), headers: { 'if-match': '3' } });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(0);
    expect(await server.eventCount()).toBe(before);
    const fresh = await server.call('POST', '/api/v1/cases', { body: newCase('c-if-match'), headers: { 'if-match': '0' } });
    expect(fresh.status).toBe(201);
  });

  it.each([
    ['a missing field', without(newCase('c-bad'), 'summary'), ['summary']],
    ['a wrong type', newCase('c-bad', { registeredAt: 20240916 }), ['registeredAt']],
    ['an unknown origin', newCase('c-bad', { origin: 'fax' }), ['origin']],
    ['an unknown risk flag', newCase('c-bad', { riskFlags: ['collective', 'weather'] }), ['riskFlags.1']],
    ['a bad id number', newCase('c-bad', { petitioners: [{ name: '李四', idNumber: '350582199001011230' }] }), ['petitioners.0.idNumber']],
    ['no petitioners', newCase('c-bad', { petitioners: [] }), ['petitioners']],
    ['a bad case id', newCase('bad id'), ['caseId']],
    // Two new petitioners, the second's name a lone surrogate: refused before either person file is made.
    ['a lone surrogate', newCase('c-bad', { petitioners: [{ name: '甲' }, { name: '乙\udc00' }] }), ['petitioners.1.name']],
    ['a control character', newCase('c-bad', { summary: '拖欠\u0000工资', demands: '按\u001b时支付' }), ['summary', 'demands']],
    ['text over 10,000 code points', newCase('c-bad', { summary: '𠀀'.repeat(10_001) }), ['summary']],
    ['1,001 petitioners', newCase('c-bad', { petitioners: Array.from({ length: 1_001 }, () => ({ name: '甲' })) }), ['petitioners']],
    ['11 risk flags', newCase('c-bad', { riskFlags: Array.from({ length: 11 }, () => 'collective') }), ['riskFlags']],
  ])('names the bad field (400) of %s, writing nothing', async (_what, body, paths) => {
    const before = await server.eventCount();
    const res = await server.call('POST', '/api/v1/cases', { body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    expect(await server.eventCount()).toBe(before);
  });

  it('writes the persons and the case together or not at all: racing registrations of one case leave one set of persons', async () => {
    const persons = async () => (await allEvents()).filter((e) => e.type === 'PersonRegistered').length;
    const [before, personsBefore] = [await server.eventCount(), await persons()];
    const body = newCase('c-race', { petitioners: [{ name: '甲' }, { name: '乙' }] });
    const answers = await Promise.all(Array.from({ length: 5 }, () => server.call('POST', '/api/v1/cases', { body })));

    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(answers.filter((a) => a.status === 422).map((a) => a.body.code)).toEqual(Array(4).fill('caseAlreadyExists'));
    // The winner's two persons and its case; the refused four wrote nothing.
    expect(await persons()).toBe(personsBefore + 2);
    expect(await server.eventCount()).toBe(before + 3);
  });

  it('takes text of 10,000 code points (20,000 UTF-16 units), tabs and line breaks, and keeps it as typed', async () => {
    const summary = `${'𠀀'.repeat(9_993)}\t拖欠\r\n工资`;
    const name = '𠮷野家';
    const res = await server.call('POST', '/api/v1/cases', { body: newCase('c-text', { summary, petitioners: [{ name }] }) });
    expect(res.status).toBe(201);
    const got = await server.call('GET', '/api/v1/cases/c-text');
    expect(got.body.summary).toBe(summary);
    expect(got.body.petitioners[0].name).toBe(name);
  });

  it('refuses by the domain before any person file is written (422), and an unknown personId (404)', async () => {
    const before = await server.eventCount();
    const again = await server.call('POST', '/api/v1/cases', { body: newCase('c-reg-1', { petitioners: [{ name: '新人' }] }) });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('caseAlreadyExists');
    const fewer = await server.call('POST', '/api/v1/cases', {
      body: newCase('c-few', { peopleCount: 1, petitioners: [{ name: '甲' }, { name: '乙' }] }),
    });
    expect(fewer.status).toBe(422);
    expect(fewer.body.code).toBe('peopleCountBelowPetitioners');
    const ghost = await server.call('POST', '/api/v1/cases', {
      body: newCase('c-ghost', { petitioners: [{ name: '甲' }, { name: '乙', personId: 'p-nobody' }] }),
    });
    expect(ghost.status).toBe(404);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a community that is not registered (422 unknownCommunity) and a grid of another community (422 unknownGrid), writing nothing', async () => {
    const before = await server.eventCount();
    const ghost = await server.call('POST', '/api/v1/cases', { body: newCase('c-nowhere', { communityId: 'ghost' }) });
    expect(ghost.status).toBe(422);
    expect(ghost.body).toMatchObject({
      code: 'unknownCommunity',
      details: { field: 'communityId', communityId: 'ghost' },
      errors: [{ path: 'communityId', message: '社区 ghost 未登记 / community ghost is not registered' }],
    });
    const otherGrid = await server.call('POST', '/api/v1/cases', { body: newCase('c-grid', { gridId: 'yg-1' }) });
    expect(otherGrid.status).toBe(422);
    expect(otherGrid.body).toMatchObject({ code: 'unknownGrid', details: { field: 'gridId', communityId: 'qinghua', gridId: 'yg-1' } });
    expect(otherGrid.body.errors.map((e: { path: string }) => e.path)).toEqual(['gridId']);
    const noGrid = await server.call('POST', '/api/v1/cases', { body: newCase('c-grid', { gridId: 'qh-9' }) });
    expect(noGrid.body.code).toBe('unknownGrid');
    expect(await server.eventCount()).toBe(before);
    const ownGrid = await server.call('POST', '/api/v1/cases', { body: newCase('c-grid', { gridId: 'qh-2' }) });
    expect(ownGrid.status).toBe(201);
    expect((await streamOf('c-grid'))[0]?.data).toMatchObject({ communityId: 'qinghua', gridId: 'qh-2' });
  });
});
