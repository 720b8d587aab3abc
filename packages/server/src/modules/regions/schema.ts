import { z } from 'zod';
import { Region, RegionCode } from '@chuangcheng/core';

export const RegionList = z.object({ items: z.array(Region) });
export const RegionPage = z.object({ items: z.array(Region), nextCursor: z.string().nullable() });
export const RegionDetail = Region.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const RegionCodeParams = z.strictObject({ code: RegionCode });
export const ChildrenQuery = z.strictObject({ parent: RegionCode });
export const SearchQuery = z.strictObject({
  /** Part of a name, or the start of a code. */
  q: z.string().max(50).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});
export const SubtreeQuery = z.strictObject({
  maxLevel: z.coerce.number().int().min(1).max(5).default(5),
});
export const SubtreeResponse = z.object({
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

export const PopulationUpdate = z.strictObject({
  /** Resident population; null clears a figure that turned out wrong. */
  population: z.number().int().min(0).max(2_000_000_000).nullable(),
  year: z.number().int().min(1949).max(2100).nullable(),
});
