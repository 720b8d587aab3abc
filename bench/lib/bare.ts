import { Worker } from 'node:worker_threads';
import { onCleanup } from './cleanup.ts';
import { LOOPBACK } from './net.ts';

/** 'cached' replies with the captured bytes; 'serialize' re-serialises the parsed body per request. */
export type BareMode = 'cached' | 'serialize';

export type BareServer = { baseUrl: string; close: () => Promise<void> };

/**
 * A bare Fastify server in this process that answers the captured URLs with the real
 * endpoint's exact JSON from memory: the framework's own ceiling on this machine.
 *
 * It runs in a worker thread, not on the main thread: autocannon saturates the main event loop,
 * and the real server gets a core of its own, so sharing autocannon's thread would
 * understate the ceiling by about half.
 */
export async function startBareServer(bodies: Record<string, string>, mode: BareMode): Promise<BareServer> {
  // Workers do not inherit tsx's loader; register it inside the worker before importing the .ts file.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./bare-worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { bodies, mode, host: LOOPBACK } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (message: { port: number }) => resolve(message.port));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bare server worker exited with code ${code}`)));
  });
  const close = onCleanup(`bare fastify (${mode})`, async () => {
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('close');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 3000))]);
    await worker.terminate();
  });
  return { baseUrl: `http://${LOOPBACK}:${port}`, close };
}
