import { createHash, randomBytes } from 'node:crypto';
import type { ChainKeying } from '@xinfang/event-store';
import { parseRole, type Role } from './roles';

/*
 * What the app keeps beside the event log: the API tokens (hashed), the per-person keys of personal data,
 * and the secret for matching id numbers. It is kept apart from the events on purpose: destroying a
 * person's key here (crypto-shredding) makes their data unreadable while the log, and its hash chain, stay
 * exactly as they were. It also holds the key of the log's hash chain (HMAC-SHA-256): whoever can rewrite
 * the log but not read this cannot re-chain the log unseen.
 *
 * Two implementations: a SQLite file beside the log (app-database-sqlite.ts, one machine) and tables of
 * their own in PostgreSQL (app-database-postgres.ts, several app servers sharing them). So everything that
 * may make and commit something, or must see what another server just did, is asynchronous; only a
 * person's key is looked up synchronously (the ledgers are rendered synchronously), from a copy in memory
 * where the database is another process's.
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
    /** Makes a token; the secret is returned once and only its SHA-256 is stored. Committed when it resolves. */
    readonly create: (role: Role, name: string, now: string) => Promise<{ readonly info: TokenInfo; readonly token: string }>;
    /** The active token's holder, as the database has it now (a token made or revoked by another server counts at once). */
    readonly verify: (token: string) => Promise<TokenInfo | undefined>;
    readonly list: () => Promise<TokenInfo[]>;
    /** True when the token was active and is now revoked. */
    readonly revoke: (id: string, now: string) => Promise<boolean>;
    readonly count: () => Promise<number>;
  };
  readonly keys: {
    /**
     * Each person's key, made on first use (once, whichever server asks first): all in one transaction, so
     * that registering several petitioners costs one commit, not one each. Committed when it resolves.
     */
    readonly keysFor: (personIds: readonly string[], now: string) => Promise<Buffer[]>;
    /** The key, or undefined once destroyed (or never made, or not yet seen from another server: see the implementation). */
    readonly find: (personId: string) => Buffer | undefined;
    /**
     * Brings `find` up to every key made or destroyed by a commit before this call, whichever server made it
     * (nothing to do where `find` reads the database itself). A query awaits it before it renders, so a key
     * whose erasure was acknowledged, here or on another server, is never used after.
     */
    readonly current: () => Promise<void>;
    /** Destroys the key for good; true when there was one. Committed, and gone from `find`, when it resolves. */
    readonly destroy: (personId: string) => Promise<boolean>;
    /** The secret of the keyed hash that matches id numbers (made once). */
    readonly matchingSecret: () => Promise<Buffer>;
  };
  readonly chain: {
    /** The log's chain key, made on first use. Never printed, logged, or written to the log. */
    readonly key: () => Promise<Buffer>;
    /** The key and the first position it keys, once recorded (undefined before: no key, or not yet opened). */
    readonly keying: () => Promise<ChainKeying | undefined>;
    /**
     * Records the first keyed position (the log's marker, when the log was first opened with the key), once:
     * the log's own marker is then checked against this record, so that removing it from the log is caught.
     */
    readonly recordFrom: (position: number) => Promise<void>;
  };
  readonly receipts: {
    /**
     * A new query code (回执查询码) for the case, returned once; only its SHA-256 is stored. The case's
     * earlier codes are revoked in the same transaction: a petitioner holds one working code at a time.
     */
    readonly issue: (caseId: string, now: string) => Promise<{ readonly code: string }>;
    /** The case an active code names; undefined for a code never issued or revoked. */
    readonly find: (code: string) => Promise<string | undefined>;
    /** Revokes the case's active codes; how many there were. */
    readonly revoke: (caseId: string, now: string) => Promise<number>;
  };
  readonly close: () => Promise<void>;
}

/** The personal-data keys as a query renders them: a query worker opens these alone, read only. */
export type PersonKeys = Pick<AppDatabase['keys'], 'find' | 'current'> & { readonly close: () => Promise<void> };

/**
 * Everything an app database holds, as stored, for `xinfang migrate` to copy it with the log from one
 * implementation to the other: the tokens by their hash, the keys not destroyed, the secrets, the chain key.
 */
export interface AppDatabaseRows {
  readonly tokens: readonly (TokenRow & { readonly hash: string })[];
  readonly receipts: readonly ReceiptRow[];
  readonly personKeys: readonly { readonly person_id: string; readonly key: Buffer; readonly created_at: string }[];
  readonly secrets: readonly { readonly name: string; readonly value: Buffer }[];
  readonly chainKey: { readonly key: Buffer; readonly from_position: number | null } | undefined;
}

/** The chain key as recorded: undefined until its first position is. */
export const recordedKeying = (row: { readonly key: Buffer; readonly from_position: number | string | null } | undefined): ChainKeying | undefined =>
  row === undefined || row.from_position === null ? undefined : { key: row.key, fromPosition: Number(row.from_position) };

/** The name of the secret that matches id numbers, in either implementation's table of secrets. */
export const MATCHING_SECRET = 'idNumberMatching';

/** Only this is stored of a token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token: its id (shown in lists) and its secret (shown once). */
export const newToken = (): { readonly id: string; readonly token: string } => ({
  id: `t-${randomBytes(6).toString('hex')}`,
  token: `xf_${randomBytes(32).toString('base64url')}`,
});

/** A new key or secret: 32 random bytes. */
export const newSecret = (): Buffer => randomBytes(32);

/** A query code as stored: its hash, never the code. */
export interface ReceiptRow {
  hash: string;
  case_id: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface TokenRow {
  id: string;
  role: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export const toTokenInfo = (row: TokenRow): TokenInfo => {
  const role = parseRole(row.role);
  if (role === undefined) throw new Error(`token ${row.id} has an unknown role ${row.role}`);
  return { id: row.id, role, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at };
};
