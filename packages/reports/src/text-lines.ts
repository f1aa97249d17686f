/*
 * How many lines a wrapped cell takes, for rows tall enough for their text: LibreOffice and WPS print a
 * row at the height stored in the file, and exceljs stores none, so every wrapped cell was cut to one line.
 * Widths are in Excel's unit (the width of `0` in the default font); a full-width character — Chinese, a
 * full-width comma or bracket — takes two.
 */

/** East Asian wide and full-width characters (Unicode's W and F), which take two units. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** The width of a line of text in Excel's unit. */
export const displayWidth = (text: string): number => {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
};

/** A cell's padding takes about one unit of its column's width. */
const usableWidth = (columnWidth: number): number => Math.max(1, columnWidth - 1);

/**
 * The lines a text takes wrapped in a column `columnWidth` wide: each of its own lines, broken where it
 * overflows (Chinese breaks between any two characters; a Latin word may break a little later, so this
 * errs on the tall side only by rounding up). An empty text is one line.
 */
export const wrappedLines = (text: string, columnWidth: number): number =>
  text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usableWidth(columnWidth))), 0);

/** Points per line of 11-point text (Excel's default row height; Noto Sans CJK and SimSun fit in it). */
export const LINE_HEIGHT_PT = 15;
/** Points above and below the text of a cell. */
export const ROW_PADDING_PT = 3;

/** The height in points of a row whose tallest cell takes `lines` lines. */
export const rowHeightFor = (lines: number): number => Math.max(1, lines) * LINE_HEIGHT_PT + ROW_PADDING_PT;
