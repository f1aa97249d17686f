import { backlogReasonLabels, categoryLabels, riskFlagLabels, type Instant } from '@xinfang/domain';
import {
  caseLedgerStatusLabels,
  type BacklogRow,
  type DisputesRow,
  type DutiesRow,
  type Numbered,
  type PetitionerView,
  type VisitsRow,
} from '@xinfang/projections';
import { formatDate, formatDateTime, joinList, yesNo, type DayOrInstant } from './format';

/*
 * The four official forms of REPORTS.md ("The four forms"), each declared once: its number, its title and
 * its columns in the binding order, each with its Chinese header, a width, a kind and how to read the
 * cell from a ledger row. The CSV and XLSX writers only read these definitions; the layout lives here and
 * nowhere else. A column yields a typed value (a date as a date, a count as a number); how a kind is
 * written is the writer's business.
 */

/** What a column holds, and so how a writer shows it. */
export type ColumnKind = 'text' | 'date' | 'dateTime' | 'number' | 'boolean';

interface ColumnOf<Kind extends ColumnKind, Row, Value> {
  /** The Chinese header, as on the official form. */
  readonly header: string;
  /** The column's width in characters (Excel's unit; a Chinese character is about 2). */
  readonly width: number;
  readonly kind: Kind;
  /** The cell of a row; null is an empty cell. */
  readonly value: (row: Row) => Value | null;
}

/** One column of a form. A `date` column takes a plain date or an instant (shown as its Shanghai day). */
export type Column<Row> =
  | ColumnOf<'text', Row, string>
  | ColumnOf<'date', Row, DayOrInstant>
  | ColumnOf<'dateTime', Row, Instant>
  | ColumnOf<'number', Row, number>
  | ColumnOf<'boolean', Row, boolean>;

/** An official form: `附件1` and its title, and its columns in order. */
export interface Form<Row> {
  /** The form's number, e.g. `附件1`; also the XLSX sheet's name. */
  readonly number: string;
  /** The title without the number, e.g. `矛盾纠纷排查化解清单`. */
  readonly title: string;
  readonly columns: readonly Column<Row>[];
}

/** `附件1 矛盾纠纷排查化解清单`. */
export const formTitle = (form: Form<never>): string => `${form.number} ${form.title}`;

/** The Chinese headers, in order. */
export const formHeaders = (form: Form<never>): string[] => form.columns.map((column) => column.header);

/** The text a person reads in a cell (CSV, a web page): dates as YYYY-MM-DD, times to the minute, 是/否. */
export const cellText = <Row>(column: Column<Row>, row: Row): string => {
  switch (column.kind) {
    case 'text':
      return column.value(row) ?? '';
    case 'date': {
      const value = column.value(row);
      return value === null ? '' : formatDate(value);
    }
    case 'dateTime': {
      const value = column.value(row);
      return value === null ? '' : formatDateTime(value);
    }
    case 'number': {
      const value = column.value(row);
      return value === null ? '' : String(value);
    }
    case 'boolean': {
      const value = column.value(row);
      return value === null ? '' : yesNo(value);
    }
  }
};

/** Column builders for one row type. */
const columnsFor = <Row>() => ({
  text: (header: string, width: number, value: (row: Row) => string | null): Column<Row> => ({ header, width, kind: 'text', value }),
  date: (header: string, width: number, value: (row: Row) => DayOrInstant | null): Column<Row> => ({
    header,
    width,
    kind: 'date',
    value,
  }),
  dateTime: (header: string, width: number, value: (row: Row) => Instant | null): Column<Row> => ({
    header,
    width,
    kind: 'dateTime',
    value,
  }),
  number: (header: string, width: number, value: (row: Row) => number | null): Column<Row> => ({ header, width, kind: 'number', value }),
  boolean: (header: string, width: number, value: (row: Row) => boolean | null): Column<Row> => ({
    header,
    width,
    kind: 'boolean',
    value,
  }),
});

/** Petitioners by name, joined by `、`. */
export const petitionerNames = (petitioners: readonly PetitionerView[]): string => joinList(petitioners.map((p) => p.name));

/** 来访人 of 附件3: one petitioner a line, `姓名 身份证号 电话 住址`, leaving out what is not known. */
export const petitionerDetails = (petitioners: readonly PetitionerView[]): string =>
  petitioners
    .map((p) => [p.name, p.idNumber, p.phone, p.address].filter((part) => part !== undefined && part !== '').join(' '))
    .join('\n');

/** Codes by their Chinese labels, joined by `、`. */
const labelled =
  <Code extends string>(labels: Readonly<Record<Code, string>>) =>
  (codes: readonly Code[]): string =>
    joinList(codes.map((code) => labels[code]));

// ——— 附件1 ———

const d = columnsFor<Numbered<DisputesRow>>();

