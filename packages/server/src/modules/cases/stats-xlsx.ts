import ExcelJS from 'exceljs';
import { CASE_STATS_DEFINITIONS, type CaseStats } from '@chuangcheng/core';

const COLUMNS: { key: keyof CaseStats['total']; header: string; percent?: boolean }[] = [
  { key: 'name', header: '名称' },
  { key: 'cases', header: '受理数' },
  { key: 'accepted', header: '立案数' },
  { key: 'due', header: '应结案数' },
  { key: 'closed', header: '结案数' },
  { key: 'closedOnTime', header: '按期结案数' },
  { key: 'closureRate', header: '结案率', percent: true },
  { key: 'onTimeRate', header: '按期结案率', percent: true },
  { key: 'reworkRate', header: '返工率', percent: true },
  { key: 'avgHandlingHours', header: '平均办理时长（自然小时）' },
  { key: 'avgHandlingWorkingHours', header: '平均办理时长（工作小时）' },
  { key: 'satisfaction', header: '满意度' },
  { key: 'ratings', header: '评价案件数' },
  { key: 'open', header: '未结案数' },
  { key: 'overdueOpen', header: '超期未结数' },
];

/**
 * The statistics as an Excel file: sheet 统计 with a row per group and the total, and sheet 口径说明
 * with the exact definition of every figure (zh and en, with an example), so a table passed on
 * between offices carries what its numbers mean.
 */
export async function statsWorkbook(stats: CaseStats): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计');
  sheet.addRow([`案件统计（按上报时间 ${stats.from} 至 ${stats.to}，北京时间）`]);
  sheet.addRow(COLUMNS.map((c) => c.header));
  sheet.getRow(2).font = { bold: true };
  for (const row of [...stats.rows, { ...stats.total, name: `合计（${stats.total.name}）` }]) {
    sheet.addRow(COLUMNS.map((c) => row[c.key]));
  }
  COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = i === 0 ? 24 : 14;
    if (c.percent) column.numFmt = '0.00%';
  });
  const definitions = workbook.addWorksheet('口径说明');
  definitions.addRow(['指标', '口径（中文）', 'Definition (English)']);
  definitions.getRow(1).font = { bold: true };
  for (const d of CASE_STATS_DEFINITIONS) definitions.addRow([d.key, d.zh, d.en]);
  definitions.getColumn(1).width = 24;
  for (const col of [2, 3]) {
    definitions.getColumn(col).width = 80;
    definitions.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
