import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GENESIS_HASH,
  chainKeyCheck,
  hashEvent,
  readLogHead,
  sealEvent,
  verifyChain,
  verifyChainLinks,
  type ChainBreak,
  type ChainKeying,
  type ChainVerification,
  type LogHead,
  type RecordedEvent,
} from '@xinfang/event-store';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './sqlite-store';
import { collect, newEvent, range } from './test/fixtures';

/*
 * Every way of tampering with the log file we could think of, each on its own copy of one real SQLite log,
 * and `verify` as the app runs it (the store's rows read as chain links; its envelopes give the same answer):
 * keyed with the chain key and first keyed position the app database records (held here as the app database would hold them), against the log's own marker, and against the
 * head noted down when the log was written (`--expect`). Each must fail and name the FIRST broken position.
 *
 * The tamperer has the log file and SQL, so triggers are no obstacle; they do not have the key.
 */

const SIZE = 250;
const STREAMS = 5;
const KEY = Buffer.alloc(32, 0x5a);
const WRONG_KEY = Buffer.alloc(32, 0x33);
/** What the app database records: the key and the first keyed position (the log is keyed from the start). */
const KEYING: ChainKeying = { key: KEY, fromPosition: 1 };

const dir = mkdtempSync(join(tmpdir(), 'xinfang-tampering-'));
const original = join(dir, 'original.db');
/** The head noted down when the log was written: what `verify --expect` is given. */
let head: LogHead;
let copies = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 250 events, the streams taking turns (stream-0, stream-1, …, stream-4, stream-0, …), each batch one commit. */
beforeAll(async () => {
  const store = createSqliteEventStore({ path: original, chainKey: KEY });
  for (const round of range(0, SIZE / STREAMS - 1)) {
    await store.appendMany(range(0, STREAMS - 1).map((s) => ({ streamId: `stream-${s}`, expectedRevision: round, events: [newEvent({ n: round * STREAMS + s + 1, 内容: '拖欠工资' })] })));
  }
  head = await readLogHead(store);
  await store.close();
  expect(head.position).toBe(SIZE);
});

/** A fresh copy of the log to tamper with (the store closed it, so the WAL is checkpointed into the file). */
const copy = (): string => {
  const path = join(dir, `copy-${++copies}.db`);
  copyFileSync(original, path);
  return path;
};

