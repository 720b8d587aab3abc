import { describe, expect, it } from 'vitest';
import { actorOf, outcome, OWN_UNIT, policyTable, SCOPE_PATHS, walkPolicyTables } from '../../test/policy-table.ts';
import { OFFICES_IN_SCOPE, UNIT_OFFICERS_ONLY, UNIT_RECORD_READERS } from '../../test/policy-rules.ts';
import { attachmentPolicy } from './policy.ts';

// The specification of attachmentPolicy: role × where the owner lies × action. The owner (a
// report, a notice, a meeting) belongs to the unit of the tables' unit officers (OWN_UNIT); a unit
// officer's evidence follows their unit wherever it lies, everyone else's follows the region scope.
const spec = {
  readReport: UNIT_RECORD_READERS,
  attachToDraftReport: UNIT_OFFICERS_ONLY,
  attachToSubmittedReport: policyTable(`
    role              own   child parent other province
    unit_officer      409
    others            403
  `),
  readNoticeReply: UNIT_RECORD_READERS,
  attachToOpenNoticeReply: UNIT_OFFICERS_ONLY,
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
  attachToMeeting: OFFICES_IN_SCOPE,
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
