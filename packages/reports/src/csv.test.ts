import { describe, expect, it } from 'vitest';
import { backlogForm, CSV_CONTENT_TYPE, csvCell, csvField, disputesForm, dutiesForm, forms, toCsv, visitsForm, type Form } from './index';
import { expectedHeaders } from './test/headers';
import { backlogRows, disputesRows, dutiesRows, visitsRows } from './test/rows';

/** Splits CSV text into records of fields (RFC 4180), for reading back what `toCsv` wrote. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(fields).toEqual([]);
  return records;
};

const body = (csv: string): string => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1);
};

describe('toCsv', () => {
  it.each(Object.entries(forms))('%s: BOM, then the exact header line of REPORTS.md, CRLF', (name, form) => {
    const csv = toCsv(form as Form<unknown>, []);
    expect(csv).toBe(`\uFEFF${expectedHeaders[name as keyof typeof expectedHeaders].join(',')}\r\n`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
  });

  it('附件1: every record ends with CRLF and has as many fields as headers', () => {
    const csv = toCsv(disputesForm, disputesRows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(body(csv));
    expect(records).toHaveLength(1 + disputesRows.length);
    for (const record of records) expect(record).toHaveLength(disputesForm.columns.length);
  });

  it('附件1: the values, with labels, dates in Shanghai and empty cells for null', () => {
    const [, first, second, third] = parseCsv(body(toCsv(disputesForm, disputesRows)));
    expect(first).toEqual([
      '1',
      '东湖社区',
      '第一网格',
      '2024-09-18',
      '张三、李四',
      '2',
      '欠薪',
      '某工地拖欠工资, 工头称"月底结清"\n至今未付',
      '支付工资',
      '越级上访风险、集体访风险',
      '劳动保障所',
      '王五',
      '赵六',
      '约谈工头',
      '2024-10-18',
      '化解中',
      '',
    ]);
    // 2024-09-30T17:00Z is 1 October in Shanghai; a formula-like text is written as text.
    expect(second).toEqual([
      '2', '西山社区', '', '2024-10-01', '[已删除]', '6', '邻里纠纷', `'=HYPERLINK("http://example.com")`,
      '', '', '', '', '', '', '', '不予受理', '',
    ]);
    expect(third?.[8]).toBe(`'-停止夜间施工`);
    expect(third?.[15]).toBe('已息诉');
    expect(third?.[16]).toBe('已协调停工，当事人息诉');
  });

  it('quotes a field with a comma, a quote or a line break, and doubles its quotes (RFC 4180)', () => {
    const csv = toCsv(disputesForm, disputesRows.slice(0, 1));
    expect(csv).toContain(',"某工地拖欠工资, 工头称""月底结清""\n至今未付",');
    expect(csv).toContain(',欠薪,');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
    expect(csvField('plain 文字')).toBe('plain 文字');
    expect(csvField('')).toBe('');
  });

  it('附件1: the exact text of a row', () => {
    const csv = toCsv(disputesForm, disputesRows.slice(1, 2));
    expect(csv.split('\r\n')[1]).toBe(`2,西山社区,,2024-10-01,[已删除],6,邻里纠纷,"'=HYPERLINK(""http://example.com"")",,,,,,,,不予受理,`);
  });

  it('附件2: reasons and leaders by 、, 是/否, the latest progress with its day', () => {
    const [, first, second] = parseCsv(body(toCsv(backlogForm, backlogRows)));
    expect(first).toEqual([
      '1', '张三、李四', '东湖社区', '拖欠工资', '支付工资', '未按期办结、重复信访', '2024-09-20', '王五、孙七',
      '劳动保障专班', '分期支付', '', '', '否', '2024-09-19', '2024-09-26 再次约谈工头',
    ]);
    expect(second).toEqual([
      '2', '张三', '西山社区', '征地补偿', '', '越级上访', '2024-10-02', '', '专班', '方案', '纪要', '稳控', '是', '', '',
    ]);
  });

  it('附件3: the time in Shanghai to the minute, 来访人 one a line, notice, repeat and result', () => {
    const [, first, second] = parseCsv(body(toCsv(visitsForm, visitsRows)));
    expect(first).toEqual([
      '1',
      '2024-09-18 09:30',
      '街道信访接待室',
      '王五',
      '街道办主任',
      '张三 350582199001011234 15800009011 东湖路1号\n李四 13900001111',
      '2',
      '拖欠工资',
      '支付工资',
      '转劳动保障所办理',
      '劳动保障所、区人社局',
      '已告知：电话告知办理进度',
      '是',
      '已化解：已足额支付',
    ]);
    expect(second).toEqual([
      '2', '2024-10-08 15:45', '东湖社区', 'leader-x', '', '[无档案]', '1', '噪音扰民', '', '', '', '未告知', '否', '未化解',
    ]);
  });

  it('附件4: no 序号, the weekday as given, the announcement time', () => {
    const csv = toCsv(dutiesForm, dutiesRows);
    expect(csv).toBe(
      '\uFEFF日期,星期,接访领导,职务,分管工作,接访地点,单位,公告时间\r\n' +
        '2024-09-29,星期日,王五,街道办主任,全面工作,街道信访接待室,街道,2024-09-27 16:00\r\n' +
        '2024-10-08,星期二,孙七,第一网格长,平安建设,东湖社区,东湖社区,\r\n',
    );
  });

  it('writes every kind, and null as an empty cell', () => {
    type R = { readonly v: unknown };
    const row: R = { v: null };
    expect(csvCell({ header: 'a', width: 1, kind: 'text', value: () => null }, row)).toBe('');
    expect(csvCell({ header: 'a', width: 1, kind: 'text', value: () => '@SUM(A1)' }, row)).toBe("'@SUM(A1)");
    expect(csvCell({ header: 'a', width: 1, kind: 'text', value: () => '+86 158' }, row)).toBe("'+86 158");
    expect(csvCell({ header: 'a', width: 1, kind: 'text', value: () => '\tx' }, row)).toBe("'\tx");
    expect(csvCell({ header: 'a', width: 1, kind: 'text', value: () => 'a=b' }, row)).toBe('a=b');
    expect(csvCell({ header: 'a', width: 1, kind: 'number', value: () => null }, row)).toBe('');
    expect(csvCell({ header: 'a', width: 1, kind: 'number', value: () => 0 }, row)).toBe('0');
    expect(csvCell({ header: 'a', width: 1, kind: 'boolean', value: () => null }, row)).toBe('');
    expect(csvCell({ header: 'a', width: 1, kind: 'date', value: () => '2024-12-31T16:00:00Z' }, row)).toBe('2025-01-01');
    expect(csvCell({ header: 'a', width: 1, kind: 'date', value: () => '2024-02-29' }, row)).toBe('2024-02-29');
    expect(csvCell({ header: 'a', width: 1, kind: 'dateTime', value: () => '2024-12-31T16:05:59.999Z' }, row)).toBe('2025-01-01 00:05');
    expect(csvCell({ header: 'a', width: 1, kind: 'dateTime', value: () => null }, row)).toBe('');
  });

  it('names its content type', () => {
    expect(CSV_CONTENT_TYPE).toBe('text/csv; charset=utf-8');
  });
});
