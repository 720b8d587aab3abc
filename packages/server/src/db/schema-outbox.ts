// Kysely's view of the outbox, cache generation and scheduler tables (issue 12). Keep in step with
// migrations/20261206T1600_create-outbox.sql.
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OutboxTables = {
  outbox_event: {
    id: Generated<number>;
    name: string;
    version: number;
    payload: Json;
    prefecture_code: string | null;
    status: Generated<'pending' | 'done'>;
    attempts: Generated<number>;
    next_attempt_at: GeneratedTimestamp;
    created_at: GeneratedTimestamp;
    done_at: Date | null;
  };
  outbox_delivery: {
    event_id: number;
    subscriber: string;
    status: 'done' | 'failed' | 'dead';
    attempts: Generated<number>;
    last_error: string | null;
    updated_at: GeneratedTimestamp;
  };
  cache_generation: { name: string; generation: Generated<number>; updated_at: GeneratedTimestamp };
  scheduled_job: {
    name: string;
    interval_seconds: number;
    next_run_at: Date | string;
    runs: Generated<number>;
    last_started_at: Date | null;
    last_finished_at: Date | null;
    last_result: ColumnType<unknown, string | null | undefined, string | null>;
    last_error: string | null;
  };
};
