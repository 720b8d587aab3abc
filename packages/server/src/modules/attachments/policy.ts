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

/**
 * Who attaches evidence to what, and who reads it. Evidence goes on a unit's own draft
 * report, on a reply to a notice issued to the unit (its officers), or on a joint meeting
 * (supervision.write over the meeting's region). Reading follows the owner: the unit
 * itself, or an administrator or auditor whose scope holds the unit or meeting.
 */
export async function checkOwnerAccess(
  db: Kysely<Database>,
  actor: Actor,
  ownerType: OwnerType,
  ownerId: string,
  mode: 'attach' | 'read',
): Promise<OwnerRegion> {
  if (ownerType === 'progress_report') {
    const report = await reportLookup.findById(db, ownerId);
    if (!report) throw notFound('report', ownerId);
    if (mode === 'read') {
      reportPolicy.canRead(actor, { orgUnitId: report.org_unit_id, regionPath: report.region_path });
    } else {
      reportPolicy.canFile(actor, { orgUnitId: report.org_unit_id, assigned: true });
      if (report.status !== 'draft')
        throw conflict(
          message('report.evidenceOnDrafts', {
            id: ownerId,
            status: message(`reportStatus.${report.status as 'draft'}`),
          }),
        );
    }
    return { regionCode: report.region_code, prefectureCode: report.prefecture_code };
  }
  if (ownerType === 'notice_reply') {
    const notice = await supervisionLookup.findNoticeForAttachment(db, ownerId);
    if (!notice) throw notFound('notice', ownerId);
    if (mode === 'read') {
      reportPolicy.canRead(actor, { orgUnitId: notice.org_unit_id, regionPath: notice.region_path });
    } else {
      authorize(actor, 'report.write');
      if (actor.orgUnitId !== notice.org_unit_id) throw forbidden(message('forbidden.noticeIssuedElsewhere'));
      if (notice.status === 'closed') throw conflict(message('notice.closed', { id: ownerId }));
    }
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
  authorize(actor, mode === 'read' ? 'supervision.read' : 'supervision.write');
  assertInScope(actor, meeting.region_path);
  return { regionCode: meeting.region_code, prefectureCode: meeting.prefecture_code };
}
