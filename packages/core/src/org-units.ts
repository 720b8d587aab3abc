import { z } from 'zod';
import { RegionCode } from './regions.ts';

/**
 * What sort of body a responsible unit (责任单位) is. Creation offices (文明办 / 创城办)
 * run the campaign in their region; courts and mass organisations (工会, 共青团, 妇联 …)
 * are named apart because the plan assigns them different kinds of work.
 */
export const OrgUnitKind = z.enum(['department', 'creation_office', 'mass_organisation', 'court', 'other']);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

/** A stable, human-readable code such as `hlj-prov-xcb`: lower-case letters, digits and dashes. */
export const OrgUnitCode = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes, e.g. hlj-prov-xcb');
export type OrgUnitCode = z.infer<typeof OrgUnitCode>;

/** A responsible unit: a department, office or organisation that is attached to one region. */
export const OrgUnit = z.object({
  id: z.string(),
  code: OrgUnitCode,
  /** The full name as official documents write it, e.g. 省委宣传部. */
  name: z.string(),
  /** A common short form (省文明办 for 省精神文明办), when there is one. */
  shortName: z.string().nullable(),
  kind: OrgUnitKind,
  /** The region whose government or party committee the unit belongs to. */
  regionCode: z.string(),
  regionName: z.string(),
  /** The unit it belongs to (省交警总队 under 省公安厅), if any. */
  parentId: z.string().nullable(),
  /**
   * Merged units (issue 16): the unit this one was merged into and the day (省文化厅 into
   * 文化和旅游厅 in 2018). A merged unit is kept under its own name with its tasks and reports.
   */
  mergedInto: z.object({ id: z.string(), name: z.string(), on: z.string() }).nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** A unit with the units merged into it, whose history rolls up to it (`GET /org-units/:id`). */
export const OrgUnitDetail = OrgUnit.extend({
  predecessors: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), mergedOn: z.string() })),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;

/** Merges a unit into a successor that is not itself merged (POST /org-units/:id/merge). */
export const MergeOrgUnitRequest = z.strictObject({
  successorId: z.string().uuid(),
  /** The day the merge took effect (the reform's date). */
  mergedOn: z.iso.date(),
});
export type MergeOrgUnitRequest = z.infer<typeof MergeOrgUnitRequest>;

const UnitName = z.string().trim().min(1).max(100);

export const CreateOrgUnitRequest = z.strictObject({
  code: OrgUnitCode,
  name: UnitName,
  shortName: UnitName.nullable().optional(),
  kind: OrgUnitKind.default('department'),
  regionCode: RegionCode,
  parentId: z.string().uuid().nullable().optional(),
});
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequest>;

/** Every field optional; `null` clears the short name or the parent. */
export const UpdateOrgUnitRequest = z.strictObject({
  code: OrgUnitCode.optional(),
  name: UnitName.optional(),
  shortName: UnitName.nullable().optional(),
  kind: OrgUnitKind.optional(),
  regionCode: RegionCode.optional(),
  parentId: z.string().uuid().nullable().optional(),
});
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequest>;
