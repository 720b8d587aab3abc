import type { Kysely } from 'kysely';
import { message, replyDueInWorkingDays } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/problem.ts';
import { workingCalendar } from '../cases/index.ts';

/**
 * A notice's reply date: the date given, or `replyWorkingDays` working days after today over the
 * holiday calendar of data/cases/holidays.yaml (decision 0134). Exactly one of them.
 */
export async function resolveReplyDue(
  db: Kysely<Database>,
  input: { replyDue?: string; replyWorkingDays?: number },
  today: string,
): Promise<string> {
  if (input.replyDue !== undefined && input.replyWorkingDays !== undefined) {
    throw invalid([{ field: 'body.replyWorkingDays', message: message('reply.dateOrDays') }]);
  }
  if (input.replyWorkingDays !== undefined) {
    return replyDueInWorkingDays(await workingCalendar(db), today, input.replyWorkingDays);
  }
  if (input.replyDue === undefined) {
    throw invalid([{ field: 'body.replyDue', message: message('reply.giveOne') }]);
  }
  return input.replyDue;
}
