// Kysely's view of the tables for evaluation frameworks, rounds, scores, incidents and titles (issue 5). Keep in step with the migrations.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** A `date` column: read as 'YYYY-MM-DD' (see the pg type parser in connection.ts), written as a string. */
type DateText = string;
/** A numeric column: pg returns it parsed as a number (connection.ts), written as a number. */
type Numeric = ColumnType<number, number, number>;
type Json = ColumnType<unknown, string, string>;

export type EvaluationTables = {
  region_title_event: {
    id: string;
    region_code: string;
    prefecture_code: string | null;
    title: string;
    change: string;
    effective_on: DateText;
    ends_on: DateText | null;
    reason: string;
    source_kind: string;
    source_id: string;
    recorded_by: string | null;
    recorded_by_name: string;
    recorded_at: Timestamp;
  };
  evaluation_framework: {
    id: string;
    edition: string;
    name: string;
    owner_region_code: string;
    is_model: Generated<boolean>;
    current_version: number;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  evaluation_framework_version: {
    id: string;
    framework_id: string;
    version: number;
    document: Json;
    checksum: string;
    standard_count: number;
    note: string;
    added: Generated<number>;
    removed: Generated<number>;
    changed: Generated<number>;
    created_by: string | null;
    created_by_name: string;
    created_at: Timestamp;
  };
  evaluation_round: {
    id: string;
    name: string;
    kind: string;
    status: Generated<string>;
    year: number;
    period_start: DateText;
    period_end: DateText;
    test_date: DateText;
    owner_region_code: string;
    framework_id: string;
    framework_version_id: string;
    unannounced: Generated<boolean>;
    published_at: Date | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  evaluation_round_region: {
    round_id: string;
    region_code: string;
    prefecture_code: string | null;
    city_group: string;
  };
  evaluation_assignment: {
    round_id: string;
    user_id: string;
    method: string;
    region_codes: ColumnType<string[], string[] | undefined, string[]>;
  };
  evaluation_evidence: {
    id: string;
    round_id: string;
    region_code: string;
    prefecture_code: string | null;
    standard_code: string;
    note: Generated<string>;
    submitted_by: string;
    submitted_at: Timestamp;
  };
  evaluation_result: {
    round_id: string;
    region_code: string;
    standard_code: string;
    prefecture_code: string | null;
    checked: number | null;
    passed: number | null;
    satisfaction: number | null;
    value: number | null;
    reviewed: Generated<boolean>;
    not_applicable: Generated<boolean>;
    source: Generated<string>;
    note: Generated<string>;
    scorer_id: string;
    updated_at: Timestamp;
  };
  evaluation_finding: {
    id: string;
    round_id: string;
    region_code: string;
    prefecture_code: string | null;
    standard_code: string;
    description: string;
    deduction: Numeric;
    site_type: string | null;
    location: string | null;
    evidence_id: string | null;
    scorer_id: string;
    created_at: Timestamp;
    withdrawn_at: Date | null;
    withdrawn_by: string | null;
    withdrawn_reason: string | null;
  };
  evaluation_incident: {
    id: string;
    region_code: string;
    prefecture_code: string | null;
    framework_id: string;
    category: string;
    occurred_on: DateText;
    title: string;
    description: string;
    recorded_by: string;
    recorded_at: Timestamp;
  };
  evaluation_round_result: {
    round_id: string;
    region_code: string;
    city_group: string;
    main_score: Numeric;
    minors_score: number | null;
    minors_gate_passed: boolean | null;
    deducted: Numeric;
    total: Numeric;
    rate: Numeric;
    rank: number;
    unscored: number;
  };
  evaluation_publication: {
    round_id: string;
    version: number;
    published_at: Timestamp;
    decided_on: DateText | null;
    reason: string;
    published_by: string | null;
    published_by_name: string;
  };
  evaluation_publication_region: {
    round_id: string;
    version: number;
    region_code: string;
    prefecture_code: string | null;
    city_group: string;
    main_score: Numeric;
    minors_score: number | null;
    minors_gate_passed: boolean | null;
    deducted: Numeric;
    total: Numeric;
    rate: Numeric;
    rank: number;
    previous_total: number | null;
    scorecard: Json;
  };
  evaluation_round_effect: {
    id: string;
    round_id: string;
    region_code: string;
    effect: string;
    label: string;
    title_event_id: string | null;
  };
};
