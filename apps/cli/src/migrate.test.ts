import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore, LogOrigin, RecordedEvent } from '@xinfang/event-store';
import { createPostgresEventStore } from '@xinfang/store-postgres';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '@xinfang/store-postgres/testing';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, lastLine, runCli, startServe, tempDir } from './test/cli';

/*
 * `xinfang migrate`: a demo log copied into another store is the same log — every event as it was, the same
 * head hash, the same forms with the personal data readable — and an interrupted copy goes on where it stopped.
 */

const dir = tempDir();
const path = (name: string): string => join(dir.path, name);
const origin = `sqlite:${path('origin.db')}`;
afterAll(() => dir.remove());

const VIEW = ['--as-of', '2024-10-15', '--known-at', '2024-10-16'];

const allEvents = async (file: string): Promise<RecordedEvent[]> => {
  const store = createSqliteEventStore({ path: file, readOnly: true });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
};

const headLine = async (store: string): Promise<string> => {
  const run = await runCli(['verify', '--store', store]);
  expect(run.code, run.stderr).toBe(0);
  return /末尾 head: (\d+:[0-9a-f]{64})/.exec(run.stdout)?.[1] ?? expect.fail(run.stdout);
};

const formText = async (store: string, form: string, name: string): Promise<string> => {
  const out = path(`${name}-${form}.csv`);
  const run = await runCli(['export', '--form', form, '--format', 'csv', ...VIEW, '--out', out, '--store', store]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out, 'utf8');
};

let events: RecordedEvent[];

beforeAll(async () => {
  const demo = await runCli(['demo', '--scale', '0.03', '--store', origin], { timeoutMs: 120_000 });
  expect(demo.code, demo.stderr).toBe(0);
  events = await allEvents(path('origin.db'));
}, 150_000);

