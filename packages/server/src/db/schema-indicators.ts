// Kysely's view of the tables for indicators, data sets, observations and approvals (issue 4). Keep in step with the migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type IndicatorTables = {};
