import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  backlogForm,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  disputesForm,
  dutiesForm,
  formHeaders,
  formTitle,
  forms,
  subtitle,
  toWorkbook,
  toXlsx,
  visitsForm,
  XLSX_CONTENT_TYPE,
  xlsxCell,
  type Form,
} from './index';
import { expectedHeaders } from './test/headers';
import { backlogRows, disputesRows, dutiesRows, visitsRows } from './test/rows';

/** Reads an XLSX file back with exceljs. */
const read = async (buffer: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
};

const only = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet => {
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  return sheet;
};

/** The values of one row, columns 1 to n. */
const rowValues = (sheet: ExcelJS.Worksheet, row: number, n: number): ExcelJS.CellValue[] =>
  Array.from({ length: n }, (_, i) => sheet.getCell(row, i + 1).value);

/** A wall time as exceljs reads it back: a Date whose UTC fields are that wall time. */
const wall = (text: string): Date => new Date(`${text}Z`);

const options = {
  asOf: '2024-10-01T23:59:59.999+08:00',
  knownAt: '2024-10-05T10:00:00+08:00',
  generatedAt: '2024-10-05T02:07:00Z',
  communityName: '东湖社区',
} as const;

describe('toXlsx', () => {
  it('writes a zip (an XLSX file) in a Buffer', async () => {
    const buffer = await toXlsx(disputesForm, disputesRows);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(XLSX_CONTENT_TYPE).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('附件1: one sheet named after the form, its title merged across the columns, bold and larger', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows, options)));
    const n = disputesForm.columns.length;
    expect(sheet.name).toBe('附件1');
    const title = sheet.getCell('A1');
    expect(title.value).toBe('附件1 矛盾纠纷排查化解清单');
    expect(title.font.bold).toBe(true);
    expect(title.font.size).toBe(16);
    expect(title.alignment.horizontal).toBe('center');
    expect(sheet.getCell(1, n).isMerged).toBe(true);
    expect(sheet.getCell(1, n).master.address).toBe('A1');
    expect(sheet.getCell(1, n + 1).isMerged).toBe(false);
  });

  it('附件1: the subtitle says for whom, as of when, known when and made when', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows, options)));
    expect(sheet.getCell('A2').value).toBe('填报单位：东湖社区    截至：2024-10-01    录入截至：2024-10-05 10:00    生成时间：2024-10-05 10:07');
    expect(sheet.getCell(2, disputesForm.columns.length).master.address).toBe('A2');
  });

  it('附件1: the bold header row, frozen, repeated on each printed page, with a filter', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows, options)));
    const n = disputesForm.columns.length;
    expect(rowValues(sheet, 3, n)).toEqual(expectedHeaders.disputes);
    for (let c = 1; c <= n; c++) {
      const cell = sheet.getCell(3, c);
      expect(cell.font.bold).toBe(true);
      expect(cell.border.top?.style).toBe('thin');
      expect(cell.border.bottom?.style).toBe('thin');
    }
    expect(sheet.views).toHaveLength(1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 3, topLeftCell: 'A4' });
    expect(sheet.pageSetup.printTitlesRow).toBe('3:3');
    expect(sheet.autoFilter).toBe('A3:Q3');
  });

  it('附件1: A4 landscape, one page wide', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows)));
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
  });

  it('附件1: every column has its width', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows)));
    disputesForm.columns.forEach((column, i) => {
      expect(sheet.getColumn(i + 1).width).toBe(column.width);
    });
    expect(sheet.getColumn(8).width).toBe(30); // 基本情况
  });

  it('附件1: without options there is no subtitle; the header row is row 2', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows)));
    expect(rowValues(sheet, 2, disputesForm.columns.length)).toEqual(expectedHeaders.disputes);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet.rowCount).toBe(2 + disputesRows.length);
  });

  it('附件1: the rows, with labels, real dates in Shanghai and empty cells for null', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows, options)));
    const n = disputesForm.columns.length;
    expect(rowValues(sheet, 4, n)).toEqual([
      1,
      '东湖社区',
      '第一网格',
      wall('2024-09-18T00:00:00'),
      '张三、李四',
      2,
      '欠薪',
      '某工地拖欠工资, 工头称"月底结清"\n至今未付',
      '支付工资',
      '越级上访风险、集体访风险',
      '劳动保障所',
      '王五',
      '赵六',
      '约谈工头',
      wall('2024-10-18T00:00:00'),
      '化解中',
      null,
    ]);
    // 2024-09-30T17:00Z is 1 October in Shanghai; in XLSX a formula-like text stays text, as typed.
    expect(rowValues(sheet, 5, n)).toEqual([
      2, '西山社区', null, wall('2024-10-01T00:00:00'), '[已删除]', 6, '邻里纠纷', '=HYPERLINK("http://example.com")',
      null, null, null, null, null, null, null, '不予受理', null,
    ]);
    expect(sheet.getCell(5, 8).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell(6, 17).value).toBe('已协调停工，当事人息诉');
    expect(sheet.rowCount).toBe(3 + disputesRows.length);
  });

  it('附件1: dates carry a date format; text wraps; every cell has thin borders', async () => {
    const sheet = only(await read(await toXlsx(disputesForm, disputesRows, options)));
    const registered = sheet.getCell(4, 4);
    expect(registered.type).toBe(ExcelJS.ValueType.Date);
    expect(registered.numFmt).toBe(DATE_FORMAT);
    expect(sheet.getCell(4, 15).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell(4, 8).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getCell(4, 1).type).toBe(ExcelJS.ValueType.Number);
    for (let r = 4; r <= 6; r++) {
      for (let c = 1; c <= disputesForm.columns.length; c++) {
        const { border } = sheet.getCell(r, c);
        expect([border.top?.style, border.left?.style, border.bottom?.style, border.right?.style]).toEqual(['thin', 'thin', 'thin', 'thin']);
      }
    }
  });

  it('附件2: 是/否, lists by 、, dates', async () => {
    const sheet = only(await read(await toXlsx(backlogForm, backlogRows)));
    const n = backlogForm.columns.length;
    expect(sheet.name).toBe('附件2');
    expect(sheet.getCell('A1').value).toBe('附件2 信访积案和突出问题化解清单');
    expect(rowValues(sheet, 2, n)).toEqual(expectedHeaders.backlog);
    expect(rowValues(sheet, 3, n)).toEqual([
      1, '张三、李四', '东湖社区', '拖欠工资', '支付工资', '未按期办结、重复信访', wall('2024-09-20T00:00:00'), '王五、孙七',
      '劳动保障专班', '分期支付', null, null, '否', wall('2024-09-19T00:00:00'), '2024-09-26 再次约谈工头',
    ]);
    expect(rowValues(sheet, 4, n)).toEqual([
      2, '张三', '西山社区', '征地补偿', null, '越级上访', wall('2024-10-02T00:00:00'), null, '专班', '方案', '纪要', '稳控', '是',
      null, null,
    ]);
  });

  it('附件3: the time as a real date-time in Shanghai wall time, 来访人 one a line', async () => {
    const sheet = only(await read(await toXlsx(visitsForm, visitsRows, { asOf: '2024-10-08' })));
    const n = visitsForm.columns.length;
    expect(sheet.name).toBe('附件3');
    expect(sheet.getCell('A1').value).toBe('附件3 领导干部接待群众来访登记表');
    expect(sheet.getCell('A2').value).toBe('截至：2024-10-08');
    expect(rowValues(sheet, 3, n)).toEqual(expectedHeaders.visits);
    expect(rowValues(sheet, 4, n)).toEqual([
      1,
      wall('2024-09-18T09:30:00'),
      '街道信访接待室',
      '王五',
      '街道办主任',
      '张三 350582199001011234 15800009011 东湖路1号\n李四 13900001111',
      2,
      '拖欠工资',
      '支付工资',
      '转劳动保障所办理',
      '劳动保障所、区人社局',
      '已告知：电话告知办理进度',
      '是',
      '已化解：已足额支付',
    ]);
    expect(sheet.getCell(4, 2).numFmt).toBe(DATE_TIME_FORMAT);
    expect(sheet.getCell(4, 6).alignment.wrapText).toBe(true);
    // The seconds are kept in the value; the format shows minutes.
    expect(sheet.getCell(5, 2).value).toEqual(wall('2024-10-08T15:45:30'));
    expect(rowValues(sheet, 5, n).slice(2)).toEqual([
      '东湖社区', 'leader-x', null, '[无档案]', 1, '噪音扰民', null, null, null, '未告知', '否', '未化解',
    ]);
  });

  it('附件4: no 序号; the date and the announcement time', async () => {
    const sheet = only(await read(await toXlsx(dutiesForm, dutiesRows)));
    const n = dutiesForm.columns.length;
    expect(sheet.name).toBe('附件4');
    expect(rowValues(sheet, 2, n)).toEqual(expectedHeaders.duties);
    expect(rowValues(sheet, 3, n)).toEqual([
      wall('2024-09-29T00:00:00'), '星期日', '王五', '街道办主任', '全面工作', '街道信访接待室', '街道', wall('2024-09-27T16:00:00'),
    ]);
    expect(rowValues(sheet, 4, n)).toEqual([wall('2024-10-08T00:00:00'), '星期二', '孙七', '第一网格长', '平安建设', '东湖社区', '东湖社区', null]);
    expect(sheet.getCell(1, n).master.address).toBe('A1');
    expect(sheet.getColumn(n).width).toBe(17);
    expect(sheet.autoFilter).toBe('A2:H2');
  });

  it('an empty ledger is the title and the headers', async () => {
    const sheet = only(await read(await toXlsx(visitsForm, [])));
    expect(sheet.rowCount).toBe(2);
    expect(rowValues(sheet, 2, visitsForm.columns.length)).toEqual(formHeaders(visitsForm));
  });

  it('records the generation time as the workbook’s creation', async () => {
    const workbook = await read(await toXlsx(dutiesForm, dutiesRows, { generatedAt: '2024-10-05T10:07:00+08:00' }));
    expect(workbook.creator).toBe('xinfang');
    expect(workbook.created.toISOString()).toBe('2024-10-05T02:07:00.000Z');
  });
});

