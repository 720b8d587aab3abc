import { describe, expect, it } from 'vitest';
import { actorOf, outcome, OWN_UNIT, policyTable, SCOPE_PATHS, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE } from '../../test/policy-rules.ts';
import { casePolicy } from './policy.ts';

// The specification of casePolicy: role × where the case lies × action. A unit officer's cases are
// those dispatched to their unit, wherever they lie; a case out of scope is 404 (not revealed).
const spec = {
  'canRead, own unit': policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    404    404   ok
    city_admin        ok    ok    404    404   ok
    unit_officer      ok
    inspector         ok    ok    404    404   ok
    volunteer_manager ok    ok    404    404   ok
    auditor           ok    ok    404    404   ok
    resident          403
  `),
  'canRead, other unit': policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    404    404   ok
    city_admin        ok    ok    404    404   ok
    unit_officer      404
    inspector         ok    ok    404    404   ok
    volunteer_manager ok    ok    404    404   ok
    auditor           ok    ok    404    404   ok
    resident          403
  `),
  // The permission of each workflow action is checked by core's checkCaseAction; this is the scope.
  canAct: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          ok    ok    scope  scope ok
  `),
  canConfigure: OFFICES_IN_SCOPE,
  'canFileIn, hotline': policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok    ok    scope  scope ok
    inspector         ok    ok    scope  scope ok
    volunteer_manager ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    resident          ok
  `),
  seesContact: policyTable(`
    role              own   child parent other province
    province_admin    yes
    city_admin        yes
    unit_officer      yes
    others            no
  `),
  canUpload: policyTable(`
    role              own   child parent other province
    others            ok
  `),
};

const caseIn = (path: string, unit: string) => ({ region_path: path, org_unit_id: unit, handled_by: null });

describe('casePolicy', () => {
  walkPolicyTables(spec, {
    'canRead, own unit': (actor, target) => casePolicy.canRead(actor, caseIn(target, OWN_UNIT), 'c1'),
    'canRead, other unit': (actor, target) => casePolicy.canRead(actor, caseIn(target, 'unit-other'), 'c1'),
    canAct: (actor, target) => casePolicy.canAct(actor, caseIn(target, OWN_UNIT)),
    canConfigure: (actor, target) => casePolicy.canConfigure(actor, target),
    'canFileIn, hotline': (actor, target) => casePolicy.canFileIn(actor, 'hotline', target),
    seesContact: (actor) => casePolicy.seesContact(actor, { org_unit_id: OWN_UNIT }),
    canUpload: (actor) => casePolicy.canUpload(actor),
  });

  // Which cases a list shows, per role and queue: 'unit' (the officer's own unit, wherever it lies),
  // 'scope' (the region asked for), or the problem thrown (the unit queue needs an organisation).
  it.each([
    ['province_admin', 'scope', '403', '403', 'scope'],
    ['city_admin', 'scope', '403', '403', 'scope'],
    ['unit_officer', 'unit', 'unit', '403', '403'],
    ['inspector', 'scope', '403', 'scope', '403'],
    ['volunteer_manager', 'scope', '403', '403', '403'],
    ['auditor', 'scope', '403', '403', '403'],
    ['resident', 'scope', '403', '403', '403'],
  ] as const)('listScope: %s → all %s, unit queue %s, verify %s, dispatch %s', (role, ...expected) => {
    const actor = actorOf(role, 'own');
    const seen = (['all', 'unit', 'verify', 'dispatch'] as const).map((queue) => {
      let listed: { unitId: string | null; scopePath: string | null } | undefined;
      const result = outcome(() => {
        listed = casePolicy.listScope(actor, queue === 'all' ? {} : { queue }, SCOPE_PATHS.own.target);
      });
      if (result !== 'ok' || !listed) return result;
      return listed.unitId === OWN_UNIT && listed.scopePath === null ? 'unit' : listed.scopePath ? 'scope' : '?';
    });
    expect(seen).toEqual(expected);
  });

  it('the public channels file anywhere, whoever is signed in', () => {
    for (const channel of ['resident_web', 'open311']) {
      expect(
        outcome(() => casePolicy.canFileIn(actorOf('city_admin', 'other'), channel, SCOPE_PATHS.other.target)),
      ).toBe('ok');
    }
  });
});
