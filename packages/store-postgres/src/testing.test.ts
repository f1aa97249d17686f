import { randomUUID } from 'node:crypto';
import { isRight } from 'fp-ts/Either';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createPostgresEventStore } from './postgres-store';
import { createTestDatabase } from './testing';

const url = inject('xinfangPgUrl');

describe('@xinfang/store-postgres/testing', () => {
  it('makes a fresh, empty database on the test server, which a log can be kept in, and drops it', async () => {
    const database = await createTestDatabase(url);
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^xinfang_test_[a-z0-9_]+$/);
    const store = await createPostgresEventStore({ connectionString: database.url, maxConnections: 2 });
    const appended = await store.append(
      'stream-a',
      [{ type: 'Tested', data: {}, meta: { eventId: randomUUID(), occurredAt: '2024-09-18T09:30:00+08:00', actor: { id: 'clerk-1', role: 'office' }, commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 } }],
      { expectedRevision: 0 },
    );
    expect(isRight(appended)).toBe(true);
    await store.close();
    await database.drop();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
