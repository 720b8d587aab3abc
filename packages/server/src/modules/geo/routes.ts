import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { RegionCode } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';
import { notFound } from '../../http/problem.ts';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/actor.ts';
import { regionPolicy } from '../regions/policy.ts';
import { regionRepository } from '../regions/repository.ts';

/** Outlines of a region's children, one file per region (see data/geo/README.md). */
const GEO_DIR = path.join(REPO_ROOT, 'data', 'geo');

const ChildOutlines = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        /** The child region's code, the key the cockpit colours by. */
        code: RegionCode,
        name: z.string(),
        /** [longitude, latitude] for a label. */
        centre: z.tuple([z.number(), z.number()]).nullable(),
      }),
      geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
    }),
  ),
});
type ChildOutlines = z.infer<typeof ChildOutlines>;

// The files are part of the release and never change while the server runs.
const cache = new Map<string, Promise<ChildOutlines | null>>();

function readOutlines(regionCode: string): Promise<ChildOutlines | null> {
  let pending = cache.get(regionCode);
  if (!pending) {
    pending = fs
      .readFile(path.join(GEO_DIR, `${regionCode}.json`), 'utf8')
      .then((text) => ChildOutlines.parse(JSON.parse(text)))
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        cache.delete(regionCode);
        throw error;
      });
    cache.set(regionCode, pending);
  }
  return pending;
}

/** GET /geo/:regionCode: the map of a region's children for the cockpit, named as the regions table names them. */
export async function geoRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/geo/:regionCode',
    {
      schema: {
        tags: ['regions'],
        summary: "Outlines of a region's children (GeoJSON), 404 when there is no map for it",
        params: z.strictObject({ regionCode: RegionCode }),
        response: { 200: ChildOutlines },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { regionCode } = request.params;
      const region = await regionRepository.findByCode(deps.db, regionCode);
      if (!region) throw notFound(`region ${regionCode}`);
      regionPolicy.canRead(actor, region.path);
      const outlines = await readOutlines(regionCode);
      if (!outlines) throw notFound(`a map of the regions under ${regionCode}`);
      // Only outlines of regions that exist, with the names the rest of the app shows.
      const names = new Map(
        (await regionRepository.listChildren(deps.db, regionCode)).map((child) => [child.code, child.name]),
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
}
