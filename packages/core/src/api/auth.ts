import { z } from 'zod';
import { Permission } from '../roles.ts';
import { Password, User } from '../users.ts';

/**
 * The auth module's requests and answers (sign-in, the session, password change, API tokens):
 * shared by the server (validation, OpenAPI) and the web app (types, the sign-in form).
 */

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** The signed-in account changes its own password; the current one proves it is the owner at the keyboard. */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** The signed-in account as the web app sees it. */
export const Me = User.extend({
  regionPath: z.string(),
  permissions: z.array(Permission),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({
  user: Me,
  /** Echo this in the `x-csrf-token` header on every write made with the session cookie. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CreateApiTokenRequest = z.strictObject({ name: z.string().min(1).max(100) });
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;
export const ApiTokenCreated = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
export const ApiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsed: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof ApiTokenSummary>;
export const ApiTokenList = z.object({ items: z.array(ApiTokenSummary) });
/** A path naming an API token by its id. */
export const ApiTokenIdParams = z.strictObject({ id: z.string().uuid() });
