import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Instant } from '@xinfang/domain';
import { excelDate, formatDate, formatDateTime, shanghaiWallTime, yesNo, type DayOrInstant } from './format';
import { cellText, formTitle, type Column, type Form } from './forms';
import { rowHeightFor, wrappedLines } from './text-lines';

/*
 * A form as an XLSX sheet, ready to print: the form's title on top, an optional line saying whose and as
 * of when, the bold header row (frozen, with a filter, repeated on every printed page), then the rows —
 * dates as real Excel dates, text wrapped, thin borders — on A4 landscape, one page wide. Every row is as
 * tall as its longest wrapped cell (text-lines.ts): LibreOffice and WPS do not grow a row by themselves.
 */

/** The `Content-Type` of an XLSX file. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the line under the title says; each part only when given. */
export interface XlsxOptions {
  /** 截至: the ledger's as-of (a date, or an instant shown as its Shanghai day). */
  readonly asOf?: DayOrInstant;
  /** 录入截至: the ledger's known-at, when it matters (an instant, shown to the minute). */
  readonly knownAt?: Instant;
  /** 生成时间: when the file was made (shown to the minute; also the workbook's created date). */
  readonly generatedAt?: Instant;
  /** 填报单位: the community (or the subdistrict) the ledger is for. */
  readonly communityName?: string;
}

/** One form and its rows, for `toWorkbook`. */
export interface FormSheet<Row> {
  readonly form: Form<Row>;
  readonly rows: readonly Row[];
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const TITLE_FONT_SIZE = 16;
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

type CellValue = string | number | Date | null;

/**
 * The value of one cell as Excel holds it: dates as `Date` in Shanghai wall time, 是/否 as text, an empty
 * text (an empty list, say) as an empty cell.
 */
export const xlsxCell = <Row>(column: Column<Row>, row: Row): CellValue => {
  switch (column.kind) {
    case 'text': {
      const value = column.value(row);
      return value === '' ? null : value;
    }
    case 'date': {
      const value = column.value(row);
      return value === null ? null : excelDate(value);
    }
    case 'dateTime': {
      const value = column.value(row);
      return value === null ? null : shanghaiWallTime(value);
    }
    case 'number':
      return column.value(row);
    case 'boolean': {
      const value = column.value(row);
      return value === null ? null : yesNo(value);
    }
  }
};

const numFmtOf = (kind: Column<unknown>['kind']): string | undefined =>
  kind === 'date' ? DATE_FORMAT : kind === 'dateTime' ? DATE_TIME_FORMAT : undefined;

/** `填报单位：… 截至：… 录入截至：… 生成时间：…`, or undefined when nothing was given. */
export const subtitle = (options: XlsxOptions): string | undefined => {
  const parts = [
    options.communityName === undefined ? undefined : `填报单位：${options.communityName}`,
    options.asOf === undefined ? undefined : `截至：${formatDate(options.asOf)}`,
    options.knownAt === undefined ? undefined : `录入截至：${formatDateTime(options.knownAt)}`,
    options.generatedAt === undefined ? undefined : `生成时间：${formatDateTime(options.generatedAt)}`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join('    ');
};

/**
 * Adds the form as a sheet named after its number (`附件1`): the title, the subtitle and the header row;
 * returns the sheet and the number of its header row (the rows follow it, see `addRow`).
 */
const addFormSheet = <Row>(workbook: ExcelJS.Workbook, form: Form<Row>, options: XlsxOptions): { sheet: ExcelJS.Worksheet; headerRow: number } => {
  const width = form.columns.length;
  const lines = subtitle(options);
  const headerRow = lines === undefined ? 2 : 3;
  const sheet = workbook.addWorksheet(form.number, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
  });
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  form.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column.width;
  });

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = formTitle(form);
  title.font = { bold: true, size: TITLE_FONT_SIZE };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;

  if (lines !== undefined) {
    sheet.mergeCells(2, 1, 2, width);
    const cell = sheet.getCell(2, 1);
    cell.value = lines;
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
  }

  const header = sheet.getRow(headerRow);
  header.height = rowHeightFor(Math.max(...form.columns.map((column) => wrappedLines(column.header, column.width))));
  form.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: width } };
  return { sheet, headerRow };
};

