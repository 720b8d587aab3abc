import { z } from 'zod';

// The system module's API: the health check (the metrics endpoint speaks Prometheus text, not JSON).

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
