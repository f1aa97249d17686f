import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, LI, NOW, WANG, ZHANG, ZHANG_MASKED, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });

describe('GET /persons/{id}', () => {
  it('answers the person file (一人一档): data, cases and visits', async () => {
    const res = await get(`/persons/${scenario.zhangId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      personId: scenario.zhangId,
      status: 'registered',
      registeredAt: '2024-09-02T10:00:00+08:00',
      erasedAt: null,
      petitioner: { personId: scenario.zhangId, ...ZHANG },
      visits: [],
    });
    expect(res.body.cases).toEqual([
      expect.objectContaining({ caseId: 'c1', community: '青华社区', category: 'neighbour', status: 'resolved', inBacklog: false }),
    ]);
    const li = await get(`/persons/${scenario.liId}`);
    expect(li.body.petitioner).toEqual({ personId: scenario.liId, ...LI });
    expect(li.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([scenario.c2]);
    expect(li.body.visits).toEqual([expect.objectContaining({ visitId: 'v1', caseId: scenario.c2, leader: '陈主任' })]);
  });

  it('answers as of a date: the case status then', async () => {
    const res = await get(`/persons/${scenario.zhangId}?asOf=2024-09-05`);
    expect(res.body.cases[0]).toMatchObject({ caseId: 'c1', status: 'inProgress' });
    expect((await get(`/persons/${scenario.zhangId}?asOf=2024-09-01`)).status).toBe(404);
  });

  it('masks the data for the auditor', async () => {
    const res = await get(`/persons/${scenario.zhangId}`, 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.petitioner).toEqual({ personId: scenario.zhangId, ...ZHANG_MASKED });
    expect(res.text).not.toContain(ZHANG.idNumber);
  });

  it('is for the office and the auditor only (401, 403), and a 404 for an unknown person', async () => {
    const path = `/persons/${scenario.zhangId}`;
    expect((await get(path, null)).status).toBe(401);
    for (const role of ['inspector', 'community:qinghua', 'community:yangguang', 'leader:L01', 'leader:L02'] as const) {
      expect((await get(path, role)).status, role).toBe(403);
    }
    expect((await get('/persons/nobody')).status).toBe(404);
  });

  it('reads [已删除] once the person is forgotten, in the file, the case and the ledgers, for every role', async () => {
    const c3 = await get('/cases/c3');
    const wangId = c3.body.petitioners[0].personId as string;
    expect(c3.body.petitioners[0].idNumber).toBe(WANG.idNumber);
    expect((await server.call('DELETE', `/api/v1/persons/${wangId}`)).status).toBe(200);
    const file = await get(`/persons/${wangId}`);
    expect(file.body).toMatchObject({ status: 'erased', erasedAt: NOW, petitioner: { personId: wangId, name: '[已删除]' } });
    expect(file.body.petitioner).toEqual({ personId: wangId, name: '[已删除]' });
    expect(file.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['c3']);
    expect((await get(`/persons/${wangId}`, 'auditor')).body.petitioner).toEqual({ personId: wangId, name: '[已删除]' });
    expect((await get('/cases/c3')).body.petitioners).toEqual([{ personId: wangId, name: '[已删除]' }]);
    const ledger = await get('/ledgers/disputes?category=realEstate', 'inspector');
    expect(ledger.body.rows[0].petitioners).toEqual([{ personId: wangId, name: '[已删除]' }]);
  });

  it('refuses a bad asOf (400 naming it)', async () => {
    const res = await get(`/persons/${scenario.zhangId}?asOf=2024-9-5`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'asOf', message: expect.stringContaining('YYYY-MM-DD') }]);
  });
});

describe('GET /persons?q= (v1.1)', () => {
  const search = async (q: string, role: TestRole = 'office') => get(`/persons?q=${encodeURIComponent(q)}`, role);

  it('finds a person by a part of the name or of the phone, with their cases and visits counted', async () => {
    const byName = await search('张三');
    expect(byName.status, byName.text).toBe(200);
    expect(byName.body).toEqual({ total: 1, rows: [{ personId: scenario.zhangId, name: ZHANG.name, cases: 1, visits: 0 }] });
    expect((await search('5678')).body.rows).toEqual([{ personId: scenario.liId, name: LI.name, cases: 1, visits: 1 }]);
    expect((await search('赵')).body).toEqual({ total: 0, rows: [] });
  });

  it('finds a whole id number through its keyed hash, never a part of one, nor a forgotten person', async () => {
    const byId = await search(` ${ZHANG.idNumber} `);
    expect(byId.body).toEqual({ total: 1, rows: [{ personId: scenario.zhangId, name: ZHANG.name, cases: 1, visits: 0 }] });
    // 王五 was forgotten above (DELETE /persons/{id}): his file is not found by his id number any more.
    expect((await search(WANG.idNumber.toLowerCase())).body.total).toBe(0);
    // A part of an id number is not looked for in the files: only a whole one, through its digest.
    expect((await search(WANG.idNumber.slice(0, 10))).body.total).toBe(0);
    expect((await search(ZHANG.idNumber.slice(-6))).body.total).toBe(0);
  });

  it('is for the office only, and needs q', async () => {
    for (const role of ['auditor', 'inspector', 'community:qinghua', 'leader:L01'] as const) {
      expect((await search('张', role)).status).toBe(403);
    }
    const missing = await get('/persons');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('q');
    expect((await search('   ')).status).toBe(400);
  });
});
