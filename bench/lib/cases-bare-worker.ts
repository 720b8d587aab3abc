import crypto from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/connection.ts';
import type { DatabaseTarget } from './server.ts';

/**
 * The floor of intake: a bare Fastify POST route that parses the JSON body and does one INSERT
 * of it into the same database (a table of its own), with no validation, no region resolution,
 * no dispatch rule, no audit and no response beyond the new id.
 */
const { target, host } = workerData as { target: DatabaseTarget; host: string };
const handle =
  target.kind === 'pglite'
    ? await openDatabase({ kind: 'pglite', dataDir: target.dataDir })
    : await openDatabase({ kind: 'postgres', url: target.url, poolSize: 10 });
await sql`create table if not exists bench_bare_insert (id uuid primary key, body jsonb not null, created_at timestamptz not null default now())`.execute(
  handle.db,
);

const app = Fastify({ logger: false });
app.post('/insert', async (request, reply) => {
  const id = crypto.randomUUID();
  await sql`insert into bench_bare_insert (id, body) values (${id}, ${JSON.stringify(request.body)})`.execute(
    handle.db,
  );
  return reply.code(201).send({ id });
});
await app.listen({ port: 0, host });
const address = app.server.address();
parentPort?.postMessage({ port: typeof address === 'object' && address ? address.port : 0 });
parentPort?.on('message', (message) => {
  if (message === 'close') {
    void app
      .close()
      .then(() => handle.close())
      .then(() => process.exit(0));
  }
});
