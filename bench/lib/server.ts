import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { onCleanup, trackChild } from './cleanup.ts';
import { freePort, LOOPBACK, sleep } from './net.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

type HealthBody = { status: string; database?: { kind?: string } };

export type RunningServer = {
  pid: number;
  baseUrl: string;
  /** Spawn to the first 200 from /api/v1/health, as a client would see it. */
  readyMs: number;
  /** The server's own "ready … after N ms" figure (database open to listening), when it printed one. */
  serverReportedMs: number | undefined;
  /** Regions loaded on this start; set only on a first start. */
  regionsLoaded: number | undefined;
  health: HealthBody;
  /** The last lines the server printed, for error messages. */
  output: () => string;
  /** SIGTERM, wait for a clean exit (PGlite flushes its files), SIGKILL after the grace time. */
  stop: () => Promise<{ stopMs: number; exitCode: number | null }>;
};

export type StartOptions = { adminPassword: string; healthTimeoutMs?: number };

const OUTPUT_LINES_KEPT = 40;
/**
 * How long a server may take to become healthy. A first PGlite start on a new data directory
 * (migrations and the default data set) was not healthy within 180 s on the shared 2-core machine at
 * load 40-60 (2026-12-07), which stopped the evaluation scenario before it measured anything.
 */
const HEALTH_TIMEOUT_MS = 600_000;

/**
 * Spawns `chuangcheng serve` as its own process (node directly, so the child pid is the server
 * whose memory we read) and waits until it is healthy.
 */
export async function startServer(target: DatabaseTarget, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: LOOPBACK,
    LOG_LEVEL: 'warn',
    CHUANGCHENG_WEB_DIST: '/nonexistent',
    CHUANGCHENG_ADMIN_PASSWORD: options.adminPassword,
  };
  // The parent's environment must not pick the database for us.
  delete env.DATABASE_URL;
  delete env.CHUANGCHENG_DATA_DIR;
  if (target.kind === 'pglite') env.CHUANGCHENG_DATA_DIR = target.dataDir;
  else env.DATABASE_URL = target.url;

  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS: node flags for the server only (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`,
  // which NODE_OPTIONS does not allow).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, 'packages/server/bin/chuangcheng.js', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > OUTPUT_LINES_KEPT) lines.shift();
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const output = () => lines.join('\n');

  let exitCode: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const stop = async () => {
    const stopStarted = performance.now();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!graceful) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    return { stopMs: performance.now() - stopStarted, exitCode };
  };
  const forget = onCleanup(`server pid ${child.pid}`, async () => {
    await stop();
  });

  const baseUrl = `http://${LOOPBACK}:${port}`;
  let health: HealthBody;
  try {
    health = await waitForHealth(baseUrl, child, options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
  } catch (error) {
    await forget();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output()}`);
  }
  const readyMs = performance.now() - started;
  const text = output();
  const reported = /ready at .* after (\d+) ms/.exec(text)?.[1];
  const loaded = /loaded the default data set: (\d+) regions/.exec(text)?.[1];

  return {
    pid: child.pid ?? 0,
    baseUrl,
    readyMs,
    serverReportedMs: reported ? Number(reported) : undefined,
    regionsLoaded: loaded ? Number(loaded) : undefined,
    health,
    output,
    stop: async () => {
      const result = await stop();
      await forget();
      return result;
    },
  };
}

/**
 * Polls /api/v1/health every 100 ms. Gives up at once when the child exits (a broken tree must
 * not cost the full timeout) and after `timeoutMs` otherwise.
 */
async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<HealthBody> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (code ${child.exitCode ?? child.signalCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) {
        const body = (await response.json()) as HealthBody;
        if (body.status === 'ok') return body;
      } else {
        await response.body?.cancel();
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not healthy within ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Waits until the server answers /api/v1/health again. After autocannon stops, the requests it
 * abandoned are still queued in the server (PGlite runs one query at a time), and the next run
 * must not start behind that backlog.
 */
export async function waitUntilDrained(baseUrl: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  return performance.now() - started;
}
