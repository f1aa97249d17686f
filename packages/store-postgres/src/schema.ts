import type { PoolClient } from 'pg';

/** The layout of the store's tables, kept in `store_layout` so that a later layout can migrate it. */
export const SCHEMA_VERSION = 1;

// At most 55 characters: the log's notice channel (`xinfang_` + the name) must fit PostgreSQL's 63-byte names.
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,54}$/;

/**
 * The schema name as a quoted SQL identifier. Identifiers cannot be bound as parameters, so the name is
 * checked against a strict pattern instead (lower-case letters, digits, `_`; what PostgreSQL folds an unquoted
 * name to) — nothing else ever reaches SQL text.
 */
export const quotedSchema = (schema: string): string => {
  if (!IDENTIFIER.test(schema)) throw new RangeError(`store-postgres: bad schema name ${JSON.stringify(schema)} (lower-case letters, digits and _, at most 55)`);
  return `"${schema}"`;
};

/*
 * One row per event, as in the SQLite store: the envelope's scalar fields in columns, the rest of `meta` as
 * JSON text and `data` as JSON text (NULL when the event has none) — text, not jsonb, because the hash is
 * computed over the canonical JSON the store wrote, and jsonb would reorder keys and normalise numbers.
 * `position` is assigned by the store (last + 1 under the append lock, below), never by a sequence: sequences
 * have gaps and hand out numbers in an order commits need not follow.
 *
 * `append_lock` is one row that every writer locks FOR UPDATE first thing in its transaction (see
 * postgres-store.ts: why that makes positions visible in order). It holds nothing else.
 *
 * Append-only: triggers refuse UPDATE, DELETE and TRUNCATE of the events, the chain marker and the store
 * identity (a superuser can still drop the triggers: `verify` is what proves a log intact).
 */
const createSchema = (s: string): string => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE ${s}.store_layout (
  one     integer PRIMARY KEY CHECK (one = 1),
  version integer NOT NULL
);
CREATE TABLE ${s}.events (
  position    bigint  PRIMARY KEY CHECK (position > 0),
  stream_id   text    NOT NULL,
  revision    bigint  NOT NULL CHECK (revision > 0),
  event_id    text    NOT NULL UNIQUE,
  type        text    NOT NULL,
  data        text,
  meta        text    NOT NULL,
  recorded_at text    NOT NULL,
  occurred_at text    NOT NULL,
  command_id  text    NOT NULL,
  prev_hash   text    NOT NULL,
  hash        text    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX events_by_command_id ON ${s}.events (command_id, position);
CREATE TABLE ${s}.append_lock (
  one integer PRIMARY KEY CHECK (one = 1)
);
INSERT INTO ${s}.append_lock (one) VALUES (1);
CREATE TABLE ${s}.chain_keying (
  one           integer PRIMARY KEY DEFAULT 1 CHECK (one = 1),
  from_position bigint  NOT NULL CHECK (from_position > 0),
  scheme        text    NOT NULL CHECK (scheme = 'hmac-sha256'),
  key_check     text    NOT NULL
);
CREATE TABLE ${s}.store_identity (
  one      integer PRIMARY KEY CHECK (one = 1),
  store_id text    NOT NULL
);
CREATE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'xinfang: % cannot be changed or deleted (%)', TG_ARGV[0], TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON ${s}.events
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change('stored events');
CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON ${s}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change('stored events');
CREATE TRIGGER chain_keying_is_fixed BEFORE UPDATE OR DELETE ON ${s}.chain_keying
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change('the chain marker');
CREATE TRIGGER chain_keying_is_not_truncated BEFORE TRUNCATE ON ${s}.chain_keying
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change('the chain marker');
CREATE TRIGGER store_identity_is_fixed BEFORE UPDATE OR DELETE ON ${s}.store_identity
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change('the store id');
CREATE TRIGGER store_identity_is_not_truncated BEFORE TRUNCATE ON ${s}.store_identity
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change('the store id');
INSERT INTO ${s}.store_layout (one, version) VALUES (1, ${SCHEMA_VERSION});
`;

/**
 * Creates the tables in a new schema, or checks that an existing one has the layout this version knows. Runs
 * in a transaction under an advisory lock on the schema's name, so two processes opening a new log at once do
 * not both create it (CREATE … IF NOT EXISTS alone races on the catalog).
 */
export const ensureSchema = async (client: PoolClient, schema: string): Promise<void> => {
  const s = quotedSchema(schema);
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('xinfang-store-postgres:' || $1::text))", [schema]);
    const found = await client.query<{ layout: string | null; tables: string }>(
      `SELECT to_regclass($1::text)::text AS layout,
              (SELECT count(*) FROM pg_tables WHERE schemaname = $2::text)::text AS tables`,
      [`${s}.store_layout`, schema],
    );
    const row = found.rows[0];
    if (row?.layout === null || row?.layout === undefined) {
      if (Number(row?.tables ?? 0) > 0) throw new Error(`store-postgres: schema ${schema} has tables, but is not an xinfang event store`);
      await client.query(createSchema(s));
    } else {
      const layout = await client.query<{ version: number }>(`SELECT version FROM ${s}.store_layout WHERE one = 1`);
      const version = layout.rows[0]?.version;
      if (version !== SCHEMA_VERSION) {
        throw new Error(`store-postgres: schema ${schema} has layout version ${String(version)}; this version of xinfang reads version ${SCHEMA_VERSION}`);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
