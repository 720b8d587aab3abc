import type { Kysely } from 'kysely';
import { message } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { reportPolicy } from '../reports/index.ts';
import { reportLookup } from '../reports/index.ts';
import type { OwnerType } from './repository.ts';
import { checkEvaluationAttachment } from '../evaluation/index.ts';
import { checkInstructionAttachment, supervisionLookup } from '../supervision/index.ts';

/** Where an owner's attachments are filed, for the audit row and the attachment row. */
export type OwnerRegion = { regionCode: string; prefectureCode: string | null };

type Mode = 'attach' | 'read';

/**
 * Who attaches evidence to what, and who reads it, once the owner is read. Evidence goes on a
 * unit's own draft report, on a reply to a notice issued to the unit (its officers), or on a joint
 * meeting (supervision.write over the meeting's region). Reading follows the owner: the unit
 * itself, or an administrator or auditor whose scope holds the unit or meeting.
 */
export const attachmentPolicy = {
  report(actor: Actor, report: { id: string; orgUnitId: string; regionPath: string; status: string }, mode: Mode) {
    if (mode === 'read') return reportPolicy.canRead(actor, report);
    reportPolicy.canFile(actor, { orgUnitId: report.orgUnitId, assigned: true });
    if (report.status !== 'draft')
      throw conflict(
        message('report.evidenceOnDrafts', {
          id: report.id,
          status: message(`reportStatus.${report.status as 'draft'}`),
        }),
      );
  },

  noticeReply(actor: Actor, notice: { id: string; orgUnitId: string; regionPath: string; status: string }, mode: Mode) {
    if (mode === 'read') return reportPolicy.canRead(actor, notice);
    authorize(actor, 'report.write');
    if (actor.orgUnitId !== notice.orgUnitId) throw forbidden(message('forbidden.noticeIssuedElsewhere'));
    if (notice.status === 'closed') throw conflict(message('notice.closed', { id: notice.id }));
  },

  meeting(actor: Actor, meeting: { regionPath: string }, mode: Mode) {
    authorize(actor, mode === 'read' ? 'supervision.read' : 'supervision.write');
    assertInScope(actor, meeting.regionPath);
  },
};

/** Reads the owner from its module and checks the actor's access to its attachments (`attachmentPolicy`). */
export async function checkOwnerAccess(
  db: Kysely<Database>,
  actor: Actor,
  ownerType: OwnerType,
  ownerId: string,
  mode: Mode,
): Promise<OwnerRegion> {
  if (ownerType === 'progress_report') {
    const report = await reportLookup.findById(db, ownerId);
    if (!report) throw notFound('report', ownerId);
    const view = { id: ownerId, orgUnitId: report.org_unit_id, regionPath: report.region_path };
    attachmentPolicy.report(actor, { ...view, status: report.status }, mode);
    return { regionCode: report.region_code, prefectureCode: report.prefecture_code };
  }
  if (ownerType === 'notice_reply') {
    const notice = await supervisionLookup.findNoticeForAttachment(db, ownerId);
    if (!notice) throw notFound('notice', ownerId);
    const view = { id: ownerId, orgUnitId: notice.org_unit_id, regionPath: notice.region_path };
    attachmentPolicy.noticeReply(actor, { ...view, status: notice.status }, mode);
    return { regionCode: notice.region_code, prefectureCode: notice.prefecture_code };
  }
  if (ownerType === 'leader_instruction') return checkInstructionAttachment(db, actor, ownerId, mode);
  if (ownerType.startsWith('evaluation_')) {
    return checkEvaluationAttachment(
      db,
      actor,
      ownerType as Parameters<typeof checkEvaluationAttachment>[2],
      ownerId,
      mode,
    );
  }
  const meeting = await supervisionLookup.findMeetingForAttachment(db, ownerId);
  if (!meeting) throw notFound('meeting', ownerId);
  attachmentPolicy.meeting(actor, { regionPath: meeting.region_path }, mode);
  return { regionCode: meeting.region_code, prefectureCode: meeting.prefecture_code };
}
