import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestRole, type TestServer } from '../test-server';
import { buildScenario, ZHANG, ZHANG_MASKED, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

const get = (path: string, role: TestRole | null = 'office') => server.call('GET', `/api/v1${path}`, { role });

describe('GET /cases/{id}', () => {
  it('answers the case as of now: state, status, deadline, backlog, petitioners with personId, revision', async () => {
    const res = await get('/cases/c1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseId: 'c1',
      origin: 'screening',
      communityId: 'qinghua',
      community: '青华社区',
      grid: '第一网格',
      state: 'resolved',
      status: 'resolved',
      deadline: '2024-09-30',
      backlog: { inBacklog: false, reasons: [] },
      assignment: { responsibleLeader: { leaderId: 'L02', name: '林书记' } },
      revision: 5,
      latestRevision: 5,
      asOf: '2024-09-25T12:00:00+08:00',
      knownAt: '2024-09-25T12:00:00+08:00',
    });
    expect(res.body.petitioners).toEqual([{ personId: scenario.zhangId, ...ZHANG }]);
  });

  it('shows the backlog reasons of a case in backlog', async () => {
    const res = await get(`/cases/${scenario.c2}`);
    expect(res.body.backlog).toMatchObject({ inBacklog: true, reasons: ['overdue', 'repeat'], listedSince: '2024-09-12' }); // not accepted within 15 days
    expect(res.body.visits.map((v: { visitId: string }) => v.visitId)).toEqual(['v1']);
  });

  it('answers as of a past date and as known at a past time', async () => {
    const asOf = await get('/cases/c1?asOf=2024-09-03');
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({ state: 'accepted', status: 'open', deadline: '2024-11-02', revision: 2, latestRevision: 5 });
    expect(asOf.body.asOf).toBe('2024-09-03T23:59:59.999+08:00');
    // The resolution of 10 September was typed in on the 25th: known on the 21st, the case was not resolved.
    const known = await get('/cases/c1?knownAt=2024-09-21');
    expect(known.body).toMatchObject({ state: 'inProgress', status: 'inProgress', resolutions: [], revision: 4 });
    expect((await get('/cases/c1')).body.resolutions).toHaveLength(1);
  });

  it('is a 404 for a case registered after asOf, and for an unknown case', async () => {
    expect((await get('/cases/c3?asOf=2024-09-15')).status).toBe(404);
    expect((await get('/cases/c3')).status).toBe(200);
    const unknown = await get('/cases/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
  });

  it('masks the petitioners for every role but the office', async () => {
    for (const role of ['auditor', 'community:qinghua', 'leader:L02'] as const) {
      const res = await get('/cases/c1', role);
      expect(res.status, role).toBe(200);
      expect(res.body.petitioners, role).toEqual([{ personId: scenario.zhangId, ...ZHANG_MASKED }]);
      expect(res.text).not.toContain(ZHANG.idNumber);
      expect(res.text).not.toContain(ZHANG.phone);
    }
  });

  it('lets each role read only the cases it may (401, 403)', async () => {
    const status = async (path: string, role: TestRole | null) => (await get(path, role)).status;
    expect(await status('/cases/c1', null)).toBe(401);
    expect(await status('/cases/c1', 'auditor')).toBe(200);
    expect(await status('/cases/c1', 'inspector')).toBe(403);
    expect(await status('/cases/nope', 'inspector')).toBe(403);
    expect(await status('/cases/c1', 'community:qinghua')).toBe(200);
    expect(await status('/cases/c1', 'community:yangguang')).toBe(403);
    expect(await status(`/cases/${scenario.c2}`, 'community:yangguang')).toBe(200);
    expect(await status('/cases/c1', 'leader:L02')).toBe(200); // assigned to it and packaged to it
    expect(await status('/cases/c1', 'leader:L01')).toBe(403);
    expect(await status(`/cases/${scenario.c2}`, 'leader:L01')).toBe(403); // received its visit, does not lead it
  });

  it('refuses a bad asOf or knownAt with a 400 naming it', async () => {
    const res = await get('/cases/c1?asOf=yesterday&knownAt=2024-02-30');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['asOf', 'knownAt']);
  });
});

describe('GET /cases/{id}/history', () => {
  it('lists every event of the case with its metadata, oldest first', async () => {
    const res = await get('/cases/c1/history');
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseRegistered',
      'CaseAccepted',
      'CaseAssigned',
      'CasePackaged',
      'CaseResolved',
    ]);
    expect(res.body.events.map((e: { meta: { revision: number } }) => e.meta.revision)).toEqual([1, 2, 3, 4, 5]);
    const [first] = res.body.events;
    expect(first.meta).toMatchObject({
      streamId: 'case-c1',
      occurredAt: '2024-09-02T10:00:00+08:00',
      recordedAt: '2024-09-02T18:00:00+08:00',
      actor: { role: 'office' },
    });
    expect(first.meta.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.data.petitioners).toEqual([{ personId: scenario.zhangId }]);
    expect(res.text).not.toContain(ZHANG.name);
    expect(res.body).toMatchObject({ caseId: 'c1', total: 5, revision: 5, latestRevision: 5 });
  });

  it('shows only what the view shows', async () => {
    const res = await get('/cases/c1/history?knownAt=2024-09-21');
    expect(res.body.events.map((e: { type: string }) => e.type)).not.toContain('CaseResolved');
    expect(res.body.total).toBe(4);
  });

  it('applies the same role rules as the case', async () => {
    const status = async (role: TestRole | null) => (await get('/cases/c1/history', role)).status;
    expect(await status(null)).toBe(401);
    expect(await status('auditor')).toBe(200);
    expect(await status('inspector')).toBe(403);
    expect(await status('community:qinghua')).toBe(200);
    expect(await status('community:yangguang')).toBe(403);
    expect(await status('leader:L02')).toBe(200);
    expect(await status('leader:L01')).toBe(403);
    expect((await get('/cases/nope/history')).status).toBe(404);
  });
});
