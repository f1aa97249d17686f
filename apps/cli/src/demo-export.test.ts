import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, runCli, startServe, tempDir } from './test/cli';

/*
 * `xinfang demo` into a store a server is using at the same time, then the ledgers through the server and
 * through `xinfang export`.
 */

const dir = tempDir();
const store = `sqlite:${join(dir.path, 'demo.db')}`;
afterAll(() => dir.remove());

const SCALE = '0.03';
let demo: Awaited<ReturnType<typeof runCli>>;
let disputesTotal: number;
let health: number;
/** The campaign window's figures as the server gives them (the campaign of the demo: 15 Sep – 15 Oct 2024). */
const CAMPAIGN = 'from=2024-09-15&to=2024-10-15&asOf=2024-10-15';
let campaignKpis: { volume: { total: number } };
let campaignScores: { name: string; score: number }[];

beforeAll(async () => {
  const served = await startServe(['--store', store]);
  try {
    const token = /\?token=(xf_\S+)/.exec(served.stdout())?.[1];
    demo = await runCli(['demo', '--scale', SCALE, '--store', store], { timeoutMs: 120_000 });
    health = (await call(served.url, 'GET', '/health', undefined)).status;
    // The server's own read models follow the log the CLI appended to.
    const ledger = await call(served.url, 'GET', '/api/v1/ledgers/disputes?limit=1', token);
    expect(ledger.status).toBe(200);
    disputesTotal = ledger.body.total;
    campaignKpis = (await call(served.url, 'GET', `/api/v1/kpis?${CAMPAIGN}`, token)).body;
    campaignScores = (await call(served.url, 'GET', `/api/v1/assessment?${CAMPAIGN}`, token)).body.rows;
  } finally {
    expect((await served.stop()).code).toBe(0);
  }
}, 180_000);

describe('xinfang demo', () => {
  it('replays the campaign through the API while a server uses the same store, and summarises it', () => {
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain(`demo campaign loaded (seed 2024, scale ${Number(SCALE)})`);
    expect(demo.stdout).toMatch(/POST \/cases\/\{id\}\/assignment/);
    const events = /事件 events：0 → (\d+)/.exec(demo.stdout)?.[1];
    expect(Number(events)).toBeGreaterThan(300);
    expect(health).toBe(200);
    expect(disputesTotal).toBeGreaterThan(30);
  });

  it('revokes its temporary token, and refuses a store that already holds events', async () => {
    const [list, again] = await Promise.all([
      runCli(['token', 'list', '--store', store]),
      runCli(['demo', '--scale', SCALE, '--store', store]),
    ]);
    // The server's first-start token is active; the demo's is revoked.
    expect(list.stdout).toMatch(/demo \(temporary\).*\d\d:\d\d\s*$/m);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ events/);
  });
});

