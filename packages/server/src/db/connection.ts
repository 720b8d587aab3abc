import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { ConfigError } from '../config.ts';

// int8 (counts, bigserial ids, populations) as JS numbers: every value we store fits in 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// date columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
// numeric as numbers too; indicator values are far from float64's precision limit.
pg.types.setTypeParser(1700, (value) => Number.parseFloat(value));

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Kysely handle every repository uses, and how to close it. */
export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** The embedded instance, for dumps (test templates, backups); absent on PostgreSQL. */
  pglite?: PGlite;
};

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /**
   * `dataDir` null keeps PGlite in memory (tests); `loadDataDir` restores a dump; `sharedBuffers`
   * (e.g. '32MB') sizes PostgreSQL's buffer cache inside the WebAssembly memory of an on-disk database.
   */
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob; sharedBuffers?: string };

/**
 * Opens PostgreSQL or the embedded PGlite behind the same `pg.Pool` interface, so
 * that every query and migration takes one code path on both.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir, options.sharedBuffers);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    // JIT compilation costs hundreds of milliseconds and pays off only for long analytical
    // queries; a correlated subquery's inflated cost estimate made it fire on the ledger query
    // (570 ms with JIT, 73 ms without, measured on 20,000 reports). Our queries are short.
    options: '-c jit=off',
  });
  try {
    const client = await pool.connect();
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    client.release();
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) {
      throw new ConfigError(`PostgreSQL ${version} is too old; Chuangcheng needs PostgreSQL 15 or later`);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `cannot connect to DATABASE_URL (${redact(url)}): ${(error as Error).message}; check the URL and that the server is running`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob, sharedBuffers?: string): Promise<DatabaseHandle> {
  let release = () => {};
  let pglite: PGlite;
  if (dataDir === null) {
    pglite = await PGlite.create({ loadDataDir });
  } else {
    release = acquireDataDirLock(dataDir);
    try {
      // PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, which
      // never shrinks; on disk the operating system caches the pages anyway (docs/PERFORMANCE.md).
      const postgresqlconf = sharedBuffers ? [`shared_buffers = ${sharedBuffers}`] : undefined;
      pglite = await PGlite.create(path.join(dataDir, 'pgdata'), { loadDataDir, postgresqlconf });
    } catch (error) {
      release();
      throw new ConfigError(`cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
    }
  }
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
