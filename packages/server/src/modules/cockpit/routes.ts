import {
  CockpitMap,
  CockpitMapQuery,
  CockpitQuery,
  CockpitRanking,
  CockpitView,
  LaggingExportQuery,
  LaggingList,
  LaggingQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { sendKeptJson } from '../../http/serialized-json.ts';
import { LAGGING_COLUMNS } from './lagging-export.ts';
import { getCockpitJson, getCockpitMapJson, getCockpitRankingJson, getLagging, getLaggingJson } from './service.ts';

// The four views are sent as the JSON kept with the evaluation they come from (checked against the
// route's response schema when it was formed; decisions 0185, 0191), gzipped once for clients that
// accept it (decision 0199).
export async function cockpitRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cockpit'];
  app.get(
    '/cockpit',
    {
      schema: {
        tags,
        summary: "A region's targets with value, progress, expected pace, forecast, status and series",
        querystring: CockpitQuery,
        response: { 200: CockpitView },
      },
    },
    async (request, reply) =>
      sendKeptJson(request, reply, await getCockpitJson(deps.db, requireActor(request), request.query)),
  );
  app.get(
    '/cockpit/map',
    {
      schema: {
        tags,
        summary: "The child regions' values and statuses for one target, or values for one indicator",
        querystring: CockpitMapQuery,
        response: { 200: CockpitMap },
      },
    },
    async (request, reply) =>
      sendKeptJson(request, reply, await getCockpitMapJson(deps.db, requireActor(request), request.query)),
  );
  app.get(
    '/cockpit/ranking',
    {
      schema: {
        tags,
        summary: 'The child regions ranked by mean progress over their targets',
        querystring: CockpitQuery,
        response: { 200: CockpitRanking },
      },
    },
    async (request, reply) =>
      sendKeptJson(request, reply, await getCockpitRankingJson(deps.db, requireActor(request), request.query)),
  );
  app.get(
    '/cockpit/lagging',
    {
      schema: {
        tags,
        summary: 'Targets × regions off track or at risk, the longest lagging first (cursor-paged)',
        querystring: LaggingQuery,
        response: { 200: LaggingList },
      },
    },
    async (request, reply) =>
      sendKeptJson(request, reply, await getLaggingJson(deps.db, requireActor(request), request.query)),
  );
  listExportRoute(
    app,
    '/cockpit/lagging/export.xlsx',
    {
      tags,
      summary: 'The lagging list as an Excel file (same region, date, order and scope as GET /cockpit/lagging)',
      querystring: LaggingExportQuery,
    },
    async ({ actor, query }) => ({
      sheet: '滞后清单',
      title: '创建目标滞后清单',
      columns: LAGGING_COLUMNS,
      file: 'lagging',
      pages: (cursor, limit) => getLagging(deps.db, actor, { ...query, cursor, limit }),
    }),
  );
}
