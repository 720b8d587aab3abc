import { z } from 'zod';
import { Permission } from '../roles.ts';
import { User } from '../users.ts';

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

export const CreateApiTokenRequest = z.strictObject({ name: z.string().min(1).max(100) });
export const ApiTokenCreated = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export const ApiTokenSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsed: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
