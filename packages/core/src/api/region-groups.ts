import { z } from 'zod';
import { RegionCode, RegionGroup, RegionGroupKind } from '../regions.ts';

/** Group codes are English kebab-case (`belt-ha-da-qi-ling`) so that URLs and data files stay stable. */
export const RegionGroupCode = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes, e.g. belt-ha-da-qi-ling');

const GroupFields = {
  name: z.string().trim().min(1).max(100),
  kind: RegionGroupKind,
  /** Where the membership comes from (the plan's wording, or an interpretation of it). */
  description: z.string().trim().max(2000).nullable().optional(),
  /** Region codes of the members; order does not matter, each at most once. */
  memberCodes: z.array(RegionCode).max(2000),
};

export const CreateRegionGroupRequest = z.strictObject({ code: RegionGroupCode, ...GroupFields });
export type CreateRegionGroupRequest = z.infer<typeof CreateRegionGroupRequest>;

/** A PUT replaces the whole group: name, kind, description and members. */
export const UpdateRegionGroupRequest = z.strictObject(GroupFields);
export type UpdateRegionGroupRequest = z.infer<typeof UpdateRegionGroupRequest>;

export const RegionGroupList = z.object({ items: z.array(RegionGroup) });
export const RegionGroupCodeParams = z.strictObject({ code: RegionGroupCode });
