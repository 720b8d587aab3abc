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
import { actorRoutes } from '../../http/route.ts';
import { titlesExport } from './title-export.ts';
import { listIncidents, readIncident, recordIncident } from './incidents.ts';
import { listTitleStates, recordTitleDecision, regionTitleHistory, titleCounts } from './titles.ts';

/** Incidents (negative-list events) and titles (states, counts, histories, decisions). */
export async function incidentAndTitleRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['evaluation']);

  route.listWithExport(
    '/evaluation/incidents',
    {
      summary: 'Incidents in your scope',
      querystring: IncidentListQuery,
      response: IncidentList,
      exportSummary: 'Incidents in your scope as an Excel file (same filter and scope as GET /evaluation/incidents)',
    },
    ({ actor, query }) => listIncidents(db, actor, query),
    ({ actor, query }) => incidentsExport(db, actor, query),
  );
  route.post(
    '/evaluation/incidents',
    {
      summary: 'Record an incident; its negative-list effects apply at once',
      body: IncidentRequest,
      response: Incident,
      status: 201,
    },
    ({ ctx, body }) => recordIncident(db, ctx, body),
  );
  route.get(
    '/evaluation/incidents/:id',
    { summary: 'An incident and its effects', params: EvaluationIdParams, response: Incident },
    ({ actor, params }) => readIncident(db, actor, params.id),
  );

  // ---- Titles
  route.listWithExport(
    '/evaluation/titles',
    {
      summary: 'Title states under a region at a date',
      querystring: TitleListQuery,
      response: TitleStateList,
      exportSummary: 'Title states under a region at a date as an Excel file (same scope as GET /evaluation/titles)',
    },
    ({ actor, query }) => listTitleStates(db, actor, query),
    ({ actor, query }) => titlesExport(db, actor, query),
  );
  route.get(
    '/evaluation/titles/counts',
    { summary: 'Titles held per title under a region at a date', querystring: TitleCountQuery, response: TitleCounts },
    ({ actor, query }) => titleCounts(db, actor, query),
  );
  route.get(
    '/evaluation/regions/:code/titles',
    {
      summary: "A region's title history, state and eligibility",
      params: RegionParams,
      querystring: AtQuery,
      response: RegionTitleHistory,
    },
    ({ actor, params, query, language }) => regionTitleHistory(db, actor, params.code, language, query.at),
  );
  route.post(
    '/evaluation/regions/:code/titles',
    {
      summary: 'Record a title decision with its reason',
      params: RegionParams,
      body: TitleDecisionRequest,
      response: TitleEvent,
      status: 201,
    },
    ({ ctx, params, body }) => recordTitleDecision(db, ctx, params.code, body),
  );
}
