import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { bootstrap, loadedLine } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import { reportError } from './errors.ts';
import { scheduledJobs } from '../jobs/schedule.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { fileStoreOf } from '../storage/file-store.ts';
import { startOutboxWorker } from '../outbox/worker.ts';
import { deliverEventsOfWrites } from '../outbox/write-delivery.ts';
import { auditSignerOf, scheduleAuditSequencer } from '../modules/audit/index.ts';
import { startMetricsListener } from '../modules/system/index.ts';
import { createPersonalData, loadKeyring } from '../modules/personal-data/index.ts';
import { sealPlaintextReporterPhones } from '../modules/cases/index.ts';

/** How often each server asks the database for due jobs; a job runs at most this late. */
const SCHEDULER_POLL_MS = 30_000;

/**
 * Starts the platform: one process serving the API and the web app. Configuration
 * problems end the process with one line saying what to fix.
 */
export async function serve(): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    if (config.dataDirNotice && !config.databaseUrl) console.warn(`chuangcheng: warning: ${config.dataDirNotice}`);
    // Fail in a moment, not after the first start's data load, when the port is taken.
    await assertPortFree(config.port, config.host);
    const auditSigner = auditSignerOf(config, { create: true })!;
    const started = Date.now();
    const open = () =>
      config.databaseUrl
        ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
        : openDatabase({ kind: 'pglite', dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers });
    if (!config.databaseUrl && config.dataset && isNewDataDir(config.dataDir)) {
      // The first start's bulk load grows the process's memory (PGlite's WebAssembly memory and
      // the native memory around it), which is never returned: a child process loads, exits and
      // takes that memory with it; this one then opens a loaded database (docs/PERFORMANCE.md).
      await runFirstLoad();
    }
    handle = await open();
    const report = await bootstrap(handle.db, {
      dataset: config.dataset,
      adminPassword: config.adminPassword,
    });
    if (report.loaded) console.log(loadedLine(report.loaded));
    if (report.loaded && handle.kind === 'pglite') {
      // The first start's bulk load grows PGlite's WebAssembly memory, which is never returned:
      // a fresh instance serves with what a restarted server has (docs/PERFORMANCE.md, idle memory).
      await handle.close();
      handle = await open();
    }
    const app = await buildApp({ config, database: handle });
    // Phones stored in the clear before they were sealed (migration 20261206T1110).
    const sealed = await sealPlaintextReporterPhones(
      handle.db,
      createPersonalData(loadKeyring({ envKeys: config.personalDataKeys, dataDir: config.dataDir })),
    );
    if (sealed > 0) console.log(`chuangcheng: sealed ${sealed} reporter phone numbers stored before encryption`);
    const outbox = startOutboxWorker(handle.db, { pollMs: config.outboxPollMs, log: app.log });
    deliverEventsOfWrites(app, outbox);
    let stopJobs: () => Promise<void> = async () => undefined;
    const metrics = config.metricsAddress ? await startMetricsListener(config.metricsAddress, handle.db) : undefined;
    const shutdown = async () => {
      await stopJobs();
      await outbox.stop();
      await metrics?.close();
      await app.close();
      await handle?.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown());
    process.once('SIGTERM', () => void shutdown());
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new ConfigError(`port ${config.port} is in use; stop the other server or set PORT`);
      if (code === 'EACCES')
        throw new ConfigError(`no permission to listen on port ${config.port}; set PORT above 1024`);
      throw error;
    }
    const scheduler = startScheduler(handle.db, scheduledJobs(config, fileStoreOf(config)), {
      pollMs: SCHEDULER_POLL_MS,
      log: app.log,
    });
    // The sequencer keeps its own one-second loop: the scheduler polls every 30 s, far too slowly for
    // an audit row to be sealed soon after its write; across servers the sequencer's own database
    // lock already lets only one of them run.
    const stopSequencer = scheduleAuditSequencer(handle.db, auditSigner, app.log);
    stopJobs = async () => {
      stopSequencer();
      await scheduler.stop();
    };
    console.log(
      `chuangcheng: ready at http://localhost:${config.port} on ${handle.kind} (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}) after ${Date.now() - started} ms`,
    );
    // Last, after the build and start-up output, so that it cannot scroll past unseen.
    if (report.admin.generatedPassword) console.log(firstAdministratorNotice(report.admin.generatedPassword));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    process.exit(reportError(error));
  }
}

/** An embedded data directory no database has been created in yet. */
function isNewDataDir(dataDir: string): boolean {
  return !fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));
}

const CLI = fileURLToPath(new URL('../../bin/chuangcheng.js', import.meta.url));

/** `chuangcheng first-load` in a child process, its output passed through; fails if the child does. */
function runFirstLoad(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'first-load'], { stdio: 'inherit', env: process.env });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new ConfigError(`loading the default data set failed (${signal ?? `exit code ${code}`}); see above`)),
    );
  });
}

/** The first administrator's generated password, framed so that it stands out in a terminal. */
function firstAdministratorNotice(password: string): string {
  const lines = [
    'The first administrator was created:',
    '',
    `    user name: admin`,
    `    password:  ${password}`,
    '',
    'It is shown only this once: sign in and change it. If it is lost, set a new one with',
    '    npm run cli -- users reset-password --username admin',
  ];
  const rule = '='.repeat(76);
  return ['', rule, ...lines.map((line) => `  ${line}`), rule, ''].join('\n');
}

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(new ConfigError(`port ${port} is in use; stop the other server or set PORT`));
      else if (error.code === 'EACCES')
        reject(new ConfigError(`no permission to listen on port ${port}; set PORT above 1024`));
      else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
