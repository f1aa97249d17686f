import { fillPlaceholders, type NoticeTemplate } from '@xinfang/domain';

/*
 * A written notice as it is printed: the office's name over the title, its number (文号), the petitioner
 * it is addressed to, the wording filled with the case's facts, and the office's name, seal and date at
 * the foot. The Word document (notice-docx.ts) and the printable page are both made from this.
 */

export interface NoticeDocument {
  readonly officeName: string;
  readonly title: string;
  /** 文号. */
  readonly number: string;
  /** 信访人, followed by a colon as a letter opens. */
  readonly addressee: string;
  readonly paragraphs: readonly string[];
  readonly sealText: string;
  /** 告知日期, as a letter dates it. */
  readonly date: string;
}

/** The template filled with the values of a notice (noticeValues of the domain). */
export const noticeDocument = (template: NoticeTemplate, values: Readonly<Record<string, string>>): NoticeDocument => ({
  officeName: fillPlaceholders(template.officeName, values),
  title: fillPlaceholders(template.title, values),
  number: `编号：${values['文号'] ?? ''}`,
  addressee: `${values['信访人'] ?? ''}：`,
  paragraphs: template.body
    .split(/\r?\n/)
    .map((line) => fillPlaceholders(line, values).trim())
    .filter((line) => line.length > 0),
  sealText: fillPlaceholders(template.sealText, values),
  date: values['告知日期'] ?? '',
});

/** The notice as plain text, one line per part: what a reader of the document (or a test) finds in it. */
export const noticeLines = (d: NoticeDocument): string[] => [d.officeName, d.title, d.number, d.addressee, ...d.paragraphs, d.sealText, d.date];
