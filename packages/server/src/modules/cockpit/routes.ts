import {
  CockpitMap,
  CockpitMapQuery,
  CockpitQuery,
  CockpitRanking,
  CockpitView,
  LaggingList,
  LaggingQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { getCockpit, getCockpitMap, getCockpitRanking, getLagging } from './service.ts';

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
    async (request) => getCockpit(deps.db, requireActor(request), request.query),
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
    async (request) => getCockpitMap(deps.db, requireActor(request), request.query),
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
    async (request) => getCockpitRanking(deps.db, requireActor(request), request.query),
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
    async (request) => getLagging(deps.db, requireActor(request), request.query),
  );
}
