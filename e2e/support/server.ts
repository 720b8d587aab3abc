import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

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

export type RunningServer = { url: string; adminPassword: string; stop: () => Promise<void>; output: () => string };

/**
 * Starts the real platform the way `npm start` does (built web app, first start with
 * the default data set) on a new embedded data directory, or on a new PostgreSQL
 * database when `kind` is postgres.
 */
export async function startServer(
  kind: 'pglite' | 'postgres',
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const adminPassword = 'e2e-admin-password';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    CHUANGCHENG_ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: 'warn',
  };
  let dropDatabase = async () => {};
  if (kind === 'pglite') {
    env.CHUANGCHENG_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-e2e-'));
    delete env.DATABASE_URL;
  } else {
    const name = `cc_e2e_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
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
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    adminPassword,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (env.CHUANGCHENG_DATA_DIR) fs.rmSync(env.CHUANGCHENG_DATA_DIR, { recursive: true, force: true });
      await dropDatabase();
    },
  };
}

/** Which databases the browser tier runs on: PGlite always, PostgreSQL when configured. */
export function databaseKinds(): ('pglite' | 'postgres')[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}
