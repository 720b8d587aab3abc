import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { planPolicy } from './policy.ts';

// The specification of planPolicy: role × where the plan's issuing region lies × action. A plan
// concerns its issuing region's whole subtree, so a city reads the province's plan (parent).
const spec = {
  canRead: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    ok     scope ok
    city_admin        ok    ok    ok     scope ok
    unit_officer      ok    ok    ok     scope ok
    inspector         ok    ok    ok     scope ok
    volunteer_manager ok    ok    ok     scope ok
    auditor           ok    ok    ok     scope ok
    resident          403   403   403    403   403
  `),
  isReadable: policyTable(`
    role              own   child parent other province
    province_admin    yes   yes   yes    no    yes
    city_admin        yes   yes   yes    no    yes
    unit_officer      yes   yes   yes    no    yes
    inspector         yes   yes   yes    no    yes
    volunteer_manager yes   yes   yes    no    yes
    auditor           yes   yes   yes    no    yes
    resident          yes   yes   yes    no    yes
  `),
  canImport: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      403   403   403    403   403
    inspector         403   403   403    403   403
    volunteer_manager 403   403   403    403   403
    auditor           403   403   403    403   403
    resident          403   403   403    403   403
  `),
};

describe('planPolicy', () => {
  it.each(spec.canRead)('canRead: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => planPolicy.canRead(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  // isReadable filters lists whose route already checked plan.read, so it looks at the scope only.
  it.each(spec.isReadable)('isReadable: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => planPolicy.isReadable(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  it.each(spec.canImport)('canImport: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => planPolicy.canImport(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
});
