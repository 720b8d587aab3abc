import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileTestContext } from '../test/harness.ts';
import { malformedRequests, type FuzzRequest } from '../test/malformed-bodies.ts';
import { changedTables, fillPath, loadWriteRoutes, rowCounts, type WriteRoute } from '../test/openapi-routes.ts';
import { pathValues } from '../test/route-examples.ts';
import { buildWorld, type World } from '../test/world.ts';

// Issue 11, item 4: every write route of the OpenAPI document gets malformed requests of every
// kind, sent as the province administrator (so that no scope check hides a bug). None may be
// a 5xx, every refusal is problem+json, and a refused request writes nothing. The seed is
// fixed (FUZZ_SEED overrides it); fast-check prints seed and path of a failing case.

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);

/** Routes the fuzz leaves alone, each with the reason. */
const NOT_FUZZED: Record<string, string> = {
  'POST /api/v1/auth/logout': 'takes no input; would end the session the fuzz runs in',
  'POST /api/v1/auth/logout-all': 'takes no input; would end the session the fuzz runs in',
};

const ctx = fileTestContext();
let world: World;
beforeAll(async () => {
  world = await buildWorld(ctx);
});

function send(route: WriteRoute, request: FuzzRequest) {
  const values = { ...(pathValues(route, world.foreign) ?? {}) };
  if (request.param) values[request.param.name] = request.param.value;
  const headers: Record<string, string> = { cookie: ctx.admin.cookie, 'x-csrf-token': ctx.admin.csrfToken };
  if (request.raw) headers['content-type'] = request.raw.contentType;
  const payload = request.raw ? request.raw.text : route.method === 'DELETE' ? undefined : request.payload;
  return ctx.app.inject({
    method: route.method,
    url: fillPath(route.path, values),
    headers,
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
}

/** The walk is one long test (a few hundred requests); generous, as CI machines are shared. */
const WALK_TIMEOUT_MS = 300_000;

describe('the OpenAPI-driven fuzz', () => {
  it(
    'answers malformed input on every write route without a 5xx, as problem+json, writing nothing',
    async () => {
      const routes = (await loadWriteRoutes(ctx)).filter((r) => !(r.key in NOT_FUZZED));
      expect(routes.length).toBeGreaterThan(60);
      const statuses: Record<number, number> = {};
      let sent = 0;
      let accepted = 0;
      let counts = await rowCounts(ctx);
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(malformedRequests(route, world.sharedFields), async (request) => {
            const res = await send(route, request);
            sent++;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            const label = `${route.key} (${request.kind}): ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(res.statusCode, label).toBeLessThan(500);
            const after = await rowCounts(ctx);
            if (res.statusCode < 300) {
              // Some generated bodies are valid after all; what they wrote is the new baseline.
              accepted++;
              counts = after;
              return;
            }
            expect(res.headers['content-type'], label).toContain('application/problem+json');
            expect(typeof res.json().code, label).toBe('string');
            expect(changedTables(counts, after), label).toEqual([]);
          }),
          { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
        );
      }
      console.info(
        `fuzz: seed ${SEED}, ${routes.length} routes, ${sent} requests, statuses ${JSON.stringify(statuses)}, ` +
          `accepted ${accepted}, 5xx ${Object.entries(statuses).filter(([s]) => Number(s) >= 500).length}`,
      );
    },
    WALK_TIMEOUT_MS,
  );
});
