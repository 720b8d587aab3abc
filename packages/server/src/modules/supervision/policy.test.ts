import { describe, expect, it } from 'vitest';
import { can, Role } from '@chuangcheng/core';
import { actorOf, outcome, OWN_UNIT, policyTable, SCOPE_PATHS, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE, UNIT_OFFICERS_ONLY, UNIT_RECORD_READERS } from '../../test/policy-rules.ts';
import { supervisionPolicy } from './policy.ts';

// The specification of supervisionPolicy: role × where the unit or notice lies × action. The unit
// in these tables is the unit officer's own unit.
const spec = {
  canWriteFor: OFFICES_IN_SCOPE,
  canManageSmsContacts: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok
    others            403
  `),
  canReadNotice: UNIT_RECORD_READERS,
  canAnswer: UNIT_OFFICERS_ONLY,
  // Completing an action item owned by the unit officer's unit, of a meeting in the scope's region.
  canCompleteActionItem: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok
    others            403
  `),
  // Who may be listed at a meeting: units of the scope and of the levels above it, never a sibling's.
  canInvite: policyTable(`
    role              own   child parent other province
    others            ok    ok    ok     scope ok
  `),
};

const notice = (path: string, unit = OWN_UNIT) => ({
  org_unit_id: unit,
  escalated_to_org_unit_id: null,
  region_path: path,
});

describe('supervisionPolicy', () => {
  walkPolicyTables(spec, {
    canWriteFor: (actor, target) => supervisionPolicy.canWriteFor(actor, target),
    canManageSmsContacts: (actor, target) =>
      supervisionPolicy.canManageSmsContacts(actor, { id: OWN_UNIT, regionPath: target }),
    canReadNotice: (actor, target) => supervisionPolicy.canReadNotice(actor, notice(target)),
    canAnswer: (actor) => supervisionPolicy.canAnswer(actor, { org_unit_id: OWN_UNIT }),
    canInvite: (actor, target) => supervisionPolicy.canInvite(actor, target),
    canCompleteActionItem: (actor, target) =>
      supervisionPolicy.canCompleteActionItem(actor, { owner_org_unit_id: OWN_UNIT }, target),
  });

  it.each(Role.options)(
    'listScope for %s: an officer sees his own unit, other readers their region subtree',
    (role) => {
      const actor = actorOf(role, 'own');
      const expected =
        role === 'unit_officer'
          ? { scopePath: undefined, unitId: OWN_UNIT }
          : can(role, 'supervision.read')
            ? { scopePath: SCOPE_PATHS.own.actor, unitId: undefined }
            : '403';
      const got =
        outcome(() => supervisionPolicy.listScope(actor)) === '403' ? '403' : supervisionPolicy.listScope(actor);
      expect(got).toEqual(expected);
    },
  );

  it("refuses a unit officer another unit's notice, its answer and its SMS numbers", () => {
    const officer = actorOf('unit_officer', 'own');
    expect(outcome(() => supervisionPolicy.canReadNotice(officer, notice(SCOPE_PATHS.own.target, 'unit-other')))).toBe(
      '403',
    );
    expect(outcome(() => supervisionPolicy.canAnswer(officer, { org_unit_id: 'unit-other' }))).toBe('403');
    expect(
      outcome(() =>
        supervisionPolicy.canManageSmsContacts(officer, { id: 'unit-other', regionPath: SCOPE_PATHS.own.target }),
      ),
    ).toBe('403');
  });
});
