import { StoreUnavailableError, verifyChain } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { batch, expectRight, useTempStores } from './test/fixtures';

const stores = useTempStores();

/** The error an append threw, or a failure if it did not throw. */
const refusal = async (append: Promise<unknown>): Promise<StoreUnavailableError> => {
  const error = await append.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof StoreUnavailableError)) return expect.fail(`expected a StoreUnavailableError, got ${String(error)}`);
  return error;
};

describe('a store that cannot take the write now', () => {
  it('is busy while another connection holds the write lock past the busy timeout, and takes the write after', async () => {
    const store = stores.open({ busyTimeoutMs: 50 });
    expectRight(await store.append('stream-a', batch(1), { expectedRevision: 0 }));
    const other = new Database(stores.path());
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await refusal(store.append('stream-a', batch(1), { expectedRevision: 1 }));
      expect(error.reason).toBe('busy');
      expect(error.message).toContain('write lock');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.headPosition()).toBe(1);
    expect(expectRight(await store.append('stream-a', batch(1), { expectedRevision: 1 })).position).toBe(2);
  });

  it('is full when the file reaches its page limit: the append writes nothing, the chain stays whole', async () => {
    const store = stores.open({ maxPageCount: 12 });
    let written = 0;
    const big = { text: '满'.repeat(2_000) };
    const error = await refusal(
      (async () => {
        for (;;) {
          expectRight(await store.append(`stream-${written}`, batch(2, 0).map((e) => ({ ...e, data: big })), { expectedRevision: 0 }));
          written += 2;
          if (written > 1_000) throw new Error('never full');
        }
      })(),
    );

    expect(error.reason).toBe('full');
    expect(written).toBeGreaterThan(0);
    expect(await store.headPosition()).toBe(written);
    expect(await verifyChain(store.readAll())).toMatchObject({ ok: true, checked: written });
  });

  it('is read-only when opened read-only: it reads, and every append is refused without a write', async () => {
    const writer = stores.open();
    expectRight(await writer.append('stream-a', batch(3), { expectedRevision: 0 }));
    await writer.close();

    const reader = stores.open({ readOnly: true });
    expect(await reader.headPosition()).toBe(3);
    expect((await reader.readStream('stream-a')).map((e) => e.meta.revision)).toEqual([1, 2, 3]);
    const error = await refusal(reader.append('stream-a', batch(1), { expectedRevision: 3 }));
    expect(error.reason).toBe('readOnly');
    const many = await refusal(reader.appendMany([{ streamId: 'stream-b', expectedRevision: 0, events: batch(1) }]));
    expect(many.reason).toBe('readOnly');
    expect(await reader.headPosition()).toBe(3);
  });
});
