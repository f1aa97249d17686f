import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { backlogForm, disputesForm, dutiesForm, visitsForm, type Form } from './forms';
import { LINE_HEIGHT_PT, wrappedLines } from './text-lines';
import { toXlsx, writeXlsx } from './xlsx';
import { backlogRows, disputesRows, dutiesRows, visitsRows } from './test/rows';

/*
 * Every exported row is tall enough for its longest wrapped cell — read back from the file itself: each
 * wrapping cell's text and its column's width as stored, against the row's stored height. (LibreOffice and
 * WPS print a row at its stored height; before, none was stored and every row printed one line high.)
 */

const LONG = '村民反映相邻楼栋施工导致自家墙体开裂、漏水，多次协商未果，要求施工方赔偿维修费用并出具书面整改方案。';

const longer = <Row extends object>(rows: readonly Row[], patch: Partial<Row>): Row[] => [...rows, { ...(rows[0] as Row), ...patch }];

const cases = [
  ['附件1', disputesForm, longer(disputesRows, { summary: LONG, demands: `${LONG}\n${LONG}` })],
  ['附件2', backlogForm, longer(backlogRows, { summary: LONG })],
  ['附件3', visitsForm, longer(visitsRows, { matter: LONG })],
  ['附件4', dutiesForm, longer(dutiesRows, { position: '街道党工委副书记、办事处主任', portfolio: '全面负责街道行政工作，分管信访维稳、综治、应急管理' })],
] as const;

const read = async (bytes: Buffer): Promise<ExcelJS.Worksheet> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
};

const streamed = async (form: Form<unknown>, rows: readonly unknown[]): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(form, rows, output, { asOf: '2024-09-25', communityName: '青华社区' });
  return Buffer.concat(chunks);
};

/** Each row from the header on: its stored height and the lines of its longest wrapping cell. */
const heights = (sheet: ExcelJS.Worksheet, headerRow: number) => {
  const found: { row: number; height: number; lines: number }[] = [];
  for (let r = headerRow; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    let lines = 1;
    row.eachCell((cell, c) => {
      if (cell.alignment?.wrapText === true) lines = Math.max(lines, wrappedLines(cell.text, sheet.getColumn(c).width ?? 8.43));
    });
    found.push({ row: r, height: row.height, lines });
  }
  return found;
};

describe('XLSX row heights', () => {
  it.each(cases)('%s: every row, the header too, is tall enough for its longest wrapped cell (whole file and streamed)', async (_name, form, rows) => {
    const anyForm = form as Form<unknown>;
    for (const bytes of [await toXlsx(anyForm, rows, { asOf: '2024-09-25', communityName: '青华社区' }), await streamed(anyForm, rows)]) {
      const sheet = await read(bytes);
      const found = heights(sheet, 3);
      expect(found).toHaveLength(1 + rows.length);
      for (const { row, height, lines } of found) expect({ row, tallEnough: height >= lines * LINE_HEIGHT_PT }).toEqual({ row, tallEnough: true });
      // The long text does wrap: its row is several lines high.
      expect(found.at(-1)!.lines).toBeGreaterThan(2);
    }
  });
});
