import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import client from 'prom-client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { App, ModuleDeps } from '../../http/types.ts';
import { outboxRepository } from '../../outbox/repository.ts';
import { auditBacklog } from '../audit/index.ts';
import { sendNotFound } from '../../http/error-handler.ts';
import { AppError } from '../../http/problem.ts';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
const httpDuration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Outbox and audit sequencer gauges, read from the database at each scrape (the same figures on every server). */
function withOutboxMetrics(db: Kysely<Database>): client.Registry {
  const perDatabase = new client.Registry();
  const read = () => outboxRepository.counts(db);
  new client.Gauge({
    name: 'outbox_pending_events',
    help: 'Domain events not yet delivered to every subscriber',
    registers: [perDatabase],
    async collect() {
      this.set((await read()).pending);
    },
  });
  new client.Gauge({
    name: 'outbox_dead_letters',
    help: 'Deliveries that failed every attempt (chuangcheng outbox dead lists them)',
    registers: [perDatabase],
    async collect() {
      this.set((await read()).deadLetters);
    },
  });
  new client.Gauge({
    name: 'audit_pending_entries',
    help: 'Audit entries written but not yet sequenced into their Merkle tree',
    registers: [perDatabase],
    async collect() {
      this.set((await auditBacklog(db)).pending);
    },
  });
  new client.Gauge({
    name: 'audit_sequencer_lag_seconds',
    help: 'Age of the oldest audit entry waiting for the sequencer (0 when none waits)',
    registers: [perDatabase],
    async collect() {
      this.set((await auditBacklog(db)).lagSeconds);
    },
  });
  return client.Registry.merge([registry, perDatabase]);
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests so that neither the length nor the content leaks through timing.
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}

/**
 * `/metrics` is not public (issue 11: it told anyone the routes, their traffic and the
 * process's memory). On the main port it answers only with `Authorization: Bearer
 * <CHUANGCHENG_METRICS_TOKEN>`, and is not served there at all without a token. No exception
 * for loopback: behind a reverse proxy on the same host every request comes from loopback.
 * CHUANGCHENG_METRICS_ADDRESS serves it on a separate listener instead (see below).
 */
export async function metricsRoutes(app: App, deps: ModuleDeps) {
  const token = deps.config.metricsToken;
  const metrics = withOutboxMetrics(deps.db);
  app.get(
    '/metrics',
    { config: { public: true, ownCredentials: true }, schema: { hide: true } },
    async (request, reply) => {
      if (!token) return sendNotFound(request, reply);
      const sent = request.headers.authorization;
      if (!sent?.startsWith('Bearer ') || !sameSecret(sent.slice(7).trim(), token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <CHUANGCHENG_METRICS_TOKEN>');
      }
      reply.type(metrics.contentType);
      return metrics.metrics();
    },
  );

  app.addHook('onResponse', async (request, reply) => {
    httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
}

/**
 * A listener that serves only `/metrics`, for CHUANGCHENG_METRICS_ADDRESS: bind it to an
 * address only the monitoring network reaches (e.g. 127.0.0.1:9464); it needs no token.
 */
export async function startMetricsListener(
  address: { host: string; port: number },
  db?: Kysely<Database>,
): Promise<{
  port: number;
  close: () => Promise<void>;
}> {
  const metrics = db ? withOutboxMetrics(db) : registry;
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
