import { beforeAll, describe, expect, it } from 'vitest';
import { buildUser, fileTestContext, type Agent } from '../test/harness.ts';
import { changedTables, fillPath, loadWriteRoutes, rowCounts, type WriteRoute } from '../test/openapi-routes.ts';
import { exampleBodies, pathValues, withEachReference, withFields } from '../test/route-examples.ts';
import { PDF, upload } from '../modules/attachments/upload-fixture.ts';
import { buildWorld, type World } from '../test/world.ts';
import { unitId } from '../modules/supervision/fixtures.ts';

// Issue 11, item 1, as a net: every write route of the OpenAPI document, sent by actors of
// limited scope (all in 大庆) with references to 哈尔滨's records, in the path and in each
// reference field of the body, must be refused (403/404; never 2xx, never 5xx) and write
// nothing. Routes are read from the document, so a new route is walked without a change here.

/** Routes the walk cannot put a foreign reference into, each with the reason. Keep it short. */
const NOT_WALKED: Record<string, string> = {
  'POST /api/v1/auth/login': 'takes no reference; signs in',
  'POST /api/v1/auth/logout': "takes no reference; acts on the caller's own session",
  'POST /api/v1/auth/logout-all': "takes no reference; acts on the caller's own sessions",
  'POST /api/v1/auth/password': "takes no reference; changes the caller's own password",
  'POST /api/v1/auth/tokens': 'takes no reference; creates a token for the caller',
  'POST /api/v1/notifications/read-all': "takes no reference; acts on the caller's own notifications",
  'POST /api/v1/public/cases': 'public intake: a resident may report in any region',
  'POST /api/v1/public/case-photos': 'public upload; references nothing',
  'POST /api/v1/public/cases/{number}/rating': 'public; the tracking token, not a scope, decides',
  'POST /api/v1/public/cases/{number}/supplement': 'public; the tracking token, not a scope, decides',
  'POST /api/v1/data-sets/{code}/import':
    "names a data set of the province's catalogue; the regions are rows of the workbook, refused row by row by the entry policy",
  'POST /api/v1/evaluation/frameworks': "takes no reference; the new framework belongs to the actor's own region",
  'PATCH /api/v1/cases/categories/{code}': "takes no reference; names a category of the province's list",
  'PUT /api/v1/cases/settings': 'takes no reference; province-wide settings (province administrators only)',
  'POST /api/v1/cases/photos': 'takes no reference; a photo joins a case through the intake or action that names it',
};

/** Routes that may take another region's record on purpose, each with the reason. */
const ALLOWED: Record<string, string> = {
  'POST /api/v1/evaluation/frameworks/{id}/copy':
    "the province's frameworks are models every office reads and may copy into its own region",
};

/** Path parameters that name shared records (the catalogue, a period), not a region's. */
const NEUTRAL = [/^\/api\/v1\/data-sets\/\{code\}/, /^\/api\/v1\/cases\/categories\/\{code\}/];
const neutralParam = (route: WriteRoute, param: string) =>
  ['period', 'standardCode'].includes(param) || (param === 'code' && NEUTRAL.some((re) => re.test(route.path)));

const ctx = fileTestContext();
let world: World;
let actors: { name: string; agent: Agent }[];
let homeFields: Record<string, unknown>;

beforeAll(async () => {
  world = await buildWorld(ctx);
  const daqingOffice = await unitId(ctx.db, '大庆市精神文明办');
  const as = async (
    name: string,
    role: Parameters<typeof buildUser>[1]['role'],
    regionCode: string,
    orgUnitId?: string,
  ) => ({ name, agent: (await buildUser(ctx, { role, regionCode, orgUnitId })).agent });
  actors = [
    await as('a county officer (萨尔图区)', 'unit_officer', '230602'),
    await as("another city's administrator (大庆)", 'city_admin', '2306'),
    await as('a unit liaison (大庆市精神文明办)', 'unit_officer', '2306', daqingOffice),
    await as('an inspector (大庆)', 'inspector', '2306'),
  ];
  homeFields = {
    orgUnitId: daqingOffice,
    ownerOrgUnitId: daqingOffice,
    leadOrgUnitId: daqingOffice,
    assistingOrgUnitIds: [],
    attendeeOrgUnitIds: [daqingOffice],
    parentId: daqingOffice,
    regionCode: '2306',
    ownerRegionCode: '2306',
    regionCodes: ['230602'],
    memberCodes: ['2306'],
    regions: [{ code: '2306', cityGroup: 'prefecture' }],
  };
});

type Outcome = { route: string; actor: string; what: string; status: number; body: string };

