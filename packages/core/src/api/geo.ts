import { z } from 'zod';
import { RegionCode } from '../regions.ts';

// The geo module's API: the cockpit map's outlines and the public "which region is this point in".

export const GeoRegionParams = z.strictObject({ regionCode: RegionCode });

/** Outlines of a region's children (GeoJSON), as data/geo/<region>.json holds them (see data/geo/README.md). */
export const ChildOutlines = z.object({
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
export type ChildOutlines = z.infer<typeof ChildOutlines>;

export const RegionsAtPointQuery = z.strictObject({
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
});

/** The regions a point lies in, top down (prefecture, then county where outlines exist). */
export const RegionsAtPoint = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
});
export type RegionsAtPoint = z.infer<typeof RegionsAtPoint>;
