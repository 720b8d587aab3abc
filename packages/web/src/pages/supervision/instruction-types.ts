import type { InstructionAction, InstructionStatus } from '@chuangcheng/core';
import type { Attachment } from './types.ts';

/** A 领导批示 as GET /api/v1/supervision/instructions answers it (server: instruction-schema.ts). */
export interface Instruction {
  id: string;
  leaderName: string;
  leaderPost: string;
  instructedOn: string;
  content: string;
  documentTitle: string;
  issuingOffice: { id: string; name: string };
  regionCode: string;
  leadUnit: { id: string; name: string };
  assistingUnits: { id: string; name: string }[];
  replyDue: string;
  task: { id: string; number: string; title: string } | null;
  status: InstructionStatus;
  overdue: boolean;
  returnedCount: number;
  createdAt: string;
}

export interface InstructionDetail extends Instruction {
  timeline: {
    id: string;
    action: 'create' | InstructionAction;
    final: boolean;
    text: string;
    actor: string;
    orgUnit: { id: string; name: string } | null;
    at: string;
  }[];
  allowedActions: InstructionAction[];
  notices: { id: string; number: string; status: string }[];
  attachments: Attachment[];
}