/** 附件1 矛盾纠纷排查化解清单 (`/ledgers/disputes`). */
export const disputesForm: Form<Numbered<DisputesRow>> = {
  number: '附件1',
  title: '矛盾纠纷排查化解清单',
  columns: [
    d.number('序号', 6, (r) => r.seq),
    d.text('社区', 12, (r) => r.community),
    d.text('网格', 10, (r) => r.grid),
    d.date('排查日期', 12, (r) => r.registeredAt),
    d.text('当事人', 14, (r) => petitionerNames(r.petitioners)),
    d.number('涉及人数', 8, (r) => r.peopleCount),
    d.text('矛盾纠纷类型', 12, (r) => categoryLabels[r.category]),
    d.text('基本情况', 30, (r) => r.summary),
    d.text('诉求', 24, (r) => r.demands),
    d.text('风险类型', 16, (r) => labelled(riskFlagLabels)(r.riskFlags)),
    d.text('责任单位', 14, (r) => r.responsibleUnit),
    d.text('责任领导', 10, (r) => r.responsibleLeader),
    d.text('责任人', 10, (r) => r.responsiblePerson),
    d.text('化解措施', 24, (r) => r.measures),
    d.date('化解时限', 12, (r) => r.deadline),
    d.text('化解状态', 10, (r) => caseLedgerStatusLabels[r.status]),
    d.text('化解情况', 24, (r) => r.resolutionSummary),
  ],
};

// ——— 附件2 ———

const b = columnsFor<Numbered<BacklogRow>>();

/** 最新进展: `YYYY-MM-DD 进展` (the day of the note, then the note). */
export const progressText = (progress: BacklogRow['latestProgress']): string | null =>
  progress === null ? null : `${formatDate(progress.at)} ${progress.note}`;

/** 附件2 信访积案和突出问题化解清单 (`/ledgers/backlog`). */
export const backlogForm: Form<Numbered<BacklogRow>> = {
  number: '附件2',
  title: '信访积案和突出问题化解清单',
  columns: [
    b.number('序号', 6, (r) => r.seq),
    b.text('信访人', 14, (r) => petitionerNames(r.petitioners)),
    b.text('社区', 12, (r) => r.community),
    b.text('信访事项', 30, (r) => r.summary),
    b.text('诉求', 24, (r) => r.demands),
    b.text('列入原因', 16, (r) => labelled(backlogReasonLabels)(r.reasons)),
    b.date('列入日期', 12, (r) => r.listedSince),
    b.text('包案领导', 12, (r) => joinList(r.packageLeader)),
    b.text('工作专班', 16, (r) => r.fiveOnes.taskForce),
    b.text('化解方案', 20, (r) => r.fiveOnes.plan),
    b.text('会议纪要', 20, (r) => r.fiveOnes.minutes),
    b.text('稳控措施', 20, (r) => r.fiveOnes.stabilization),
    b.boolean('五个一落实', 10, (r) => r.fiveOnesComplete),
    b.date('化解时限', 12, (r) => r.deadline),
    b.text('最新进展', 28, (r) => progressText(r.latestProgress)),
  ],
};

// ——— 附件3 ———

const v = columnsFor<Numbered<VisitsRow>>();

/** 告知情况: `已告知：内容` once the petitioner was notified, else `未告知`. */
export const noticeText = (notice: VisitsRow['noticeGiven']): string =>
  notice.given ? (notice.content === null ? '已告知' : `已告知：${notice.content}`) : '未告知';

/** 办理结果: the 化解状态, then `：` and the resolution's summary when there is one. */
export const resultText = (result: VisitsRow['result']): string => {
  const status = caseLedgerStatusLabels[result.status];
  return result.resolutionSummary === null ? status : `${status}：${result.resolutionSummary}`;
};

/** 附件3 领导干部接待群众来访登记表 (`/ledgers/visits`). */
export const visitsForm: Form<Numbered<VisitsRow>> = {
  number: '附件3',
  title: '领导干部接待群众来访登记表',
  columns: [
    v.number('序号', 6, (r) => r.seq),
    v.dateTime('接访时间', 17, (r) => r.receivedAt),
    v.text('接访地点', 14, (r) => r.location),
    v.text('接访领导', 10, (r) => r.leader),
    v.text('职务', 14, (r) => r.leaderPosition),
    v.text('来访人', 40, (r) => petitionerDetails(r.petitioners)),
    v.number('来访人数', 8, (r) => r.visitorCount),
    v.text('反映问题', 30, (r) => r.matter),
    v.text('诉求', 24, (r) => r.demands),
    v.text('处理意见', 24, (r) => r.handlingOpinion),
    v.text('转交办单位', 14, (r) => joinList(r.transferredTo)),
    v.text('告知情况', 20, (r) => noticeText(r.noticeGiven)),
    v.boolean('重复访', 8, (r) => r.repeat),
    v.text('办理结果', 24, (r) => resultText(r.result)),
  ],
};

// ——— 附件4 ———

const u = columnsFor<Numbered<DutiesRow>>();

/** 附件4 领导接访安排表 (`/ledgers/duties`). REPORTS.md gives this form no 序号 column. */
export const dutiesForm: Form<Numbered<DutiesRow>> = {
  number: '附件4',
  title: '领导接访安排表',
  columns: [
    u.date('日期', 12, (r) => r.date),
    u.text('星期', 8, (r) => r.weekday),
    u.text('接访领导', 10, (r) => r.leader),
    u.text('职务', 16, (r) => r.position),
    u.text('分管工作', 20, (r) => r.portfolio),
    u.text('接访地点', 16, (r) => r.location),
    u.text('单位', 12, (r) => r.unit),
    u.dateTime('公告时间', 17, (r) => r.announcedAt),
  ],
};

/** The four forms by the name of their ledger (`/ledgers/{name}`). */
export const forms = {
  disputes: disputesForm,
  backlog: backlogForm,
  visits: visitsForm,
  duties: dutiesForm,
} as const;

export type FormName = keyof typeof forms;