/** Raw SQL on the file, as a tamperer runs it: the guarding triggers dropped first. */
const tamper = (path: string, work: (db: Database.Database) => void): void => {
  const db = new Database(path);
  try {
    for (const trigger of ['events_are_not_updated', 'events_are_not_deleted', 'chain_keying_is_not_updated', 'chain_keying_is_not_deleted']) {
      db.exec(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    work(db);
  } finally {
    db.close();
  }
};

const readEvents = async (path: string): Promise<RecordedEvent[]> => {
  const store = createSqliteEventStore({ path, readOnly: true });
  try {
    return await collect(store.readAll());
  } finally {
    await store.close();
  }
};

/**
 * Recomputes `prevHash` and `hash` of every event from `from` on, as a tamperer would after an edit, so that
 * the chain links again: with plain SHA-256 (which anyone can compute) or with a key of their own.
 */
const rechain = async (path: string, from: number, key?: Buffer): Promise<void> => {
  const events = await readEvents(path);
  let prevHash = events[from - 2]?.meta.hash ?? GENESIS_HASH;
  tamper(path, (db) => {
    const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
    for (const event of events.slice(from - 1)) {
      const hash = hashEvent({ ...event, meta: { ...event.meta, prevHash } }, key);
      update.run(prevHash, hash, event.meta.position);
      prevHash = hash;
    }
  });
};

/** `xinfang verify --expect HEAD`, in effect. */
const verifyFile = async (path: string, options: { readonly anchor?: LogHead | null; readonly keying?: ChainKeying } = {}): Promise<ChainVerification> => {
  const store = createSqliteEventStore({ path, readOnly: true });
  try {
    const marker = await store.chainMarker();
    const anchor = options.anchor === undefined ? head : options.anchor;
    const verifyOptions = {
      keying: options.keying ?? KEYING,
      ...(marker === undefined ? {} : { marker }),
      ...(anchor === null ? {} : { anchor }),
    };
    // What `verify` runs (the rows read straight as links) and the envelopes `readAll` builds: the same answer.
    const fromRows = await verifyChainLinks(store.readChain?.({ batchSize: 64 }) ?? [], verifyOptions);
    expect(fromRows).toEqual(await verifyChain(store.readAll({ batchSize: 64 }), verifyOptions));
    return fromRows;
  } finally {
    await store.close();
  }
};

const expectBroken = (result: ChainVerification, position: number, reason: ChainBreak): void => {
  expect(result).toMatchObject({ ok: false, firstBrokenPosition: position, checked: position - 1, reason });
};

/** Moves the events from `from` on up by `by` positions (in two steps: positions are unique at every row). */
const shiftUp = (db: Database.Database, from: number, by: number): void => {
  db.prepare('UPDATE events SET position = position + 1000000 WHERE position >= ?').run(from);
  db.prepare('UPDATE events SET position = position - 1000000 + ? WHERE position >= 1000000').run(by);
};

/** An old log: 20 events written without a key, then 10 more once a key was given (keyed from 21). */
const writeUpgradedLog = async (name: string): Promise<{ path: string; head: LogHead }> => {
  const path = join(dir, name);
  const old = createSqliteEventStore({ path });
  for (const n of range(1, 20)) await old.append(`stream-${n % 3}`, [newEvent({ n })], { expectedRevision: 'any' });
  await old.close();
  const upgraded = createSqliteEventStore({ path, chainKey: KEY });
  for (const n of range(21, 30)) await upgraded.append(`stream-${n % 3}`, [newEvent({ n })], { expectedRevision: 'any' });
  const upgradedHead = await readLogHead(upgraded);
  await upgraded.close();
  return { path, head: upgradedHead };
};

describe('an untouched log', () => {
  it('verifies, keyed, against its noted head', async () => {
    expect(await verifyFile(copy())).toEqual({ ok: true, checked: SIZE, headHash: head.hash });
  });

  it('verifies when it is an old unkeyed log keyed from where it had got to', async () => {
    const { path, head: upgradedHead } = await writeUpgradedLog('upgraded.db');

    expect(await verifyFile(path, { keying: { key: KEY, fromPosition: 21 }, anchor: upgradedHead })).toEqual({ ok: true, checked: 30, headHash: upgradedHead.hash });
    // Its first 20 events are plain SHA-256, the rest keyed.
    const events = await readEvents(path);
    expect(events.slice(0, 20).every((e) => hashEvent(e) === e.meta.hash)).toBe(true);
    expect(events.slice(20).every((e) => hashEvent(e, KEY) === e.meta.hash && hashEvent(e) !== e.meta.hash)).toBe(true);
  });
});

describe('the limit of an old log keyed late', () => {
  it('catches its unkeyed part edited and re-chained, but only at the first keyed event', async () => {
    const { path } = await writeUpgradedLog('upgraded-tampered.db');
    tamper(path, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.n', 999) WHERE position = ?").run(5));
    await rechain(path, 5);
    // Anyone can recompute plain SHA-256 over 5–20; nobody without the key can make the 21st event fit.
    expectBroken(await verifyFile(path, { keying: { key: KEY, fromPosition: 21 }, anchor: null }), 21, 'hash');
  });
});

describe('tampering, each caught at the first broken position', () => {
  it('1. an edited payload', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.内容', '已结清') WHERE position = ?").run(57));
    expectBroken(await verifyFile(path), 57, 'hash');
  });

  it('2. an edited meta field (the actor’s role)', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET meta = json_set(meta, '$.actor.role', 'auditor') WHERE position = ?").run(58));
    expectBroken(await verifyFile(path), 58, 'hash');
  });

  it('3. an edited recordedAt', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET recorded_at = '2024-09-01T00:00:00.000Z' WHERE position = ?").run(59));
    expectBroken(await verifyFile(path), 59, 'hash');
  });

  it('4. an edited position (an event moved to the end)', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('UPDATE events SET position = ? WHERE position = ?').run(SIZE + 10, 60));
    expectBroken(await verifyFile(path), 60, 'position');
  });

  it('5. an edited hash column', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('UPDATE events SET hash = ? WHERE position = ?').run('f'.repeat(64), 61));
    expectBroken(await verifyFile(path), 61, 'hash');
  });

  it('6. the first event deleted', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('DELETE FROM events WHERE position = 1').run());
    expectBroken(await verifyFile(path), 1, 'position');
  });

  it('7. a middle event deleted', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(100));
    expectBroken(await verifyFile(path), 100, 'position');
  });

  it('7b. a middle event deleted and the later ones renumbered and re-chained with plain SHA-256', async () => {
    const path = copy();
    tamper(path, (db) => {
      db.prepare('DELETE FROM events WHERE position = ?').run(100);
      db.prepare('UPDATE events SET position = position - 1 WHERE position > ?').run(100);
    });
    await rechain(path, 100);
    // Position 100 now holds the old 101st event: its stream's revisions still run, its hash no longer does.
    expectBroken(await verifyFile(path), 100, 'hash');
  });

  it('8. the last event deleted: caught by the noted head (and only by it)', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(SIZE));
    expectBroken(await verifyFile(path), SIZE, 'truncated');
    expect(await verifyFile(path, { anchor: null })).toMatchObject({ ok: true, checked: SIZE - 1 });
  });

  it('9. the last 100 events deleted: caught by the noted head at the first missing position', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('DELETE FROM events WHERE position > ?').run(SIZE - 100));
    expectBroken(await verifyFile(path), SIZE - 99, 'truncated');
  });

  it('10. two events swapped', async () => {
    const path = copy();
    tamper(path, (db) => {
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(SIZE + 1, 120);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(120, 121);
      db.prepare('UPDATE events SET position = ? WHERE position = ?').run(121, SIZE + 1);
    });
    // Positions run 1, 2, 3, … again, but the event now at 120 names the one it displaced as its predecessor.
    expectBroken(await verifyFile(path), 120, 'prevHash');
  });

  it('11. an event edited and the whole log re-chained from it with plain SHA-256', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.内容', '已结清') WHERE position = ?").run(130));
    await rechain(path, 130);
    expectBroken(await verifyFile(path), 130, 'hash');
  });

  it('12. an event edited and the whole log re-chained from it with a key of the tamperer’s', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET data = json_set(data, '$.内容', '已结清') WHERE position = ?").run(131));
    await rechain(path, 131, WRONG_KEY);
    expectBroken(await verifyFile(path), 131, 'hash');
  });

  it('13. a forged event inserted in the middle, sealed in its place with plain SHA-256', async () => {
    const path = copy();
    const [previous] = (await readEvents(path)).filter((e) => e.meta.position === 139);
    const forged = sealEvent(newEvent({ 内容: '伪造的化解记录' }), {
      streamId: 'stream-forged',
      revision: 1,
      position: 140,
      recordedAt: previous?.meta.recordedAt ?? '',
      prevHash: previous?.meta.hash ?? '',
    });
    tamper(path, (db) => {
      shiftUp(db, 140, 1);
      insertRow(db, forged);
    });
    await rechain(path, 141);
    expectBroken(await verifyFile(path), 140, 'hash');
  });

  it('14. a forged event appended, chained with plain SHA-256', async () => {
    const path = copy();
    const forged = sealEvent(newEvent({ 内容: '伪造' }), {
      streamId: 'stream-0',
      revision: SIZE / STREAMS + 1,
      position: SIZE + 1,
      recordedAt: '2030-01-01T00:00:00.000Z',
      prevHash: head.hash,
    });
    tamper(path, (db) => insertRow(db, forged));
    expectBroken(await verifyFile(path), SIZE + 1, 'hash');
  });

  it('15. the chain marker deleted', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('DELETE FROM chain_keying').run());
    expectBroken(await verifyFile(path), 1, 'keying');
  });

  it('15b. the chain marker deleted and the whole log re-chained with plain SHA-256, as if never keyed', async () => {
    const path = copy();
    tamper(path, (db) => {
      db.prepare('DELETE FROM chain_keying').run();
      db.prepare("UPDATE events SET data = json_set(data, '$.内容', '已结清') WHERE position = ?").run(90);
    });
    await rechain(path, 1);
    // The app database still records the key and its first position: the log is supposed to be keyed from 1.
    expectBroken(await verifyFile(path), 1, 'keying');
  });

  it('15c. the chain marker moved', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('UPDATE chain_keying SET from_position = 200').run());
    expectBroken(await verifyFile(path), 1, 'keying');
  });

  it('16. a stream revision altered', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare('UPDATE events SET revision = revision + 1000 WHERE position = ?').run(170));
    expectBroken(await verifyFile(path), 170, 'revision');
  });

  it('17. an event’s type changed', async () => {
    const path = copy();
    tamper(path, (db) => db.prepare("UPDATE events SET type = 'CaseClosed' WHERE position = ?").run(180));
    expectBroken(await verifyFile(path), 180, 'hash');
  });

  it('18. the whole log re-chained with the tamperer’s key, and a marker made for it', async () => {
    const path = copy();
    await rechain(path, 1, WRONG_KEY);
    tamper(path, (db) => {
      db.prepare('DELETE FROM chain_keying').run();
      db.prepare("INSERT INTO chain_keying (from_position, scheme, key_check) VALUES (1, 'hmac-sha256', ?)").run(chainKeyCheck(WRONG_KEY));
    });
    // The marker's key check is not the recorded key's: caught before any event is looked at.
    expectBroken(await verifyFile(path), 1, 'keying');
    // And were the marker left alone, the first event's hash is not the key's.
    const leftAlone = copy();
    await rechain(leftAlone, 1, WRONG_KEY);
    expectBroken(await verifyFile(leftAlone), 1, 'hash');
  });
});

/** Inserts an envelope as the store would store it (parameterised, like the store's own insert). */
const insertRow = (db: Database.Database, event: RecordedEvent): void => {
  const { eventId, streamId, revision, position, recordedAt, occurredAt, commandId, prevHash, hash, ...rest } = event.meta;
  db.prepare(
    `INSERT INTO events (position, stream_id, revision, event_id, type, data, meta, recorded_at, occurred_at, command_id, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(position, streamId, revision, eventId, event.type, JSON.stringify(event.data), JSON.stringify(rest), recordedAt, occurredAt, commandId, prevHash, hash);
};
