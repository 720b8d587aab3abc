import { noticeRepository } from './notice-repository.ts';

/** What the reminder job reads of notices: those whose reply or 签收 falls due. Reads only. */
export const noticeLookup = {
  listOpenDueBy: noticeRepository.listOpenDueBy,
  listUnacknowledgedDueBy: noticeRepository.listUnacknowledgedDueBy,
};
