import type Database from 'better-sqlite3';

/** The layout of the store's file, kept in `PRAGMA user_version` so that a later layout can migrate it. */
export const SCHEMA_VERSION = 1;

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

/**
 * Creates the tables in a new file, or checks that an existing file has the layout this version knows.
 * Runs in a write transaction, so two processes opening a new file at once do not both create it.
 */
export const ensureSchema = (db: Database.Database, { readOnly = false } = {}): void => {
  // A read-only connection cannot create anything: it only checks.
  if (readOnly && db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
    throw new Error(`store-sqlite: ${db.name} is not an xinfang event store of schema version ${SCHEMA_VERSION}`);
  }
  if (readOnly) return;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version !== 0) {
      throw new Error(`store-sqlite: ${db.name} has schema version ${version}; this version of xinfang reads version ${SCHEMA_VERSION}`);
    }
    const tables = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get();
    if ((tables?.n ?? 0) > 0) throw new Error(`store-sqlite: ${db.name} is a SQLite database, but not an xinfang event store`);
    db.exec(CREATE_SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
};
