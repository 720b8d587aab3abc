import {
  AtQuery,
  EvaluationIdParams,
  Incident,
  IncidentList,
  IncidentListQuery,
  IncidentRequest,
  RegionParams,
  RegionTitleHistory,
  TitleCountQuery,
  TitleCounts,
  TitleDecisionRequest,
  TitleEvent,
  TitleListQuery,
  TitleStateList,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { incidentsExport } from './list-export.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { pickLanguage } from '../../http/problem.ts';
import { titlesExport } from './title-export.ts';
import { actionContext, requireActor } from '../auth/index.ts';
import { listIncidents, readIncident, recordIncident } from './incidents.ts';
import { listTitleStates, recordTitleDecision, regionTitleHistory, titleCounts } from './titles.ts';

/** Incidents (negative-list events) and titles (states, counts, histories, decisions). */
export async function incidentAndTitleRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const tags = ['evaluation'];
  const ctx = actionContext;

  app.get(
    '/evaluation/incidents',
    {
      schema: {
        tags,
        summary: 'Incidents in your scope',
        querystring: IncidentListQuery,
        response: { 200: IncidentList },
      },
    },
    async (request) => listIncidents(db, requireActor(request), request.query),
  );
  listExportRoute(
    app,
    '/evaluation/incidents/export.xlsx',
    {
      tags,
      summary: 'Incidents in your scope as an Excel file (same filter and scope as GET /evaluation/incidents)',
      querystring: IncidentListQuery.omit({ cursor: true, page: true, limit: true }),
    },
    async ({ actor, query }) => incidentsExport(db, actor, query),
  );
  app.post(
    '/evaluation/incidents',
    {
      schema: {
        tags,
        summary: 'Record an incident; its negative-list effects apply at once',
        body: IncidentRequest,
        response: { 201: Incident },
      },
    },
    async (request, reply) => reply.code(201).send(await recordIncident(db, ctx(request), request.body)),
  );
  app.get(
    '/evaluation/incidents/:id',
    {
      schema: { tags, summary: 'An incident and its effects', params: EvaluationIdParams, response: { 200: Incident } },
    },
    async (request) => readIncident(db, requireActor(request), request.params.id),
  );

  // ---- Titles
  app.get(
    '/evaluation/titles',
    {
      schema: {
        tags,
        summary: 'Title states under a region at a date',
        querystring: TitleListQuery,
        response: { 200: TitleStateList },
      },
    },
    async (request) => listTitleStates(db, requireActor(request), request.query),
  );
  listExportRoute(
    app,
    '/evaluation/titles/export.xlsx',
    {
      tags,
      summary: 'Title states under a region at a date as an Excel file (same scope as GET /evaluation/titles)',
      querystring: TitleListQuery.omit({ cursor: true, page: true, limit: true }),
    },
    async ({ actor, query }) => titlesExport(db, actor, query),
  );
  app.get(
    '/evaluation/titles/counts',
    {
      schema: {
        tags,
        summary: 'Titles held per title under a region at a date',
        querystring: TitleCountQuery,
        response: { 200: TitleCounts },
      },
    },
    async (request) => titleCounts(db, requireActor(request), request.query),
  );
  app.get(
    '/evaluation/regions/:code/titles',
    {
      schema: {
        tags,
        summary: "A region's title history, state and eligibility",
        params: RegionParams,
        querystring: AtQuery,
        response: { 200: RegionTitleHistory },
      },
    },
    async (request) =>
      regionTitleHistory(
        db,
        requireActor(request),
        request.params.code,
        pickLanguage(request.headers['accept-language']),
        request.query.at,
      ),
  );
  app.post(
    '/evaluation/regions/:code/titles',
    {
      schema: {
        tags,
        summary: 'Record a title decision with its reason',
        params: RegionParams,
        body: TitleDecisionRequest,
        response: { 201: TitleEvent },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordTitleDecision(db, ctx(request), request.params.code, request.body)),
  );
}