function send(agent: Agent, route: WriteRoute, url: string, body: unknown) {
  if (route.upload) return upload(ctx, agent, url, 'evidence.pdf', PDF);
  return ctx.app.inject({
    method: route.method,
    url,
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    ...(route.method === 'DELETE' ? {} : { payload: (body ?? {}) as object }),
  });
}

/**
 * A refusal of a foreign reference: 403 or 404, or a 400 that names the foreign field or
 * another reference it must agree with (a notice's unit must own the action item named).
 */
function refused(status: number, body: string, field?: string): boolean {
  if (status === 403 || status === 404) return true;
  if (status !== 400 || !field) return false;
  const errors = (JSON.parse(body) as { errors?: { field: string }[] }).errors ?? [];
  return errors.some((e) => e.field.startsWith(field) || /(Id|Ids|Code|Codes)(\.|\[|$)/.test(e.field));
}

/** The walk is one long test (a few hundred requests); generous, as CI machines are shared. */
const WALK_TIMEOUT_MS = 300_000;

describe('the foreign-reference walk over every write route', () => {
  it(
    'refuses every foreign reference in the path and in the body, and writes nothing',
    async () => {
      const routes = await loadWriteRoutes(ctx);
      expect(routes.length).toBeGreaterThan(60);
      const walked = routes.filter((r) => !(r.key in NOT_WALKED));
      // The list of exceptions names only routes that exist.
      expect(Object.keys(NOT_WALKED).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);

      const wrongful: Outcome[] = [];
      const statuses: Record<number, number> = {};
      const inconclusive: Outcome[] = [];
      const unwalked = new Set<string>();
      const wrote: string[] = [];
      let sent = 0;
      for (const route of walked) {
        const before = await rowCounts(ctx);
        const foreignPath = pathValues(route, world.foreign);
        const homeIds = { ...world.foreign, ...world.home };
        const homePath = pathValues(route, homeIds);
        const pathIsHome = route.params.every(
          (p) => homePath?.[p] !== undefined && (homePath[p] !== foreignPath?.[p] || neutralParam(route, p)),
        );
        let exercised = false;
        for (const actor of actors) {
          for (const example of route.upload ? [undefined] : bodyExamples(route)) {
            // 1. The record in the path is 哈尔滨's, the body refers to the actor's own region.
            if (route.params.some((p) => !neutralParam(route, p)) && foreignPath) {
              const res = await send(actor.agent, route, fillPath(route.path, foreignPath), example);
              record(route, actor.name, 'path', res.statusCode, res.body);
              exercised = true;
            }
            // 2. The path is the actor's own (or none), one body field refers to 哈尔滨.
            if (route.params.length === 0 || pathIsHome) {
              const url = fillPath(route.path, homePath ?? {});
              for (const variant of withEachReference(route.body, example, world.foreignFields)) {
                const res = await send(actor.agent, route, url, variant.body);
                record(route, actor.name, variant.field, res.statusCode, res.body, variant.field);
                exercised = true;
              }
            }
          }
        }
        if (!exercised) unwalked.add(route.key);
        const changed = changedTables(before, await rowCounts(ctx));
        if (changed.length > 0 && !(route.key in ALLOWED)) wrote.push(`${route.key}: ${changed.join(', ')}`);
      }

      function record(route: WriteRoute, actor: string, what: string, status: number, body: string, field?: string) {
        sent++;
        statuses[status] = (statuses[status] ?? 0) + 1;
        const outcome = { route: route.key, actor, what, status, body: body.slice(0, 300) };
        if (route.key in ALLOWED && status < 500) return;
        if (status >= 300 && status < 500 && refused(status, body, field)) return;
        if (status < 300 || status >= 500) wrongful.push(outcome);
        else if (!refused(status, body, field)) inconclusive.push(outcome);
      }

      console.info(
        `scope walk: ${walked.length} routes, ${sent} requests, statuses ${JSON.stringify(statuses)}, ` +
          `wrongful ${wrongful.length}, writes ${wrote.length}, inconclusive ${inconclusive.length}, not exercised ${[...unwalked].join(', ') || 'none'}`,
      );
      expect(inconclusive.map((o) => `${o.route} | ${o.what} | ${o.status} | ${o.body.slice(0, 160)}`)).toEqual([]);
      expect(wrongful).toEqual([]);
      expect(wrote).toEqual([]);
      expect([...unwalked]).toEqual([]);
    },
    WALK_TIMEOUT_MS,
  );
});

/** The route's example bodies with the actor's own region and unit in every reference field. */
function bodyExamples(route: WriteRoute): unknown[] {
  return exampleBodies(route.body).map((b) => withFields(route.body, b, { ...world.sharedFields, ...homeFields }));
}
