import {
  Region,
  RegionChildrenQuery,
  RegionCodeParams,
  RegionDetail,
  RegionList,
  RegionPage,
  RegionPopulationUpdate,
  RegionSearchQuery,
  RegionSubtree,
  RegionSubtreeQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { listChildren, listRoots, listSubtree, readRegion, searchRegions, updatePopulation } from './service.ts';

export async function regionRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['regions']);
  route.get(
    '/regions/roots',
    { summary: 'The root of your region scope', response: RegionList },
    async ({ actor }) => ({
      items: await listRoots(db, actor),
    }),
  );
  route.get(
    '/regions',
    { summary: 'Children of a region', querystring: RegionChildrenQuery, response: RegionList },
    async ({ actor, query }) => ({ items: await listChildren(db, actor, query.parent) }),
  );
  route.get(
    '/regions/search',
    { summary: 'Search regions in scope by name or code', querystring: RegionSearchQuery, response: RegionPage },
    ({ actor, query }) => searchRegions(db, actor, query),
  );
  route.get(
    '/regions/:code',
    { summary: 'One region with its ancestors', params: RegionCodeParams, response: RegionDetail },
    ({ actor, params }) => readRegion(db, actor, params.code),
  );
  route.get(
    '/regions/:code/subtree',
    {
      summary: 'A region and everything below it, down to maxLevel',
      params: RegionCodeParams,
      querystring: RegionSubtreeQuery,
      response: RegionSubtree,
    },
    async ({ actor, params, query }) => ({ items: await listSubtree(db, actor, params.code, query.maxLevel) }),
  );
  route.put(
    '/regions/:code/population',
    {
      summary: 'Set or clear the population figure of a region',
      params: RegionCodeParams,
      body: RegionPopulationUpdate,
      response: Region,
    },
    ({ actor, params, body, requestId }) => updatePopulation(db, actor, params.code, body, requestId),
  );
}
