import { cellText, type Column } from '@xinfang/reports';
import { localDay } from './local-time';

/*
 * A ledger page sorted by one of its columns (`sort=化解时限`, or `-化解时限` for descending). The official
 * order (the form's 序号) is the default; a sorted page keeps each row's 序号, so a row is still the
 * form's row. Empty cells go last either way.
 */

export interface SortOrder {
  readonly header: string;
  readonly descending: boolean;
}

/** Reads `sort`: a column header of the form, `-` before it for descending; anything else is the official order. */
export const sortOrderOf = <Row,>(text: string | undefined, columns: readonly Column<Row>[]): SortOrder | undefined => {
  if (text === undefined || text === '') return undefined;
  const descending = text.startsWith('-');
  const header = descending ? text.slice(1) : text;
  return columns.some((column) => column.header === header) ? { header, descending } : undefined;
};

export const sortParam = (order: SortOrder): string => `${order.descending ? '-' : ''}${order.header}`;

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** What a cell is sorted by: a number, a date by its Shanghai day, a time by its instant, text as read; null when empty. */
const sortKey = <Row>(column: Column<Row>, row: Row): string | number | null => {
  switch (column.kind) {
    case 'number': {
      return column.value(row);
    }
    case 'date': {
      const value = column.value(row);
      return value === null ? null : localDay(value);
    }
    case 'dateTime': {
      const value = column.value(row);
      return value === null ? null : Date.parse(value);
    }
    default: {
      const text = cellText(column, row);
      return text === '' ? null : text;
    }
  }
};

/** The rows in the order asked (a new array; a stable sort, so equal cells keep the official order). */
export const sortRows = <Row>(rows: readonly Row[], columns: readonly Column<Row>[], order: SortOrder | undefined): Row[] => {
  const column = order === undefined ? undefined : columns.find((c) => c.header === order.header);
  if (column === undefined || order === undefined) return [...rows];
  const sign = order.descending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: sortKey(column, row) }));
  keyed.sort((a, b) => {
    if (a.key === null) return b.key === null ? 0 : 1;
    if (b.key === null) return -1;
    if (typeof a.key === 'number' && typeof b.key === 'number') return sign * (a.key - b.key);
    return sign * collator.compare(String(a.key), String(b.key));
  });
  return keyed.map((k) => k.row);
};
