import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { groupPolicy } from './group-policy.ts';
import { regionPolicy } from './policy.ts';

// The specification of regionPolicy and groupPolicy: role × where the region lies × action.
// Groups are province-wide facts, so their answers do not depend on the scope.
const spec = {
  canRead: policyTable(`
    role              own   child parent other province
    others            ok    ok    scope  scope ok
  `),
  canWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
  isVisible: policyTable(`
    role              own   child parent other province
    others            yes   yes   no     no    yes
  `),
  groupRead: policyTable(`
    role              own   child parent other province
    others            ok
  `),
  groupWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok
    others            403
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