/** Writes one ledger row as the sheet's row `line`; returns it (a streamed sheet commits it). */
const addRow = <Row>(sheet: ExcelJS.Worksheet, form: Form<Row>, line: number, row: Row): ExcelJS.Row => {
  const cells = sheet.getRow(line);
  form.columns.forEach((column, i) => {
    const cell = cells.getCell(i + 1);
    cell.value = xlsxCell(column, row);
    cell.border = BORDER;
    const numFmt = numFmtOf(column.kind);
    if (numFmt !== undefined) cell.numFmt = numFmt;
    cell.alignment =
      column.kind === 'text'
        ? { horizontal: 'left', vertical: 'top', wrapText: true }
        : { horizontal: 'center', vertical: 'top' };
  });
  // Only text wraps: a date, a number or 是/否 is one line.
  cells.height = rowHeightFor(
    Math.max(1, ...form.columns.map((column) => (column.kind === 'text' ? wrappedLines(cellText(column, row), column.width) : 1))),
  );
  return cells;
};

const addFormSheetWithRows = <Row>(workbook: ExcelJS.Workbook, form: Form<Row>, rows: readonly Row[], options: XlsxOptions): void => {
  const { sheet, headerRow } = addFormSheet(workbook, form, options);
  rows.forEach((row, r) => addRow(sheet, form, headerRow + 1 + r, row));
};

const describeWorkbook = (workbook: ExcelJS.Workbook, options: XlsxOptions): void => {
  workbook.creator = 'xinfang';
  if (options.generatedAt !== undefined) {
    workbook.created = new Date(options.generatedAt);
    workbook.modified = workbook.created;
  }
};

const newWorkbook = (options: XlsxOptions): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook();
  describeWorkbook(workbook, options);
  return workbook;
};

/** exceljs types its result as an ArrayBuffer; on Node it is a Buffer, which `Buffer.from` copies. */
const write = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** The form as an XLSX file of one sheet. */
export const toXlsx = async <Row>(form: Form<Row>, rows: readonly Row[], options: XlsxOptions = {}): Promise<Buffer> => {
  const workbook = newWorkbook(options);
  addFormSheetWithRows(workbook, form, rows, options);
  return write(workbook);
};

/**
 * Several forms in one XLSX file, one sheet each, in the order given, with the same title line options.
 * Each form's number must be different (it names the sheet).
 */
export const toWorkbook = async <Rows extends readonly unknown[] | []>(
  sheets: { readonly [K in keyof Rows]: FormSheet<Rows[K]> },
  options: XlsxOptions = {},
): Promise<Buffer> => {
  const workbook = newWorkbook(options);
  for (const { form, rows } of sheets as readonly FormSheet<unknown>[]) addFormSheetWithRows(workbook, form, rows, options);
  return write(workbook);
};

/** How many rows `writeXlsx` commits before it lets the event loop turn. */
const ROWS_BETWEEN_TURNS = 64;

/**
 * exceljs 4.4.0's streamed sheet leaves out `<printOptions>` (where `horizontalCentered` of the page setup goes),
 * which the whole-file writer puts right before the page margins: put it there, from the same page setup.
 */
const writePrintOptions = (sheet: ExcelJS.Worksheet): void => {
  const writer = sheet as unknown as { _writePageMargins: () => void; stream: { write: (xml: string) => void } };
  const { horizontalCentered, verticalCentered, showGridLines, showRowColHeaders } = sheet.pageSetup;
  const attributes = [
    showRowColHeaders === true ? ' headings="1"' : '',
    showGridLines === true ? ' gridLines="1"' : '',
    horizontalCentered === true ? ' horizontalCentered="1"' : '',
    verticalCentered === true ? ' verticalCentered="1"' : '',
  ].join('');
  if (attributes === '') return;
  const writeMargins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    writer.stream.write(`<printOptions${attributes}/>`);
    writeMargins();
  };
};

/**
 * The same sheet as `toXlsx` (the same cells, styles and layout), written to `output` as the rows come: each
 * row is committed (written out and let go) once it is added, so a form of any length takes little memory.
 * Resolves with the number of rows once the file is complete.
 */
export const writeXlsx = async <Row>(
  form: Form<Row>,
  rows: AsyncIterable<Row> | Iterable<Row>,
  output: Writable,
  options: XlsxOptions = {},
): Promise<number> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  describeWorkbook(workbook, options);
  const { sheet, headerRow } = addFormSheet(workbook, form, options);
  writePrintOptions(sheet);
  let count = 0;
  for await (const row of rows) {
    addRow(sheet, form, headerRow + 1 + count, row).commit();
    count += 1;
    // Rows may come without the event loop ever turning (a synchronous store): let the zip compress and write
    // what was committed, and wait while the output is full, so that the file is never held in memory.
    if (count % ROWS_BETWEEN_TURNS === 0) await new Promise((resolve) => setImmediate(resolve));
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
  return count;
};
