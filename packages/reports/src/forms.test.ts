import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  backlogForm,
  cellText,
  disputesForm,
  dutiesForm,
  formHeaders,
  formTitle,
  forms,
  noticeText,
  petitionerDetails,
  petitionerNames,
  progressText,
  resultText,
  visitsForm,
} from './index';
import { expectedHeaders } from './test/headers';
import { disputesRows, li, zhang } from './test/rows';


const reports = readFileSync(new URL('../../../docs/REPORTS.md', import.meta.url), 'utf8');

/** The numbered item of REPORTS.md's "The four forms" that describes `附件N`. */
const formSection = (number: string): string => {
  const start = reports.indexOf(`**${number} `);
  const end = reports.indexOf('\n\n', start);
  expect(start).toBeGreaterThan(0);
  return reports.slice(start, end);
};

describe('the four forms', () => {
  it('are numbered and titled as the official forms', () => {
    expect(formTitle(disputesForm)).toBe('附件1 矛盾纠纷排查化解清单');
    expect(formTitle(backlogForm)).toBe('附件2 信访积案和突出问题化解清单');
    expect(formTitle(visitsForm)).toBe('附件3 领导干部接待群众来访登记表');
    expect(formTitle(dutiesForm)).toBe('附件4 领导接访安排表');
    expect(Object.keys(forms)).toEqual(['disputes', 'backlog', 'visits', 'duties']);
  });

  it.each(Object.entries(forms))('%s has the headers of REPORTS.md, in order', (name, form) => {
    const headers = formHeaders(form);
    expect(headers).toEqual(expectedHeaders[name as keyof typeof expectedHeaders]);
    // And the document still says so: its title, then each header after the one before (序号 only where listed).
    const section = formSection(form.number);
    expect(section.startsWith(`**${formTitle(form)}**`)).toBe(true);
    let from = 0;
    for (const header of headers) {
      const at = section.indexOf(header, from);
      expect(at, `${header} after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + header.length;
    }
  });

  it('give every column a positive width and a kind', () => {
    for (const form of Object.values(forms)) {
      for (const column of form.columns) {
        expect(column.width).toBeGreaterThan(0);
        expect(['text', 'date', 'dateTime', 'number', 'boolean']).toContain(column.kind);
      }
    }
  });
});

describe('cellText', () => {
  it('gives the text a person reads: no formula guard, labels, dates to the day', () => {
    const columns = Object.fromEntries(disputesForm.columns.map((column) => [column.header, column]));
    const row = disputesRows[2]!;
    expect(cellText(columns['诉求']!, row)).toBe('-停止夜间施工');
    expect(cellText(columns['序号']!, row)).toBe('3');
  });
});

describe('cell helpers', () => {
  it('name petitioners joined by 、', () => {
    expect(petitionerNames([zhang, li])).toBe('张三、李四');
    expect(petitionerNames([])).toBe('');
  });

  it('write 来访人 one a line, leaving out what is not known', () => {
    expect(petitionerDetails([zhang, li])).toBe('张三 350582199001011234 15800009011 东湖路1号\n李四 13900001111');
    expect(petitionerDetails([{ personId: 'p', name: '王', address: '' }])).toBe('王');
  });

  it('write 最新进展 as its day and the note', () => {
    expect(progressText({ at: '2024-09-25T18:00:00Z', note: '约谈' })).toBe('2024-09-26 约谈');
    expect(progressText(null)).toBeNull();
  });

  it('write 告知情况', () => {
    expect(noticeText({ given: true, content: '电话告知' })).toBe('已告知：电话告知');
    expect(noticeText({ given: true, content: null })).toBe('已告知');
    expect(noticeText({ given: false, content: null })).toBe('未告知');
  });

  it('write 办理结果 as the status and the resolution', () => {
    expect(resultText({ status: 'resolved', resolutionSummary: '已支付' })).toBe('已化解：已支付');
    expect(resultText({ status: 'inProgress', resolutionSummary: null })).toBe('化解中');
    expect(resultText({ status: 'rejected', resolutionSummary: null })).toBe('不予受理');
  });
});
