import { randomBytes, randomUUID } from 'node:crypto';
import { StoreUnavailableError, verifyChainLinks, type ChainLink, type NewEvent, type RecordedEvent } from '@xinfang/event-store';
import { isRight } from 'fp-ts/Either';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore, type PostgresEventStoreOptions } from './postgres-store';
import { createTestSchema } from './testing';

const url = inject('xinfangPgUrl');

const event = (n: number): NewEvent => ({
  type: 'Tested',
  data: { n },
  meta: {
    eventId: randomUUID(),
    occurredAt: '2024-09-18T09:30:00+08:00',
    actor: { id: 'clerk-1', role: 'office' },
    commandId: randomUUID(),
    correlationId: 'correlation-1',
    causationId: 'causation-1',
    schemaVersion: 1,
  },
});

describe('store-postgres', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  const newSchema = (): string => {
    const { schema, drop } = createTestSchema(url);
    cleanup.push(drop);
    return schema;
  };

  const open = async (schema: string, options: Partial<PostgresEventStoreOptions> = {}): Promise<PostgresEventStore> => {
    const store = await createPostgresEventStore({ connectionString: url, schema, maxConnections: 3, ...options });
    cleanup.push(() => store.close());
    return store;
  };

  const admin = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanup.push(() => client.end());
    return client;
  };

  describe('group commit', () => {
    it('writes appends made together in one transaction, and acknowledges each only after its COMMIT', async () => {
      const schema = newSchema();
      let commits = 0;
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held: () => void = () => undefined;
      const holding = new Promise<void>((resolve) => {
        held = resolve;
      });
      const store = await open(schema, {
        aroundCommit: async (commit) => {
          held();
          await gate;
          await commit();
          commits += 1;
        },
      });
      const acknowledged: number[] = [];
      const appends = Array.from({ length: 10 }, (_, i) =>
        store.append(`stream-${i % 3}`, [event(i)], { expectedRevision: 'any' }).then((result) => {
          acknowledged.push(commits);
          return result;
        }),
      );
      // One of them conflicts: it fails alone, inside the same transaction (its savepoint rolled back).
      const conflicting = store.append('stream-0', [event(99)], { expectedRevision: 7 });
      await holding;
      expect(acknowledged).toEqual([]);
      release();
      const results = await Promise.all(appends);

      expect(results.every(isRight)).toBe(true);
      expect((await conflicting)._tag).toBe('Left');
      expect(commits).toBe(1);
      expect(acknowledged).toEqual(Array<number>(10).fill(1));
      expect(await store.headPosition()).toBe(10);
    });
    it('fails alone an append only the server refuses (a NUL character), the rest of its group written', async () => {
      const schema = newSchema();
      const store = await open(schema);
      const nul = { ...event(0), type: 'Bad\u0000Type' };
      const [before, bad, after] = await Promise.allSettled([
        store.append('stream-a', [event(1)], { expectedRevision: 0 }),
        store.append('stream-b', [nul], { expectedRevision: 0 }),
        store.append('stream-a', [event(2)], { expectedRevision: 1 }),
      ]);

      // PostgreSQL's own refusal (invalid byte sequence for UTF8), not a check of ours: a misuse, so not StoreUnavailableError.
      expect(bad.status === 'rejected' ? bad.reason : undefined).toMatchObject({ code: '22021' });
      expect([before, after].map((r) => r.status === 'fulfilled' && isRight(r.value) && r.value.right.position)).toEqual([1, 2]);
      expect(await store.readStream('stream-b')).toEqual([]);
      const all: RecordedEvent[] = [];
      for await (const e of store.readAll()) all.push(e);
      expect(all.map((e) => [e.meta.streamId, e.meta.revision, e.data])).toEqual([['stream-a', 1, { n: 1 }], ['stream-a', 2, { n: 2 }]]);
      expect(all[1]?.meta.prevHash).toBe(all[0]?.meta.hash);
    });
  });

  describe('notices', () => {
    it("wake another store's subscriber at once, without polling, and stop with it", async () => {
      const schema = newSchema();
      const writer = await open(schema);
      const reader = await open(schema, { pollIntervalMs: 0 });
      const seen: number[] = [];
      const subscription = reader.subscribe({ afterPosition: 0 }, (e) => {
        seen.push(e.meta.position);
      });
      const client = await admin();
      const listening = async (): Promise<string | undefined> =>
        (await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE query = $1", [`LISTEN "xinfang_${schema}"`])).rows[0]?.n;
      await expect.poll(listening, { timeout: 10_000 }).toBe('1');
      for (let n = 1; n <= 3; n += 1) expect(isRight(await writer.append('stream-a', [event(n)], { expectedRevision: n - 1 }))).toBe(true);

      await expect.poll(() => seen, { timeout: 10_000 }).toEqual([1, 2, 3]);
      await subscription.close();
      await expect.poll(async () => (await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND query LIKE $1", [`%${schema}%`])).rows[0]?.n, { timeout: 10_000 }).toBe('0');
    });
  });

  describe('readChain', () => {
    it('gives the links of what readAll gives, which verify', async () => {
      const schema = newSchema();
      const key = randomBytes(32);
      const store = await open(schema, { chainKey: key });
      for (let n = 0; n < 7; n += 1) expect(isRight(await store.append(`stream-${n % 2}`, [event(n), event(n + 100)], { expectedRevision: 'any' }))).toBe(true);
      const readChain = store.readChain ?? expect.fail('store-postgres has readChain');
      const links: ChainLink[] = [];
      for await (const batch of readChain({ batchSize: 3 })) links.push(...batch);
      const all: RecordedEvent[] = [];
      for await (const e of store.readAll()) all.push(e);

      expect(links.map((l) => [l.position, l.streamId, l.revision, l.prevHash, l.hash])).toEqual(
        all.map((e) => [e.meta.position, e.meta.streamId, e.meta.revision, e.meta.prevHash, e.meta.hash]),
      );
      const marker = await store.chainMarker();
      expect(await verifyChainLinks(readChain(), { keying: { key, fromPosition: 1 }, marker })).toMatchObject({ ok: true, checked: 14 });
    });
  });

  describe('append-only', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of the events, the chain marker and the store id, even in plain SQL', async () => {
      const schema = newSchema();
      const store = await open(schema, { chainKey: randomBytes(32) });
      expect(isRight(await store.append('stream-a', [event(1)], { expectedRevision: 0 }))).toBe(true);
      const client = await admin();
      const refused = [
        `UPDATE "${schema}".events SET data = '{"n":2}'`,
        `DELETE FROM "${schema}".events`,
        `TRUNCATE "${schema}".events`,
        `UPDATE "${schema}".chain_keying SET from_position = 2`,
        `DELETE FROM "${schema}".chain_keying`,
        `TRUNCATE "${schema}".chain_keying`,
        `UPDATE "${schema}".store_identity SET store_id = 'other'`,
        `DELETE FROM "${schema}".store_identity`,
        `TRUNCATE "${schema}".store_identity`,
      ];
      for (const statement of refused) await expect(client.query(statement), statement).rejects.toThrow(/xinfang: .* cannot be changed or deleted/);
      expect((await store.readStream('stream-a')).map((e) => e.data)).toEqual([{ n: 1 }]);
      expect(await store.chainMarker()).toMatchObject({ fromPosition: 1 });
    });
  });

  describe('opening', () => {
    it('lets several processes open a new log at once: one schema, one store id, one marker', async () => {
      const schema = newSchema();
      const key = randomBytes(32);
      const stores = await Promise.all([1, 2, 3].map(() => open(schema, { chainKey: key })));
      const ids = await Promise.all(stores.map((s) => s.storeId()));
      expect(new Set(ids).size).toBe(1);
      expect(await Promise.all(stores.map((s) => s.chainMarker()))).toEqual(stores.map(() => expect.objectContaining({ fromPosition: 1 })));
    });

    it('keeps the store id a log was made with; a new log takes the given one', async () => {
      const schema = newSchema();
      const first = await open(schema, { storeId: 'origin-log-id' });
      const again = await open(schema, { storeId: 'another-id' });
      expect(await first.storeId()).toBe('origin-log-id');
      expect(await again.storeId()).toBe('origin-log-id');
    });

    it('refuses another chain key, and an append without the key to a keyed log', async () => {
      const schema = newSchema();
      const keyed = await open(schema, { chainKey: randomBytes(32) });
      expect(isRight(await keyed.append('stream-a', [event(1)], { expectedRevision: 0 }))).toBe(true);
      await expect(createPostgresEventStore({ connectionString: url, schema, chainKey: randomBytes(32) })).rejects.toThrow(/keyed with another chain key/);
      const plain = await open(schema);
      await expect(plain.append('stream-a', [event(2)], { expectedRevision: 1 })).rejects.toThrow(/open it with its chain key/);
      expect(await plain.headPosition()).toBe(1);
    });

    it('refuses a schema that holds other tables, and a bad schema name', async () => {
      const schema = newSchema();
      const client = await admin();
      await client.query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".something (id integer)`);
      await expect(createPostgresEventStore({ connectionString: url, schema })).rejects.toThrow(/not an xinfang event store/);
      await expect(createPostgresEventStore({ connectionString: url, schema: 'Robert"; DROP TABLE x; --' })).rejects.toThrow(RangeError);
    });

    it('leaves a pool it was given open, and ends one it made', async () => {
      const schema = newSchema();
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      cleanup.push(() => pool.end());
      const store = await createPostgresEventStore({ pool, schema });
      await store.close();
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await expect(store.headPosition()).rejects.toThrow(/closed/);
    });
  });

  describe('transient faults are StoreUnavailableError', () => {
    it('when the server cannot be reached', async () => {
      const unreachable = new URL(url);
      unreachable.port = '1'; // nothing listens on port 1
      const error = await createPostgresEventStore({ connectionString: unreachable.toString(), schema: 'nowhere' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).toBe('busy');
    });

    it('when another writer holds the log longer than lockTimeoutMs, and nothing is written', async () => {
      const schema = newSchema();
      const store = await open(schema, { lockTimeoutMs: 100 });
      const client = await admin();
      await client.query('BEGIN');
      await client.query(`SELECT one FROM "${schema}".append_lock FOR UPDATE`);
      const error = await store.append('stream-a', [event(1)], { expectedRevision: 0 }).catch((e: unknown) => e);
      await client.query('ROLLBACK');
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).toBe('busy');
      expect(await store.headPosition()).toBe(0);
      expect(isRight(await store.append('stream-a', [event(1)], { expectedRevision: 0 }))).toBe(true);
    });

    it('when the server ends the connection mid-transaction (admin shutdown), and the store goes on afterwards', async () => {
      const schema = newSchema();
      const client = await admin();
      let terminate = true;
      const store = await open(schema, {
        aroundCommit: async (commit) => {
          if (terminate) {
            terminate = false;
            // Whoever holds the append lock of this log right now: this very transaction.
            await client.query(
              `SELECT pg_terminate_backend(l.pid) FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation
               JOIN pg_namespace AS n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'append_lock' AND l.mode = 'RowShareLock'`,
              [schema],
            );
          }
          await commit();
        },
      });
      const error = await store.append('stream-a', [event(1)], { expectedRevision: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(await store.headPosition()).toBe(0);
      expect(isRight(await store.append('stream-a', [event(1)], { expectedRevision: 0 }))).toBe(true);
      expect(await store.headPosition()).toBe(1);
    });
  });
});
