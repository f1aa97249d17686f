import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignShape } from '@xinfang/demo-data';
import type { EventStore, LogOrigin, RecordedEvent } from '@xinfang/event-store';
import { createPostgresEventStore } from '@xinfang/store-postgres';
import { createTestDatabase, startTestPostgres, type TestDatabase, type TestPostgres } from '@xinfang/store-postgres/testing';
import { createSqliteEventStore } from '@xinfang/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastLine, runCli, startServe, tempDir } from './test/cli';

/*
 * `xinfang migrate`: a demo log copied into another store is the same log — every event as it was, the same
 * head hash, the same forms with the personal data readable — and an interrupted copy goes on where it stopped.
 * Through PostgreSQL and back, servers on the three logs answer every ledger, the screening report and the
 * KPIs byte for byte alike.
 */

const dir = tempDir();
const path = (name: string): string => join(dir.path, name);
const origin = `sqlite:${path('origin.db')}`;
afterAll(() => dir.remove());

const VIEW = ['--as-of', '2024-10-15', '--known-at', '2024-10-16'];
/** The demo campaign at a small scale: one period of days, a few hundred events. */
const SCALE = '0.03';
const { start: FIRST_DAY, end: LAST_DAY } = campaignShape(Number(SCALE));
/** A recording time after everything the demo recorded. */
const KNOWN_AFTER_ALL = '2099-12-31T00:00:00%2B08:00';
const LEDGERS = ['disputes', 'backlog', 'visits', 'duties'] as const;

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

interface ScreeningReportEvent {
  readonly communityId: string;
  readonly reportDate: string;
  readonly nil: boolean;
}

/** A report day of the demo's: the middle one of the reports its communities submitted with cases listed. */
const reportDay = (): ScreeningReportEvent => {
  const reports = events.filter((event) => event.type === 'ScreeningReportSubmitted').map((event) => event.data as ScreeningReportEvent);
  const listing = reports.filter((report) => !report.nil);
  return listing[Math.floor(listing.length / 2)] ?? expect.fail('the demo submitted no screening report listing cases');
};

/** Every ledger as of the demo's last day, known after all of it — the data to compare with a copy's. */
const latestView = `asOf=${LAST_DAY}&knownAt=${KNOWN_AFTER_ALL}`;
const ledgerPath = (ledger: (typeof LEDGERS)[number], view: string, format = 'json'): string => `/api/v1/ledgers/${ledger}?format=${format}&${view}`;
/** The screening report of the day's community as it stood on the day, known after all. */
const screeningPath = (day: ScreeningReportEvent): string =>
  `/api/v1/reports/screening?communityId=${day.communityId}&date=${day.reportDate}&asOf=${day.reportDate}&knownAt=${KNOWN_AFTER_ALL}`;
const kpisPath = (to: string, view: string): string => `/api/v1/kpis?from=${FIRST_DAY}&to=${to}&${view}`;

/**
 * What the copies must answer alike: every ledger (附件1–4) as JSON and as the form's CSV as of the demo's last
 * day, and as JSON as of a past report day as then known; that day's screening report of its community; the
 * KPIs over the demo's span, and as of that past day as then known.
 */
const queries = (day: ScreeningReportEvent): string[] => {
  const past = `asOf=${day.reportDate}&knownAt=${day.reportDate}T20:00:00%2B08:00`;
  return [
    ...LEDGERS.flatMap((ledger) => [ledgerPath(ledger, latestView), ledgerPath(ledger, latestView, 'csv'), ledgerPath(ledger, past)]),
    screeningPath(day),
    kpisPath(LAST_DAY, latestView),
    kpisPath(day.reportDate, past),
  ];
};

interface Answer {
  readonly status: number;
  /** `X-Xinfang-Head`: the log position and hash the answer is as of. */
  readonly head: string | null;
  readonly text: string;
}

