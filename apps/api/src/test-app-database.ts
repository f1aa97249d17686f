import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from './app-database';

/*
 * The behaviour every app database has, run over each implementation (app-database.test.ts: SQLite;
 * app-database-postgres.test.ts: PostgreSQL). Two instances on one database stand for two app servers.
 */

export interface SharedAppDatabase {
  /** Another instance on this database: another server's (or, after a close, the next start's). */
  readonly open: () => Promise<AppDatabase>;
  /** The tokens table as stored, every column as text: what someone who reads the database sees. */
  readonly storedTokens: () => Promise<readonly Record<string, string | null>[]>;
  readonly drop: () => Promise<void>;
}

const now = '2024-10-31T18:00:00+08:00';
const later = '2024-11-01T09:00:00+08:00';
const people = Array.from({ length: 30 }, (_, i) => `p-${String(i).padStart(2, '0')}`);

/** Two servers on a fresh database, closed (and the database dropped) after `work`. */
const withTwo = async (fresh: () => Promise<SharedAppDatabase>, work: (a: AppDatabase, b: AppDatabase, shared: SharedAppDatabase) => Promise<void>) => {
  const shared = await fresh();
  const [a, b] = [await shared.open(), await shared.open()];
  try {
    await work(a, b, shared);
  } finally {
    await a.close();
    await b.close();
    await shared.drop();
  }
};

