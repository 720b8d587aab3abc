import { z } from 'zod';
import { OrgUnit } from '../org-units.ts';
import { RegionCode } from '../regions.ts';
import { PageParam, Total } from './paging.ts';

export const OrgUnitList = z.object({ items: z.array(OrgUnit), nextCursor: z.string().nullable(), total: Total });

export const OrgUnitListQuery = z.strictObject({
  /** Units of this region and the regions below it; must lie inside your scope. */
  regionCode: RegionCode.optional(),
  /** Part of the name, short name or code. */
  q: z.string().max(100).optional(),
  cursor: z.string().max(400).optional(),
  page: PageParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const OrgUnitIdParams = z.strictObject({ id: z.string().uuid() });
