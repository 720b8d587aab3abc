import { parentPort, workerData } from 'node:worker_threads';
import Fastify from 'fastify';
import type { BareMode } from './bare.ts';

type Data = { bodies: Record<string, string>; mode: BareMode; host: string };

const { bodies, mode, host } = workerData as Data;
const bytes = new Map(Object.entries(bodies).map(([url, body]) => [url, Buffer.from(body)]));
const parsed = new Map(Object.entries(bodies).map(([url, body]) => [url, JSON.parse(body) as unknown]));

// No logger, no plugins, no schema: the cost left is Fastify's routing plus Node's HTTP stack.
const app = Fastify({ logger: false });
const pathnames = new Set(Object.keys(bodies).map((url) => url.split('?')[0] ?? url));
for (const pathname of pathnames) {
  app.get(pathname, async (request, reply) => {
    const body = bytes.get(request.url);
    if (body === undefined) return reply.code(404).send({ error: 'not captured' });
    // 'cached' sends the captured bytes; 'serialize' pays JSON.stringify per request like any real handler.
    if (mode === 'serialize') return parsed.get(request.url);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

await app.listen({ port: 0, host });
const address = app.server.address();
parentPort?.postMessage({ port: typeof address === 'object' && address ? address.port : 0 });
parentPort?.on('message', (message) => {
  if (message === 'close') void app.close().then(() => process.exit(0));
});
