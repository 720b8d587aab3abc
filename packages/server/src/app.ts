import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connection.ts';
import { frameworkErrors, registerErrorHandling, sendNotFound } from './http/error-handler.ts';
import { registerInputGuard } from './http/input-guard.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import type { App, ModuleDeps } from './http/types.ts';
import { registerAuthentication } from './modules/auth/index.ts';
import { authRoutes } from './modules/auth/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { regionRoutes } from './modules/regions/index.ts';
import { groupRoutes } from './modules/regions/index.ts';
import { orgUnitRoutes } from './modules/org-units/index.ts';
import { configureSms, smsSenderFor } from './modules/supervision/index.ts';
import { planRoutes } from './modules/plans/index.ts';
import { reportRoutes } from './modules/reports/index.ts';
import { ledgerRoutes } from './modules/reports/index.ts';
import { attachmentRoutes } from './modules/attachments/index.ts';
import { supervisionRoutes } from './modules/supervision/index.ts';
import { evaluationRoutes } from './modules/evaluation/index.ts';
import { systemRoutes } from './modules/system/index.ts';
import { userRoutes } from './modules/users/index.ts';
import { geoRoutes } from './modules/geo/index.ts';
import { indicatorRoutes } from './modules/indicators/index.ts';
import { caseRoutes } from './modules/cases/index.ts';
import { workbenchRoutes } from './modules/workbench/index.ts';
import { caseExportRoutes } from './modules/cases/index.ts';
import { open311Routes } from './modules/open311/index.ts';
import { createRateLimiter, databaseRateLimitStore } from './modules/rate-limits/index.ts';
import { publisherRoutes } from './modules/publisher/index.ts';
import { createPersonalData, loadKeyring } from './modules/personal-data/index.ts';

/**
 * Vite names every file under assets/ by its content hash: a browser may keep it for a year and
 * never ask again. Everything else (index.html, which names the current hashes) is revalidated.
 */
export function webCacheControl(webDist: string, filePath: string): string {
  const relative = path.relative(webDist, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1 ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The API modules, each registering its routes under /api/v1. Add a module here. */
const apiModules: ((app: App, deps: ModuleDeps) => Promise<void>)[] = [
  authRoutes,
  regionRoutes,
  groupRoutes,
  geoRoutes,
  orgUnitRoutes,
  planRoutes,
  supervisionRoutes,
  evaluationRoutes,
  reportRoutes,
  ledgerRoutes,
  attachmentRoutes,
  userRoutes,
  auditRoutes,
  indicatorRoutes,
  caseRoutes,
  workbenchRoutes,
  publisherRoutes,
  caseExportRoutes,
];

export type BuildOptions = { config: Config; database: DatabaseHandle; logger?: boolean };

/** Builds the whole platform as one Fastify app; tests drive it with `app.inject()`. */
export async function buildApp({ config, database, logger = true }: BuildOptions) {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For decides the address rate limits and lockouts count by: believe it only
    // from the proxies named in CHUANGCHENG_TRUST_PROXY, never from anyone (issue 11).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const personalData = createPersonalData(loadKeyring({ envKeys: config.personalDataKeys, dataDir: config.dataDir }));
  const deps: ModuleDeps = { db: database.db, config, databaseKind: database.kind, personalData };
  configureSms(
    smsSenderFor(config, (line) => app.log.info(line)),
    personalData,
  );
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(createRateLimiter(database.db)) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Chuangcheng API',
        description:
          'REST API of the Chuangcheng civilized-city creation platform. Errors are RFC 9457 problem+json with a stable `code`. ' +
          'Sign in with POST /api/v1/auth/login (session cookie; echo `csrfToken` in `x-csrf-token` on writes) ' +
          'or send `Authorization: Bearer <API token>`.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });
  registerAuthentication(app, deps);

  await systemRoutes(app, deps);
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(
    async (api) => {
      for (const register of apiModules) await register(api, deps);
    },
    { prefix: '/api/v1' },
  );
  await app.register(open311Routes(deps), { prefix: '/open311' });

  const hasWeb = fs.existsSync(`${config.webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      index: ['index.html'],
      // The .br / .gz copies written by scripts/compress-assets.mjs, by the request's Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, filePath) => res.header('cache-control', webCacheControl(config.webDist, filePath)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the single-page app get its index page.
    // Not for a missing asset (an old hash): HTML under a .js name would break the page.
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/') && hasWeb;
    if (wantsPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return sendNotFound(request, reply);
  });
  return app;
}