describe('toWorkbook', () => {
  it('puts several forms in one file, one sheet each, in order', async () => {
    const buffer = await toWorkbook(
      [
        { form: disputesForm, rows: disputesRows },
        { form: backlogForm, rows: backlogRows },
        { form: visitsForm, rows: visitsRows },
        { form: dutiesForm, rows: dutiesRows },
      ],
      { asOf: '2024-10-08' },
    );
    const workbook = await read(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['附件1', '附件2', '附件3', '附件4']);
    for (const [name, form] of Object.entries(forms)) {
      const sheet = workbook.getWorksheet(form.number);
      if (sheet === undefined) throw new Error(`no sheet ${form.number}`);
      expect(sheet.getCell('A1').value).toBe(formTitle(form));
      expect(sheet.getCell('A2').value).toBe('截至：2024-10-08');
      expect(rowValues(sheet, 3, form.columns.length)).toEqual(expectedHeaders[name as keyof typeof expectedHeaders]);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    }
    expect(workbook.getWorksheet('附件2')?.getCell(4, 2).value).toBe('张三、李四');
  });

  it('refuses, when type-checked, a form paired with another form\'s rows', async () => {
    // @ts-expect-error 附件1 with the rows of 附件3 (which, run anyway, have no 排查日期 to read)
    await expect(toWorkbook([{ form: disputesForm, rows: visitsRows }])).rejects.toThrow(RangeError);
  });

  it('with no sheets is an empty workbook', async () => {
    const workbook = await read(await toWorkbook([]));
    expect(workbook.worksheets).toHaveLength(0);
  });
});

