import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** SQL of the system module: the health check's round trip to the database. */
export const systemRepository = {
  /** One trivial statement; throws when the database does not answer. */
  async ping(db: Kysely<Database>) {
    await sql`select 1`.execute(db);
  },
};
