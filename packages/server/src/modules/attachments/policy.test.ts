import { describe, expect, it } from 'vitest';
import { actorOf, OWN_UNIT, outcome, policyTable, SCOPE_PATHS, type Scope } from '../../test/policy-table.ts';
import { attachmentPolicy } from './policy.ts';

// The specification of attachmentPolicy: role × where the owner lies × action. The owner (a
// report, a notice, a meeting) belongs to the unit of the tables' unit officers (OWN_UNIT); a unit
// officer's evidence follows their unit wherever it lies, everyone else's follows the region scope.
const spec = {
  readReport: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok
    auditor           ok    ok    scope  scope ok
    others            403
  `),
  attachToDraftReport: policyTable(`
    role              own   child parent other province
    unit_officer      ok
    others            403
  `),
  attachToSubmittedReport: policyTable(`
    role              own   child parent other province
    unit_officer      409
    others            403
  `),
  readNoticeReply: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    unit_officer      ok
    auditor           ok    ok    scope  scope ok
    others            403
  `),
  attachToOpenNoticeReply: policyTable(`
    role              own   child parent other province
    unit_officer      ok
    others            403
  `),
  attachToClosedNoticeReply: policyTable(`
    role              own   child parent other province
    unit_officer      409
    others            403
  `),
  readMeeting: policyTable(`
    role              own   child parent other province
    inspector         403
    volunteer_manager 403
    resident          403
    others            ok    ok    scope  scope ok
  `),
  attachToMeeting: policyTable(`
    role              own   child parent other province
    province_admin    ok    ok    scope  scope ok
    city_admin        ok    ok    scope  scope ok
    others            403
  `),
};

const owner = (scope: Scope, status: string) => ({
  id: 'owner-1',
  orgUnitId: OWN_UNIT,
  regionPath: SCOPE_PATHS[scope].target,
  status,
});

describe('attachmentPolicy', () => {
  it.each(spec.readReport)('read a report: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => attachmentPolicy.report(actorOf(role, scope), owner(scope, 'submitted'), 'read'))).toBe(
      expected,
    );
  });
  it.each(spec.attachToDraftReport)('attach to a draft report: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    expect(outcome(() => attachmentPolicy.report(actorOf(role, scope), owner(scope, 'draft'), 'attach'))).toBe(
      expected,
    );
  });
  it.each(spec.attachToSubmittedReport)('attach to a submitted report: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    expect(outcome(() => attachmentPolicy.report(actorOf(role, scope), owner(scope, 'submitted'), 'attach'))).toBe(
      expected,
    );
  });
  it.each(spec.readNoticeReply)('read a notice reply: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => attachmentPolicy.noticeReply(actorOf(role, scope), owner(scope, 'closed'), 'read'))).toBe(
      expected,
    );
  });
  it.each(spec.attachToOpenNoticeReply)('attach to an open notice reply: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    expect(outcome(() => attachmentPolicy.noticeReply(actorOf(role, scope), owner(scope, 'issued'), 'attach'))).toBe(
      expected,
    );
  });
  it.each(spec.attachToClosedNoticeReply)('attach to a closed notice reply: $role, $scope → $expected', (cell) => {
    const { role, scope, expected } = cell;
    expect(outcome(() => attachmentPolicy.noticeReply(actorOf(role, scope), owner(scope, 'closed'), 'attach'))).toBe(
      expected,
    );
  });
  it.each(spec.readMeeting)('read a meeting: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => attachmentPolicy.meeting(actorOf(role, scope), owner(scope, 'held'), 'read'))).toBe(expected);
  });
  it.each(spec.attachToMeeting)('attach to a meeting: $role, $scope → $expected', ({ role, scope, expected }) => {
    expect(outcome(() => attachmentPolicy.meeting(actorOf(role, scope), owner(scope, 'held'), 'attach'))).toBe(
      expected,
    );
  });

  it("refuses an officer of another unit the unit's report and notice evidence, wherever it lies", () => {
    const other = actorOf('unit_officer', 'own', 'unit-other');
    for (const mode of ['read', 'attach'] as const) {
      expect(outcome(() => attachmentPolicy.report(other, owner('own', 'draft'), mode))).toBe('403');
      expect(outcome(() => attachmentPolicy.noticeReply(other, owner('own', 'issued'), mode))).toBe('403');
    }
  });
});
