import { reportRepository } from './repository.ts';

/** What other modules may read of progress reports (attachments checks a file's report). Reads only. */
export const reportLookup = {
  findById: reportRepository.findById,
};
