import { Health } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { metricsRoutes } from './metrics.ts';
import { systemRepository } from './repository.ts';

export async function systemRoutes(app: App, deps: ModuleDeps) {
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
        await systemRepository.ping(deps.db);
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

  await metricsRoutes(app, deps);
}
