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
import { requireActor } from '../auth/index.ts';
import { listChildren, listRoots, listSubtree, readRegion, searchRegions, updatePopulation } from './service.ts';

export async function regionRoutes(app: App, deps: ModuleDeps) {
  const tags = ['regions'];
  app.get(
    '/regions/roots',
    { schema: { tags, summary: 'The root of your region scope', response: { 200: RegionList } } },
    async (request) => ({ items: await listRoots(deps.db, requireActor(request)) }),
  );

  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Children of a region',
        querystring: RegionChildrenQuery,
        response: { 200: RegionList },
      },
    },
    async (request) => ({ items: await listChildren(deps.db, requireActor(request), request.query.parent) }),
  );

  app.get(
    '/regions/search',
    {
      schema: {
        tags,
        summary: 'Search regions in scope by name or code',
        querystring: RegionSearchQuery,
        response: { 200: RegionPage },
      },
    },
    async (request) => searchRegions(deps.db, requireActor(request), request.query),
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags,
        summary: 'One region with its ancestors',
        params: RegionCodeParams,
        response: { 200: RegionDetail },
      },
    },
    async (request) => readRegion(deps.db, requireActor(request), request.params.code),
  );

  app.get(
    '/regions/:code/subtree',
    {
      schema: {
        tags,
        summary: 'A region and everything below it, down to maxLevel',
        params: RegionCodeParams,
        querystring: RegionSubtreeQuery,
        response: { 200: RegionSubtree },
      },
    },
    async (request) => ({
      items: await listSubtree(deps.db, requireActor(request), request.params.code, request.query.maxLevel),
    }),
  );

  app.put(
    '/regions/:code/population',
    {
      schema: {
        tags,
        summary: 'Set or clear the population figure of a region',
        params: RegionCodeParams,
        body: RegionPopulationUpdate,
        response: { 200: Region },
      },
    },
    async (request) => updatePopulation(deps.db, requireActor(request), request.params.code, request.body, request.id),
  );
}
