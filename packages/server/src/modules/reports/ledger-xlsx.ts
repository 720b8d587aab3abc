import type { Ledger, StatusColour, TaskStatus } from '@chuangcheng/core';

/** Column headings and widths of the ledger as supervision offices lay it out. */
const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 },
  { header: '工程', width: 28 },
  { header: '任务编号', width: 9 },
  { header: '任务', width: 30 },
  { header: '责任单位', width: 18 },
  { header: '牵头/配合', width: 10 },
  { header: '完成时限', width: 12 },
  { header: '状态', width: 10 },
  { header: '最近报告期', width: 12 },
  { header: '报告时间', width: 18 },
  { header: '进展情况', width: 50 },
  { header: '未报期数', width: 9 },
  { header: '未办结督办单', width: 12 },
  { header: '迟报期数', width: 9 },
  { header: '逾期节点', width: 16 },
];

const STATUS_LABELS: Record<TaskStatus, string> = {
  done: '已完成',
  on_track: '正常推进',
  due_soon: '临近期限',
  behind: '进度滞后',
  milestone_missed: '节点逾期',
  overdue: '逾期未完成',
};

const FILLS: Record<StatusColour, string> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE' };

const ROLE_LABELS: Record<string, string> = { lead: '牵头', participating: '配合' };

/** Beijing time, as offices read it. */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The ledger as an Excel workbook: a title row, a frozen header, one row per task and unit. */
export async function ledgerWorkbook(ledger: Ledger): Promise<Buffer> {
  // Loaded on first export: it is large, and every server and CLI start would pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chuangcheng';
  const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = `${ledger.plan.name} 督查督办台账（截至 ${ledger.asOf}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;

  const header = sheet.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });

  ledger.items.forEach((item, index) => {
    const row = sheet.addRow([
      index + 1,
      `${item.programme.code}. ${item.programme.title}`,
      item.taskNumber,
      item.taskTitle,
      item.orgUnit.name,
      ROLE_LABELS[item.role] ?? item.role,
      item.deadline,
      STATUS_LABELS[item.status],
      item.latestReport?.period ?? '',
      item.latestReport ? beijingTime(item.latestReport.submittedAt) : '',
      item.latestReport?.excerpt ?? '',
      item.missingPeriods,
      item.openNotices,
      item.latePeriods,
      item.missedMilestones.map((m) => `${m.code}（${m.due}）`).join('、'),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[item.colour] } };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };

  // Action items of joint meetings are supervised like tasks: the overdue ones on their own sheet.
  const items = workbook.addWorksheet('逾期会议议定事项');
  items.columns = [6, 36, 18, 12, 9, 30].map((width) => ({ width }));
  items.addRow(['序号', '议定事项', '责任单位', '完成时限', '逾期天数', '会议']).font = { bold: true };
  ledger.overdueActionItems.forEach((item, index) => {
    items.addRow([
      index + 1,
      item.title,
      item.orgUnit.name,
      item.due,
      item.daysOverdue,
      `${item.meeting.title}（${item.meeting.heldOn}）`,
    ]);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