export const describeAppDatabase = (name: string, fresh: () => Promise<SharedAppDatabase>): void => {
  describe(`app database (${name}): two servers on one database`, () => {
    it('stores only the hash of a token, which either server verifies and revokes at once', async () => {
      await withTwo(fresh, async (a, b, shared) => {
        const { info, token } = await a.tokens.create({ kind: 'community', communityId: 'qinghua' }, '清华园社区', now);
        expect(info).toEqual({ id: info.id, role: { kind: 'community', communityId: 'qinghua' }, name: '清华园社区', createdAt: now, revokedAt: null });
        const stored = await shared.storedTokens();
        expect(stored).toHaveLength(1);
        expect(stored[0]?.hash).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
        expect(Object.values(stored[0] ?? {}).some((value) => value?.includes(token.slice(3)))).toBe(false);

        expect(await b.tokens.verify(token)).toEqual(info);
        expect(await a.tokens.verify(`${token}x`)).toBeUndefined();
        expect(await b.tokens.count()).toBe(1);
        expect(await b.tokens.revoke(info.id, later)).toBe(true);
        expect(await a.tokens.verify(token)).toBeUndefined();
        expect(await a.tokens.revoke(info.id, later)).toBe(false);
        expect(await a.tokens.list()).toEqual([{ ...info, revokedAt: later }]);
      });
    });

    it('keeps only the hash of a receipt’s query code: either server finds its case; a new code or a revocation ends the old one', async () => {
      await withTwo(fresh, async (a, b) => {
        const { code } = await a.receipts.issue('c-1', now);
        expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
        expect(await b.receipts.find(code)).toBe('c-1');
        expect(await b.receipts.find(code.toLowerCase().replace(/-/g, ' '))).toBe('c-1');
        expect(await b.receipts.find(code.replace(/.$/, (ch) => (ch === '2' ? '3' : '2')))).toBeUndefined();
        const { code: other } = await b.receipts.issue('c-2', now);
        const { code: again } = await b.receipts.issue('c-1', later);
        expect(again).not.toBe(code);
        expect([await a.receipts.find(code), await a.receipts.find(again), await a.receipts.find(other)]).toEqual([undefined, 'c-1', 'c-2']);
        expect(await a.receipts.revoke('c-1', later)).toBe(1);
        expect(await b.receipts.find(again)).toBeUndefined();
        expect(await b.receipts.revoke('c-1', later)).toBe(0);
        expect(await b.receipts.find(other)).toBe('c-2');
      });
    });

    it('makes each person’s key once, whichever server asks, both at the same time', async () => {
      await withTwo(fresh, async (a, b) => {
        const [fromA, fromB] = await Promise.all([a.keys.keysFor(people, now), b.keys.keysFor([...people].reverse(), now)]);
        expect(fromA.map((key) => key.length)).toEqual(people.map(() => 32));
        expect(new Set(fromA.map((key) => key.toString('hex'))).size).toBe(people.length);
        expect([...fromB].reverse()).toEqual(fromA);
        expect(people.map((id) => a.keys.find(id))).toEqual(fromA);
        expect(people.map((id) => b.keys.find(id))).toEqual(fromA);
        expect(await b.keys.keysFor(['p-01', 'p-99', 'p-01'], now)).toEqual([fromA[1], b.keys.find('p-99'), fromA[1]]);
        expect(await a.keys.keysFor([], now)).toEqual([]);
      });
    });

    it('destroys a key on both servers: at once on the one that destroyed it, within a second on the other', async () => {
      await withTwo(fresh, async (a, b) => {
        const [made] = await a.keys.keysFor(['p-1', 'p-2'], now);
        await vi.waitFor(() => expect(b.keys.find('p-1')).toEqual(made), { timeout: 1_000, interval: 10 });

        expect(await a.keys.destroy('p-1')).toBe(true);
        expect(a.keys.find('p-1')).toBeUndefined();
        await vi.waitFor(() => expect(b.keys.find('p-1')).toBeUndefined(), { timeout: 1_000, interval: 10 });
        expect(await b.keys.destroy('p-1')).toBe(false);
        expect(await b.keys.destroy('p-never')).toBe(false);
        expect(b.keys.find('p-2')).toHaveLength(32);
      });
    });

    it('brings `find` up to what the other server committed when asked (`current`, which a query awaits before it renders)', async () => {
      await withTwo(fresh, async (a, b) => {
        const [made] = await a.keys.keysFor(['p-4', 'p-5'], now);
        await b.keys.current();
        expect(b.keys.find('p-4')).toEqual(made);
        expect(await a.keys.destroy('p-4')).toBe(true);
        await b.keys.current();
        expect(b.keys.find('p-4')).toBeUndefined();
        expect(b.keys.find('p-5')).toHaveLength(32);
        // Callers at once share a read; each still sees what was committed before it asked.
        await Promise.all([a.keys.destroy('p-5'), b.keys.current(), b.keys.current()]);
        await Promise.all([b.keys.current(), b.keys.current()]);
        expect(b.keys.find('p-5')).toBeUndefined();
      });
    });

    it('has one matching secret and one chain key, made once for both servers, and keeps them', async () => {
      await withTwo(fresh, async (a, b, shared) => {
        const [secretA, secretB] = await Promise.all([a.keys.matchingSecret(), b.keys.matchingSecret()]);
        expect(secretA).toHaveLength(32);
        expect(secretB).toEqual(secretA);
        expect(await a.keys.matchingSecret()).toBe(secretA);

        expect(await b.chain.keying()).toBeUndefined();
        const [keyA, keyB] = await Promise.all([a.chain.key(), b.chain.key()]);
        expect(keyA).toHaveLength(32);
        expect(keyB).toEqual(keyA);
        expect(keyA).not.toEqual(secretA);
        expect(await a.chain.keying()).toBeUndefined();
        await a.chain.recordFrom(5);
        await b.chain.recordFrom(9);
        expect(await b.chain.keying()).toEqual({ key: keyA, fromPosition: 5 });

        const [key] = await a.keys.keysFor(['p-3'], now);
        const { token } = await b.tokens.create({ kind: 'office' }, '信访办', now);
        const next = await shared.open();
        try {
          expect(await next.keys.matchingSecret()).toEqual(secretA);
          expect(await next.chain.key()).toEqual(keyA);
          expect(await next.chain.keying()).toEqual({ key: keyA, fromPosition: 5 });
          expect(next.keys.find('p-3')).toEqual(key);
          expect((await next.tokens.verify(token))?.name).toBe('信访办');
        } finally {
          await next.close();
        }
      });
    });
  });
};
