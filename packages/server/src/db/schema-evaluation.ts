// Kysely's view of the tables for evaluation frameworks, rounds, scores, incidents and titles (issue 5). Keep in step with the migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type EvaluationTables = {};
