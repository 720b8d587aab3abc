import {
  CaseAction,
  CaseDetail,
  CaseIdParams,
  CaseList,
  CaseListQuery,
  DuplicateCandidateList,
  IntakeResponse,
  ReporterPhone,
  StaffCaseIntake,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
import { actOnCase } from './actions.ts';
import { fileCase, nearbyOpenCases } from './intake.ts';
import { listCases, readCase } from './read.ts';
import { revealReporterPhone } from './reporter-phone.ts';
import { keyOf } from './request-parts.ts';
import { publicCaseRoutes } from './public-routes.ts';
import { casePhotoRoutes } from './photo-routes.ts';
import { caseSettingsRoutes } from './settings-routes.ts';
import { caseSettingsExportRoutes } from './settings-export-routes.ts';
import { caseStatsRoutes } from './stats-routes.ts';

/** Problem cases: public intake and tracking under /public, staff work under /cases; one file per resource. */
export async function caseRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];
  const route = actorRoutes(app, tags);

  await publicCaseRoutes(app, deps);
  await casePhotoRoutes(app, deps);
  await caseSettingsRoutes(app, deps);
  await caseSettingsExportRoutes(app, deps);
  await caseStatsRoutes(app, deps);

  // ---------------------------------------------------------------- staff: the cases themselves
  app.post(
    '/cases',
    {
      config: { deliverInBackground: true },
      schema: {
        tags,
        summary: 'File a case for a caller or as an inspector (Idempotency-Key required)',
        body: StaffCaseIntake,
        response: { 200: IntakeResponse, 201: IntakeResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const key = keyOf(request, request.body);
      const result = await fileCase(
        deps.db,
        { actor, requestId: request.id, log: request.log, personalData: deps.personalData },
        key,
        request.body,
      );
      return reply.code(result.status).send(result.body);
    },
  );
  route.get(
    '/cases',
    { summary: 'Cases and queues in your scope', querystring: CaseListQuery, response: CaseList },
    ({ actor, query }) => listCases(deps.db, actor, query),
  );
  route.get(
    '/cases/:id',
    { summary: 'One case with its timeline and photos', params: CaseIdParams, response: CaseDetail },
    ({ actor, params }) => readCase(deps.db, actor, params.id),
  );
  route.get(
    '/cases/:id/reporter-phone',
    {
      summary: 'The reporter’s full phone number (personal_data.reveal; every call is audited)',
      params: CaseIdParams,
      response: ReporterPhone,
    },
    ({ ctx, params }) => revealReporterPhone(deps.db, deps.personalData, ctx, params.id),
  );
  route.post(
    '/cases/:id/actions',
    { summary: 'Take a workflow action', params: CaseIdParams, body: CaseAction, response: CaseDetail },
    ({ ctx, params, body }) => actOnCase(deps.db, ctx, params.id, body),
  );
  route.get(
    '/cases/:id/duplicates',
    { summary: 'Open cases near this one', params: CaseIdParams, response: DuplicateCandidateList },
    async ({ actor, params }) => {
      const detail = await readCase(deps.db, actor, params.id);
      if (detail.lat === null || detail.lng === null) return { items: [] };
      return {
        items: await nearbyOpenCases(deps.db, detail.categoryCode, { lat: detail.lat, lng: detail.lng }, detail.id),
      };
    },
  );
}
