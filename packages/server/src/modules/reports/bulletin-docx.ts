import type { BlackListReason } from '@chuangcheng/core';
import { renderPdf, type PdfBlock, type PdfFont } from '../../http/pdf.ts';
import type { Bulletin } from './bulletin.ts';

const REASON: Record<BlackListReason, string> = {
  missing: '未报',
  late: '迟报',
  overdue_notice: '督办单逾期未反馈',
};

/** An ISO date as offices write it: 2019年5月31日. */
function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** The body of the bulletin, section by section: headings and their paragraphs. */
function sections(b: Bulletin): { heading: string; lines: string[] }[] {
  const names = (list: { name: string }[]) => (list.length ? list.map((u) => u.name).join('、') : '无');
  const overdueLines = [
    ...b.overdue.tasks.map((t) => `逾期任务：任务${t.number} ${t.title}（${t.unit}，期限${t.deadline}）`),
    ...b.overdue.notices.map((n) => `逾期督办单：${n.number}（${n.unit}，反馈时限${n.replyDue}）`),
    ...b.overdue.actionItems.map((a) => `逾期会议议定事项：${a.title}（${a.unit}，${a.meeting}，期限${a.due}）`),
  ];
  return [
    {
      heading: '一、总体情况',
      lines: [
        // A region none of the plan's responsible units sits in (a city under a province's plan,
        // whose units are provincial departments) has no task rows: say so rather than print zeros.
        ...(b.tasks.total === 0
          ? [
              `本计划的责任单位均不在${b.region.name}，本地区无承担任务的单位，任务和进展报送数为零；督办单和会议议定事项按本地区单位统计。`,
            ]
          : []),
        `任务推进：责任单位承担任务共${b.tasks.total}项次，已完成${b.tasks.done}项次，正常推进${b.tasks.onTrack}项次，进度滞后${b.tasks.lagging}项次，逾期未完成${b.tasks.overdue}项次。`,
        `进展报送：本期应报${b.reports.due}份，已报${b.reports.onTime + b.reports.late}份，其中按时报送${b.reports.onTime}份、迟报${b.reports.late}份，未报${b.reports.missing}份。`,
        `督查督办：本期下发督办单${b.notices.issued}份，办结销号${b.notices.closed}份；截至期末逾期未反馈督办单${b.notices.overdue}份，逾期未完成会议议定事项${b.overdueActionItems}项。`,
      ],
    },
    {
      heading: '二、责任单位排名',
      lines: [
        '按本期进展报送按时率由高到低排列；按时率相同的，依次按未报数少、逾期任务少、逾期督办单少、滞后任务少、完成任务多排列。',
      ],
    },
    {
      heading: '三、红黑榜',
      lines: [
        '上红榜规则：本期应报进展全部按时报送，此前各期无未报，无逾期或滞后任务，无逾期督办单和会议议定事项。',
        '上黑榜规则：本期应报进展未报或迟报，或截至期末有督办单逾期未反馈。',
        `红榜：${names(b.red)}`,
        `黑榜：${b.black.length ? b.black.map((x) => `${x.unit.name}（${x.reasons.map((r) => REASON[r]).join('、')}）`).join('、') : '无'}`,
      ],
    },
    { heading: '四、逾期事项', lines: overdueLines.length ? overdueLines : ['无'] },
  ];
}

const RANKING_HEADER = ['名次', '责任单位', '应报', '按时', '迟报', '未报', '按时率', '已完成', '滞后', '逾期'];

/** The ranking table's rows, as printed. */
const rankingRows = (b: Bulletin): string[][] =>
  b.ranking.map((u) => [
    String(u.rank),
    u.name,
    String(u.reportsDue),
    String(u.reportsOnTime),
    String(u.reportsLate),
    String(u.reportsMissing),
    percent(u.rate),
    String(u.done),
    String(u.lagging),
    String(u.overdue),
  ]);

/** The lines under the title: plan, region, period and the as-of note. */
const preamble = (b: Bulletin): string[] => [
  `计划：${b.plan.name}`,
  `通报范围：${b.region.name}`,
  `通报期间：${chineseDate(b.span.start)}至${chineseDate(b.span.end)}；数据截至${chineseDate(b.span.end)}，按当日在案材料统计，可随时复现。`,
];

/**
 * The 督查通报 as a Word (.docx) file: red masthead, number, title, then the figures, the
 * ranking table, the 红黑榜 and the overdue items. Same `docx` package as the 督办单 (decision 0083).
 */
export async function bulletinDocx(b: Bulletin): Promise<Buffer> {
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import('docx');
  const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
  const text = (value: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
    new TextRun({ text: value, size: options.size ?? 30, bold: options.bold, color: options.color, font });
  const centred = (value: string, options: { bold?: boolean; size?: number; color?: string } = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [text(value, options)] });
  const paragraph = (value: string, bold = false) =>
    new Paragraph({ spacing: { after: 120 }, children: [text(value, { bold })] });
  const cell = (value: string) =>
    new TableCell({ children: [new Paragraph({ children: [text(value, { size: 21 })] })] });
  const ranking = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: RANKING_HEADER.map(cell) }),
      ...rankingRows(b).map((cells) => new TableRow({ children: cells.map(cell) })),
    ],
  });
  const body = sections(b).flatMap((section, i) => [
    paragraph(section.heading, true),
    ...section.lines.map((line) => paragraph(line)),
    ...(i === 1 ? [ranking] : []),
  ]);
  const document = new Document({
    creator: 'Chuangcheng',
    title: `${b.title} ${b.number}`,
    sections: [
      {
        children: [
          centred('督 查 通 报', { bold: true, size: 52, color: 'C00000' }),
          centred(`${b.number}（第${b.span.issue}期）`),
          centred(b.title, { bold: true, size: 36 }),
          ...preamble(b).map((line) => paragraph(line)),
          ...body,
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [text(b.office)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(chineseDate(b.span.end))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The same 督查通报 as a PDF (decision 0140): the Word file's masthead, sections, ranking table,
 * 红黑榜 and overdue items in the same order, set in the configured CJK font.
 */
export function bulletinPdf(b: Bulletin, fonts: { regular: PdfFont; bold: PdfFont }): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: '督 查 通 报' },
    { kind: 'centred', text: `${b.number}（第${b.span.issue}期）` },
    { kind: 'centred', text: b.title, bold: true, size: 18 },
    ...preamble(b).map((text) => ({ kind: 'paragraph' as const, text })),
    ...sections(b).flatMap((section, i): PdfBlock[] => [
      { kind: 'heading', text: section.heading },
      ...section.lines.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(i === 1
        ? [
            {
              kind: 'table' as const,
              header: RANKING_HEADER,
              rows: rankingRows(b),
              widths: [4, 16, 4, 4, 4, 4, 6, 5, 4, 4],
            },
          ]
        : []),
    ]),
    { kind: 'right', text: b.office, spaceBefore: 2 },
    { kind: 'right', text: chineseDate(b.span.end) },
  ];
  return renderPdf(blocks, { title: `${b.title} ${b.number}`, fonts });
}
