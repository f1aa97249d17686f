import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ busyTimeoutMs: 100 });
});
afterAll(async () => server.close());

const newCase = {
  origin: 'screening',
  communityId: 'qinghua',
  category: 'wageArrears',
  summary: '某工地拖欠工资',
  registeredAt: '2024-09-16T09:00:00+08:00',
  petitioners: [{ name: '李四' }],
};

describe('a store another process is writing to', () => {
  it('answers 503 storeUnavailable with Retry-After (not 500) while the write lock is held, writing nothing; then 201', async () => {
    const before = await server.eventCount();
    const other = new Database(server.storePath);
    other.exec('BEGIN IMMEDIATE');
    let res;
    try {
      res = await server.call('POST', '/api/v1/cases', { body: newCase, headers: { 'idempotency-key': 'busy-1' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 503, code: 'storeUnavailable', reason: 'busy', retryAfter: 1 });
    expect(res.body.detail).toContain('存储正忙');
    expect(res.body.detail).toContain('retry later');
    expect(await server.eventCount()).toBe(before);

    const retried = await server.call('POST', '/api/v1/cases', { body: newCase, headers: { 'idempotency-key': 'busy-1' } });
    expect(retried.status).toBe(201);
    expect(await server.eventCount()).toBe(before + 2);
  });
});
