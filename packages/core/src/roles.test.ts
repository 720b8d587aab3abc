import { describe, expect, it } from 'vitest';
import { can, grantableRoles, Permission, Role, rolePermissions } from './roles.ts';

describe('role permissions', () => {
  // The table read back row by row: a change to rolePermissions must change this test too.
  const expected: Record<Role, Permission[]> = {
    province_admin: [
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
      'supervision.read',
      'supervision.write',
      'indicator.read',
      'indicator.write',
      'data.enter',
      'data.approve',
      'evaluation.read',
      'evaluation.manage',
      'evaluation.score',
      'incident.write',
      'title.write',
      'case.report',
      'case.read',
      'case.dispatch',
      'case.configure',
      'personal_data.reveal',
    ],
    city_admin: [
      'region.read',
      'region.write',
      'org.read',
      'org.write',
      'user.read',
      'user.write',
      'audit.read',
      'plan.read',
      'plan.write',
      'supervision.read',
      'supervision.write',
      'indicator.read',
      'data.enter',
      'data.approve',
      'evaluation.read',
      'evaluation.manage',
      'evaluation.score',
      'incident.write',
      'case.report',
      'case.read',
      'case.dispatch',
      'case.configure',
      'personal_data.reveal',
    ],
    unit_officer: [
      'region.read',
      'org.read',
      'plan.read',
      'report.write',
      'supervision.read',
      'indicator.read',
      'data.enter',
      'evaluation.read',
      'case.report',
      'case.read',
      'case.handle',
      'personal_data.reveal',
    ],
    inspector: [
      'region.read',
      'org.read',
      'plan.read',
      'indicator.read',
      'evaluation.read',
      'evaluation.score',
      'case.report',
      'case.read',
      'case.verify',
    ],
    volunteer_manager: [
      'region.read',
      'org.read',
      'plan.read',
      'indicator.read',
      'evaluation.read',
      'case.report',
      'case.read',
    ],
    auditor: [
      'region.read',
      'org.read',
      'user.read',
      'audit.read',
      'plan.read',
      'supervision.read',
      'indicator.read',
      'evaluation.read',
      'case.report',
      'case.read',
    ],
    resident: ['region.read', 'case.report'],
  };
  for (const role of Role.options) {
    it(`${role} holds exactly its permissions`, () => {
      const held = Permission.options.filter((p) => can(role, p));
      expect(held).toEqual(expected[role]);
    });
  }

  it('lists only known roles in the table', () => {
    for (const roles of Object.values(rolePermissions)) {
      for (const role of roles) expect(Role.options).toContain(role);
    }
  });

  it('lets only administrators grant roles, and never province_admin from a city', () => {
    expect(grantableRoles('province_admin')).toEqual(Role.options);
    expect(grantableRoles('city_admin')).not.toContain('province_admin');
    expect(grantableRoles('city_admin')).toContain('inspector');
    expect(grantableRoles('auditor')).toEqual([]);
    expect(grantableRoles('resident')).toEqual([]);
  });
});