describe('xinfang migrate', () => {
  it('copies the whole log and its app database: the same events, head hash and forms, personal data readable', async () => {
    const copy = `sqlite:${path('copy.db')}`;
    const run = await runCli(['migrate', '--from', origin, '--to', copy, '--batch', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已迁移 / migrated: ${events.length} 个事件 / events`);
    expect(run.stdout).toContain(`副本校验通过 / the copy verifies: ${events.length} 个事件`);

    expect(await allEvents(path('copy.db'))).toEqual(events);
    expect(await headLine(copy)).toBe(await headLine(origin));
    // The forms with names in them: 附件2 (petitioners) and 附件3 (visitors).
    for (const form of ['2', '3']) {
      const text = await formText(copy, form, 'copy');
      expect(text).toBe(await formText(origin, form, 'origin'));
      expect(text).not.toContain('[已删除]');
    }
  }, 120_000);

  it('goes on after an interruption where the copy stopped, without duplicates', async () => {
    // What an interrupted run leaves: the batches it committed (each is one transaction).
    const from = await originOf(path('origin.db'));
    const partial: EventStore = createSqliteEventStore({ path: path('partial.db'), ...(from.storeId === undefined ? {} : { storeId: from.storeId }) });
    await partial.importRecorded?.(from, events.slice(0, 300));
    await partial.close();

    const run = await runCli(['migrate', '--from', origin, '--to', `sqlite:${path('partial.db')}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已迁移 / migrated: ${events.length - 300} 个事件 / events (接续位置 300 / resumed after position 300;`);
    expect(await allEvents(path('partial.db'))).toEqual(events);

    const again = await runCli(['migrate', '--from', origin, '--to', `sqlite:${path('partial.db')}`]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('已迁移 / migrated: 0 个事件');
    expect(await allEvents(path('partial.db'))).toEqual(events);
  }, 120_000);

  it('refuses a target that holds another log, and leaves it as it was', async () => {
    const other = `sqlite:${path('other.db')}`;
    const demo = await runCli(['demo', '--scale', '0.01', '--store', other], { timeoutMs: 120_000 });
    expect(demo.code, demo.stderr).toBe(0);
    const before = await allEvents(path('other.db'));
    const run = await runCli(['migrate', '--from', origin, '--to', other]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/目标的应用数据库不是这份日志的|目标不是这份日志的副本/);
    expect(await allEvents(path('other.db'))).toEqual(before);
  }, 150_000);

  it('copies SQLite → PostgreSQL → SQLite with the app database: the same events, head and form on all three, each copy verified with the origin’s key, a token made before the move taken by a server on the copy', async () => {
    const server: TestPostgres = await startTestPostgres();
    const database = await createTestDatabase(server.url);
    try {
      // The app database goes into PostgreSQL beside the log (schema office_log_app), where serve and verify on it look.
      const postgres = `${database.url}?schema=office_log&local=${encodeURIComponent(path('pg-local'))}`;
      const made = await runCli(['token', 'create', '--role', 'office', '--name', '迁移前 / before the move', '--store', origin]);
      expect(made.code, made.stderr).toBe(0);
      const token = lastLine(made.stdout);
      const there = await runCli(['migrate', '--from', origin, '--to', postgres, '--batch', '250'], { timeoutMs: 120_000 });
      expect(there.code, there.stderr).toBe(0);
      expect(there.stdout).toContain(`副本校验通过 / the copy verifies: ${events.length} 个事件`);
      expect(there.stdout).not.toContain(database.url.split('@')[0]?.split(':')[2] ?? 'no-password');

      const back = await runCli(['migrate', '--from', postgres, '--to', `sqlite:${path('back.db')}`], { timeoutMs: 120_000 });
      expect(back.code, back.stderr).toBe(0);
      // Nothing of the app database in the local folder: it is in PostgreSQL.
      expect(existsSync(join(path('pg-local'), 'xinfang.app.db'))).toBe(false);
      // The token made before the move opens a server on the copy (which also found the log's chain key there).
      const served = await startServe(['--store', postgres]);
      try {
        expect((await call(served.url, 'GET', '/api/v1/ledgers/duties', token)).status).toBe(200);
      } finally {
        await served.stop();
      }
      // With the app database copied beside it, the PostgreSQL log is verified with the origin's key on the way back too.
      expect(back.stdout).toContain(`副本校验通过 / the copy verifies: ${events.length} 个事件`);
      const head = await headLine(origin);
      expect(await headLine(postgres)).toBe(head);
      expect(await headLine(`sqlite:${path('back.db')}`)).toBe(head);
      // Personal data readable on both copies: the same form, names included; the token listed on the way back.
      const names = await formText(origin, '1', 'origin-for-pg');
      expect(await formText(postgres, '1', 'pg')).toBe(names);
      expect(await formText(`sqlite:${path('back.db')}`, '1', 'back')).toBe(names);
      const listed = await runCli(['token', 'list', '--store', `sqlite:${path('back.db')}`]);
      expect(listed.stdout).toContain('迁移前 / before the move');

      const store = await createPostgresEventStore({ connectionString: database.url, schema: 'office_log', pollIntervalMs: 0 });
      try {
        const inPostgres: RecordedEvent[] = [];
        for await (const event of store.readAll()) inPostgres.push(event);
        expect(inPostgres).toEqual(events);
      } finally {
        await store.close();
      }
      expect(await allEvents(path('back.db'))).toEqual(events);
    } finally {
      await database.drop();
      await server.stop();
    }
  }, 240_000);

  it('names a bad --batch, and refuses the same store as both ends', async () => {
    const bad = await runCli(['migrate', '--from', origin, '--to', `sqlite:${path('x.db')}`, '--batch', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--batch');
    const same = await runCli(['migrate', '--from', origin, '--to', origin]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('同一个存储');
  });
});

const originOf = async (file: string): Promise<LogOrigin> => {
  const store = createSqliteEventStore({ path: file, readOnly: true });
  try {
    return { storeId: await store.storeId(), chainMarker: await store.chainMarker() };
  } finally {
    await store.close();
  }
};
