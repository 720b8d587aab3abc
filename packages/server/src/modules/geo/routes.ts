import { ChildOutlines, GeoRegionParams, RegionsAtPoint, RegionsAtPointQuery } from '@chuangcheng/core';
import { notFound } from '../../http/problem.ts';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { regionPolicy } from '../regions/index.ts';
import { regionLookup } from '../regions/index.ts';
import { codesAtPoint, readOutlines } from './outlines.ts';

/**
 * GET /geo/:regionCode: the map of a region's children for the cockpit, named as the regions table names them.
 * GET /public/regions/at: the regions a point lies in, for the resident's report (no account).
 */
export async function geoRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/geo/:regionCode',
    {
      schema: {
        tags: ['regions'],
        summary: "Outlines of a region's children (GeoJSON), 404 when there is no map for it",
        params: GeoRegionParams,
        response: { 200: ChildOutlines },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { regionCode } = request.params;
      const region = await regionLookup.findByCode(deps.db, regionCode);
      if (!region) throw notFound('region', regionCode);
      regionPolicy.canRead(actor, region.path);
      const outlines = await readOutlines(regionCode);
      if (!outlines) throw notFound('regionMap', regionCode);
      // Only outlines of regions that exist, with the names the rest of the app shows.
      const names = new Map(
        (await regionLookup.listChildren(deps.db, regionCode)).map((child) => [child.code, child.name]),
      );
      return {
        type: 'FeatureCollection' as const,
        features: outlines.features.flatMap((feature) => {
          const name = names.get(feature.properties.code);
          return name ? [{ ...feature, properties: { ...feature.properties, name } }] : [];
        }),
      };
    },
  );

  app.get(
    '/public/regions/at',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['regions'],
        summary: 'The regions a point lies in, top down (prefecture, county where outlines exist), for the report page',
        querystring: RegionsAtPointQuery,
        response: { 200: RegionsAtPoint },
      },
    },
    async (request) => {
      const root = await regionLookup.findRoot(deps.db);
      if (!root) return { items: [] };
      const codes = await codesAtPoint(root.code, request.query.lng, request.query.lat);
      if (codes.length === 0) return { items: [] };
      const rows = await regionLookup.listByCodes(deps.db, codes);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      // Stop at the first outline whose region is not installed: the chain stays a path.
      const items = [];
      for (const code of codes) {
        const row = byCode.get(code);
        if (!row) break;
        items.push({ code: row.code, name: row.name, level: row.level });
      }
      return { items };
    },
  );
}