const answerOf = async (url: string, token: string, query: string): Promise<Answer> => {
  const res = await fetch(`${url}${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, head: res.headers.get('x-xinfang-head'), text: await res.text() };
};

/** Asks every server each query: all answer 200 with the same head and the same bytes. The answers by query. */
const sameAnswers = async (urls: readonly string[], token: string, paths: readonly string[]): Promise<Map<string, Answer>> => {
  const answers = new Map<string, Answer>();
  for (const query of paths) {
    const [first, ...others] = await Promise.all(urls.map((url) => answerOf(url, token, query)));
    expect(first?.status, `${query}: ${first?.text.slice(0, 300)}`).toBe(200);
    for (const other of others) expect(other, query).toEqual(first);
    answers.set(query, first!);
  }
  return answers;
};

/**
 * The answers compared are not empty ones: rows in every ledger, KPIs that count cases, a report with cases
 * submitted; and the personal data is read, not [已删除] (each copy holds the keys of personal data).
 */
const expectFiguresAndNames = (answers: Map<string, Answer>, day: ScreeningReportEvent): void => {
  const json = (query: string): any => JSON.parse(answers.get(query)?.text ?? expect.fail(`not asked: ${query}`));
  const names: string[] = [];
  for (const ledger of LEDGERS) {
    const body = json(ledgerPath(ledger, latestView));
    expect(body.total, ledger).toBeGreaterThan(0);
    for (const row of body.rows as { petitioners?: { name: string }[] }[]) names.push(...(row.petitioners ?? []).map((p) => p.name));
    expect(answers.get(ledgerPath(ledger, latestView, 'csv'))?.text).not.toContain('[已删除]');
  }
  expect(names.length).toBeGreaterThan(30);
  for (const name of names) expect(name).toMatch(/^\p{Script=Han}+$/u);
  expect(json(kpisPath(LAST_DAY, latestView)).volume.total).toBeGreaterThan(30);
  const report = json(screeningPath(day));
  expect(report.submitted).toMatchObject({ nil: false });
};

beforeAll(async () => {
  const demo = await runCli(['demo', '--scale', SCALE, '--store', origin], { timeoutMs: 120_000 });
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

  it('names a bad --batch, and refuses the same store as both ends', async () => {
    const bad = await runCli(['migrate', '--from', origin, '--to', `sqlite:${path('x.db')}`, '--batch', '0']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--batch');
    const same = await runCli(['migrate', '--from', origin, '--to', origin]);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('同一个存储');
  });
});

describe('xinfang migrate through PostgreSQL', () => {
  let server: TestPostgres;
  let database: TestDatabase;
  beforeAll(async () => {
    server = await startTestPostgres();
    database = await createTestDatabase(server.url);
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
    await server?.stop();
  }, 60_000);
  /** A PostgreSQL log in `schema`; its app database goes beside it (schema `<schema>_app`), where serve and verify on it look. */
  const postgresLog = (schema: string): string => `${database.url}?schema=${schema}&local=${encodeURIComponent(path(`${schema}-local`))}`;

  it('copies SQLite → PostgreSQL → SQLite with the app database: the same events and head on all three, each verified with the origin’s key; servers on the three, opened by a token made before the move, answer every ledger, the screening report and the KPIs identically, names readable', async () => {
    const postgres = postgresLog('office_log');
    const back = `sqlite:${path('back.db')}`;
    const made = await runCli(['token', 'create', '--role', 'office', '--name', '迁移前 / before the move', '--store', origin]);
    expect(made.code, made.stderr).toBe(0);
    const token = lastLine(made.stdout);
    const there = await runCli(['migrate', '--from', origin, '--to', postgres, '--batch', '250'], { timeoutMs: 120_000 });
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toContain(`副本校验通过 / the copy verifies: ${events.length} 个事件`);
    expect(there.stdout).not.toContain(database.url.split('@')[0]?.split(':')[2] ?? 'no-password');

    const again = await runCli(['migrate', '--from', postgres, '--to', back], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    // With the app database copied beside it, the PostgreSQL log is verified with the origin's key on the way back too.
    expect(again.stdout).toContain(`副本校验通过 / the copy verifies: ${events.length} 个事件`);
    // Nothing of the app database in the local folder: it is in PostgreSQL.
    expect(existsSync(join(path('office_log-local'), 'xinfang.app.db'))).toBe(false);

    // `verify` passes on each, with the origin's key (each copy's app database holds it: a copy keyed otherwise
    // would not verify), at the same head.
    const head = await headLine(origin);
    expect(await headLine(postgres)).toBe(head);
    expect(await headLine(back)).toBe(head);
    expect(await postgresEvents('office_log')).toEqual(events);
    expect(await allEvents(path('back.db'))).toEqual(events);
    const listed = await runCli(['token', 'list', '--store', back]);
    expect(listed.stdout).toContain('迁移前 / before the move');

    // A server on each, opened by the token made before the move: every query answered alike, as of the same head.
    const servers = await Promise.all([origin, postgres, back].map((store) => startServe(['--store', store])));
    try {
      const day = reportDay();
      const answers = await sameAnswers(
        servers.map((served) => served.url),
        token,
        queries(day),
      );
      for (const answer of answers.values()) expect(answer.head).toBe(head);
      expectFiguresAndNames(answers, day);
    } finally {
      await Promise.all(servers.map((served) => served.stop()));
    }
  }, 300_000);

  it('goes on after an interruption into PostgreSQL where the copy stopped, without duplicates', async () => {
    const from = await originOf(path('origin.db'));
    const partial = await createPostgresEventStore({ connectionString: database.url, schema: 'partial_log', pollIntervalMs: 0, ...(from.storeId === undefined ? {} : { storeId: from.storeId }) });
    try {
      await partial.importRecorded?.(from, events.slice(0, 300));
    } finally {
      await partial.close();
    }
    const target = postgresLog('partial_log');
    const run = await runCli(['migrate', '--from', origin, '--to', target, '--batch', '250'], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`已迁移 / migrated: ${events.length - 300} 个事件 / events (接续位置 300 / resumed after position 300;`);
    expect(await postgresEvents('partial_log')).toEqual(events);
    const again = await runCli(['migrate', '--from', origin, '--to', target], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('已迁移 / migrated: 0 个事件');
    expect(await postgresEvents('partial_log')).toEqual(events);
    expect(await headLine(target)).toBe(await headLine(origin));
  }, 180_000);

  const postgresEvents = async (schema: string): Promise<RecordedEvent[]> => {
    const store = await createPostgresEventStore({ connectionString: database.url, schema, pollIntervalMs: 0 });
    try {
      const read: RecordedEvent[] = [];
      for await (const event of store.readAll()) read.push(event);
      return read;
    } finally {
      await store.close();
    }
  };
});

const originOf = async (file: string): Promise<LogOrigin> => {
  const store = createSqliteEventStore({ path: file, readOnly: true });
  try {
    return { storeId: await store.storeId(), chainMarker: await store.chainMarker() };
  } finally {
    await store.close();
  }
};
