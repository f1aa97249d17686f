import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ChainKeying } from '@xinfang/event-store';
import {
  MATCHING_SECRET,
  newSecret,
  newToken,
  recordedKeying,
  tokenHash,
  toTokenInfo,
  type AppDatabase,
  type AppDatabaseRows,
  type PersonKeys,
  type ReceiptRow,
  type TokenRow,
} from './app-database';
import { newReceiptCode, receiptHash } from './receipt-code';
import { formatRole } from './roles';

/*
 * The app database in a SQLite file of its own beside the log (one machine). Every call runs synchronously
 * on the file (WAL, synchronous = FULL): a write is durable before its promise resolves, and a read sees
 * what any process on this machine committed.
 */

const FIND_KEY = 'SELECT key FROM person_keys WHERE person_id = ?';
const SELECT_CHAIN_KEY = 'SELECT key, from_position FROM chain_key WHERE id = 1';

/**
 * The personal-data keys of an app database, read-only on a connection of their own (a query worker's):
 * a key destroyed by the serving process is gone for the next read here too (so `current` has nothing to do).
 */
export const openPersonKeys = (path: string): PersonKeys => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const findKey = db.prepare<[string], { key: Buffer }>(FIND_KEY);
  return {
    find: (personId) => findKey.get(personId)?.key,
    current: async () => undefined,
    close: async () => {
      db.close();
    },
  };
};

