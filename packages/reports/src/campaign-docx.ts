import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { CampaignBlock } from './campaign-document';

/*
 * The campaign summary as a Word document (.docx, A4), from the same blocks as the printable page. The
 * text is set in 宋体 (SimSun) for East Asian characters; a machine without it (LibreOffice on Debian)
 * takes its CJK fallback (Noto CJK).
 */

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: 24 });

const cell = (text: string, header: boolean) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header, font: FONT, size: 21 })] })] });

const block = (b: CampaignBlock): Paragraph | Table => {
  switch (b.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: b.text, bold: true, font: FONT, size: 36 })] });
    case 'heading':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [run(b.text, true)] });
    case 'paragraph':
      return new Paragraph({ spacing: { after: 120 }, indent: { firstLine: 480 }, children: [run(b.text)] });
    case 'table':
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: b.head.map((text) => cell(text, true)) }),
          ...b.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
        ],
      });
  }
};

/** The document's bytes. */
export const campaignDocx = async (blocks: readonly CampaignBlock[], title: string): Promise<Buffer> =>
  Packer.toBuffer(
    new Document({
      title,
      creator: 'xinfang',
      styles: { default: { document: { run: { font: FONT } } } },
      sections: [
        {
          properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
          // A table is not a paragraph: a paragraph after each keeps Word from joining two tables into one.
          children: blocks.flatMap((b) => (b.kind === 'table' ? [block(b), new Paragraph({})] : [block(b)])),
        },
      ],
    }),
  );

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
