import { describe, expect, it } from 'vitest';
import { actorOf, OWN_UNIT, outcome, policyTable, SCOPE_PATHS, walkPolicyTables } from '../../test/policy-table.ts';
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

const owner = (target: string, status: string) => ({ id: 'owner-1', orgUnitId: OWN_UNIT, regionPath: target, status });

describe('attachmentPolicy', () => {
  walkPolicyTables(spec, {
    readReport: (actor, target) => attachmentPolicy.report(actor, owner(target, 'submitted'), 'read'),
    attachToDraftReport: (actor, target) => attachmentPolicy.report(actor, owner(target, 'draft'), 'attach'),
    attachToSubmittedReport: (actor, target) => attachmentPolicy.report(actor, owner(target, 'submitted'), 'attach'),
    readNoticeReply: (actor, target) => attachmentPolicy.noticeReply(actor, owner(target, 'closed'), 'read'),
    attachToOpenNoticeReply: (actor, target) => attachmentPolicy.noticeReply(actor, owner(target, 'issued'), 'attach'),
    attachToClosedNoticeReply: (actor, target) =>
      attachmentPolicy.noticeReply(actor, owner(target, 'closed'), 'attach'),
    readMeeting: (actor, target) => attachmentPolicy.meeting(actor, owner(target, 'held'), 'read'),
    attachToMeeting: (actor, target) => attachmentPolicy.meeting(actor, owner(target, 'held'), 'attach'),
  });

  it("refuses an officer of another unit the unit's report and notice evidence, wherever it lies", () => {
    const other = actorOf('unit_officer', 'own', 'unit-other');
    for (const mode of ['read', 'attach'] as const) {
      expect(outcome(() => attachmentPolicy.report(other, owner(SCOPE_PATHS.own.target, 'draft'), mode))).toBe('403');
      expect(outcome(() => attachmentPolicy.noticeReply(other, owner(SCOPE_PATHS.own.target, 'issued'), mode))).toBe(
        '403',
      );
    }
  });
});
