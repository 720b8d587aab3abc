import pg from 'pg';

/** Password of the `admin` account in every test database. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-1';

/** Which database the integration tier runs on: PGlite unless TEST_DB_KIND=postgres. */
export function testDbKind(): 'pglite' | 'postgres' {
  if (process.env.TEST_DB_KIND !== 'postgres') return 'pglite';
  if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DB_KIND=postgres needs TEST_DATABASE_URL');
  return 'postgres';
}

/**
 * The PostgreSQL template database of one test run: named per run so that two runs on one
 * server (two checkouts, or CI beside a developer) never drop each other's template.
 */
export function templateDbName(runId: number | string = process.pid): string {
  return `cc_test_template_${runId}`;
}

/** The database of one test file: named after its run's template, so an abandoned run's files are known. */
export function testFileDbName(template: string, suffix: string): string {
  return `cc_test_${template.slice('cc_test_template_'.length)}_${suffix}`;
}

/**
 * Drops what killed test runs left on the server: a template or file database whose run (the
 * process id in its name) is gone from this machine. Databases of the older unnumbered names are
 * dropped when nobody is connected to them.
 */
export async function dropAbandonedTestDatabases(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where datname ~ '^cc_test_(template|template_[0-9]+|[0-9]+_[0-9a-f]+|[0-9a-f]{12})$'",
  );
  const dropped: string[] = [];
  for (const { datname } of rows) {
    const run = /^cc_test_(?:template_)?([0-9]+)(?:_[0-9a-f]+)?$/.exec(datname)?.[1];
    if (run && (Number(run) === process.pid || processAlive(Number(run)))) continue;
    try {
      await client.query(`drop database if exists ${datname}${run ? ' with (force)' : ''}`);
      dropped.push(datname);
    } catch {
      // An unnumbered database still in use belongs to a run of an older checkout: left alone.
    }
  }
  return dropped;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A URL for another database on the TEST_DATABASE_URL server. */
export function databaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements (CREATE/DROP DATABASE) on the server's maintenance connection. */
export async function withAdminDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database once its last backend has gone: a closed pool's connections end on the server a
 * moment later, and DROP DATABASE refuses while one remains (terminating it instead would raise an
 * error on a client that is still closing). Waits for that state, at most `timeoutMs`.
 */
export async function dropDatabaseWhenIdle(name: string, timeoutMs = 20_000): Promise<void> {
  await withAdminDatabase(async (client) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        'select count(*) as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (Number(rows[0]!.n) === 0 || Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`drop database if exists ${name}`);
  });
}
