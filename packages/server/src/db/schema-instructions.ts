import type { Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** 领导批示 tracking (sup3, issue 18): migrations/20261208T0100_create-leader-instructions.sql. */
export type InstructionTables = {
  leader_instruction: {
    id: string;
    issuing_org_unit_id: string;
    region_code: string;
    prefecture_code: string | null;
    leader_name: string;
    leader_post: string;
    instructed_on: string;
    content: string;
    document_title: Generated<string>;
    lead_org_unit_id: string;
    reply_due: string;
    task_id: string | null;
    status: string;
    returned_count: Generated<number>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  leader_instruction_unit: { instruction_id: string; org_unit_id: string };
  leader_instruction_step: {
    id: string;
    instruction_id: string;
    action: string;
    final: Generated<boolean>;
    text: Generated<string>;
    actor_id: string;
    org_unit_id: string | null;
    created_at: Timestamp;
  };
};
