// Kysely's view of the tables for problem cases, categories, holidays and Open311 (issue 6). Keep in step with the migrations.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

type Json = ColumnType<unknown, string | null | undefined, string | null>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type CaseTables = {
  case_category: {
    code: string;
    name: string;
    kind: string;
    parent_code: string | null;
    description: string | null;
    limit_amount: number | null;
    limit_unit: string | null;
    default_unit_name: string | null;
    active: Generated<boolean>;
    day_rule: Generated<string>;
    stage_limits: Json;
    /** Words residents use for it (public search); see data/cases/categories.yaml. */
    keywords: ColumnType<string[], string[] | undefined, string[]>;
    sort_order: Generated<number>;
    updated_at: GeneratedTimestamp;
  };
  case_calendar_year: { year: number; source: string };
  case_calendar_day: { day: ColumnType<string, string, string>; year: number; kind: string };
  case_setting: {
    id: Generated<boolean>;
    duplicate_metres: Generated<number>;
    duplicate_days: Generated<number>;
    stage_limits: ColumnType<unknown, string | undefined, string>;
    updated_at: GeneratedTimestamp;
  };
  problem_case: {
    id: string;
    number: string;
    category_code: string;
    region_code: string;
    region_path: string;
    prefecture_code: string;
    description: string;
    lat: number | null;
    lng: number | null;
    address: string | null;
    channel: string;
    status: string;
    org_unit_id: string | null;
    suggested_unit_id: string | null;
    created_by: string | null;
    reported_at: Timestamp;
    created_at: GeneratedTimestamp;
    updated_at: GeneratedTimestamp;
    accepted_at: Timestamp | null;
    dispatched_at: Timestamp | null;
    started_at: Timestamp | null;
    handled_at: Timestamp | null;
    handled_by: string | null;
    closed_at: Timestamp | null;
    deadline: Timestamp;
    paused_at: Timestamp | null;
    rework_count: Generated<number>;
    verified_count: Generated<number>;
    reject_reason: string | null;
    merged_into_id: string | null;
    pending_extension: Json;
    escalation_level: Generated<number>;
    accept_deadline: Timestamp | null;
    dispatch_deadline: Timestamp | null;
    verify_deadline: Timestamp | null;
    escalated_stages: ColumnType<string[], string[] | undefined, string[]>;
    reopen_count: Generated<number>;
    paused_minutes: Generated<number>;
    handling_minutes: number | null;
  };
  case_reporter: {
    id: string;
    case_id: string;
    prefecture_code: string;
    origin_case_id: string;
    token_hash: string;
    /** {name?}: the phone moved to phone_sealed (issue 11). */
    contact: Json;
    /** The reporter's phone sealed by modules/personal-data; null when none was given. */
    phone_sealed: string | null;
    /** Keyed HMAC of the phone for equality lookups. */
    phone_index: string | null;
    user_id: string | null;
    created_at: GeneratedTimestamp;
  };
  case_intake_key: {
    key: string;
    case_id: string;
    prefecture_code: string;
    fingerprint: string;
    created_at: GeneratedTimestamp;
  };
  case_event: {
    id: string;
    case_id: string;
    prefecture_code: string;
    seq: Generated<number>;
    kind: string;
    at: GeneratedTimestamp;
    status: string;
    note: string | null;
    actor_id: string | null;
    actor_name: string | null;
    org_unit_id: string | null;
    data: Json;
  };
  case_photo: {
    id: string;
    case_id: string | null;
    /** The case's prefecture once the photo is attached to a case. */
    prefecture_code: string | null;
    kind: string;
    event_id: string | null;
    file_name: string;
    content_type: string;
    size_bytes: ColumnType<number, number, number>;
    sha256: string;
    storage_key: string;
    display_key: string;
    width: number | null;
    height: number | null;
    uploaded_by: string | null;
    uploaded_at: GeneratedTimestamp;
  };
  case_rating: {
    id: string;
    case_id: string;
    prefecture_code: string;
    reporter_id: string;
    satisfaction: number;
    fixed: boolean;
    comment: string | null;
    at: GeneratedTimestamp;
  };
  case_dispatch_rule: {
    id: string;
    region_code: string;
    category_code: string | null;
    org_unit_id: string;
    created_at: GeneratedTimestamp;
  };
};
