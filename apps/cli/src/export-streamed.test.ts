import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllUpTo, readLogHead } from '@xinfang/event-store';
import { backlogLedger, buildWorld, disputesLedger, dutiesLedger, visitsLedger, type TimeView } from '@xinfang/projections';
import { backlogForm, disputesForm, dutiesForm, toCsv, toXlsx, visitsForm, type Form } from '@xinfang/reports';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLogAndPersonalData } from './stores';
import { existingStore, parseStore } from './store-location';
import { runCli, tempDir } from './test/cli';

/*
 * `xinfang export` streams its form from the log a case at a time; what it writes is what the whole-World
 * export wrote before: the ledger over buildWorld(readAllUpTo(head), view), by toCsv (the same bytes) and
 * toXlsx (the same cells) — for each form, as of a past date, for one community, and on stdout.
 */

const dir = tempDir();
const store = `sqlite:${join(dir.path, 'demo.db')}`;
afterAll(() => dir.remove());

const VIEW: TimeView = { asOf: '2024-10-15T23:59:59.999+08:00', knownAt: '2026-01-01T00:00:00.000+08:00' };
const VIEW_ARGS = ['--as-of', '2024-10-15', '--known-at', '2026-01-01T00:00:00+08:00'];

let community: string;

beforeAll(async () => {
  const demo = await runCli(['demo', '--scale', '0.03', '--store', store], { timeoutMs: 120_000 });
  expect(demo.code, demo.stderr).toBe(0);
  community = await withLogAndPersonalData(existingStore(parseStore(store)), async (log) => {
    const world = await buildWorld(log.readAll());
    const [first] = [...world.community.values()].flatMap((c) => (c.status === 'registered' ? [c.communityId] : []));
    return first ?? expect.fail('the demo registers communities');
  });
}, 180_000);

/** What the export wrote before it was streamed: the form's rows from the whole World up to the head. */
const wholeWorldRows = async (form: '1' | '2' | '3' | '4', communityId?: string): Promise<{ rows: readonly unknown[]; head: string }> =>
  withLogAndPersonalData(existingStore(parseStore(store)), async (log, personal) => {
    const head = await readLogHead(log);
    const world = await buildWorld(readAllUpTo(log, head.position), VIEW);
    const filter = communityId === undefined ? {} : { communityId };
    const rows = {
      '1': () => disputesLedger(world, VIEW, filter, personal).rows,
      '2': () => backlogLedger(world, VIEW, filter, personal).rows,
      '3': () => visitsLedger(world, VIEW, filter, personal).rows,
      '4': () => dutiesLedger(world, VIEW, communityId === undefined ? {} : { unit: communityId }).rows,
    }[form]();
    return { rows, head: `${head.position}:${head.hash}` };
  });

const FORMS: Record<'1' | '2' | '3' | '4', Form<unknown>> = { '1': disputesForm, '2': backlogForm, '3': visitsForm, '4': dutiesForm } as never;

/** Every cell's value of a sheet, the subtitle's generation time left out (it is the time of the run). */
const cells = (workbook: ExcelJS.Workbook): unknown[] =>
  (workbook.worksheets[0]?.getSheetValues() ?? []).map((row) =>
    Array.isArray(row) ? row.map((value) => (typeof value === 'string' ? value.replace(/生成时间：.*$/, '') : value)) : row,
  );

const readXlsx = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
};

describe('xinfang export, streamed', () => {
  it.each(['1', '2', '3', '4'] as const)('附件%s: the same CSV bytes and XLSX cells as from the whole World, and the head it was made from', async (form) => {
    const expected = await wholeWorldRows(form);
    expect(expected.rows.length).toBeGreaterThan(0);
    const csvPath = join(dir.path, `f${form}.csv`);
    const xlsxPath = join(dir.path, `f${form}.xlsx`);
    const [csv, xlsx] = await Promise.all([
      runCli(['export', '--form', form, '--format', 'csv', ...VIEW_ARGS, '--out', csvPath, '--store', store]),
      runCli(['export', '--form', form, '--format', 'xlsx', ...VIEW_ARGS, '--out', xlsxPath, '--store', store]),
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(csv.stderr).toContain(`log head: ${expected.head}`);
    expect(csv.stdout).toContain(`：${expected.rows.length} 行 rows`);
    expect(readFileSync(csvPath).equals(Buffer.from(toCsv(FORMS[form], expected.rows), 'utf8'))).toBe(true);
    const before = await toXlsx(FORMS[form], expected.rows, { asOf: VIEW.asOf, knownAt: VIEW.knownAt, generatedAt: new Date().toISOString() });
    expect(cells(await readXlsx(readFileSync(xlsxPath)))).toEqual(cells(await readXlsx(before)));
  });

  it('for one community, and on stdout, the same bytes too', async () => {
    for (const form of ['1', '3'] as const) {
      const expected = await wholeWorldRows(form, community);
      const run = await runCli(['export', '--form', form, '--format', 'csv', ...VIEW_ARGS, '--community', community, '--out', '-', '--store', store]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(toCsv(FORMS[form], expected.rows));
      expect(run.stderr).toContain(`log head: ${expected.head}`);
    }
  });
});
