import { z } from 'zod';

/** The roles an account can hold. Every account also carries a region scope (a subtree). */
export const Role = z.enum([
  'province_admin',
  'city_admin',
  'unit_officer',
  'inspector',
  'volunteer_manager',
  'auditor',
  'resident',
]);
export type Role = z.infer<typeof Role>;

/**
 * Permissions are named `<resource>.<verb>`. Region scope is checked separately
 * (see `scope.ts`): a permission says what a role may do, the scope says where.
 */
export const Permission = z.enum([
  'region.read',
  'region.write',
  'group.write',
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'plan.read',
  'plan.write',
  'report.write',
  'supervision.read',
  'supervision.write',
  // Indicators, data reporting and the cockpit (issue 4).
  'indicator.read',
  'indicator.write',
  'data.enter',
  'data.approve',
  // Evaluation, incidents and titles (issue 5).
  'evaluation.read',
  'evaluation.manage',
  'evaluation.score',
  'incident.write',
  'title.write',
  // Problem cases (issue 6).
  'case.report',
  'case.read',
  'case.dispatch',
  'case.handle',
  'case.verify',
  'case.configure',
  // Personal data in full (issue 11): every reveal is audited.
  'personal_data.reveal',
]);
export type Permission = z.infer<typeof Permission>;

const staff: Role[] = ['province_admin', 'city_admin', 'unit_officer', 'inspector', 'volunteer_manager', 'auditor'];

/** Role × permission table. Kept as data so that its tests can walk it. */
export const rolePermissions: Record<Permission, readonly Role[]> = {
  // Residents pick a region when they report a problem, so they may read regions too.
  'region.read': [...staff, 'resident'],
  'region.write': ['province_admin', 'city_admin'],
  'group.write': ['province_admin'],
  'org.read': staff,
  'org.write': ['province_admin', 'city_admin'],
  'user.read': ['province_admin', 'city_admin', 'auditor'],
  'user.write': ['province_admin', 'city_admin'],
  'audit.read': ['province_admin', 'city_admin', 'auditor'],
  // Every staff role works to the plan; residents see its public parts through other pages.
  'plan.read': staff,
  'plan.write': ['province_admin', 'city_admin'],
  // Unit officers file progress reports and answer notices for their own organisation.
  'report.write': ['unit_officer'],
  'supervision.read': ['province_admin', 'city_admin', 'unit_officer', 'auditor'],
  // Creation offices (administrators) issue notices, run joint meetings and close items.
  'supervision.write': ['province_admin', 'city_admin'],
  // Every staff role reads indicators and the cockpit; the catalogue is the province's.
  'indicator.read': staff,
  'indicator.write': ['province_admin'],
  // County and city officers enter figures for regions in their scope; offices approve level by level.
  'data.enter': ['province_admin', 'city_admin', 'unit_officer'],
  'data.approve': ['province_admin', 'city_admin'],
  'evaluation.read': staff,
  // Offices manage frameworks and rounds; inspectors and offices score.
  'evaluation.manage': ['province_admin', 'city_admin'],
  'evaluation.score': ['province_admin', 'city_admin', 'inspector'],
  'incident.write': ['province_admin', 'city_admin'],
  // Titles change only with a reason (a published round or an incident); the province records them.
  'title.write': ['province_admin'],
  // Anyone signed in may report a problem; staff read cases in their scope.
  'case.report': [...staff, 'resident'],
  'case.read': staff,
  'case.dispatch': ['province_admin', 'city_admin'],
  'case.handle': ['unit_officer'],
  'case.verify': ['inspector'],
  'case.configure': ['province_admin', 'city_admin'],
  // Those who call reporters back: dispatching offices and the officers of the handling unit
  // (who also see the case's contact). Inspectors, auditors and residents see masked values only.
  'personal_data.reveal': ['province_admin', 'city_admin', 'unit_officer'],
};

/** Whether a role holds a permission, regardless of region. */
export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[permission].includes(role);
}

/**
 * Roles an administrator may hand out. A city administrator cannot create province
 * administrators; nobody may grant a scope wider than their own (checked with the scope).
 */
export function grantableRoles(role: Role): Role[] {
  if (role === 'province_admin') return [...Role.options];
  if (role === 'city_admin') return Role.options.filter((r) => r !== 'province_admin');
  return [];
}
