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
