import { ConfigError } from '../config.ts';
import { MigrationError } from '../db/migrate.ts';
import { AppError, renderText } from '../http/problem.ts';

/** Exit codes: 0 ok, 1 runtime failure, 2 bad usage or configuration, 3 a check found a problem. */
export const EXIT = { ok: 0, failure: 1, config: 2, check: 3 } as const;

/** Prints one line (plus field errors) saying what went wrong, and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof ConfigError) {
    console.error(`chuangcheng: ${error.message}`);
    return EXIT.config;
  }
  if (error instanceof MigrationError) {
    console.error(`chuangcheng: ${error.message}`);
    return EXIT.failure;
  }
  if (error instanceof AppError) {
    // The English text; a field error without a detail of its own lists its fields, as before.
    const detail = error.detail !== undefined || error.errors?.length ? error.message : '';
    console.error(`chuangcheng: ${error.code}: ${detail}`);
    for (const e of error.errors ?? []) console.error(`  ${e.field}: ${renderText(e.message, 'en')}`);
    return EXIT.failure;
  }
  console.error(`chuangcheng: ${(error as Error).stack ?? String(error)}`);
  return EXIT.failure;
}