describe('xlsxCell and subtitle', () => {
  it('give each kind its Excel value', () => {
    const row = {};
    const form: Form<object> = {
      number: 'x',
      title: 'x',
      columns: [
        { header: 'a', width: 1, kind: 'number', value: () => null },
        { header: 'b', width: 1, kind: 'boolean', value: () => null },
        { header: 'c', width: 1, kind: 'date', value: () => null },
        { header: 'd', width: 1, kind: 'dateTime', value: () => null },
        { header: 'e', width: 1, kind: 'text', value: () => null },
        { header: 'f', width: 1, kind: 'date', value: () => '2024-12-31T16:00:00Z' },
        { header: 'g', width: 1, kind: 'dateTime', value: () => '2024-12-31T16:05:00Z' },
        { header: 'h', width: 1, kind: 'boolean', value: () => true },
        { header: 'i', width: 1, kind: 'text', value: () => '' },
      ],
    };
    expect(form.columns.map((column) => xlsxCell(column, row))).toEqual([
      null,
      null,
      null,
      null,
      null,
      wall('2025-01-01T00:00:00'),
      wall('2025-01-01T00:05:00'),
      '是',
      null,
    ]);
  });

  it('subtitle: only the parts given, or none', () => {
    expect(subtitle({})).toBeUndefined();
    expect(subtitle({ communityName: '街道' })).toBe('填报单位：街道');
    expect(subtitle({ generatedAt: '2024-10-05T10:07:00+08:00', asOf: '2024-10-01' })).toBe('截至：2024-10-01    生成时间：2024-10-05 10:07');
  });

  it('every form can be written (type check of the four)', async () => {
    for (const form of Object.values(forms)) {
      const sheet = only(await read(await toXlsx(form as Form<unknown>, [])));
      expect(sheet.name).toBe(form.number);
    }
  });
});
