import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { NoticeDocument } from './notice-document';

/*
 * A written notice as a Word document (.docx, A4): centred office name and title, the number on the
 * right, the wording indented two characters, the office, seal and date at the foot on the right — the
 * layout of an official letter (党政机关公文格式, simplified). 仿宋 for the text where the machine has it.
 */

const FONT = { ascii: 'Times New Roman', eastAsia: 'FangSong', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: 'SimHei', hAnsi: 'Times New Roman' };
/** 三号 (16 pt) for the text, 二号 (22 pt) for the title: in half-points. */
const TEXT = 32;
const TITLE = 44;

const line = (text: string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; bold?: boolean; size?: number } = {}) =>
  new Paragraph({
    ...(options.align === undefined ? {} : { alignment: options.align }),
    spacing: { after: 120, line: 560, lineRule: 'exact' },
    ...(options.indent ? { indent: { firstLine: 640 } } : {}),
    children: [new TextRun({ text, bold: options.bold ?? false, font: options.size === TITLE ? TITLE_FONT : FONT, size: options.size ?? TEXT })],
  });

/** The document's bytes. */
export const noticeDocx = async (d: NoticeDocument): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      title: d.title,
      creator: 'xinfang',
      styles: { default: { document: { run: { font: FONT, size: TEXT } } } },
      sections: [
        {
          // A4, margins of 公文: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right.
          properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
          children: [
            line(d.officeName, { align: AlignmentType.CENTER, size: TITLE }),
            line(d.title, { align: AlignmentType.CENTER, size: TITLE, bold: true }),
            line(d.number, { align: AlignmentType.RIGHT }),
            line(d.addressee),
            ...d.paragraphs.map((p) => line(p, { indent: true })),
            new Paragraph({}),
            line(d.officeName, { align: AlignmentType.RIGHT }),
            line(d.sealText, { align: AlignmentType.RIGHT }),
            line(d.date, { align: AlignmentType.RIGHT }),
          ],
        },
      ],
    }),
  );
