import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/connection.ts';
import { bootstrap } from '../bootstrap.ts';
import { migrate } from '../db/migrate.ts';
import { partitionDistributedTables, testDbPartitioned } from './partitioned.ts';
import {
  databaseUrl,
  dropAbandonedTestDatabases,
  TEST_ADMIN_PASSWORD,
  templateDbName,
  testDbKind,
  withAdminDatabase,
} from './databases.ts';
import { REPO_ROOT } from '../config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Builds one fully bootstrapped database (migrations, the whole Heilongjiang data set,
 * the admin account) and lets every test file start from a copy of it: a PGlite dump,
 * or a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const kind = testDbKind();
  if (kind === 'pglite') {
    const file = path.join(REPO_ROOT, '.tmp', 'test-template.tar.gz');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await partitionIfAsked(handle.db);
    await bootstrap(handle.db, { dataset: 'heilongjiang', adminPassword: TEST_ADMIN_PASSWORD });
    const dump = await handle.pglite!.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    project.provide('pgliteTemplate', file);
  } else {
    const name = templateDbName();
    await withAdminDatabase(async (admin) => {
      const dropped = await dropAbandonedTestDatabases(admin);
      if (dropped.length > 0) console.log(`dropped databases of killed test runs: ${dropped.join(', ')}`);
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
    });
    const handle = await openDatabase({ kind: 'postgres', url: databaseUrl(name) });
    await partitionIfAsked(handle.db);
    await bootstrap(handle.db, { dataset: 'heilongjiang', adminPassword: TEST_ADMIN_PASSWORD });
    await handle.close();
    project.provide('pgliteTemplate', '');
    project.provide('pgTemplate', name);
    console.log(
      `test database template (${kind}${testDbPartitioned() ? ', partitioned' : ''}) ready in ${Date.now() - started} ms`,
    );
    // Leave nothing behind on the shared server: the template goes when the run ends.
    return async () => {
      await withAdminDatabase((admin) => admin.query(`drop database if exists ${name}`));
    };
  }
  project.provide('pgTemplate', '');
  console.log(
    `test database template (${kind}${testDbPartitioned() ? ', partitioned' : ''}) ready in ${Date.now() - started} ms`,
  );
}

/**
 * The partitioned check: migrates, then rebuilds the distributed tables hash-partitioned on their
 * distribution column before the data set is loaded (bootstrap's own migration then finds nothing
 * to do).
 */
async function partitionIfAsked(db: Parameters<typeof bootstrap>[0]): Promise<void> {
  if (!testDbPartitioned()) return;
  await migrate(db);
  await partitionDistributedTables(db);
}
