import type { ColumnType } from 'kysely';

/**
 * A jsonb column as the generated types see it (scripts/db-types.ts maps jsonb here): read as
 * `unknown`, so a reader parses it with its zod schema instead of casting; written as JSON text.
 */
export type StoredJson = ColumnType<unknown, string, string>;
