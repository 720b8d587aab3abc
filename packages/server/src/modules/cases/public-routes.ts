import {
  CaseCategoryList,
  CaseIdParams,
  CaseNumberParams,
  CaseTracking,
  DuplicateCandidateList,
  IntakeResponse,
  NearbyQuery,
  PublicCaseIntake,
  PublicRegionList,
  PublicRegionQuery,
  RatingRequest,
  SupplementRequest,
  TrackingQuery,
  TrackManyQuery,
  TrackManyResponse,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { rateCase, supplementCase } from './reporter-actions.ts';
import { fileCase, nearbyOpenCases } from './intake.ts';
import { openDisplayPhoto } from './photos.ts';
import { presentCategory, trackCase, trackMany } from './read.ts';
import { caseRepository } from './repository.ts';
import { caseStorage, keyOf, publicRead } from './request-parts.ts';

/** Public intake and tracking under /public (no account). */
export async function publicCaseRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];
  const storage = caseStorage(deps);
  app.get(
    '/public/case-categories',
    {
      config: publicRead,
      schema: { tags, summary: 'Case categories in use (public)', response: { 200: CaseCategoryList } },
    },
    async () => ({ items: (await caseRepository.listCategories(deps.db, true)).map(presentCategory) }),
  );
  app.get(
    '/public/regions',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Region picker for the public report page: children of a region (default: the province)',
        querystring: PublicRegionQuery,
        response: { 200: PublicRegionList },
      },
    },
    async (request) => {
      const parent = request.query.parent ?? (await caseRepository.root(deps.db))?.code;
      if (!parent) return { items: [] };
      const rows = await caseRepository.publicChildren(deps.db, parent);
      return {
        items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, hasChildren: Boolean(r.has_children) })),
      };
    },
  );
  app.get(
    '/public/cases/nearby',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Open cases of a category near a point (possible duplicates)',
        querystring: NearbyQuery,
        response: { 200: DuplicateCandidateList },
      },
    },
    async (request) => ({
      items: await nearbyOpenCases(deps.db, request.query.categoryCode, {
        lat: request.query.lat,
        lng: request.query.lng,
      }),
    }),
  );
  app.post(
    '/public/cases',
    {
      config: { public: true, deliverInBackground: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Report a problem (resident, no account; Idempotency-Key required)',
        body: PublicCaseIntake,
        response: { 200: IntakeResponse, 201: IntakeResponse },
      },
    },
    async (request, reply) => {
      const key = keyOf(request, request.body);
      const result = await fileCase(
        deps.db,
        { actor: request.actor, requestId: request.id, log: request.log, personalData: deps.personalData },
        key,
        {
          ...request.body,
          channel: 'resident_web',
        },
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.get(
    '/public/cases',
    {
      config: publicRead,
      schema: {
        tags,
        summary: "Statuses of several of the reporter's cases (number.token pairs)",
        querystring: TrackManyQuery,
        response: { 200: TrackManyResponse },
      },
    },
    async (request) =>
      trackMany(
        deps.db,
        request.query.refs.split(',').map((ref) => {
          const [number, token] = ref.split('.') as [string, string];
          return { number, token };
        }),
      ),
  );
  app.get(
    '/public/cases/:number',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Track a case by number and tracking token (a number alone is refused)',
        params: CaseNumberParams,
        querystring: TrackingQuery,
        response: { 200: CaseTracking },
      },
    },
    async (request) => trackCase(deps.db, request.params.number, request.query.token),
  );
  app.post(
    '/public/cases/:number/rating',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Rate a closed case (tracking token)',
        params: CaseNumberParams,
        body: RatingRequest,
        response: { 200: CaseTracking },
      },
    },
    async (request) => rateCase(deps.db, request.id, request.params.number, request.body),
  );
  app.post(
    '/public/cases/:number/supplement',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Add information to a case (tracking token); resumes a paused clock',
        params: CaseNumberParams,
        body: SupplementRequest,
        response: { 200: CaseTracking },
      },
    },
    async (request) => supplementCase(deps.db, request.id, request.params.number, request.body),
  );
  app.get(
    '/public/case-photos/:id',
    {
      config: publicRead,
      schema: { tags, summary: 'Display version of a photo (no location metadata)', params: CaseIdParams },
    },
    async (request, reply) => {
      const stream = await openDisplayPhoto(deps.db, storage.files, request.params.id);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );
}
