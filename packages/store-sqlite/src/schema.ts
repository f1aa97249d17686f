import type Database from 'better-sqlite3';

/**
 * The layout of the store's file, kept in `PRAGMA user_version` so that a later layout can migrate it.
 * 1: the events; 2: and the chain-version marker (`chain_keying`).
 */
export const SCHEMA_VERSION = 2;

/*
 * One row per event. `position` is the rowid (no AUTOINCREMENT: the store assigns last + 1 itself, inside a
 * write transaction, so positions have no gaps). The columns hold the envelope's scalar fields; `meta` holds
 * the rest of `meta` (actor, correlationId, causationId, schemaVersion, and whatever is added later) as JSON,
 * and `data` the payload as JSON (NULL when the event has none). The table is STRICT, so a value of the wrong
 * type is refused instead of converted, and it is append-only: updates and deletes are refused by triggers.
 * A stream's revision is read from the (stream_id, revision) index: no separate streams table to keep in step.
 */
const CREATE_SCHEMA = `
CREATE TABLE events (
  position    INTEGER PRIMARY KEY CHECK (position > 0),
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision > 0),
  event_id    TEXT    NOT NULL UNIQUE,
  type        TEXT    NOT NULL,
  data        TEXT,
  meta        TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  occurred_at TEXT    NOT NULL,
  command_id  TEXT    NOT NULL,
  prev_hash   TEXT    NOT NULL,
  hash        TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;
CREATE INDEX events_by_command_id ON events (command_id, position);
CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'xinfang: stored events cannot be changed'); END;
CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'xinfang: stored events cannot be deleted'); END;
`;

/*
 * Version 2: the chain-version marker. A row says that the events from `from_position` on are hashed with
 * HMAC-SHA-256 under the chain key whose check value is `key_check` (see `chainKeyCheck`); the events before
 * it (a log written before keying) keep their plain SHA-256 chain. At most one row; it is written once, when
 * a store is first opened with a key, and like the events it cannot be changed or deleted by mistake.
 */
const ADD_CHAIN_KEYING = `
CREATE TABLE chain_keying (
  from_position INTEGER PRIMARY KEY CHECK (from_position > 0),
  scheme        TEXT    NOT NULL CHECK (scheme = 'hmac-sha256'),
  key_check     TEXT    NOT NULL
) STRICT;
CREATE TRIGGER chain_keying_is_one_row BEFORE INSERT ON chain_keying WHEN (SELECT count(*) FROM chain_keying) > 0
  BEGIN SELECT RAISE(ABORT, 'xinfang: the log is already keyed'); END;
CREATE TRIGGER chain_keying_is_not_updated BEFORE UPDATE ON chain_keying
  BEGIN SELECT RAISE(ABORT, 'xinfang: the chain marker cannot be changed'); END;
CREATE TRIGGER chain_keying_is_not_deleted BEFORE DELETE ON chain_keying
  BEGIN SELECT RAISE(ABORT, 'xinfang: the chain marker cannot be deleted'); END;
`;

/** The versions a read-only connection can read: it cannot migrate, and a version 1 file simply has no marker. */
const READABLE_VERSIONS = [1, SCHEMA_VERSION];

/** Whether the file has the marker table (a version 1 file opened read-only has not). */
export const hasChainKeying = (db: Database.Database): boolean =>
  db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'chain_keying'").get()?.n === 1;

/**
 * Creates the tables in a new file, or checks that an existing file has the layout this version knows.
 * Runs in a write transaction, so two processes opening a new file at once do not both create it.
 */
export const ensureSchema = (db: Database.Database, { readOnly = false } = {}): void => {
  // A read-only connection cannot create anything: it only checks.
  if (readOnly && !READABLE_VERSIONS.includes(db.pragma('user_version', { simple: true }) as number)) {
    throw new Error(`store-sqlite: ${db.name} is not an xinfang event store of schema version ${SCHEMA_VERSION}`);
  }
  if (readOnly) return;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version === 0) {
      const tables = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get();
      if ((tables?.n ?? 0) > 0) throw new Error(`store-sqlite: ${db.name} is a SQLite database, but not an xinfang event store`);
      db.exec(CREATE_SCHEMA);
    } else if (version !== 1) {
      throw new Error(`store-sqlite: ${db.name} has schema version ${version}; this version of xinfang reads version ${SCHEMA_VERSION}`);
    }
    db.exec(ADD_CHAIN_KEYING);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
};
