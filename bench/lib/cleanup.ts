import type { ChildProcess } from 'node:child_process';

/**
 * Everything the bench starts (server processes, temp data dirs, PostgreSQL databases, worker
 * threads) registers an undo step here, so that a failing scenario or Ctrl-C still leaves the
 * machine as it was: a stray PGlite server would hold its data dir and skew the next run.
 */
type Step = { label: string; run: () => Promise<void> | void };

const steps: Step[] = [];
const liveChildren = new Set<ChildProcess>();

/** Registers an undo step; the returned function runs it now and forgets it. */
export function onCleanup(label: string, run: () => Promise<void> | void): () => Promise<void> {
  const step: Step = { label, run };
  steps.push(step);
  return async () => {
    const index = steps.indexOf(step);
    if (index === -1) return;
    steps.splice(index, 1);
    await step.run();
  };
}

/** Remembers a child so the synchronous exit hook can still SIGKILL it if all else failed. */
export function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

/** Runs every pending undo step, newest first; one failing step does not stop the others. */
export async function runCleanup(): Promise<void> {
  while (steps.length > 0) {
    const step = steps.pop();
    if (!step) break;
    try {
      await step.run();
    } catch (error) {
      console.error(`bench: cleanup "${step.label}" failed: ${(error as Error).message}`);
    }
  }
}

let installed = false;

/** Ctrl-C and SIGTERM still clean up; the exit hook is the last resort for children. */
export function installCleanupHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}, cleaning up`);
      void runCleanup().finally(() => process.exit(130));
    });
  }
  process.once('exit', () => {
    for (const child of liveChildren) child.kill('SIGKILL');
  });
}
