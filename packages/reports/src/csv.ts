import { cellText, formHeaders, type Column, type Form } from './forms';

/*
 * A form as CSV: UTF-8 with a byte-order mark (so Excel and WPS read the Chinese right), CRLF after every
 * record, RFC 4180 quoting, the Chinese headers first.
 */

/** The `Content-Type` of `toCsv`'s output. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text a spreadsheet would take for a formula (CSV injection, OWASP): it starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return. Petitioners' words reach these columns, so such a cell is written with a
 * leading `'`, which spreadsheets show as text. Only free text is guarded: dates, numbers and 是/否 are ours.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field, quoted when it holds a quote, a comma or a line break (RFC 4180); quotes are doubled. */
export const csvField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The text of one cell in CSV: its display text, with free text guarded against formulas. */
export const csvCell = <Row>(column: Column<Row>, row: Row): string => {
  const text = cellText(column, row);
  return column.kind === 'text' && FORMULA_START.test(text) ? `'${text}` : text;
};

const record = (fields: readonly string[]): string => fields.map(csvField).join(',') + CRLF;

/** What a CSV file begins with: the BOM and the header record. */
export const csvHead = <Row>(form: Form<Row>): string => BOM + record(formHeaders(form));

/** One row as a CSV record. */
export const csvRecord = <Row>(form: Form<Row>, row: Row): string => record(form.columns.map((column) => csvCell(column, row)));

/** The form as CSV: BOM, header record, one record per row. */
export const toCsv = <Row>(form: Form<Row>, rows: readonly Row[]): string => csvHead(form) + rows.map((row) => csvRecord(form, row)).join('');

/**
 * The same text as `toCsv`, in pieces as the rows come (the head, then a piece per row or so): for writing a
 * form of any length to a stream without holding it. Pieces are joined up to about `chunk` characters.
 */
export async function* csvChunks<Row>(form: Form<Row>, rows: AsyncIterable<Row> | Iterable<Row>, chunk = 64 * 1024): AsyncGenerator<string> {
  let text = csvHead(form);
  for await (const row of rows) {
    text += csvRecord(form, row);
    if (text.length >= chunk) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}
