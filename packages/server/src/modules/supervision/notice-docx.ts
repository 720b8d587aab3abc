import { renderPdf, type PdfFont } from '../../http/pdf.ts';
import type { Notice } from '@chuangcheng/core';

const LEVEL = { general: '一般', key: '重点', urgent: '特急' } as const;
const SOURCE = { leader_instruction: '领导批示', meeting_decision: '会议议定', higher_assignment: '上级交办' } as const;

/** The day of an ISO instant in China (UTC+8), as offices date a document: 2026年12月6日. */
function chineseDate(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The lines of a 督办单 in print order, label and text. */
function noticeDocumentLines(notice: Notice): [string, string][] {
  const subject = notice.task
    ? `任务${notice.task.number} ${notice.task.title}`
    : (notice.actionItem?.title ?? '创建工作');
  return [
    ['督办等级', LEVEL[notice.level]],
    ['来源', notice.source ? SOURCE[notice.source] : '—'],
    ['责任单位', notice.orgUnit.name],
    ['督办事项', subject],
    ['督办原因', notice.reason],
    ['办理要求', notice.requiredAction],
    ['签收时限', notice.ackDue ?? '—'],
    ['反馈时限', notice.replyDue],
    ['签发人', notice.signer ?? '—'],
    ['抄送', notice.cc || '—'],
    ['签发日期', chineseDate(notice.issuedAt)],
  ];
}

/**
 * A 督办单 as a Word (.docx) file: the red title, the number, then the fields in print order.
 * Built with the `docx` package (decision 0083), loaded on first use.
 */
export async function noticeDocx(notice: Notice): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx');
  const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
  const line = (label: string, text: string) =>
    new Paragraph({
      spacing: { after: 160 },
      children: [
        new TextRun({ text: `${label}：`, bold: true, size: 30, font }),
        new TextRun({ text, size: 30, font }),
      ],
    });
  const document = new Document({
    creator: 'Chuangcheng',
    title: `督办单 ${notice.number}`,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: '督 办 单', bold: true, size: 52, color: 'C00000', font })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [new TextRun({ text: notice.number, size: 30, font })],
          }),
          ...noticeDocumentLines(notice).map(([label, text]) => line(label, text)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The same 督办单 as a PDF (decision 0140): the red title, the number, then the same fields in
 * the same order as the Word file, set in the configured CJK font.
 */
export function noticePdf(notice: Notice, fonts: { regular: PdfFont; bold: PdfFont }): Promise<Buffer> {
  return renderPdf(
    [
      { kind: 'title', text: '督 办 单' },
      { kind: 'centred', text: notice.number },
      ...noticeDocumentLines(notice).map(([label, text]) => ({ kind: 'field' as const, label, text })),
    ],
    { title: `督办单 ${notice.number}`, fonts },
  );
}
