import { z } from 'zod';

/*
 * 领导批示 tracking (sup3, issue 18): a leader's instruction is signed for by the lead unit
 * (待签收 → 办理中), reported on (办理情况报告: interim reports keep it 办理中, the final one makes
 * it 已报告) and accepted by the issuing office (已办结) or returned with a reason (back to 办理中).
 */
export const InstructionStatus = z.enum(['pending_sign', 'in_progress', 'reported', 'closed']);
export type InstructionStatus = z.infer<typeof InstructionStatus>;

export type InstructionAction = 'sign' | 'report' | 'accept' | 'return';

/** The states each action starts from; a report without signing first also signs. */
export const instructionActionFrom: Record<InstructionAction, readonly InstructionStatus[]> = {
  sign: ['pending_sign'],
  report: ['pending_sign', 'in_progress'],
  accept: ['reported'],
  return: ['reported'],
};

/** Who takes an action: the lead unit (主办单位) or the issuing office. */
export const instructionActor: Record<InstructionAction, 'lead_unit' | 'office'> = {
  sign: 'lead_unit',
  report: 'lead_unit',
  accept: 'office',
  return: 'office',
};

/** The state after an action; a report is final or interim. */
export function instructionNext(action: InstructionAction, final = true): InstructionStatus {
  if (action === 'accept') return 'closed';
  if (action === 'report' && final) return 'reported';
  return 'in_progress';
}

/** Overdue: the reply date has passed and the lead unit has not reported (finally). */
export function instructionOverdue(status: InstructionStatus, replyDue: string, today: string): boolean {
  return (status === 'pending_sign' || status === 'in_progress') && replyDue < today;
}

/** The actions an instruction in a state allows. */
export function instructionActions(status: InstructionStatus): InstructionAction[] {
  return (Object.keys(instructionActionFrom) as InstructionAction[]).filter((a) =>
    instructionActionFrom[a].includes(status),
  );
}
