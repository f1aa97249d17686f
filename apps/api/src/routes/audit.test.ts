import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';
import { buildScenario, type Scenario } from '../test-query-scenario';

let server: TestServer;
let scenario: Scenario;
beforeAll(async () => {
  server = await startTestServer();
  scenario = await buildScenario(server);
});
afterAll(async () => server.close());

describe('GET /audit/verify', () => {
  it('verifies the hash chain over the whole log after writes', async () => {
    const res = await server.call('GET', '/api/v1/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: scenario.head, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const events = await server.call('GET', `/api/v1/events?after=${scenario.head - 1}`);
    expect(res.body.headHash).toBe(events.body.events[0].meta.hash);
    await server.call('POST', '/api/v1/communities', { body: { communityId: 'more', name: '又一社区', grids: [] } });
    const again = await server.call('GET', '/api/v1/audit/verify', { role: 'auditor' });
    expect(again.body).toMatchObject({ ok: true, checked: scenario.head + 1 });
  });

  it('is for the office and the auditor (401, 403)', async () => {
    expect((await server.call('GET', '/api/v1/audit/verify', { role: null })).status).toBe(401);
    for (const role of ['inspector', 'community:qinghua', 'leader:L01'] as const) {
      expect((await server.call('GET', '/api/v1/audit/verify', { role })).status, role).toBe(403);
    }
  });
});
