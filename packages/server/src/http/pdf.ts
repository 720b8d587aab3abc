import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AppError } from './problem.ts';
import { disposition } from './xlsx.ts';

/** A font file and, for a collection (.ttc), the PostScript name of the face to use. */
export type PdfFont = { path: string; face?: string };

/**
 * Debian's fonts-noto-cjk (installed by .ci/run and the deployment guide), Simplified Chinese
 * faces of its collections; serif first, as official documents are set in a 宋/仿宋 face.
 */
const SYSTEM_FONTS: { regular: PdfFont; bold: PdfFont }[] = [
  {
    regular: { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc', face: 'NotoSerifCJKsc-Bold' },
  },
  {
    regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' },
  },
];

/** `path` or `path#PostScriptName` (CHUANGCHENG_PDF_FONT), as configured. */
function parsePdfFont(value: string): PdfFont {
  const hash = value.lastIndexOf('#');
  return hash > 0 ? { path: value.slice(0, hash), face: value.slice(hash + 1) } : { path: value };
}

/**
 * The Chinese font PDFs are set in (decision 0140): the configured one, else Debian's
 * fonts-noto-cjk. Without one a PDF cannot show Chinese, so the request is refused with
 * PDF_FONT_MISSING (503) naming what to install or configure; the .docx stays available.
 */
export function resolvePdfFonts(configured: string | undefined): { regular: PdfFont; bold: PdfFont } {
  if (configured) {
    const font = parsePdfFont(configured);
    if (fs.existsSync(font.path)) return { regular: font, bold: font };
    throw new AppError('PDF_FONT_MISSING');
  }
  for (const fonts of SYSTEM_FONTS) {
    if (fs.existsSync(fonts.regular.path)) {
      return { regular: fonts.regular, bold: fs.existsSync(fonts.bold.path) ? fonts.bold : fonts.regular };
    }
  }
  throw new AppError('PDF_FONT_MISSING');
}

/** What a document is made of, in print order; the .docx and the .pdf of a document share it. */
export type PdfBlock =
  | { kind: 'title'; text: string; color?: string; size?: number }
  | { kind: 'centred'; text: string; bold?: boolean; size?: number }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'field'; label: string; text: string }
  | { kind: 'right'; text: string; spaceBefore?: number }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

const MARGIN = 56;

/**
 * An A4 PDF of the blocks, set with `pdfkit` (decision 0140) in the given CJK font, which it
 * subsets into the file. pdfkit is loaded on first use, like `docx`.
 */
export async function renderPdf(
  blocks: PdfBlock[],
  meta: { title: string; fonts: { regular: PdfFont; bold: PdfFont } },
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: meta.title, Creator: 'Chuangcheng' } });
  doc.registerFont('regular', meta.fonts.regular.path, meta.fonts.regular.face as string);
  doc.registerFont('bold', meta.fonts.bold.path, meta.fonts.bold.face as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        doc
          .font('bold')
          .fontSize(block.size ?? 26)
          .fillColor(block.color ?? '#C00000')
          .text(block.text, { align: 'center' });
        doc.fillColor('black').moveDown(0.5);
        break;
      case 'centred':
        doc
          .font(block.bold ? 'bold' : 'regular')
          .fontSize(block.size ?? 15)
          .text(block.text, { align: 'center' });
        doc.moveDown(0.6);
        break;
      case 'heading':
        doc.font('bold').fontSize(15).text(block.text, MARGIN);
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        doc.font('regular').fontSize(14).text(block.text, MARGIN, undefined, { width });
        doc.moveDown(0.3);
        break;
      case 'field':
        doc.font('bold').fontSize(15).text(`${block.label}：`, MARGIN, undefined, { continued: true });
        doc.font('regular').text(block.text, { width });
        doc.moveDown(0.4);
        break;
      case 'right':
        if (block.spaceBefore) doc.moveDown(block.spaceBefore);
        doc.font('regular').fontSize(14).text(block.text, MARGIN, undefined, { width, align: 'right' });
        break;
      case 'table':
        drawTable(doc, block, width);
        break;
    }
  }
  doc.end();
  return done;
}

/** A plain grid: header row in bold, each row as tall as its tallest cell, new page when full. */
function drawTable(doc: PDFKit.PDFDocument, table: Extract<PdfBlock, { kind: 'table' }>, width: number) {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (w / total) * width);
  const pad = 3;
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(10);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.rect(x, top, widths[i]!, height).stroke();
      doc.text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(table.header, true);
  for (const cells of table.rows) row(cells, false);
  doc.moveDown(0.6);
}

/** The media type of every PDF the API sends. */
export const PDF = 'application/pdf';

/** Sends a PDF as a download named `name` (`ascii` for clients that cannot read a UTF-8 name). */
export function sendPdf(reply: FastifyReply, file: { ascii: string; name: string }, body: Buffer) {
  return reply.type(PDF).header('content-disposition', disposition(file.ascii, file.name)).send(body);
}
