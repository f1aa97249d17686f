import type BetterSqlite3 from 'better-sqlite3';
import { assertCommit, serializeChanges, type Checkpoint, type ProjectionCommit, type ReadModelStore } from './read-model-store';

/*
 * Read models in SQLite, on a better-sqlite3 `Database` the app opens and passes in (a capability: the
 * same file as the event store, so that one backup holds both, or another file, so that read models can
 * be deleted and rebuilt at will). Two tables, created if missing:
 *
 *   read_models(projection, key, doc JSON, PRIMARY KEY (projection, key))
 *   checkpoints(projection PRIMARY KEY, position, version, hash)
 *   read_model_log(one row: store_id, the log they were built from)
 *
 * `hash` was added later: a file without it gets the column (NULL: not known, so not trusted by the runner).
 *
 * `commit` (and `commitMany`, for several projections) writes the documents and the checkpoints in one
 * immediate transaction: a crash (or an error half-way) leaves both as they were. better-sqlite3 is synchronous; the port is async so that the
 * runner does not care which store it has.
 */

type Database = BetterSqlite3.Database;

export interface SqliteReadModelsOptions {
  /** Documents per page of `all`; default 500. */
  readonly pageSize?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS read_models (
    projection TEXT NOT NULL,
    key        TEXT NOT NULL,
    doc        TEXT NOT NULL CHECK (json_valid(doc)),
    PRIMARY KEY (projection, key)
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position   INTEGER NOT NULL CHECK (position >= 0),
    version    INTEGER NOT NULL CHECK (version > 0),
    hash       TEXT
  );
  CREATE TABLE IF NOT EXISTS read_model_log (
    one      INTEGER PRIMARY KEY CHECK (one = 1),
    store_id TEXT NOT NULL
  );
`;

/** Creates the tables, and adds what a file of an earlier layout lacks; in one transaction. */
const ensureSchema = (db: Database): void => {
  db.transaction(() => {
    db.exec(SCHEMA);
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('checkpoints')").all();
    if (!columns.some((column) => column.name === 'hash')) db.exec('ALTER TABLE checkpoints ADD COLUMN hash TEXT');
  }).immediate();
};

interface CheckpointRow {
  readonly position: number;
  readonly version: number;
  readonly hash: string | null;
}

const toCheckpoint = (row: CheckpointRow): Checkpoint =>
  row.hash === null ? { position: row.position, version: row.version } : { position: row.position, version: row.version, hash: row.hash };

interface DocRow {
  readonly key: string;
  readonly doc: string;
}

/** Read models in SQLite, and what their owner needs before closing the database under readers. */
export interface SqliteReadModels extends ReadModelStore {
  /**
   * Reads into memory what every unfinished iteration of `all` has left, so that they end as they began,
   * on these read models; after it the store must not be used, and the database may be closed (or its file
   * replaced) — what a swap to read models built beside does (see `createSwitchableReadModels`).
   */
  readonly detach: () => void;
}

export const createSqliteReadModels = (db: Database, options: SqliteReadModelsOptions = {}): SqliteReadModels => {
  const pageSize = options.pageSize ?? 500;
  if (!(Number.isSafeInteger(pageSize) && pageSize > 0)) throw new RangeError(`bad pageSize ${pageSize}`);
  ensureSchema(db);

  const selectCheckpoint = db.prepare<[string], CheckpointRow>(
    'SELECT position, version, hash FROM checkpoints WHERE projection = ?',
  );
  // Any number of keys in one statement: they are passed as one JSON array (no limit on bound variables).
  const selectDocs = db.prepare<[string, string], DocRow>(
    'SELECT key, doc FROM read_models WHERE projection = ? AND key IN (SELECT value FROM json_each(?))',
  );
  const selectPage = db.prepare<[string, string, number], DocRow>(
    'SELECT key, doc FROM read_models WHERE projection = ? AND key > ? ORDER BY key LIMIT ?',
  );
  const upsertDoc = db.prepare<[string, string, string]>(
    'INSERT INTO read_models (projection, key, doc) VALUES (?, ?, ?) ' +
      'ON CONFLICT (projection, key) DO UPDATE SET doc = excluded.doc',
  );
  const deleteDoc = db.prepare<[string, string]>('DELETE FROM read_models WHERE projection = ? AND key = ?');
  const upsertCheckpoint = db.prepare<[string, number, number, string | null]>(
    'INSERT INTO checkpoints (projection, position, version, hash) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT (projection) DO UPDATE SET position = excluded.position, version = excluded.version, hash = excluded.hash',
  );
  const selectLogId = db.prepare<[], { store_id: string }>('SELECT store_id FROM read_model_log WHERE one = 1');
  const upsertLogId = db.prepare<[string]>(
    'INSERT INTO read_model_log (one, store_id) VALUES (1, ?) ON CONFLICT (one) DO UPDATE SET store_id = excluded.store_id',
  );
  const deleteDocs = db.prepare<[string]>('DELETE FROM read_models WHERE projection = ?');
  const deleteCheckpoint = db.prepare<[string]>('DELETE FROM checkpoints WHERE projection = ?');

  const commitMany = db.transaction((commits: readonly ProjectionCommit[]) => {
    for (const { projection, version, docs, position, hash } of commits) {
      const stored = selectCheckpoint.get(projection);
      assertCommit(projection, stored === undefined ? undefined : toCheckpoint(stored), version, docs, position);
      for (const [key, text] of docs) {
        if (text === undefined) deleteDoc.run(projection, key);
        else upsertDoc.run(projection, key, text);
      }
      upsertCheckpoint.run(projection, position, version, hash ?? null);
    }
  });
  const loadText = (projection: string, keys: Iterable<string>): Map<string, string> => {
    const found = new Map<string, string>();
    const wanted = [...new Set(keys)];
    if (wanted.length === 0) return found;
    for (const row of selectDocs.all(projection, JSON.stringify(wanted))) found.set(row.key, row.doc);
    return found;
  };
  const reset = db.transaction((projection: string) => {
    deleteDocs.run(projection);
    deleteCheckpoint.run(projection);
  });

  /*
   * An iteration of `all` reads a page at a time (keyset pagination: no statement stays open between pages,
   * so the connection is free for commits). Each open one is a cursor here, so that `detach` can read
   * what it has not read yet before the database is closed.
   */
  interface Cursor {
    readonly projection: string;
    /** The last key read from the database; undefined before the first page. */
    after: string | undefined;
    done: boolean;
    /** What was left to read when the store was detached. */
    rest?: DocRow[];
  }
  const cursors = new Set<Cursor>();
  let detached = false;
  const firstPage = (projection: string): DocRow[] => {
    // '' sorts before every key but '' itself, which is read first.
    const empty = selectDocs.get(projection, '[""]');
    const page = selectPage.all(projection, '', pageSize);
    return empty === undefined ? page : [empty, ...page];
  };
  const nextPage = (cursor: Cursor): DocRow[] => {
    if (cursor.rest !== undefined) {
      cursor.done = true;
      return cursor.rest;
    }
    const page = cursor.after === undefined ? firstPage(cursor.projection) : selectPage.all(cursor.projection, cursor.after, pageSize);
    cursor.after = page.at(-1)?.key ?? cursor.after;
    if (page.length < pageSize) cursor.done = true;
    return page;
  };
  async function* pages(cursor: Cursor): AsyncGenerator<readonly [string, unknown]> {
    try {
      while (!cursor.done) for (const row of nextPage(cursor)) yield [row.key, JSON.parse(row.doc)] as const;
    } finally {
      cursors.delete(cursor);
    }
  }

  return {
    detach: () => {
      detached = true;
      for (const cursor of cursors) {
        if (cursor.done || cursor.rest !== undefined) continue;
        const rest: DocRow[] = [];
        while (!cursor.done) rest.push(...nextPage(cursor));
        cursor.done = false;
        cursor.rest = rest;
      }
    },

    checkpoint: async (projection) => {
      const row = selectCheckpoint.get(projection);
      return row === undefined ? undefined : toCheckpoint(row);
    },

    load: async (projection, keys) => {
      const found = new Map<string, unknown>();
      for (const [key, text] of loadText(projection, keys)) found.set(key, JSON.parse(text));
      return found;
    },

    loadText: async (projection, keys) => loadText(projection, keys),

    all: (projection) => ({
      [Symbol.asyncIterator]: () => {
        if (detached) throw new Error(`read models detached: cannot list "${projection}"`);
        const cursor: Cursor = { projection, after: undefined, done: false };
        cursors.add(cursor);
        return pages(cursor);
      },
    }),

    // Immediate: the write lock is taken before the checkpoint is read, so the check and the writes see
    // the same database even with another connection (another process) on the same file.
    commit: async (projection, version, changes, position, hash) =>
      commitMany.immediate([{ projection, version, docs: serializeChanges(projection, changes), position, ...(hash === undefined ? {} : { hash }) }]),

    commitMany: async (commits) => commitMany.immediate(commits),

    reset: async (projection) => reset.immediate(projection),

    logId: async () => selectLogId.get()?.store_id,

    setLogId: async (storeId) => {
      upsertLogId.run(storeId);
    },
  };
};

/** One projection as stored: its checkpoint (undefined: never committed) and every document as JSON text, by key. */
export interface StoredProjection {
  readonly checkpoint: Checkpoint | undefined;
  readonly docs: readonly (readonly [key: string, text: string])[];
}

/**
 * The projections' checkpoints and documents read in one transaction, on a connection of the caller's
 * (read-only will do: nothing is created or written), so each is at its checkpoint whatever another
 * connection commits meanwhile. For a process that keeps them in memory and follows the commits from there.
 */
export const readStoredProjections = (db: Database, projections: readonly string[]): Map<string, StoredProjection> =>
  db.transaction(() => {
    const checkpoint = db.prepare<[string], CheckpointRow>('SELECT position, version, hash FROM checkpoints WHERE projection = ?');
    const docs = db.prepare<[string], DocRow>('SELECT key, doc FROM read_models WHERE projection = ? ORDER BY key');
    const read = new Map<string, StoredProjection>();
    for (const projection of projections) {
      const row = checkpoint.get(projection);
      read.set(projection, {
        checkpoint: row === undefined ? undefined : toCheckpoint(row),
        docs: docs.all(projection).map((doc) => [doc.key, doc.doc] as const),
      });
    }
    return read;
  })();
