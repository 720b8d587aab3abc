import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { onCleanup } from './cleanup.ts';
import { LOOPBACK } from './net.ts';

const run = promisify(execFile);

/** The local PostgreSQL (trust auth on loopback); psql keeps the bench free of a driver of its own. */
const PSQL_ARGS = ['-h', LOOPBACK, '-U', 'postgres', '-X', '-v', 'ON_ERROR_STOP=1', '-At', '-c'];

async function psql(sql: string): Promise<string> {
  const { stdout } = await run('psql', [...PSQL_ARGS, sql], { timeout: 30_000 });
  return stdout.trim();
}

/** "PostgreSQL 15.20 (Debian …)", or undefined when no server answers. */
export async function postgresVersion(): Promise<string | undefined> {
  try {
    return await psql('select version()');
  } catch {
    return undefined;
  }
}

/** Creates an empty database for one bench run and registers its removal. */
export async function createBenchDatabase(): Promise<{ name: string; url: string }> {
  const name = `chuangcheng_bench_${process.pid}_${Date.now()}`;
  await psql(`create database ${name}`);
  onCleanup(`drop database ${name}`, async () => {
    // WITH (FORCE) ends sessions a killed server may have left behind.
    await psql(`drop database if exists ${name} with (force)`);
  });
  return { name, url: `postgres://postgres@${LOOPBACK}:5432/${name}` };
}
