import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { postgresVersion } from './postgres.ts';

const run = promisify(execFile);

async function command(file: string, args: string[]): Promise<string> {
  try {
    return (await run(file, args)).stdout.trim();
  } catch {
    return 'unavailable';
  }
}

export type MachineInfo = {
  nproc: string;
  cpuModel: string;
  memory: string;
  node: string;
  postgres: string;
  kernel: string;
};

/** What the numbers were measured on; they mean little without it. */
export async function describeMachine(): Promise<MachineInfo> {
  const lscpu = await command('lscpu', []);
  return {
    nproc: await command('nproc', []),
    cpuModel: /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memory: await command('free', ['-h']),
    node: process.version,
    postgres: (await postgresVersion()) ?? 'not reachable',
    kernel: `${os.type()} ${os.release()}`,
  };
}
