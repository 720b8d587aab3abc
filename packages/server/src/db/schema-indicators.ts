import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { Timestamp } from './schema.ts';

// Kysely's view of the tables for indicators, data sets, observations and approvals (issue 4).
// Keep in step with migrations/20261128T0700_create-indicators.sql.
export type IndicatorTables = {
  indicator_data_set: {
    code: string;
    name: string;
    description: string | null;
    period_type: string;
    region_level: number;
    source: string;
    position: number;
    updated_at: Generated<Date>;
    // 20261207T0200_add-indicator-completeness.sql (issue 16)
    min_reporting_rate: Generated<number>;
    timely_days: Generated<number>;
    min_timely_rate: Generated<number>;
    /** Comma-separated region codes. */
    include_reporters: Generated<string>;
  };
  indicator_reporting_through_parent: { region_code: string; note: string };
  indicator_data_element: {
    code: string;
    data_set_code: string;
    name: string;
    description: string | null;
    unit: string;
    aggregation: string;
    is_integer: boolean;
    min_value: number | null;
    max_value: number | null;
    required: boolean;
    position: number;
    /** 20261209T0200: when a catalogue import stopped listing it (kept, not deleted; issue 16). */
    retired_at: Generated<Date | null>;
  };
  indicator: {
    code: string;
    name: string;
    description: string | null;
    unit: string;
    direction: string;
    aggregation: string;
    numerator_code: string;
    denominator_code: string | null;
    factor: number;
    position: number;
    /** 20261209T0200: when a catalogue import stopped listing it (kept, not deleted; issue 16). */
    retired_at: Generated<Date | null>;
  };
  indicator_target_link: {
    target_id: string;
    indicator_code: string | null;
    title: string | null;
    title_as: string | null;
    /** Comma-separated levels, e.g. '2,3'. */
    title_levels: string | null;
    baseline_period: string | null;
    baseline_value: number | null;
    /** How the units in the target's scope are combined (core `TargetCombination`). */
    combine: Generated<string>;
    note: string | null;
  };
  observation: {
    id: GeneratedAlways<string>;
    data_set_code: string;
    data_element_code: string;
    region_code: string;
    prefecture_code: string | null;
    period: string;
    value: number;
    source: string;
    source_kind: GeneratedAlways<string>;
    comment: string | null;
    entered_by: string | null;
    created_at: Generated<Date>;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  data_entry: {
    data_set_code: string;
    region_code: string;
    prefecture_code: string | null;
    period: string;
    status: string;
    return_reason: string | null;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  data_entry_event: {
    id: string;
    data_set_code: string;
    region_code: string;
    period: string;
    action: string;
    from_status: string;
    to_status: string;
    reason: string | null;
    actor_id: string | null;
    actor_name: string;
    at: Generated<Date>;
  };
};
