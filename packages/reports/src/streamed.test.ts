import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { backlogForm, csvChunks, disputesForm, dutiesForm, toCsv, toXlsx, visitsForm, writeXlsx, type Form } from './index';
import { backlogRows, disputesRows, dutiesRows, visitsRows } from './test/rows';

/*
 * The streamed writers give what the whole-file writers give — the same CSV text, the same XLSX cells, styles
 * and layout — and write each row out before the next one is asked for.
 */

const read = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
};

/** Everything a reader of the file sees of a sheet: each cell's value and style, the layout, the print setup. */
const described = (workbook: ExcelJS.Workbook, { withCreated = true } = {}) =>
  workbook.worksheets.map((sheet) => {
    const cells: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      cells.push({ r, height: row.height });
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells.push({ r, c, value: cell.value, type: cell.type, style: cell.style, merged: cell.isMerged, master: cell.master.address });
      });
    });
    return {
      name: sheet.name,
      cells,
      rowCount: sheet.rowCount,
      widths: sheet.columns.map((column) => column.width),
      views: sheet.views,
      autoFilter: sheet.autoFilter,
      pageSetup: sheet.pageSetup,
      headerFooter: sheet.headerFooter,
      merges: (sheet.model as { merges?: unknown }).merges,
      creator: workbook.creator,
      // Without a generatedAt the created date is the moment of writing, which two writers need not share.
      created: withCreated ? workbook.created : undefined,
    };
  });

const options = { asOf: '2024-10-01T23:59:59.999+08:00', knownAt: '2024-10-05T10:00:00+08:00', generatedAt: '2024-10-05T02:07:00Z', communityName: '东湖社区' } as const;

const streamed = async <Row>(form: Form<Row>, rows: readonly Row[], xlsxOptions = {}): Promise<{ bytes: Buffer; count: number }> => {
  const chunks: Buffer[] = [];
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await writeXlsx(form, rows, output, xlsxOptions);
  return { bytes: Buffer.concat(chunks), count };
};

const cases = [
  ['附件1', disputesForm, disputesRows],
  ['附件2', backlogForm, backlogRows],
  ['附件3', visitsForm, visitsRows],
  ['附件4', dutiesForm, dutiesRows],
] as const;

describe('writeXlsx', () => {
  it.each(cases)('%s: the same cells, styles, layout and print setup as toXlsx, with and without the subtitle, and empty', async (_name, form, rows) => {
    const anyForm = form as Form<unknown>;
    for (const [xlsxOptions, list] of [[options, rows], [{}, rows], [options, []]] as const) {
      const { bytes, count } = await streamed(anyForm, list, xlsxOptions);
      expect(count).toBe(list.length);
      const whole = await read(await toXlsx(anyForm, list, xlsxOptions));
      const withCreated = 'generatedAt' in xlsxOptions;
      const written = await read(bytes);
      expect(described(written, { withCreated })).toEqual(described(whole, { withCreated }));
      if (!withCreated) expect(Math.abs(written.created.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('writes each row out before it asks for the next one (a form of any length is never held)', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({ ...disputesRows[0], seq: i + 1 })) as typeof disputesRows;
    let written = 0;
    const writtenWhenAsked: number[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done();
      },
    });
    // Rows made without the event loop turning, as a synchronous store gives them: the writer lets it turn.
    async function* rows() {
      for (const [i, row] of many.entries()) {
        writtenWhenAsked[i] = written;
        yield row;
      }
    }
    expect(await writeXlsx(disputesForm, rows(), output)).toBe(3_000);
    // Long before the last row was produced, the file was being written.
    expect(writtenWhenAsked[2_999]).toBeGreaterThan(written / 2);
    expect(writtenWhenAsked[1_000]).toBeGreaterThan(0);
  });
});

describe('csvChunks', () => {
  it.each(cases)('%s: the same text as toCsv, whatever the chunk size', async (_name, form, rows) => {
    const anyForm = form as Form<unknown>;
    for (const chunk of [1, 100, 65_536]) {
      let text = '';
      for await (const piece of csvChunks(anyForm, rows, chunk)) text += piece;
      expect(text).toBe(toCsv(anyForm, rows));
    }
    let empty = '';
    for await (const piece of csvChunks(anyForm, [])) empty += piece;
    expect(empty).toBe(toCsv(anyForm, []));
  });

  it('gives its first piece before the last row is produced', async () => {
    const produced: number[] = [];
    async function* rows() {
      for (const [i, row] of disputesRows.entries()) {
        produced.push(i);
        yield row;
      }
    }
    const seenAtFirstPiece: number[] = [];
    for await (const _piece of csvChunks(disputesForm, rows(), 1)) if (seenAtFirstPiece.length === 0) seenAtFirstPiece.push(produced.length);
    expect(disputesRows.length).toBeGreaterThan(1);
    expect(seenAtFirstPiece[0]).toBeLessThan(disputesRows.length);
  });
});
