// Kysely's view of the tables for problem cases, categories, holidays and Open311 (issue 6). Keep in step with the migrations.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CaseTables = {};
