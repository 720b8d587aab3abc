import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { groupPolicy } from './group-policy.ts';
import { regionPolicy } from './policy.ts';

// The specification of regionPolicy and groupPolicy: role × where the region lies × action.
// Groups are province-wide facts, so their answers do not depend on the scope.
const spec = {
  canRead: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          ok    ok    scope  scope ok
  `),
  canWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      403   403   403    403   403
    inspector         403   403   403    403   403
    volunteer_manager 403   403   403    403   403
    auditor           403   403   403    403   403
    resident          403   403   403    403   403
  `),
  isVisible: policyTable(`
    role              own   child parent other province
    province_admin    yes   yes   no     no    yes
    city_admin        yes   yes   no     no    yes
    unit_officer      yes   yes   no     no    yes
    inspector         yes   yes   no     no    yes
    volunteer_manager yes   yes   no     no    yes
    auditor           yes   yes   no     no    yes
    resident          yes   yes   no     no    yes
  `),
  groupRead: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    ok     ok    ok
    city_admin        ok    ok    ok     ok    ok
    unit_officer      ok    ok    ok     ok    ok
    inspector         ok    ok    ok     ok    ok
    volunteer_manager ok    ok    ok     ok    ok
    auditor           ok    ok    ok     ok    ok
    resident          ok    ok    ok     ok    ok
  `),
  groupWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    ok     ok    ok
    city_admin        403   403   403    403   403
    unit_officer      403   403   403    403   403
    inspector         403   403   403    403   403
    volunteer_manager 403   403   403    403   403
    auditor           403   403   403    403   403
    resident          403   403   403    403   403
  `),
};

describe('regionPolicy', () => {
  it.each(spec.canRead)('canRead: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => regionPolicy.canRead(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  it.each(spec.canWrite)('canWrite: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => regionPolicy.canWrite(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  it.each(spec.isVisible)('isVisible: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => regionPolicy.isVisible(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
});

describe('groupPolicy', () => {
  it.each(spec.groupRead)('canRead: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => groupPolicy.canRead(actorOf(role, scope)))).toBe(expected);
  });
  it.each(spec.groupWrite)('canWrite: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => groupPolicy.canWrite(actorOf(role, scope)))).toBe(expected);
  });
});
