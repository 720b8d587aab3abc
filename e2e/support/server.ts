import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** A first start (migrations, the whole data set) on a machine loaded past its cores. */
const STARTUP_LIMIT_MS = 360_000;

/** A free loopback port, asked of the kernel. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type DatabaseKind = 'pglite' | 'postgres';

export type RunningServer = { url: string; adminPassword: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts the real platform the way `npm start` does (built web app, first start with
 * the default data set) on a new embedded data directory, or on a new PostgreSQL
 * database when `kind` is postgres.
 */
export async function startServer(kind: DatabaseKind, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const adminPassword = 'Walk-Admin-2026-strong!';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    CHUANGCHENG_ADMIN_PASSWORD: adminPassword,
    // Request lines too: a failed test keeps the log's tail as evidence.
    LOG_LEVEL: 'info',
  };
  let dropDatabase = async () => {};
  if (kind === 'pglite') {
    env.CHUANGCHENG_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-'));
    delete env.DATABASE_URL;
  } else {
    const name = `cc_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await dropAbandonedDatabases(admin);
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const child: ChildProcess = spawn(process.execPath, ['packages/server/bin/chuangcheng.js', 'serve'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The server's first start loads the data set in a child of its own (`first-load`): a killed
  // server leaves that child writing into the data directory, and removing the directory under
  // it fails with ENOTEMPTY. Kill the whole tree and wait for the server before removing anything.
  const killTree = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      for (const pid of descendants(child.pid!)) signal(pid, 'SIGKILL');
      child.kill('SIGKILL');
      await exited;
    }
  };
  const cleanUp = async () => {
    if (env.CHUANGCHENG_DATA_DIR) {
      fs.rmSync(env.CHUANGCHENG_DATA_DIR, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
    await dropDatabase();
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      await cleanUp();
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await killTree();
      await cleanUp();
      throw new Error(`server not healthy after ${STARTUP_LIMIT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    adminPassword,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        await killTree();
      }
      await cleanUp();
    },
  };
}

/**
 * Drops the databases of browser runs that were killed before their teardown (their name
 * carries the process id of the run, and that process is gone), so nothing piles up on a
 * shared server.
 */
async function dropAbandonedDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname ~ '^cc_e2e_[0-9]+$'",
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice('cc_e2e_'.length));
    if (pid === process.pid || processAlive(pid)) continue;
    await admin.query(`drop database if exists ${datname} with (force)`);
  }
}

/** Every process below `root` (Linux: read from /proc), children before their own children. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …; comm may hold spaces and parentheses, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(ppid, [...(parentOf.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while being read
    }
  }
  const found: number[] = [];
  for (let queue = [root]; queue.length > 0;) {
    const children = parentOf.get(queue.shift()!) ?? [];
    found.push(...children);
    queue.push(...children);
  }
  return found;
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The one database a browser walk runs on. Without TEST_DATABASE_URL: PGlite. With it, the walks
 * alternate (in the order of their file names) so that both databases carry browser traffic
 * while each walk runs once; database-specific behaviour is the integration tier's job.
 * E2E_DATABASE_OFFSET=1 swaps the two halves (the stress script alternates it between runs, so
 * every walk meets both databases); E2E_DATABASE=pglite|postgres puts every walk on one.
 */
export function walkDatabase(walk: string): DatabaseKind {
  if (!process.env.TEST_DATABASE_URL) return 'pglite';
  const forced = process.env.E2E_DATABASE;
  if (forced === 'pglite' || forced === 'postgres') return forced;
  const walks = fs
    .readdirSync(path.join(REPO_ROOT, 'e2e'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.test\.ts$/, ''))
    .sort();
  const index = walks.indexOf(walk);
  if (index < 0) throw new Error(`no browser walk e2e/${walk}.test.ts`);
  const offset = Number(process.env.E2E_DATABASE_OFFSET ?? 0);
  return (index + offset) % 2 === 0 ? 'pglite' : 'postgres';
}
