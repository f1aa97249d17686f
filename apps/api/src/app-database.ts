import { createHash, randomBytes } from 'node:crypto';
import type { ChainKeying } from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { formatRole, parseRole, type Role } from './roles';

/*
 * What the app keeps beside the event log, in a SQLite file of its own: the API tokens (hashed), the
 * per-person keys of personal data, and the secret for matching id numbers. It is kept apart from the
 * events on purpose: destroying a person's key here (crypto-shredding) makes their data unreadable while
 * the log, and its hash chain, stay exactly as they were. It also holds the key of the log's hash chain
 * (HMAC-SHA-256): whoever can rewrite the log file but not read this one cannot re-chain the log unseen.
 */

export interface TokenInfo {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface AppDatabase {
  readonly tokens: {
    /** Makes a token; the secret is returned once and only its SHA-256 is stored. */
    readonly create: (role: Role, name: string, now: string) => { readonly info: TokenInfo; readonly token: string };
    readonly verify: (token: string) => TokenInfo | undefined;
    readonly list: () => TokenInfo[];
    /** True when the token was active and is now revoked. */
    readonly revoke: (id: string, now: string) => boolean;
    readonly count: () => number;
  };
  readonly keys: {
    /**
     * Each person's key, made on first use: all in one transaction, so that registering several petitioners
     * costs one sync of the app database, not one each.
     */
    readonly keysFor: (personIds: readonly string[], now: string) => Buffer[];
    /** The key, or undefined once destroyed (or never made). */
    readonly find: (personId: string) => Buffer | undefined;
    /** Destroys the key for good; true when there was one. */
    readonly destroy: (personId: string) => boolean;
    /** The secret of the keyed hash that matches id numbers (made once). */
    readonly matchingSecret: () => Buffer;
  };
  readonly chain: {
    /** The log's chain key, made on first use. Never printed, logged, or written to the log. */
    readonly key: () => Buffer;
    /** The key and the first position it keys, once recorded (undefined before: no key, or not yet opened). */
    readonly keying: () => ChainKeying | undefined;
    /**
     * Records the first keyed position (the log's marker, when the log was first opened with the key), once:
     * the log's own marker is then checked against this record, so that removing it from the log is caught.
     */
    readonly recordFrom: (position: number) => void;
  };
  readonly close: () => void;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

interface TokenRow {
  id: string;
  role: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

const toInfo = (row: TokenRow): TokenInfo => {
  const role = parseRole(row.role);
  if (role === undefined) throw new Error(`token ${row.id} has an unknown role ${row.role}`);
  return { id: row.id, role, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
};

const FIND_KEY = 'SELECT key FROM person_keys WHERE person_id = ?';

/**
 * The personal-data keys of an app database, read-only on a connection of their own (a query worker's):
 * a key destroyed by the serving process is gone for the next read here too.
 */
export const openPersonKeys = (path: string): Pick<AppDatabase['keys'], 'find'> & { readonly close: () => void } => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const findKey = db.prepare<[string], { key: Buffer }>(FIND_KEY);
  return { find: (personId) => findKey.get(personId)?.key, close: () => db.close() };
};

export const openAppDatabase = (path: string): AppDatabase => {
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
    CREATE TABLE IF NOT EXISTS chain_key (
      id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL, from_position INTEGER CHECK (from_position > 0)
    );
  `);
  const statements = {
    insertToken: db.prepare('INSERT INTO tokens (id, hash, role, name, created_at) VALUES (?, ?, ?, ?, ?)'),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT id, role, name, created_at, revoked_at FROM tokens WHERE hash = ?'),
    listTokens: db.prepare<[], TokenRow>('SELECT id, role, name, created_at, revoked_at FROM tokens ORDER BY created_at, id'),
    revokeToken: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    countTokens: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM tokens'),
    insertKey: db.prepare('INSERT OR IGNORE INTO person_keys (person_id, key, created_at) VALUES (?, ?, ?)'),
    findKey: db.prepare<[string], { key: Buffer }>(FIND_KEY),
    deleteKey: db.prepare('DELETE FROM person_keys WHERE person_id = ?'),
    insertSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
    findSecret: db.prepare<[string], { value: Buffer }>('SELECT value FROM secrets WHERE name = ?'),
    insertChainKey: db.prepare('INSERT OR IGNORE INTO chain_key (id, key) VALUES (1, ?)'),
    findChainKey: db.prepare<[], { key: Buffer; from_position: number | null }>('SELECT key, from_position FROM chain_key WHERE id = 1'),
    recordChainFrom: db.prepare('UPDATE chain_key SET from_position = ? WHERE id = 1 AND from_position IS NULL'),
  };
  // A secret never changes once made: kept after the first read, so that using it writes nothing.
  const secrets = new Map<string, Buffer>();
  const secret = (name: string): Buffer => {
    const known = secrets.get(name);
    if (known !== undefined) return known;
    statements.insertSecret.run(name, randomBytes(32));
    const row = statements.findSecret.get(name);
    if (row === undefined) throw new Error(`secret ${name} could not be stored`);
    secrets.set(name, row.value);
    return row.value;
  };
  const keysFor = db.transaction((personIds: readonly string[], now: string): Buffer[] =>
    personIds.map((personId) => {
      statements.insertKey.run(personId, randomBytes(32), now);
      const row = statements.findKey.get(personId);
      if (row === undefined) throw new Error(`key for ${personId} could not be stored`);
      return row.key;
    }),
  );
  return {
    tokens: {
      create: (role, name, now) => {
        const id = `t-${randomBytes(6).toString('hex')}`;
        const token = `xf_${randomBytes(32).toString('base64url')}`;
        statements.insertToken.run(id, sha256(token), formatRole(role), name, now);
        return { info: { id, role, name, createdAt: now, revokedAt: null }, token };
      },
      verify: (token) => {
        const row = statements.tokenByHash.get(sha256(token));
        return row === undefined || row.revoked_at !== null ? undefined : toInfo(row);
      },
      list: () => statements.listTokens.all().map(toInfo),
      revoke: (id, now) => statements.revokeToken.run(now, id).changes > 0,
      count: () => statements.countTokens.get()?.n ?? 0,
    },
    keys: {
      keysFor: (personIds, now) => (personIds.length === 0 ? [] : keysFor(personIds, now)),
      find: (personId) => statements.findKey.get(personId)?.key,
      destroy: (personId) => statements.deleteKey.run(personId).changes > 0,
      matchingSecret: () => secret('idNumberMatching'),
    },
    chain: {
      key: () => {
        statements.insertChainKey.run(randomBytes(32));
        const row = statements.findChainKey.get();
        if (row === undefined) throw new Error('the chain key could not be stored');
        return row.key;
      },
      keying: () => {
        const row = statements.findChainKey.get();
        return row === undefined || row.from_position === null ? undefined : { key: row.key, fromPosition: row.from_position };
      },
      recordFrom: (position) => {
        statements.recordChainFrom.run(position);
      },
    },
    close: () => db.close(),
  };
};
