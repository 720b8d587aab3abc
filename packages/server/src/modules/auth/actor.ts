import { message, can, isWithinScope, type Permission, type Role } from '@chuangcheng/core';
import type { FastifyRequest } from 'fastify';
import { AppError, forbidden, outOfScope } from '../../http/problem.ts';

/** Who is making a request: the account, its role and the root of its region scope. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionPath: string;
  orgUnitId: string | null;
  /** How the request authenticated; cookie sessions need a CSRF token on writes. */
  via: 'session' | 'token';
  sessionTokenHash?: string;
};

/** The system itself, for imports and first-start set-up run from the CLI. */
export const systemActor = (regionCode: string, regionPath: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'system',
  role: 'province_admin',
  regionCode,
  regionPath,
  orgUnitId: null,
  via: 'token',
});

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a signed-in account. */
    public?: boolean;
    /** The route checks its own `Authorization` (e.g. `/metrics`); sign-in does not read it. */
    ownCredentials?: boolean;
    /**
     * The route's events only feed derived figures (the statistics roll-up): its answer does not
     * wait for their delivery, which the outbox worker starts at once (decision 0194).
     */
    deliverInBackground?: boolean;
  }
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Who acts and in which request: what every write takes, for its audit row and its events. */
export function actionContext(request: FastifyRequest): { actor: Actor; requestId: string } {
  return { actor: requireActor(request), requestId: request.id };
}

/** Throws 403 unless the actor's role holds the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission))
    throw forbidden(
      message('forbidden.roleLacks', {
        role: message(`role.${actor.role}`),
        permission: message(`permission.${permission}`),
      }),
    );
}

/** Throws 403 unless the region path lies inside the actor's scope. */
export function assertInScope(actor: Actor, regionPath: string): void {
  if (!isWithinScope(actor.regionPath, regionPath)) {
    throw outOfScope(message('scope.regionOutside', { region: regionPath.split('/').pop() ?? '' }));
  }
}
