import { z } from 'zod';

const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });

export const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(80).optional(),
  /** The actor's user name. */
  actor: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});

export const ChainVerdict = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.number().nullable(),
  reason: z.string().nullable(),
  headHash: z.string().nullable(),
});
