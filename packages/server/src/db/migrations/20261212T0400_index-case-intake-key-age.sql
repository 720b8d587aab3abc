-- Idempotency keys are now swept after 30 days by the hourly case-sweep job (decision 0187); the
-- sweep finds them by age.
create index case_intake_key_created_idx on case_intake_key (created_at);
