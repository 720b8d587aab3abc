import type { ColumnType } from 'kysely';
import type { z } from 'zod';

/**
 * A jsonb column as the generated types see it (scripts/db-types.ts maps jsonb here): read as
 * `unknown`, so a reader parses it with its zod schema (`parseStored`) instead of casting; written
 * as JSON text (JSON.stringify), because pg would write a JS array as a PostgreSQL array.
 */
export type StoredJson = ColumnType<unknown, string, string>;

/** A jsonb value that does not have the shape its column promises: a bug or a hand edit, not bad input. */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    issues: z.core.$ZodIssue[],
  ) {
    const where = issues
      .slice(0, 3)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(value)'}: ${i.message}`)
      .join('; ');
    super(`stored JSON in ${column} does not match its schema: ${where}`);
    this.name = 'StoredJsonError';
  }
}

/**
 * Reads a jsonb value with its schema on the way out of a repository (decision 0164): a bad stored
 * value fails here, naming the column, instead of travelling on as a wrong shape. `column` is
 * `table.column`.
 */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredJsonError(column, parsed.error.issues);
  return parsed.data;
}

/**
 * Like `parseStored`, but returns the stored value itself once it has passed: for frozen documents
 * whose exact bytes matter (a published scorecard's digest is attested), where zod's output could
 * drop a key the schema does not list.
 */
export function checkStored<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  parseStored(schema, value, column);
  return value as z.output<S>;
}
