import { describe, expect, it } from 'vitest';
import { actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { orgUnitPolicy } from './policy.ts';

// The specification of orgUnitPolicy: role × where the unit's region lies × action.
const spec = {
  canList: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    ok     ok    ok
    city_admin        ok    ok    ok     ok    ok
    unit_officer      ok    ok    ok     ok    ok
    inspector         ok    ok    ok     ok    ok
    volunteer_manager ok    ok    ok     ok    ok
    auditor           ok    ok    ok     ok    ok
    resident          403   403   403    403   403
  `),
  canRead: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          403   403   403    403   403
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
