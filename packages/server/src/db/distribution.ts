/**
 * The distributed tables of `docs/SCALE-OUT.md` whose keys already obey the distribution rule:
 * every primary and unique key contains the distribution column, and every foreign key between
 * two of them contains it on both sides. Under Citus these tables would be distributed by this
 * column; the partitioned check (`TEST_DB_PARTITIONED=1`, `test/partitioned.ts`) builds the test
 * databases with each of them hash-partitioned on it, where PostgreSQL refuses a key that breaks
 * the rule. A table joins this list when its migration has made its keys obey.
 */
export const DISTRIBUTED_TABLES: readonly { table: string; column: string }[] = [
  { table: 'audit_log', column: 'shard' },
  { table: 'audit_queue', column: 'shard' },
  { table: 'audit_leaf', column: 'shard' },
  { table: 'audit_tree_node', column: 'shard' },
  { table: 'observation', column: 'prefecture_code' },
  { table: 'data_entry', column: 'prefecture_code' },
  { table: 'data_entry_event', column: 'prefecture_code' },
  { table: 'problem_case', column: 'prefecture_code' },
  { table: 'case_event', column: 'prefecture_code' },
  { table: 'case_reporter', column: 'prefecture_code' },
  { table: 'case_rating', column: 'prefecture_code' },
  { table: 'case_photo', column: 'prefecture_code' },
  { table: 'case_stats_month', column: 'prefecture_code' },
  { table: 'case_stats_prefecture_day', column: 'prefecture_code' },
  { table: 'case_stats_prefecture_month', column: 'prefecture_code' },
  { table: 'progress_report', column: 'prefecture_code' },
  { table: 'attachment', column: 'prefecture_code' },
  { table: 'supervision_notice', column: 'prefecture_code' },
  { table: 'evaluation_result', column: 'prefecture_code' },
  { table: 'evaluation_evidence', column: 'prefecture_code' },
  { table: 'evaluation_finding', column: 'prefecture_code' },
  { table: 'evaluation_publication_region', column: 'prefecture_code' },
  { table: 'joint_meeting', column: 'prefecture_code' },
  { table: 'joint_meeting_attendee', column: 'prefecture_code' },
  { table: 'action_item', column: 'prefecture_code' },
  { table: 'notification', column: 'prefecture_code' },
  { table: 'sms_delivery', column: 'prefecture_code' },
];
