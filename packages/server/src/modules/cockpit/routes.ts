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
import type { z } from 'zod';
import { requireActor, type Actor } from '../auth/index.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { sendKeptJson, type KeptJson } from '../../http/serialized-json.ts';
import { LAGGING_COLUMNS } from './lagging-export.ts';
import { getCockpitJson, getCockpitMapJson, getCockpitRankingJson, getLagging, getLaggingJson } from './service.ts';

// The four views are sent as the JSON kept with the evaluation they come from (checked against the
// route's response schema when it was formed; decisions 0185, 0191), gzipped once for clients that
// accept it (decision 0199).
export async function cockpitRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cockpit'];
  // One view: a GET whose answer is the kept JSON the service forms for the actor and the query.
  const keptView = <Q>(
    url: string,
    summary: string,
    querystring: z.ZodType<Q>,
    response: z.ZodType,
    view: (db: ModuleDeps['db'], actor: Actor, query: Q) => Promise<KeptJson>,
  ) =>
    app.get(url, { schema: { tags, summary, querystring, response: { 200: response } } }, async (request, reply) =>
      sendKeptJson(request, reply, await view(deps.db, requireActor(request), request.query as Q)),
    );
  keptView(
    '/cockpit',
    "A region's targets with value, progress, expected pace, forecast, status and series",
    CockpitQuery,
    CockpitView,
    getCockpitJson,
  );
  keptView(
    '/cockpit/map',
    "The child regions' values and statuses for one target, or values for one indicator",
    CockpitMapQuery,
    CockpitMap,
    getCockpitMapJson,
  );
  keptView(
    '/cockpit/ranking',
    'The child regions ranked by mean progress over their targets',
    CockpitQuery,
    CockpitRanking,
    getCockpitRankingJson,
  );
  keptView(
    '/cockpit/lagging',
    'Targets × regions off track or at risk, the longest lagging first (cursor-paged)',
    LaggingQuery,
    LaggingList,
    getLaggingJson,
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
