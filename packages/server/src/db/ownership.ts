import type { DB } from './generated.ts';

/**
 * The owners a table can have: a server module (`modules/<name>/`) or a piece of shared
 * infrastructure outside the modules (`cache/`, `db/`, `jobs/`, `outbox/`).
 */
export type TableOwner =
  | 'attachments'
  | 'audit'
  | 'auth'
  | 'cases'
  | 'evaluation'
  | 'indicators'
  | 'org-units'
  | 'plans'
  | 'rate-limits'
  | 'regions'
  | 'reports'
  | 'supervision'
  | 'users'
  | 'cache'
  | 'db'
  | 'jobs'
  | 'outbox';

/**
 * Which module owns each table (issue 12: "its repositories, SQL and tables are private").
 * Only the owner's SQL may name the table; every other module reaches the data through the owner's
 * `index.ts` (a service or a read-only lookup) or through an outbox event. `Record<keyof DB, …>`
 * makes the compiler refuse a table that `generated.ts` has and this map lacks, and the reverse,
 * so a migration that adds a table must name its owner here.
 */
export const TABLE_OWNER: Record<keyof DB, TableOwner> = {
  action_item: 'supervision',
  api_token: 'auth',
  app_user: 'users',
  attachment: 'attachments',
  audit_checkpoint: 'audit',
  audit_leaf: 'audit',
  audit_log: 'audit',
  audit_queue: 'audit',
  audit_signing_key: 'audit',
  audit_tree: 'audit',
  audit_tree_node: 'audit',
  cache_generation: 'cache',
  case_calendar_day: 'cases',
  case_calendar_year: 'cases',
  case_category: 'cases',
  case_dispatch_rule: 'cases',
  case_event: 'cases',
  case_intake_key: 'cases',
  case_photo: 'cases',
  case_photo_upload: 'cases',
  case_rating: 'cases',
  case_stats_month: 'cases',
  case_stats_prefecture_day: 'cases',
  case_stats_prefecture_month: 'cases',
  case_reporter: 'cases',
  case_setting: 'cases',
  data_entry: 'indicators',
  data_entry_event: 'indicators',
  evaluation_assignment: 'evaluation',
  evaluation_evidence: 'evaluation',
  evaluation_round_cache: 'evaluation',
  evaluation_results_workbook: 'evaluation',
  evaluation_finding: 'evaluation',
  evaluation_framework: 'evaluation',
  evaluation_framework_version: 'evaluation',
  evaluation_incident: 'evaluation',
  evaluation_publication: 'evaluation',
  evaluation_publication_region: 'evaluation',
  evaluation_result: 'evaluation',
  evaluation_round: 'evaluation',
  evaluation_round_effect: 'evaluation',
  evaluation_round_region: 'evaluation',
  evaluation_round_result: 'evaluation',
  indicator: 'indicators',
  indicator_data_element: 'indicators',
  indicator_data_set: 'indicators',
  indicator_reporting_through_parent: 'indicators',
  indicator_target_link: 'indicators',
  joint_meeting: 'supervision',
  joint_meeting_attendee: 'supervision',
  leader_instruction: 'supervision',
  leader_instruction_step: 'supervision',
  leader_instruction_unit: 'supervision',
  notification: 'supervision',
  observation: 'indicators',
  org_unit: 'org-units',
  org_unit_sms_contact: 'supervision',
  outbox_delivery: 'outbox',
  outbox_event: 'outbox',
  plan: 'plans',
  plan_milestone: 'plans',
  plan_programme: 'plans',
  plan_target: 'plans',
  plan_task: 'plans',
  plan_task_unit: 'plans',
  plan_version: 'plans',
  problem_case: 'cases',
  progress_report: 'reports',
  rate_limit_counter: 'rate-limits',
  region: 'regions',
  region_group: 'regions',
  region_group_member: 'regions',
  region_title_event: 'evaluation',
  scheduled_job: 'jobs',
  schema_migration: 'db',
  sign_in_failure: 'auth',
  sms_delivery: 'supervision',
  supervision_notice: 'supervision',
  supervision_notice_number: 'supervision',
  supervision_office_setting: 'supervision',
  user_session: 'auth',
};

/**
 * Reference tables: the region tree, the organisation units and the user accounts are the
 * vocabulary every module speaks (a case's region, a task's unit, who wrote a row). Any module may
 * join them read-only; only their owner writes them.
 */
export const REFERENCE_TABLES: ReadonlySet<keyof DB> = new Set<keyof DB>(['region', 'org_unit', 'app_user']);
