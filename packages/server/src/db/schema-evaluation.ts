// Kysely's view of the tables for evaluation frameworks, rounds, scores, incidents and titles (issue 5). Keep in step with the migrations.
import type { Timestamp } from './schema.ts';

/** A `date` column: read as 'YYYY-MM-DD' (see the pg type parser in connection.ts), written as a string. */
type DateText = string;

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
};
