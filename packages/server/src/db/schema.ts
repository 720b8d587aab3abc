/**
 * Kysely's view of the tables created by `migrations/*.sql`: generated from the migrated schema into
 * generated.ts by `npm run db:types` (decision 0163), never kept by hand. `npm run check` fails when the
 * committed file and the migrations differ. Repositories import `Database` from here.
 */
export type { DB as Database } from './generated.ts';
