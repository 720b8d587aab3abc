import { describe, expect, it } from 'vitest';
import { actorAt, actorOf, outcome, OWN_UNIT, policyTable, walkPolicyTables } from '../../test/policy-table.ts';
import { UNIT_OFFICERS_ONLY, UNIT_RECORD_READERS } from '../../test/policy-rules.ts';
import { reportPolicy } from './policy.ts';

// The specification of reportPolicy: role × where the reporting unit lies × action. The unit is the
// tables' unit officers' own (OWN_UNIT): a unit officer files and reads for their unit wherever it
// lies; administrators and auditors read the units in their scope.
const spec = {
  canFileAssigned: UNIT_OFFICERS_ONLY,
  canFileUnassigned: policyTable(`
    role              own   child parent other province
    others            403
  `),
  canRead: UNIT_RECORD_READERS,
  canListOwnTasks: UNIT_OFFICERS_ONLY,
  ledgerFilter: policyTable(`
    role              own   child parent other province
    inspector         403
    volunteer_manager 403
    resident          403
    others            ok
  `),
  canIssueBulletin: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    auditor           ok    ok    scope  scope ok
    others            403
  `),
};

describe('reportPolicy', () => {
  walkPolicyTables(spec, {
    canFileAssigned: (actor) => reportPolicy.canFile(actor, { orgUnitId: OWN_UNIT, assigned: true }),
    canFileUnassigned: (actor) => reportPolicy.canFile(actor, { orgUnitId: OWN_UNIT, assigned: false }),
    canRead: (actor, target) => reportPolicy.canRead(actor, { orgUnitId: OWN_UNIT, regionPath: target }),
    canListOwnTasks: (actor) => reportPolicy.canListOwnTasks(actor),
    ledgerFilter: (actor) => reportPolicy.ledgerFilter(actor),
    canIssueBulletin: (actor, target) => reportPolicy.canIssueBulletin(actor, target),
  });

  it('refuses an officer of another unit, or of none, the unit’s filing and reading', () => {
    const other = actorOf('unit_officer', 'own', 'unit-education');
    const none = actorOf('unit_officer', 'own', null);
    expect(outcome(() => reportPolicy.canFile(other, { orgUnitId: OWN_UNIT, assigned: true }))).toBe('403');
    expect(outcome(() => reportPolicy.canFile(none, { orgUnitId: OWN_UNIT, assigned: true }))).toBe('403');
    expect(outcome(() => reportPolicy.canRead(other, { orgUnitId: OWN_UNIT, regionPath: '23' }))).toBe('403');
    expect(outcome(() => reportPolicy.canListOwnTasks(none))).toBe('403');
    expect(outcome(() => reportPolicy.ledgerFilter(none))).toBe('403');
  });

  it('limits the ledger of a unit officer to their unit and of an administrator to their scope', () => {
    expect(reportPolicy.ledgerFilter(actorAt('unit_officer', '23', OWN_UNIT))).toEqual({ orgUnitId: OWN_UNIT });
    expect(reportPolicy.ledgerFilter(actorAt('city_admin', '23/2306'))).toEqual({ scopePath: '23/2306' });
    expect(outcome(() => reportPolicy.ledgerFilter(actorAt('resident', '23')))).toBe('403');
  });
});
