import net from 'node:net';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/connection.ts';
import { bootstrap } from '../bootstrap.ts';
import { buildApp } from '../app.ts';
import { reportError } from './errors.ts';
import { scheduledJobs } from '../jobs/schedule.ts';
import { startScheduler } from '../jobs/scheduler.ts';
import { startOutboxWorker } from '../outbox/worker.ts';

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
    // Fail in a moment, not after the first start's data load, when the port is taken.
    await assertPortFree(config.port, config.host);
    const started = Date.now();
    handle = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
      : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    const report = await bootstrap(handle.db, {
      dataset: process.env.CHUANGCHENG_DATASET ?? 'heilongjiang',
      adminPassword: config.adminPassword,
    });
    if (report.loaded) {
      console.log(
        `chuangcheng: loaded the default data set: ${report.loaded.regions} regions, ${report.loaded.population} population figures, ` +
          `${report.loaded.groups} region groups, ${report.loaded.orgUnits} organisations, ${report.loaded.plans} plans`,
      );
    }
    if (report.admin.generatedPassword) {
      console.log(
        `chuangcheng: created the first administrator "admin" with password: ${report.admin.generatedPassword}`,
      );
      console.log('chuangcheng: this password is shown only once; sign in and change it.');
    }
    const app = await buildApp({ config, database: handle });
    const outbox = startOutboxWorker(handle.db, { pollMs: config.outboxPollMs, log: app.log });
    // A write has committed its events by the time its answer is sent: deliver them before the
    // answer goes out (a few milliseconds), so the writer's next page shows their effects (the
    // cockpit, the unit's notifications) as it did when modules called each other directly.
    app.addHook('onSend', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
        await outbox.flush();
      }
    });
    let stopJobs: () => Promise<void> = async () => undefined;
    const shutdown = async () => {
      await stopJobs();
      await outbox.stop();
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
    const scheduler = startScheduler(handle.db, scheduledJobs(config), { pollMs: SCHEDULER_POLL_MS, log: app.log });
    stopJobs = scheduler.stop;
    console.log(
      `chuangcheng: ready at http://localhost:${config.port} on ${handle.kind} (${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}) after ${Date.now() - started} ms`,
    );
  } catch (error) {
    await handle?.close().catch(() => undefined);
    process.exit(reportError(error));
  }
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
