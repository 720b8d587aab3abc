import { supervisionLookupRepository as repo } from './lookup-repository.ts';
import { noticeRepository } from './notice-repository.ts';

/** What the reminder job reads of notices: those whose reply or 签收 falls due. Reads only. */
export const noticeLookup = {
  listOpenDueBy: noticeRepository.listOpenDueBy,
  listUnacknowledgedDueBy: noticeRepository.listUnacknowledgedDueBy,
};

/**
 * What other modules read of supervision: the reports module's ledger, board and 督查通报 (notices,
 * overdue joint-meeting action items, the issuing office), the reminder job, and the attachments
 * module's access check. Reads only; the lists read many rows in one query.
 */
export const supervisionLookup = {
  countOpenNotices: repo.countOpenNotices,
  listOverdueNotices: repo.listOverdueNotices,
  listOverdueActionItems: repo.listOverdueActionItems,
  countNotices: repo.countNotices,
  findOffice: repo.findOffice,
  listOpenActionItemsDueBy: repo.listOpenActionItemsDueBy,
  findNoticeForAttachment: repo.findNoticeForAttachment,
  findMeetingForAttachment: repo.findMeetingForAttachment,
};
