import type { CaseCategory, DispatchRule } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import type { ExportColumn } from '../../http/xlsx.ts';
import { listCategories, listDispatchRules, readHolidays } from './config.ts';

type HolidayYear = { year: number; source: string; holidays: string[]; workdays: string[] };

const KIND: Record<CaseCategory['kind'], string> = { component: '部件', event: '事件' };
const DAY_RULE: Record<CaseCategory['dayRule'], string> = {
  next_day: '次日起算',
  from_report: '自上报时起算（每日 7.5 工作小时）',
};

const limitText = (c: CaseCategory) =>
  c.timeLimit ? `${c.timeLimit.amount} ${c.timeLimit.unit === 'hours' ? '小时' : '个工作日'}` : '';

/** The case settings lists an office prints: dispatch rules, categories with their limits, the holiday calendar. */
export async function caseSettingsExportRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];

  listExportRoute(
    app,
    '/cases/dispatch-rules/export.xlsx',
    { tags, summary: 'The dispatch rules in your scope as an Excel file (as GET /cases/dispatch-rules)' },
    async ({ actor }) => {
      const [{ items: rules }, categories] = await Promise.all([
        listDispatchRules(deps.db, actor),
        listCategories(deps.db, actor),
      ]);
      const names = new Map(categories.map((c) => [c.code, c.name]));
      const columns: ExportColumn<DispatchRule>[] = [
        { header: '行政区划代码', width: 14, value: (r) => r.regionCode },
        { header: '行政区划', width: 20, value: (r) => r.regionName },
        {
          header: '问题类别',
          width: 20,
          value: (r) => (r.categoryCode ? (names.get(r.categoryCode) ?? r.categoryCode) : '全部类别'),
        },
        { header: '处置单位', width: 28, value: (r) => r.orgUnit.name },
      ];
      return { sheet: '派遣规则', title: '案件派遣规则', columns, file: 'dispatch-rules', rows: rules };
    },
  );

  listExportRoute(
    app,
    '/cases/categories/export.xlsx',
    {
      tags,
      summary: 'The case categories with their time limits as an Excel file (as GET /cases/categories)',
    },
    async ({ actor }) => {
      const categories = await listCategories(deps.db, actor);
      const groups = new Map(categories.filter((c) => c.parentCode === null).map((c) => [c.code, c.name]));
      const columns: ExportColumn<CaseCategory>[] = [
        { header: '大类', width: 16, value: (c) => groups.get(c.parentCode ?? '') ?? '' },
        { header: '类别代码', width: 14, value: (c) => c.code },
        { header: '问题类别', width: 18, value: (c) => c.name },
        { header: '类型', width: 8, value: (c) => KIND[c.kind] },
        { header: '说明', width: 40, value: (c) => c.description },
        { header: '处置时限', width: 12, value: limitText },
        { header: '计时规则', width: 16, value: (c) => DAY_RULE[c.dayRule] },
        { header: '默认处置部门', width: 18, value: (c) => c.defaultUnitName },
        { header: '关键词', width: 28, value: (c) => c.keywords.join('、') },
        { header: '状态', width: 8, value: (c) => (c.active ? '启用' : '停用') },
      ];
      const rows = categories.filter((c) => c.parentCode !== null);
      return { sheet: '问题类别', title: '案件问题类别及处置时限', columns, file: 'case-categories', rows };
    },
  );

  listExportRoute(
    app,
    '/cases/holidays/export.xlsx',
    { tags, summary: 'The holiday calendar as an Excel file (as GET /cases/holidays)' },
    async ({ actor }) => {
      const { items } = await readHolidays(deps.db, actor);
      const columns: ExportColumn<HolidayYear>[] = [
        { header: '年份', width: 8, value: (y) => y.year },
        { header: '放假日期', width: 60, value: (y) => y.holidays.join('、') },
        { header: '调休上班日期', width: 30, value: (y) => y.workdays.join('、') },
        { header: '依据', width: 40, value: (y) => y.source },
      ];
      return { sheet: '节假日', title: '节假日安排', columns, file: 'holidays', rows: items };
    },
  );
}
