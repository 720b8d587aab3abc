import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { EXIT, reportError } from './errors.ts';

function open(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/**
 * Runs a command with an open, migrated database and maps failures to one line and an exit code;
 * shared by every command file of the CLI.
 */
export async function withDatabase(
  fn: (handle: DatabaseHandle, config: Config) => Promise<number | void>,
  options = { migrateFirst: true },
): Promise<never> {
  let handle: DatabaseHandle | undefined;
  let code: number = EXIT.ok;
  try {
    const config = loadConfig();
    handle = await open(config);
    if (options.migrateFirst) await migrate(handle.db);
    code = (await fn(handle, config)) ?? EXIT.ok;
  } catch (error) {
    code = reportError(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
  process.exit(code);
}

/** Prints a command's result: JSON for scripts, one sentence for a person. */
export function print(json: boolean, data: unknown, text: string) {
  console.log(json ? JSON.stringify(data, null, 2) : text);
}
