// The auth module's public face: what other modules and the app may use. Everything else is private.
export { actionContext, assertInScope, authorize, requireActor, systemActor } from './actor.ts';
export type { Actor } from './actor.ts';
export { registerAuthentication } from './hook.ts';
export { assertStrongPassword, passwordWeakness } from './password-policy.ts';
export { generatePassword, hashPassword } from './password.ts';
export { authRoutes } from './routes.ts';
export { endAllSessions, endSessionsForNewPassword, resolveApiToken } from './service.ts';
