import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { planPolicy } from './policy.ts';

// The specification of planPolicy: role × where the plan's issuing region lies × action. A plan
// concerns its issuing region's whole subtree, so a city reads the province's plan (parent).
const spec = {
  canRead: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok    ok    ok     scope ok
  `),
  isReadable: policyTable(`
    role              own   child parent other province
    others            yes   yes   yes    no    yes
  `),
  canImport: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
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
