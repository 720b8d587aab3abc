import { CaseListQuery, type CaseChannel, type CaseStatus, type CaseSummary } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { beijingTime, type ExportColumn } from '../../http/xlsx.ts';
import { listCases } from './read.ts';

/** The list's filters without its paging: the export has every row the filters select. */
const CaseExportQuery = CaseListQuery.omit({ cursor: true, page: true, limit: true });

const STATUS: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已立案',
  rejected: '不予立案',
  duplicate: '已合并',
  dispatched: '已派遣',
  handling: '处置中',
  handled: '已处置待核查',
  closed: '已结案',
};

const CHANNEL: Record<CaseChannel, string> = {
  resident_web: '群众随手拍',
  inspector: '监督员上报',
  hotline: '热线电话',
  staff: '工作人员录入',
  open311: 'Open311 接口',
};

const QUEUE_TITLE = { dispatch: '待受理派遣案件', unit: '本单位待办案件', verify: '待核查案件' } as const;

const COLUMNS: ExportColumn<CaseSummary>[] = [
  { header: '案件编号', width: 18, value: (c) => c.number },
  { header: '问题类别', width: 14, value: (c) => c.categoryName },
  { header: '问题描述', width: 48, value: (c) => c.description },
  { header: '所在区域', width: 26, value: (c) => c.placeName },
  { header: '详细地址', width: 24, value: (c) => c.address },
  { header: '来源', width: 12, value: (c) => CHANNEL[c.channel] },
  { header: '状态', width: 12, value: (c) => STATUS[c.status] },
  { header: '处置单位', width: 20, value: (c) => c.orgUnit?.name ?? null },
  { header: '上报时间', width: 17, value: (c) => beijingTime(c.createdAt) },
  { header: '处置时限', width: 17, value: (c) => beijingTime(c.deadline) },
  { header: '是否超期', width: 9, value: (c) => (c.overdue ? '超期' : c.paused ? '暂停计时' : '') },
  { header: '返工次数', width: 9, value: (c) => c.reworkCount },
];

/** The case lists and queues as Excel, with the list's filters and the caller's scope. */
export async function caseExportRoutes(app: App, deps: ModuleDeps) {
  listExportRoute(
    app,
    '/cases/export.xlsx',
    {
      tags: ['cases'],
      summary: 'The case list or a queue as an Excel file (same filters and scope as GET /cases)',
      querystring: CaseExportQuery,
    },
    async ({ actor, query }) => ({
      sheet: '案件',
      title: query.queue ? QUEUE_TITLE[query.queue] : '案件列表',
      columns: COLUMNS,
      file: 'cases',
      pages: (cursor, limit) => listCases(deps.db, actor, { ...query, cursor, limit }),
    }),
  );
}
