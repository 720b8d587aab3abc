// Kysely's view of the shared counters of issue 11 (rate limits, sign-in failures). Keep in step with the migrations.
import type { ColumnType } from 'kysely';

type DbTime = ColumnType<Date, Date | string, Date | string>;

export type SecurityTables = {
  rate_limit_counter: {
    key: string;
    hits: number;
    reset_at: DbTime;
  };
  sign_in_failure: {
    user_id: string;
    source: string;
    failures: number;
    locked_until: Date | null;
    last_failure_at: DbTime;
  };
};
