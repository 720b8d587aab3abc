import { describe, expect, it } from 'vitest';
import { actorAt, actorOf, outcome, policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
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
  grantUnitOfficer: OFFICES_IN_SCOPE,
  grantProvinceAdmin: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    others            403
  `),
  updateUnitOfficer: OFFICES_IN_SCOPE,
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
  walkPolicyTables(spec, {
    canList: (actor) => userPolicy.canList(actor),
    canReadAnother: (actor, target) => userPolicy.canRead(actor, account(target)),
    canReadOwn: (actor, target) => userPolicy.canRead(actor, { id: actor.userId, regionPath: target }),
    grantUnitOfficer: (actor, target) => userPolicy.canGrant(actor, { role: 'unit_officer', regionPath: target }),
    grantProvinceAdmin: (actor, target) => userPolicy.canGrant(actor, { role: 'province_admin', regionPath: target }),
    updateUnitOfficer: (actor, target) => userPolicy.canUpdate(actor, account(target), true),
    updateProvinceAdmin: (actor, target) =>
      userPolicy.canUpdate(actor, { ...account(target), role: 'province_admin' }, false),
    canBindOrgUnit: (actor, target) => userPolicy.canBindOrgUnit(actor, { regionPath: target }, { regionPath: target }),
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
