import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
// The cookie plugin's request and reply types, also where this file is compiled without app.ts (bench).
import type {} from '@fastify/cookie';
import { AppError } from '../../http/problem.ts';
import { resolveApiToken, resolveSession, SESSION_COOKIE, type AuthDeps } from './service.ts';
import { message } from '@chuangcheng/core';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Resolves the actor of every request (bearer token first, then session cookie) and
 * refuses what needs an account when there is none. Cookie-authenticated writes must
 * echo the session's CSRF token in `x-csrf-token`; bearer tokens are not sent by
 * browsers on their own, so they need none.
 */
export function registerAuthentication(app: FastifyInstance, deps: AuthDeps) {
  const { db } = deps;
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.ownCredentials) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = (await resolveApiToken(db, authorization.slice(7).trim())) ?? null;
      if (!request.actor) throw new AppError('UNAUTHENTICATED', message('auth.unknownToken'));
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await resolveSession(deps, cookie) : undefined;
      if (session) {
        request.actor = session.actor;
        const sent = request.headers['x-csrf-token'];
        if (!SAFE_METHODS.has(request.method) && (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken))) {
          throw new AppError('CSRF_FAILED', message('auth.sendCsrf'));
        }
      }
    }
    // The API docs page and its assets are public like the OpenAPI document itself.
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/v1/docs');
    if (isApi && !request.actor && !request.routeOptions.config?.public) {
      throw new AppError('UNAUTHENTICATED');
    }
  });
}