describe('xinfang export', () => {
  it('writes 附件1 as CSV with a row per case, as the API counts them', async () => {
    const out = join(dir.path, 'disputes.csv');
    const run = await runCli(['export', '--form', '1', '--format', 'csv', '--out', out, '--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`附件1 矛盾纠纷排查化解清单：${disputesTotal} 行 rows`);
    // The log's head, noted beside the file: verify --expect with it passes.
    const head = /日志末尾 log head: (\d+:[0-9a-f]{64})/.exec(run.stderr)?.[1] ?? expect.fail(run.stderr);
    const anchored = await runCli(['verify', '--expect', head, '--store', store]);
    expect(anchored.code, anchored.stdout).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFF序号,社区,网格,排查日期')).toBe(true);
    expect(csv.split('\r\n').filter((line) => /^\d+,/.test(line)).length).toBeGreaterThanOrEqual(disputesTotal);
  });

  it('writes 附件2 as XLSX that exceljs reads, named by the form and the date by default', async () => {
    const run = await runCli(['export', '--form', '2', '--format', 'xlsx', '--as-of', '2024-10-15', '--store', store], { cwd: dir.path });
    expect(run.code, run.stderr).toBe(0);
    const rows = Number(/：(\d+) 行 rows/.exec(run.stdout)?.[1]);
    expect(rows).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir.path, '附件2-2024-10-15.xlsx'));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('附件2');
    const text = (sheet?.getSheetValues() ?? []).flat().map(String).join(' ');
    expect(text).toContain('信访积案和突出问题化解清单');
    expect(text).toContain('截至：2024-10-15');
  });

  it('refuses what it cannot do with one line', async () => {
    const [form, community, asOf] = await Promise.all([
      runCli(['export', '--form', '5', '--format', 'csv', '--store', store]),
      runCli(['export', '--form', '1', '--format', 'csv', '--community', 'nowhere', '--store', store]),
      runCli(['export', '--form', '1', '--format', 'csv', '--as-of', 'yesterday', '--store', store]),
    ]);
    expect(form.code).toBe(1);
    expect(form.stderr).toMatch(/--form/);
    expect(community.code).toBe(1);
    expect(community.stderr).toMatch(/no community "nowhere"/);
    expect(asOf.code).toBe(1);
    expect(asOf.stderr).toMatch(/--as-of expects a date/);
  });

  it('refuses an option the form does not take, or any command does not know, and writes nothing', async () => {
    const out = join(dir.path, 'not-written.csv');
    const [period, unknown] = await Promise.all([
      runCli(['export', '--form', '2', '--format', 'csv', '--from', '2024-10-01', '--out', out, '--store', store]),
      runCli(['export', '--form', '1', '--format', 'csv', '--since', '2024-10-01', '--out', out, '--store', store]),
    ]);
    expect(period.code).toBe(1);
    expect(period.stderr).toMatch(/附件2 不按起止日期导出.*--from and --to do not apply/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown option '--since'/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('xinfang rebuild', () => {
  it('rebuilds every read model from the log, or one', async () => {
    const [all, one, unknown] = await Promise.all([
      runCli(['rebuild', '--store', store]),
      runCli(['rebuild', '--projection', 'personIndex', '--store', `sqlite:${join(dir.path, 'demo-copy.db')}`]),
      runCli(['rebuild', '--projection', 'nope', '--store', store]),
    ]);
    expect(all.code, all.stderr).toBe(0);
    const rebuilt = [...all.stdout.matchAll(/rebuilt (\w+): 至位置 up to position (\d+)/g)];
    expect(rebuilt.map((m) => m[1])).toEqual(['aggregates', 'dutyIndex', 'personIndex', 'streamBounds', 'streamHeads', 'logBounds']);
    expect(new Set(rebuilt.map((m) => m[2])).size).toBe(1);
    expect(Number(rebuilt[0]?.[2])).toBeGreaterThan(300);
    // No store there: nothing is created.
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/no store at/);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/nope/);
  });
});

describe('xinfang report campaign', () => {
  it('writes the campaign summary as a Word document LibreOffice opens, with the figures of /kpis and /assessment', async () => {
    const out = join(dir.path, 'summary.docx');
    const run = await runCli(['report', 'campaign', '--from', '2024-09-15', '--to', '2024-10-15', '--as-of', '2024-10-15', '--out', out, '--store', store], {
      timeoutMs: 120_000,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/log head: \d+:[0-9a-f]{64}/);
    expect(run.stdout).toContain('信访工作总结（2024-09-15 至 2024-10-15）');
    await promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir.path}/profile`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir.path, out], {
      timeout: 120_000,
    });
    const text = readFileSync(join(dir.path, 'summary.txt'), 'utf8');
    expect(text).toContain(`本期共登记信访事项 ${campaignKpis.volume.total} 件`);
    expect(campaignScores.length).toBeGreaterThan(1);
    for (const row of campaignScores) expect(text).toContain(row.name);
    for (const row of campaignScores) expect(text).toContain(row.score.toFixed(1));
  }, 240_000);

  it('refuses a window that is not two dates in order, writing nothing', async () => {
    const bad = await runCli(['report', 'campaign', '--from', '2024-10-15', '--to', '2024-09-15', '--out', join(dir.path, 'none.docx'), '--store', store]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from is after --to');
    expect(existsSync(join(dir.path, 'none.docx'))).toBe(false);
  });

  it('prints a written notice of a resolved case as a Word document, recorded on the case; prints it again by its number', async () => {
    const db = new Database(join(dir.path, 'demo.db'), { readonly: true });
    const resolved = db.prepare<[], { stream_id: string; data: string }>("SELECT stream_id, data FROM events WHERE type = 'CaseResolved' ORDER BY position LIMIT 1").get();
    db.close();
    const caseId = resolved!.stream_id.replace(/^case-/, '');
    const summary = JSON.parse(resolved!.data).summary as string;
    const out = join(dir.path, 'opinion.docx');
    const run = await runCli(['notice', caseId, '--kind', 'opinion', '--at', '2024-10-20', '--by', '信访办 王老师', '--out', out, '--store', store], { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`信访事项处理意见书 ${caseId}-1`);
    await promisify(execFile)('soffice', [`-env:UserInstallation=file://${dir.path}/profile`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir.path, out], {
      timeout: 120_000,
    });
    const text = readFileSync(join(dir.path, 'opinion.txt'), 'utf8');
    for (const figure of ['信访事项处理意见书', `编号：${caseId}-1`, summary, '2024年10月20日', '30日内']) expect(text).toContain(figure);
    const recorded = new Database(join(dir.path, 'demo.db'), { readonly: true })
      .prepare<[string], { data: string }>("SELECT data FROM events WHERE stream_id = ? AND type = 'PetitionerNotified' ORDER BY position DESC LIMIT 1")
      .get(`case-${caseId}`);
    expect(JSON.parse(recorded!.data).notice).toEqual({ kind: 'opinion', number: 1, templateVersion: 0, issuedBy: '信访办 王老师' });
    const again = await runCli(['notice', caseId, '--number', '1', '--out', join(dir.path, 'again.docx'), '--store', store]);
    expect(again.code, again.stderr).toBe(0);
    const refused = await runCli(['notice', caseId, '--kind', 'apology', '--store', store]);
    expect(refused.stderr).toContain('--kind expects one of acceptance');
  }, 240_000);
});
