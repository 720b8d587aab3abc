import { CaseMap, CaseMapQuery, CaseStats, CaseStatsQuery } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { caseMap, caseStatistics } from './stats.ts';
import { statsWorkbook } from './stats-xlsx.ts';

/** Case statistics (JSON and Excel) and the map of open cases. */
export async function caseStatsRoutes(app: App, deps: ModuleDeps) {
  const route = actorRoutes(app, ['cases']);
  route.get(
    '/cases/stats',
    { summary: 'Case statistics (结案率, 按期结案率, 返工率 ...)', querystring: CaseStatsQuery, response: CaseStats },
    ({ actor, query }) => caseStatistics(deps.db, actor, query),
  );
  route.workbook(
    '/cases/stats.xlsx',
    {
      summary: 'Case statistics as an Excel file, with a sheet of the definitions (口径说明)',
      querystring: CaseStatsQuery,
    },
    async ({ actor, query }) => {
      const stats = await caseStatistics(deps.db, actor, query);
      const name = `案件统计-${stats.from}-${stats.to}.xlsx`;
      return { file: { ascii: 'case-stats.xlsx', name }, body: await statsWorkbook(stats) };
    },
  );
  route.get(
    '/cases/map',
    { summary: 'Open cases as points and per region', querystring: CaseMapQuery, response: CaseMap },
    ({ actor, query }) => caseMap(deps.db, actor, query),
  );
}
