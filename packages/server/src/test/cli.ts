import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';

const BIN = path.join(REPO_ROOT, 'packages/server/bin/chuangcheng.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the `chuangcheng` CLI as an operator would, in a child process with only PATH, HOME and
 * the given variables. A child that did not exit by itself (killed at `timeoutMs`, or by a signal)
 * has code null, and its stderr says so and how long it ran, so that a failure on a busy CI
 * machine reads as what it was instead of "expected null to be 0".
 */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): CliResult {
  const started = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  let stderr = result.stderr ?? '';
  if (result.status === null) {
    const why = result.error ? result.error.message : `signal ${result.signal ?? 'unknown'}`;
    stderr += `\n[runCli] 'chuangcheng ${args.join(' ')}' did not exit by itself: ${why}, after ${Date.now() - started} ms (limit ${timeoutMs} ms)`;
  }
  return { code: result.status, stdout: result.stdout ?? '', stderr };
}
