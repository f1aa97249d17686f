import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckDigit } from '@xinfang/domain';
import type { RecordedEvent } from '@xinfang/event-store';
import { verifyLog } from '../log-verification';
import { startTestServer, type TestRole, type TestServer } from '../test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

const services = () => server.services;
const idNumber = (first17: string) => `${first17}${idNumberCheckDigit(first17)}`;
const CHEN = { name: '陈九', idNumber: idNumber('35058219800505789'), phone: '13700002222' };

let cases = 0;
/** Registers a case with one petitioner and returns the petitioner's person id. */
const personOnFile = async (petitioner: Record<string, unknown> = { name: '吴十' }): Promise<string> => {
  cases += 1;
  const caseId = `pc-${cases}`;
  const res = await server.call('POST', '/api/v1/cases', {
    body: {
      caseId,
      origin: 'phone',
      communityId: 'yangguang',
      category: 'labour',
      summary: '社保断缴',
      registeredAt: '2024-09-16T10:00:00+08:00',
      petitioners: [petitioner],
    },
  });
  expect(res.status).toBe(201);
  const [registered] = await services().store.readStream(`case-${caseId}`);
  const personId = (registered?.data as { petitioners: { personId: string }[] }).petitioners[0]?.personId;
  expect(personId).toBeDefined();
  return personId!;
};

const erase = (personId: string, role: TestRole | null = 'office', headers: Record<string, string> = {}) =>
  server.call('DELETE', `/api/v1/persons/${personId}`, { role, headers });

describe('DELETE /api/v1/persons/{id}', () => {
  it('records the erasure at the clock’s now and destroys the key: 200 {id, revision, position}', async () => {
    const personId = await personOnFile(CHEN);
    expect(services().database.keys.find(personId)).toBeDefined();
    const registeredHash = (await services().store.readStream(`person-${personId}`))[0]?.meta.hash;
    server.setNow('2024-09-20T15:00:00+08:00');
    const before = await server.eventCount();
    const res = await erase(personId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: personId, revision: 2, position: before + 1 });
    const [registered, erased] = await services().store.readStream(`person-${personId}`);
    expect(erased?.type).toBe('PersonErased');
    expect(erased?.data).toEqual({ personId, at: '2024-09-20T15:00:00+08:00' });
    // The key is gone: the sealed data stays in the log and can no longer be opened.
    expect(services().database.keys.find(personId)).toBeUndefined();
    expect((registered?.data as { sealed: unknown }).sealed).toBeDefined();
    const { state } = await services().office.load('person', `person-${personId}`);
    expect(state.status).toBe('erased');
    // Nothing was rewritten: the whole log, the person's events with it, still verifies.
    const all: RecordedEvent[] = [];
    for await (const event of services().store.readAll()) all.push(event);
    expect(await verifyLog(services().store, await services().database.chain.keying())).toEqual({ ok: true, checked: all.length, headHash: all.at(-1)?.meta.hash });
    expect(registered?.meta.hash).toBe(registeredHash);
  });

  it('does not match a returning petitioner to a forgotten file: a new file is made', async () => {
    const again = await personOnFile({ name: '陈九', idNumber: CHEN.idNumber });
    const [erasedOne] = (await services().store.readStream('case-pc-1'))
      .map((e) => (e.data as { petitioners: { personId: string }[] }).petitioners[0]?.personId);
    expect(again).not.toBe(erasedOne);
    expect(services().database.keys.find(again)).toBeDefined();
  });

  it('answers 422 (personAlreadyErased) to a second erasure and 404 (personNotFound) to an unknown person', async () => {
    const personId = await personOnFile();
    expect((await erase(personId)).status).toBe(200);
    const before = await server.eventCount();
    const twice = await erase(personId);
    expect(twice.status).toBe(422);
    expect(twice.headers.get('content-type')).toContain('application/problem+json');
    expect(twice.body.code).toBe('personAlreadyErased');
    const unknown = await erase('p-nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('personNotFound');
    const badId = await erase('bad*id');
    expect(badId.status).toBe(400);
    expect(badId.body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
    expect(await server.eventCount()).toBe(before);
  });

  it.each([
    ['community:yangguang', 403],
    ['community:qinghua', 403],
    ['leader:L01', 403],
    ['auditor', 403],
    ['inspector', 403],
    [null, 401],
  ] as const)('refuses %s (%i), writing nothing and keeping the key', async (role, status) => {
    const personId = await personOnFile();
    const before = await server.eventCount();
    expect((await erase(personId, role)).status).toBe(status);
    expect(await server.eventCount()).toBe(before);
    expect(services().database.keys.find(personId)).toBeDefined();
  });

  it('returns the first answer to a repeated Idempotency-Key, writing nothing', async () => {
    const personId = await personOnFile();
    const headers = { 'idempotency-key': 'forget-once' };
    const first = await erase(personId, 'office', headers);
    expect(first.status).toBe(200);
    const before = await server.eventCount();
    const again = await erase(personId, 'office', headers);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await server.eventCount()).toBe(before);
  });

  it('refuses a key already used for another command (422), destroying no key', async () => {
    const personId = await personOnFile();
    const headers = { 'idempotency-key': 'forget-other' };
    const other = await personOnFile();
    expect((await erase(other, 'office', headers)).status).toBe(200);
    const res = await erase(personId, 'office', headers);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('idempotencyKeyReused');
    expect(services().database.keys.find(personId)).toBeDefined();
  });

  it('answers a stale If-Match with 409 and the current revision, keeping the key', async () => {
    const personId = await personOnFile();
    const before = await server.eventCount();
    const stale = await erase(personId, 'office', { 'if-match': '0' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(1);
    expect(await server.eventCount()).toBe(before);
    expect(services().database.keys.find(personId)).toBeDefined();
    expect((await erase(personId, 'office', { 'if-match': '1' })).status).toBe(200);
  });
});
