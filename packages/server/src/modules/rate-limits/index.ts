import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rateLimitRepository } from './repository.ts';

/**
 * The one limiter every counter goes through: hits of a key within a window, kept in the
 * database so that every server of a deployment counts together (convention 18).
 */
export type RateLimiter = {
  /** Counts a hit and says how many this window holds and when it ends. */
  hit: (key: string, windowMs: number) => Promise<{ hits: number; ttlMs: number }>;
};

// Expired rows are removed every so many hits rather than on a timer: no schedule to run,
// and a quiet server has little to remove. Only housekeeping, so a per-process count is fine.
const SWEEP_EVERY = 1000;

export function createRateLimiter(db: Kysely<Database>): RateLimiter {
  let sinceSweep = 0;
  return {
    async hit(key, windowMs) {
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        await rateLimitRepository.sweep(db);
      }
      return rateLimitRepository.hit(db, key, windowMs);
    },
  };
}

/**
 * A store for `@fastify/rate-limit` backed by the limiter, so routes keep declaring
 * `config.rateLimit` as before while the counts live in the database. Each route counts
 * under its own method and path.
 */
export function databaseRateLimitStore(limiter: RateLimiter): FastifyRateLimitStoreCtor {
  class DatabaseStore {
    private readonly namespace: string;

    constructor(_options?: unknown, namespace = 'global') {
      this.namespace = namespace;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      limiter.hit(`${this.namespace} ${key}`, timeWindow).then(
        (result) => callback(null, { current: result.hits, ttl: result.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // The plugin passes the route's merged limit settings, with the route under `routeInfo`
    // (its type declaration says otherwise).
    child(routeOptions: object): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : (route?.method ?? '');
      return new DatabaseStore(undefined, `${method} ${route?.url ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
