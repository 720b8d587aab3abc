import type { Kysely } from 'kysely';
import { message, replyDueInWorkingDays } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/problem.ts';
import { workingCalendar } from '../cases/index.ts';

/**
 * A deadline given as a date or as working days ("5个工作日") counted from the day after `from`
 * (次日起算) over the holiday calendar of data/cases/holidays.yaml (decisions 0134, 0142). At most
 * one of the two (400 naming the working-days field); neither gives `undefined`.
 */
export async function resolveDue(
  db: Kysely<Database>,
  input: { date: string | undefined; workingDays: number | undefined },
  from: string,
  fields: { date: string; workingDays: string },
): Promise<string | undefined> {
  if (input.date !== undefined && input.workingDays !== undefined) {
    throw invalid([{ field: fields.workingDays, message: message('field.dateOrWorkingDays') }]);
  }
  if (input.workingDays !== undefined) {
    return replyDueInWorkingDays(await workingCalendar(db), from, input.workingDays);
  }
  return input.date;
}

/** A notice's reply date: the date given, or `replyWorkingDays` working days after today. Exactly one. */
export async function resolveReplyDue(
  db: Kysely<Database>,
  input: { replyDue?: string; replyWorkingDays?: number },
  today: string,
): Promise<string> {
  const due = await resolveDue(db, { date: input.replyDue, workingDays: input.replyWorkingDays }, today, {
    date: 'body.replyDue',
    workingDays: 'body.replyWorkingDays',
  });
  if (due === undefined) {
    throw invalid([{ field: 'body.replyDue', message: message('field.dateOrWorkingDaysNeeded') }]);
  }
  return due;
}