/** Opens the file (made with its tables when missing) as every writer of it does. */
const openFile = (path: string): Database.Database => {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, so a destroyed key does not linger in free pages.
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS tokens (
      id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, name TEXT NOT NULL,
      created_at TEXT NOT NULL, revoked_at TEXT
    );
    CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
    CREATE TABLE IF NOT EXISTS receipts (hash TEXT PRIMARY KEY, case_id TEXT NOT NULL, issued_at TEXT NOT NULL, revoked_at TEXT);
    CREATE INDEX IF NOT EXISTS receipts_by_case ON receipts (case_id) WHERE revoked_at IS NULL;
    CREATE TABLE IF NOT EXISTS chain_key (
      id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL, from_position INTEGER CHECK (from_position > 0)
    );
  `);
  return db;
};

/** Whether a file (opened read-only, as it was left) has the receipts table: one made before receipts has not. */
const hasReceipts = (db: Database.Database): boolean =>
  db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'receipts'").get()?.n === 1;

/** The chain key and its first position as recorded, making nothing (undefined where there is no file). */
export const recordedChainKeying = (path: string): ChainKeying | undefined => {
  if (!existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return recordedKeying(db.prepare<[], { key: Buffer; from_position: number | null }>(SELECT_CHAIN_KEY).get());
  } finally {
    db.close();
  }
};

/** Everything the file holds, read in one transaction; undefined where there is no file. */
export const readAppRows = (path: string): AppDatabaseRows | undefined => {
  if (!existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.transaction(
      (): AppDatabaseRows => ({
        tokens: db.prepare<[], TokenRow & { hash: string }>('SELECT id, hash, role, name, created_at, revoked_at FROM tokens ORDER BY id').all(),
        receipts: hasReceipts(db) ? db.prepare<[], ReceiptRow>('SELECT hash, case_id, issued_at, revoked_at FROM receipts ORDER BY hash').all() : [],
        personKeys: db.prepare<[], AppDatabaseRows['personKeys'][number]>('SELECT person_id, key, created_at FROM person_keys ORDER BY person_id').all(),
        secrets: db.prepare<[], AppDatabaseRows['secrets'][number]>('SELECT name, value FROM secrets ORDER BY name').all(),
        chainKey: db.prepare<[], NonNullable<AppDatabaseRows['chainKey']>>(SELECT_CHAIN_KEY).get(),
      }),
    )();
  } finally {
    db.close();
  }
};

/** Makes the file hold exactly `rows` (what was there before is replaced), in one transaction: a migration's copy. */
export const writeAppRows = (path: string, rows: AppDatabaseRows): void => {
  const db = openFile(path);
  try {
    db.transaction(() => {
      db.exec('DELETE FROM tokens; DELETE FROM receipts; DELETE FROM person_keys; DELETE FROM secrets; DELETE FROM chain_key;');
      const receipt = db.prepare('INSERT INTO receipts (hash, case_id, issued_at, revoked_at) VALUES (?, ?, ?, ?)');
      for (const row of rows.receipts) receipt.run(row.hash, row.case_id, row.issued_at, row.revoked_at);
      const token = db.prepare('INSERT INTO tokens (id, hash, role, name, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const row of rows.tokens) token.run(row.id, row.hash, row.role, row.name, row.created_at, row.revoked_at);
      const key = db.prepare('INSERT INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?)');
      for (const row of rows.personKeys) key.run(row.person_id, row.key, row.created_at);
      const secret = db.prepare('INSERT INTO secrets (name, value) VALUES (?, ?)');
      for (const row of rows.secrets) secret.run(row.name, row.value);
      if (rows.chainKey !== undefined) db.prepare('INSERT INTO chain_key (id, key, from_position) VALUES (1, ?, ?)').run(rows.chainKey.key, rows.chainKey.from_position);
    })();
  } finally {
    db.close();
  }
};

export const openAppDatabase = (path: string): AppDatabase => {
  const db = openFile(path);
  const statements = {
    insertToken: db.prepare('INSERT INTO tokens (id, hash, role, name, created_at) VALUES (?, ?, ?, ?, ?)'),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT id, role, name, created_at, revoked_at FROM tokens WHERE hash = ?'),
    listTokens: db.prepare<[], TokenRow>('SELECT id, role, name, created_at, revoked_at FROM tokens ORDER BY created_at, id'),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    countTokens: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tokens'),
    insertReceipt: db.prepare('INSERT INTO receipts (hash, case_id, issued_at) VALUES (?, ?, ?)'),
    receiptCase: db.prepare<[string], { case_id: string }>('SELECT case_id FROM receipts WHERE hash = ? AND revoked_at IS NULL'),
    revokeReceipts: db.prepare('UPDATE receipts SET revoked_at = ? WHERE case_id = ? AND revoked_at IS NULL'),
    insertKey: db.prepare('INSERT OR IGNORE INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?)'),
    findKey: db.prepare<[string], { key: Buffer }>(FIND_KEY),
    deleteKey: db.prepare('DELETE FROM person_keys WHERE person_id = ?'),
    insertSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
    findSecret: db.prepare<[string], { value: Buffer }>('SELECT value FROM secrets WHERE name = ?'),
    insertChainKey: db.prepare('INSERT OR IGNORE INTO chain_key (id, key) VALUES (1, ?)'),
    findChainKey: db.prepare<[], { key: Buffer; from_position: number | null }>(SELECT_CHAIN_KEY),
    recordChainFrom: db.prepare('UPDATE chain_key SET from_position = ? WHERE id = 1 AND from_position IS NULL'),
  };
  // A secret never changes once made: kept after the first read, so that using it writes nothing.
  const secrets = new Map<string, Buffer>();
  const secret = (name: string): Buffer => {
    const known = secrets.get(name);
    if (known !== undefined) return known;
    statements.insertSecret.run(name, newSecret());
    const row = statements.findSecret.get(name);
    if (row === undefined) throw new Error(`secret ${name} could not be stored`);
    secrets.set(name, row.value);
    return row.value;
  };
  const keysFor = db.transaction((personIds: readonly string[], now: string): Buffer[] =>
    personIds.map((personId) => {
      statements.insertKey.run(personId, newSecret(), now);
      const row = statements.findKey.get(personId);
      if (row === undefined) throw new Error(`key for ${personId} could not be stored`);
      return row.key;
    }),
  );
  const issueReceipt = db.transaction((caseId: string, now: string): string => {
    const code = newReceiptCode();
    statements.revokeReceipts.run(now, caseId);
    statements.insertReceipt.run(receiptHash(code), caseId, now);
    return code;
  });
  return {
    receipts: {
      issue: async (caseId, now) => ({ code: issueReceipt(caseId, now) }),
      find: async (code) => statements.receiptCase.get(receiptHash(code))?.case_id,
      revoke: async (caseId, now) => statements.revokeReceipts.run(now, caseId).changes,
    },
    tokens: {
      create: async (role, name, now) => {
        const { id, token } = newToken();
        statements.insertToken.run(id, tokenHash(token), formatRole(role), name, now);
        return { info: { id, role, name, createdAt: now, revokedAt: null }, token };
      },
      verify: async (token) => {
        const row = statements.tokenByHash.get(tokenHash(token));
        return row === undefined || row.revoked_at !== null ? undefined : toTokenInfo(row);
      },
      list: async () => statements.listTokens.all().map(toTokenInfo),
      revoke: async (id, now) => statements.revokeToken.run(now, id).changes > 0,
      count: async () => statements.countTokens.get()?.n ?? 0,
    },
    keys: {
      keysFor: async (personIds, now) => (personIds.length === 0 ? [] : keysFor(personIds, now)),
      find: (personId) => statements.findKey.get(personId)?.key,
      current: async () => undefined,
      destroy: async (personId) => statements.deleteKey.run(personId).changes > 0,
      matchingSecret: async () => secret(MATCHING_SECRET),
    },
    chain: {
      key: async () => {
        statements.insertChainKey.run(newSecret());
        const row = statements.findChainKey.get();
        if (row === undefined) throw new Error('the chain key could not be stored');
        return row.key;
      },
      keying: async () => recordedKeying(statements.findChainKey.get()),
      recordFrom: async (position) => {
        statements.recordChainFrom.run(position);
      },
    },
    close: async () => {
      db.close();
    },
  };
};
