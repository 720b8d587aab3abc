import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { type InstructionNoticeRequest, message } from '@chuangcheng/core';
import { getInstruction } from './instructions.ts';
import { issueNotice } from './notices.ts';
import { supervisionPolicy } from './policy.ts';

/**
 * 转督办 (sup3, issue 18): the office in the instruction's scope issues a 督办单 to its lead unit,
 * with source 领导批示 and the instruction's words as the reason, through the notice service (its
 * numbering, notification, audit); the notice links back to the instruction.
 */
export async function issueNoticeForInstruction(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: InstructionNoticeRequest,
  requestId?: string,
) {
  const row = await getInstruction(db, id);
  supervisionPolicy.canWriteFor(actor, row.region_path);
  if (row.status === 'closed') throw new AppError('INSTRUCTION_STATE', message('instruction.closedNothingToChase'));
  return issueNotice(
    db,
    actor,
    {
      orgUnitId: row.lead_org_unit_id,
      planCode: input.planCode,
      reason: `${row.leader_post}${row.leader_name}批示：${row.content}`.slice(0, 2000),
      requiredAction: input.requiredAction,
      replyDue: input.replyDue,
      level: input.level,
      source: 'leader_instruction',
    },
    requestId,
    row.id,
  );
}
