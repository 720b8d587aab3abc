import { z } from 'zod';
import { Region, RegionCode } from '../regions.ts';
import { PageParam, Total } from './paging.ts';

export const RegionList = z.object({ items: z.array(Region) });
export const RegionPage = z.object({ items: z.array(Region), nextCursor: z.string().nullable(), total: Total });
/** A region with the chain of regions above it (province first). */
export const RegionDetail = Region.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type RegionDetail = z.infer<typeof RegionDetail>;

export const RegionCodeParams = z.strictObject({ code: RegionCode });
export const RegionChildrenQuery = z.strictObject({ parent: RegionCode });
export const RegionSearchQuery = z.strictObject({
  /** Part of a name, or the start of a code. */
  q: z.string().max(50).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
  page: PageParam,
});
export const RegionSubtreeQuery = z.strictObject({
  maxLevel: z.coerce.number().int().min(1).max(5).default(5),
});
export const RegionSubtree = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.number(),
      parentCode: z.string().nullable(),
      population: z.number().nullable(),
      populationYear: z.number().nullable(),
    }),
  ),
});

export const RegionPopulationUpdate = z.strictObject({
  /** Resident population; null clears a figure that turned out wrong. */
  population: z.number().int().min(0).max(2_000_000_000).nullable(),
  year: z.number().int().min(1949).max(2100).nullable(),
});
