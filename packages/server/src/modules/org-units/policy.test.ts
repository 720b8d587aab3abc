import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { orgUnitPolicy } from './policy.ts';

// The specification of orgUnitPolicy: role × where the unit's region lies × action.
const spec = {
  canList: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok
  `),
  canRead: policyTable(`
    role              own   child parent other province
    resident          403
    others            ok    ok    scope  scope ok
  `),
  canWrite: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
};

describe('orgUnitPolicy', () => {
  it.each(spec.canList)('canList: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => orgUnitPolicy.canList(actorOf(role, scope)))).toBe(expected);
  });
  it.each(spec.canRead)('canRead: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => orgUnitPolicy.canRead(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
  it.each(spec.canWrite)('canWrite: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => orgUnitPolicy.canWrite(actorOf(role, scope), SCOPE_PATHS[scope].target))).toBe(expected);
  });
});
