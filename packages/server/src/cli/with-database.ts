import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';
import { drainOutbox } from '../outbox/worker.ts';
import { createPersonalData, loadKeyring } from '../modules/personal-data/index.ts';
import { configureSms, smsSenderFor } from '../modules/supervision/index.ts';
import { EXIT, reportError } from './errors.ts';

function openConfigured(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers });
}

const CLOSE_LIMIT_MS = 10_000;

async function closeWithin(handle: DatabaseHandle, limitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  const outcome = await Promise.race([
    handle.close().then(
      () => 'closed' as const,
      () => 'failed' as const,
    ),
    gaveUp,
  ]);
  clearTimeout(timer);
  if (outcome === 'late')
    console.error(`warning: the database did not close within ${limitMs / 1000} s; exiting anyway`);
}

/** `withDatabase` as the command modules that are handed it call it. */
export type WithDatabase = (fn: (handle: DatabaseHandle, config: Config) => Promise<number | void>) => Promise<never>;

/** Runs a command with an open, migrated database and maps failures to one line and an exit code. */
export async function withDatabase(
  fn: (handle: DatabaseHandle, config: Config) => Promise<number | void>,
  options = { migrateFirst: true },
): Promise<never> {
  let handle: DatabaseHandle | undefined;
  let code: number = EXIT.ok;
  try {
    const config = loadConfig();
    handle = await openConfigured(config);
    if (options.migrateFirst) await migrate(handle.db);
    // Reminders written by a command are texted when its outbox is drained (decision 0143).
    configureSms(smsSenderFor(config), () =>
      createPersonalData(loadKeyring({ envKeys: config.personalDataKeys, dataDir: config.dataDir })),
    );
    code = (await fn(handle, config)) ?? EXIT.ok;
    // Deliver the events the command wrote (notifications, cache generations): a server may not be
    // running to do it, and PGlite's lock keeps one from running beside the command.
    if (options.migrateFirst) await drainOutbox(handle);
  } catch (error) {
    code = reportError(error);
  } finally {
    // The work is committed; a close that does not finish (a pool waiting on a client a driver
    // never released) must not keep the command from exiting.
    if (handle) await closeWithin(handle, CLOSE_LIMIT_MS);
  }
  process.exit(code);
}

/** Prints JSON for machines or one line of text for people. */
export function print(json: boolean, data: unknown, text: string) {
  console.log(json ? JSON.stringify(data, null, 2) : text);
}
