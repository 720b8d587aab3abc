import { sql } from 'kysely';
import { z } from 'zod';
import client from 'prom-client';
import type { App, ModuleDeps } from '../../http/types.ts';
import { outboxRepository } from '../../outbox/repository.ts';

const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  version: z.string(),
});

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Outbox gauges, read from the database at each scrape (the same figures on every server). */
function outboxMetrics(deps: ModuleDeps): client.Registry {
  const perApp = new client.Registry();
  const read = () => outboxRepository.counts(deps.db);
  new client.Gauge({
    name: 'outbox_pending_events',
    help: 'Domain events not yet delivered to every subscriber',
    registers: [perApp],
    async collect() {
      this.set((await read()).pending);
    },
  });
  new client.Gauge({
    name: 'outbox_dead_letters',
    help: 'Deliveries that failed every attempt (chuangcheng outbox dead lists them)',
    registers: [perApp],
    async collect() {
      this.set((await read()).deadLetters);
    },
  });
  return perApp;
}

export async function systemRoutes(app: App, deps: ModuleDeps) {
  const metrics = client.Registry.merge([registry, outboxMetrics(deps)]);
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      const started = performance.now();
      let ok = true;
      try {
        await sql`select 1`.execute(deps.db);
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: { kind: deps.databaseKind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
        version: process.env.npm_package_version ?? '0.1.0',
      };
      return reply.code(ok ? 200 : 503).send(body);
    },
  );

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.metrics();
  });

  app.addHook('onResponse', async (request, reply) => {
    httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
}
