import type { ColumnType, Generated } from 'kysely';
import type { IndicatorTables } from './schema-indicators.ts';
import type { EvaluationTables } from './schema-evaluation.ts';
import type { CaseTables } from './schema-cases.ts';
import type { OutboxTables } from './schema-outbox.ts';
import type { AuditTables } from './schema-audit.ts';
import type { SecurityTables } from './schema-security.ts';
import type { InstructionTables } from './schema-instructions.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/**
 * Kysely's view of the tables created by `migrations/*.sql`. Keep the two in step.
 * Feature areas keep their tables in their own schema-<area>.ts file.
 */
export type Database = FoundationTables &
  IndicatorTables &
  EvaluationTables &
  CaseTables &
  OutboxTables &
  AuditTables &
  SecurityTables &
  InstructionTables;

type FoundationTables = {
  region: {
    code: string;
    name: string;
    level: number;
    parent_code: string | null;
    path: string;
    prefecture_code: string | null;
    population: number | null;
    population_year: number | null;
    source: Generated<string>;
    updated_at: Timestamp;
  };
  region_group: {
    code: string;
    name: string;
    kind: string;
    description: string | null;
    updated_at: Timestamp;
  };
  region_group_member: { group_code: string; region_code: string };
  org_unit: {
    id: string;
    code: string;
    name: string;
    short_name: string | null;
    kind: Generated<string>;
    region_code: string;
    parent_id: string | null;
    updated_at: Timestamp;
  };
  app_user: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    role: string;
    region_code: string;
    org_unit_id: string | null;
    disabled: Generated<boolean>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  user_session: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Timestamp;
    expires_at: Date;
    last_seen: Timestamp;
    user_agent: string | null;
    ip: string | null;
  };
  api_token: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: Timestamp;
    last_used: Date | null;
    revoked_at: Date | null;
  };
  audit_log: {
    id: Generated<number>;
    at: Date;
    actor_id: string | null;
    actor_name: string;
    action: string;
    entity_type: string;
    entity_id: string;
    region_code: string | null;
    prefecture_code: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
    /** The Merkle tree the entry belongs to (see schema-audit.ts). */
    shard: string;
    /** The hash chain of rows written before the verifiable log (null since). */
    prev_hash: string | null;
    hash: string | null;
  };
  plan: {
    id: string;
    code: string;
    name: string;
    issuing_region_code: string;
    period_start: string;
    period_end: string;
    reporting_cadence: string;
    current_version: number;
    updated_at: Timestamp;
    /** Issue 18: lights and cadence as data (SupervisionRules); {} means the defaults. */
    supervision_rules: unknown;
  };
  plan_version: {
    plan_id: string;
    version: number;
    document: unknown;
    source_name: string;
    checksum: string;
    imported_at: Timestamp;
    imported_by: string;
  };
  plan_programme: {
    id: string;
    plan_id: string;
    code: string;
    title: string;
    position: number;
    retired_in_version: number | null;
  };
  plan_task: {
    id: string;
    plan_id: string;
    programme_id: string;
    number: string;
    title: string;
    text: string;
    units_as_written: string | null;
    position: number;
    retired_in_version: number | null;
  };
  plan_task_unit: { task_id: string; org_unit_id: string; role: string; position: number };
  plan_target: {
    id: string;
    plan_id: string;
    task_id: string | null;
    code: string;
    title: string;
    comparator: string;
    value: number;
    value_max: number | null;
    unit: string;
    baseline_value: number | null;
    baseline_year: number | null;
    deadline: string;
    direction: string;
    scope: unknown;
    source_text: string;
    note: string | null;
    position: number;
    retired_in_version: number | null;
  };
  plan_milestone: {
    id: string;
    plan_id: string;
    task_id: string;
    code: string;
    title: string;
    due: string;
    scope: unknown;
    source_text: string;
    position: number;
    retired_in_version: number | null;
  };
  progress_report: {
    id: string;
    task_id: string;
    org_unit_id: string;
    region_code: string;
    prefecture_code: string | null;
    period: string;
    version: number;
    supersedes_id: string | null;
    status: string;
    narrative: Generated<string>;
    measures: Generated<string>;
    figures: unknown;
    completed: Generated<boolean>;
    milestones_done: unknown;
    author_id: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    submitted_at: Date | null;
  };
  attachment: {
    id: string;
    owner_type: string;
    owner_id: string;
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    storage_key: string;
    region_code: string | null;
    prefecture_code: string | null;
    uploaded_by: string;
    uploaded_at: Timestamp;
  };
  joint_meeting: {
    id: string;
    plan_id: string;
    region_code: string;
    /** 联席会议 (joint) or 联络员例会 (liaison). */
    kind: Generated<'joint' | 'liaison'>;
    title: string;
    held_on: string;
    location: string | null;
    minutes: Generated<string>;
    decisions: Generated<string>;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  joint_meeting_attendee: { meeting_id: string; org_unit_id: string };
  action_item: {
    id: string;
    meeting_id: string;
    title: string;
    description: Generated<string>;
    owner_org_unit_id: string;
    due: string;
    status: string;
    completion_note: string | null;
    completed_at: Date | null;
    completed_by: string | null;
    created_at: Timestamp;
  };
  supervision_notice: {
    id: string;
    number: string;
    plan_id: string;
    task_id: string | null;
    action_item_id: string | null;
    org_unit_id: string;
    region_code: string;
    prefecture_code: string | null;
    reason: string;
    required_action: string;
    reply_due: string;
    status: string;
    issued_by: string;
    issued_at: Timestamp;
    acknowledged_by: string | null;
    acknowledged_at: Date | null;
    reply_text: string | null;
    replied_by: string | null;
    replied_at: Date | null;
    escalated_to_org_unit_id: string | null;
    escalated_at: Date | null;
    closed_by: string | null;
    closed_at: Date | null;
    // sup (issue 18): numbered per issuing office
    issuing_org_unit_id: string | null;
    number_year: number | null;
    number_seq: number | null;
    // sup (issue 18): the 办结 chain, 退回重办, 延期申请 and the 签收 deadline
    ack_due: string | null;
    reviewed_by: string | null;
    reviewed_at: Date | null;
    approved_by: string | null;
    approved_at: Date | null;
    returned_count: Generated<number>;
    return_reason: string | null;
    returned_at: Date | null;
    extension_due: string | null;
    extension_reason: string | null;
    extension_status: string | null;
    extension_decided_by: string | null;
    extension_note: string | null;
    // sup3 (issue 18): the 领导批示 a notice was issued for
    instruction_id: string | null;
    // sup (issue 18): the 督办单's document fields
    signer: string | null;
    cc: Generated<string>;
    level: Generated<string>;
    source: string | null;
  };
  // sup (issue 18): each office's 督办单 number prefix
  supervision_office_setting: { org_unit_id: string; notice_prefix: string; updated_at: Timestamp };
  org_unit_sms_contact: {
    org_unit_id: string;
    phone_index: string;
    phone_sealed: string;
    created_at: Generated<Timestamp>;
  };
  sms_delivery: { notification_id: string; phone_index: string; sent_at: Generated<Timestamp> };
  notification: {
    id: string;
    recipient_org_unit_id: string;
    kind: string;
    subject_type: string;
    subject_id: string;
    threshold: string;
    title: string;
    body: Generated<string>;
    link: string | null;
    created_at: Timestamp;
    read_at: Date | null;
    /** The title and body as catalogue messages ({ title, body? }), rendered per reader. */
    message: unknown;
  };
  schema_migration: { name: string; checksum: string; applied_at: Timestamp };
};
