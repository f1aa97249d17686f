import { readFileSync } from 'node:fs';
import { hashEvent } from '@xinfang/event-store';
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

  it('keys the chain with the app database’s key, which the log does not hold', async () => {
    const keying = await server.services.database.chain.keying();
    const marker = await server.services.store.chainMarker();
    const [first] = await server.services.store.readStream('community-qinghua');

    expect(keying?.fromPosition).toBe(1);
    expect(marker).toMatchObject({ fromPosition: 1, scheme: 'hmac-sha256' });
    expect(first === undefined ? undefined : hashEvent(first, keying?.key)).toBe(first?.meta.hash);
    expect(first === undefined ? undefined : hashEvent(first)).not.toBe(first?.meta.hash);
    const file = readFileSync(server.storePath);
    expect(file.includes(Buffer.from(keying?.key ?? []))).toBe(false);
  });

  it('checks a head noted earlier: ?expect=POSITION:HASH', async () => {
    const now = await server.call('GET', '/api/v1/audit/verify');
    const head = `${now.body.checked}:${now.body.headHash}`;
    const earlier = (await server.call('GET', `/api/v1/events?after=1&limit=1`)).body.events[0].meta;

    expect((await server.call('GET', `/api/v1/audit/verify?expect=${head}`)).body).toMatchObject({ ok: true, checked: now.body.checked });
    expect((await server.call('GET', `/api/v1/audit/verify?expect=2:${earlier.hash}`)).body).toMatchObject({ ok: true });
    expect((await server.call('GET', `/api/v1/audit/verify?expect=2:${now.body.headHash}`)).body).toEqual({
      ok: false,
      checked: 1,
      firstBrokenPosition: 2,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      reason: 'anchor',
    });
    expect((await server.call('GET', `/api/v1/audit/verify?expect=${now.body.checked + 5}:${now.body.headHash}`)).body).toMatchObject({
      ok: false,
      checked: now.body.checked,
      firstBrokenPosition: now.body.checked + 1,
      reason: 'truncated',
    });
    const bad = await server.call('GET', '/api/v1/audit/verify?expect=12:abc');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'expect', message: expect.stringContaining('POSITION:HASH') }]);
  });

  it('is for the office and the auditor (401, 403)', async () => {
    expect((await server.call('GET', '/api/v1/audit/verify', { role: null })).status).toBe(401);
    for (const role of ['inspector', 'community:qinghua', 'leader:L01'] as const) {
      expect((await server.call('GET', '/api/v1/audit/verify', { role })).status, role).toBe(403);
    }
  });
});
