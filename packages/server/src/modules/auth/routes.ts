import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ApiTokenCreated,
  ApiTokenIdParams,
  ApiTokenList,
  ChangePasswordRequest,
  CreateApiTokenRequest,
  LoginRequest,
  SessionResponse,
  type Me,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor, type Actor } from './actor.ts';
import {
  changeOwnPassword,
  createApiToken,
  listApiTokens,
  login,
  logout,
  logoutEverywhere,
  resolveSession,
  revokeApiToken,
  SESSION_COOKIE,
} from './service.ts';
import { getUser, permissionsOf, presentUser } from '../users/index.ts';

async function presentMe(deps: ModuleDeps, actor: Actor): Promise<Me> {
  const row = await getUser(deps.db, actor.userId);
  return { ...presentUser(row), regionPath: row.region_path, permissions: permissionsOf(actor.role) };
}

export async function authRoutes(app: App, deps: ModuleDeps) {
  // Secure whenever this request came over HTTPS (directly, or per a trusted proxy's
  // X-Forwarded-Proto), not only when configured: a cookie set over HTTPS never leaks over HTTP.
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure || request.protocol === 'https',
  });

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password; sets the session cookie',
        body: LoginRequest,
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.body, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions(request), expires: result.expiresAt });
      return { user: await presentMe(deps, result.actor), csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: SessionResponse } } },
    async (request) => {
      const actor = requireActor(request);
      // Bearer clients have no CSRF token; they need none.
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await resolveSession(deps, cookie) : undefined;
      return { user: await presentMe(deps, actor), csrfToken: session?.csrfToken ?? '' };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await logout(deps.db, requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    { schema: { tags: ['auth'], summary: 'End every session of this account', response: { 204: z.null() } } },
    async (request, reply) => {
      await logoutEverywhere(deps.db, requireActor(request), request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      // Each attempt costs an argon2 verification and a strength estimate: keep guessers slow.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; every other session of the account ends',
        body: ChangePasswordRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps.db, requireActor(request), request.body, request.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'API tokens of this account',
        response: { 200: ApiTokenList },
      },
    },
    async (request) => {
      const rows = await listApiTokens(deps.db, requireActor(request));
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.created_at.toISOString(),
          lastUsed: r.last_used?.toISOString() ?? null,
          revokedAt: r.revoked_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Issue an API token for a machine client (shown once)',
        body: CreateApiTokenRequest,
        response: { 201: ApiTokenCreated },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps.db, requireActor(request), request.body.name, request.id);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: ApiTokenIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps.db, requireActor(request), request.params.id, request.id);
      return reply.code(204).send(null);
    },
  );
}
