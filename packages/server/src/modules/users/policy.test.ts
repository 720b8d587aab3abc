import { describe, expect, it } from 'vitest';
import { actorAt, actorOf, outcome, policyTable, SCOPE_PATHS } from '../../test/policy-table.ts';
import { userPolicy } from './policy.ts';

// The specification of userPolicy: role × where the account lies × action. Administrators manage the
// accounts inside their scope and grant the roles core's grantableRoles allows; auditors read them.
const spec = {
  canList: policyTable(`
    role              own   child parent other province
    province_admin    ok
    city_admin        ok
    auditor           ok
    others            403
  `),
  canReadAnother: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    others            403
  `),
  // Everyone reads their own account, wherever it lies.
  canReadOwn: policyTable(`
    role              own   child parent other province
    others            ok
  `),
  grantUnitOfficer: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
  grantProvinceAdmin: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    others            403
  `),
  updateUnitOfficer: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
  // The scope is checked before the role: an account outside the scope is not the actor's business.
  updateProvinceAdmin: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        403   403   scope  scope 403
    others            403
  `),
  // Binding an account of the unit's own region to the unit: the unit must lie in the actor's scope.
  canBindOrgUnit: policyTable(`
    role              own   child parent other province
    others            ok    ok    scope  scope ok
  `),
};

const account = (path: string) => ({ id: 'another-account', role: 'unit_officer' as const, regionPath: path });

describe('userPolicy', () => {
  it.each(spec.canList)('canList: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => userPolicy.canList(actorOf(role, scope)))).toBe(expected);
  });
  it.each(spec.canReadAnother)('canRead another account: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => userPolicy.canRead(actorOf(role, scope), account(SCOPE_PATHS[scope].target)))).toBe(expected);
  });
  it.each(spec.canReadOwn)('canRead their own account: $role, $scope → $expected', ({ role, scope, expected }) => {
    const actor = actorOf(role, scope);
    expect(outcome(() => userPolicy.canRead(actor, { id: actor.userId, regionPath: SCOPE_PATHS[scope].target }))).toBe(
      expected,
    );
  });
  it.each(spec.grantUnitOfficer)('canGrant unit_officer: $role, $scope → $expected', ({ role, scope, expected }) => {
    const grant = { role: 'unit_officer' as const, regionPath: SCOPE_PATHS[scope].target };
    expect(outcome(() => userPolicy.canGrant(actorOf(role, scope), grant))).toBe(expected);
  });
  it.each(spec.grantProvinceAdmin)('canGrant province_admin: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    const grant = { role: 'province_admin' as const, regionPath: SCOPE_PATHS[scope].target };
    expect(outcome(() => userPolicy.canGrant(actorOf(role, scope), grant))).toBe(expected);
  });
  it.each(spec.updateUnitOfficer)('canUpdate a unit officer: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    const target = account(SCOPE_PATHS[scope].target);
    expect(outcome(() => userPolicy.canUpdate(actorOf(role, scope), target, true))).toBe(expected);
  });
  it.each(spec.updateProvinceAdmin)('canUpdate a province admin: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    const target = { ...account(SCOPE_PATHS[scope].target), role: 'province_admin' as const };
    expect(outcome(() => userPolicy.canUpdate(actorOf(role, scope), target, false))).toBe(expected);
  });
  it.each(spec.canBindOrgUnit)('canBindOrgUnit: $role, $scope → $expected', ({ role, scope, expected }) => {
    const path = { regionPath: SCOPE_PATHS[scope].target };
    expect(outcome(() => userPolicy.canBindOrgUnit(actorOf(role, scope), path, path))).toBe(expected);
  });

  it('lets nobody change their own role or scope, but their name yes', () => {
    const admin = actorOf('city_admin', 'own');
    const self = { id: admin.userId, role: admin.role, regionPath: admin.regionPath };
    expect(outcome(() => userPolicy.canUpdate(admin, self, true))).toBe('403');
    expect(outcome(() => userPolicy.canUpdate(admin, self, false))).toBe('ok');
  });
});

const DAQING = '23/2306';
const HARBIN = '23/2301';
const DAOLI = '23/2301/230102';

describe('userPolicy.canBindOrgUnit', () => {
  it.each([
    ['大庆 admin, a 大庆 unit, a 大庆 account', actorAt('city_admin', DAQING), DAQING, DAQING, 'ok'],
    ['大庆 admin, 哈尔滨市精神文明办', actorAt('city_admin', DAQING), HARBIN, DAQING, 'scope'],
    ['大庆 admin, 省委宣传部', actorAt('city_admin', DAQING), '23', DAQING, 'scope'],
    ['province admin, 哈尔滨市精神文明办 for a 哈尔滨 account', actorAt('province_admin', '23'), HARBIN, HARBIN, 'ok'],
    ['province admin, a district unit for a 哈尔滨 account', actorAt('province_admin', '23'), DAOLI, HARBIN, 'ok'],
    [
      'province admin, 省委宣传部 for a 大庆 account',
      actorAt('province_admin', '23'),
      '23',
      DAQING,
      'VALIDATION_FAILED',
    ],
    [
      'province admin, a 哈尔滨 unit for a 大庆 account',
      actorAt('province_admin', '23'),
      HARBIN,
      DAQING,
      'VALIDATION_FAILED',
    ],
    ['哈尔滨 admin, a district unit for a district account', actorAt('city_admin', HARBIN), DAOLI, DAOLI, 'ok'],
  ])('%s → %s', (_name, who, unitPath, accountPath, expected) => {
    expect(outcome(() => userPolicy.canBindOrgUnit(who, { regionPath: unitPath }, { regionPath: accountPath }))).toBe(
      expected,
    );
  });
});
