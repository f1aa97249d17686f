import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';

/*
 * The log's identity (`EventStore.storeId`): a random id, made the first time the file is opened for
 * writing — when the log is created, or for a file made before ids were kept — and never changed (triggers
 * refuse it). A copy of the file (a backup) keeps the id: it is the same log, perhaps shorter, which the
 * hash at a reader's checkpoint tells apart. A deleted and re-created file gets a new one.
 *
 * Kept in a table of its own, created if missing, so that it needs no change of the events' layout version.
 */

const CREATE_IDENTITY = `
CREATE TABLE IF NOT EXISTS store_identity (
  one      INTEGER PRIMARY KEY CHECK (one = 1),
  store_id TEXT    NOT NULL
) STRICT;
CREATE TRIGGER IF NOT EXISTS store_identity_is_not_updated BEFORE UPDATE ON store_identity
  BEGIN SELECT RAISE(ABORT, 'xinfang: the store id cannot be changed'); END;
CREATE TRIGGER IF NOT EXISTS store_identity_is_not_deleted BEFORE DELETE ON store_identity
  BEGIN SELECT RAISE(ABORT, 'xinfang: the store id cannot be deleted'); END;
`;

const hasIdentityTable = (db: Database.Database): boolean =>
  db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'store_identity'").get()?.n === 1;

const readId = (db: Database.Database): string | undefined =>
  db.prepare<[], { store_id: string }>('SELECT store_id FROM store_identity WHERE one = 1').get()?.store_id;

/**
 * The file's store id, made if it has none (`newId`: a copy's, its origin's — see `importRecorded`) (in a write transaction: two processes opening a new file at
 * once agree on one). A read-only connection only reads it: undefined for a file that has none yet.
 */
export const ensureStoreId = (db: Database.Database, { readOnly = false, newId = randomUUID() }: { readonly readOnly?: boolean; readonly newId?: string } = {}): string | undefined => {
  if (readOnly) return hasIdentityTable(db) ? readId(db) : undefined;
  return db
    .transaction(() => {
      db.exec(CREATE_IDENTITY);
      db.prepare('INSERT OR IGNORE INTO store_identity (one, store_id) VALUES (1, ?)').run(newId);
      return readId(db);
    })
    .immediate();
};
