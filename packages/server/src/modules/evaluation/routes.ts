import multipart from '@fastify/multipart';
import {
  message,
  AssignmentsRequest,
  CopyFrameworkRequest,
  CreateRoundRequest,
  Evidence,
  EvidenceRequest,
  Finding,
  FindingRequest,
  FrameworkDetail,
  FrameworkImportResult,
  FrameworkList,
  Incident,
  IndicatorFillResult,
  IncidentList,
  IncidentRequest,
  PublishOutcome,
  RegionTitleHistory,
  Result,
  ResultRequest,
  Round,
  RoundList,
  SaveFrameworkRequest,
  ScoringSheet,
  TitleCounts,
  TitleDecisionRequest,
  TitleEvent,
  TitleStateList,
  TransitionRequest,
  WithdrawRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { disposition, sendXlsx, XLSX } from '../../http/xlsx.ts';
import { titlesWorkbook } from './title-export.ts';
import { incidentsWorkbook, roundsWorkbook } from './list-export.ts';
import { AppError, invalid } from '../../http/problem.ts';
import { requireActor } from '../auth/index.ts';
import {
  copyFramework,
  createFramework,
  exportFrameworkWorkbook,
  importFrameworkWorkbook,
  listFrameworks,
  readFramework,
  reviseFramework,
  templateWorkbook,
} from './frameworks.ts';
import { listIncidents, readIncident, recordIncident } from './incidents.ts';
import { fillIndicatorValues } from './indicator-values.ts';
import { resultRoutes } from './result-routes.ts';
import { assignScorers, createRound, listRounds, readRound, transitionRound } from './rounds.ts';
import { enterResult, readSheet, recordFinding, submitEvidence, withdrawFinding } from './scoring.ts';
import {
  AtQuery,
  IdParams,
  IncidentListQuery,
  RegionParams,
  ResultParams,
  RoundListQuery,
  RoundRegionParams,
  SheetQuery,
  TitleCountQuery,
  TitleListQuery,
  VersionQuery,
} from './schema.ts';
import { listTitleStates, recordTitleDecision, regionTitleHistory, titleCounts } from './titles.ts';

/** Evaluation: frameworks, rounds, score entry, results, incidents and titles (docs/api/evaluation.md). */
export async function evaluationRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const tags = ['evaluation'];
  const ctx = (request: { id: string } & Parameters<typeof requireActor>[0]) => ({
    actor: requireActor(request),
    requestId: request.id,
  });

  // ---- Frameworks
  app.get(
    '/evaluation/frameworks',
    { schema: { tags, summary: 'Framework editions', response: { 200: FrameworkList } } },
    async (request) => ({ items: await listFrameworks(db, requireActor(request)) }),
  );
  app.get(
    '/evaluation/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'A framework edition at a version, with its history',
        params: IdParams,
        querystring: VersionQuery,
        response: { 200: FrameworkDetail },
      },
    },
    async (request) => readFramework(db, requireActor(request), request.params.id, request.query.version),
  );
  app.post(
    '/evaluation/frameworks',
    {
      schema: {
        tags,
        summary: 'Create a framework edition',
        body: SaveFrameworkRequest,
        response: { 201: FrameworkDetail },
      },
    },
    async (request, reply) => {
      const id = await createFramework(db, ctx(request), request.body);
      return reply.code(201).send(await readFramework(db, requireActor(request), id));
    },
  );
  app.put(
    '/evaluation/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Revise a framework edition (a new version)',
        params: IdParams,
        body: SaveFrameworkRequest,
        response: { 200: FrameworkDetail },
      },
    },
    async (request) => {
      await reviseFramework(db, ctx(request), request.params.id, request.body);
      return readFramework(db, requireActor(request), request.params.id);
    },
  );
  app.post(
    '/evaluation/frameworks/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a framework into a new edition',
        params: IdParams,
        body: CopyFrameworkRequest,
        response: { 201: FrameworkDetail },
      },
    },
    async (request, reply) => {
      const id = await copyFramework(db, ctx(request), request.params.id, request.body);
      return reply.code(201).send(await readFramework(db, requireActor(request), id));
    },
  );
  app.get(
    '/evaluation/frameworks/template.xlsx',
    { schema: { tags, summary: 'The Excel template: header row, an example row and the explanation sheet' } },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', disposition('framework-template.xlsx', '测评体系导入模板.xlsx'))
        .send(await templateWorkbook(db, requireActor(request))),
  );
  app.get(
    '/evaluation/frameworks/:id/export.xlsx',
    { schema: { tags, summary: 'A framework as the Excel template', params: IdParams, querystring: VersionQuery } },
    async (request, reply) => {
      const { framework, buffer } = await exportFrameworkWorkbook(
        db,
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          disposition(
            `framework-${framework.edition}-v${framework.version}.xlsx`,
            `${framework.name}-v${framework.version}.xlsx`,
          ),
        )
        .send(buffer);
    },
  );
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 5, fileSize: deps.config.uploadMaxBytes } });
    scoped.post(
      '/evaluation/frameworks/:id/import',
      {
        schema: {
          tags,
          summary: 'Replace the standards from the Excel template (multipart field "file"); all or nothing',
          params: IdParams,
          response: { 200: FrameworkImportResult },
        },
      },
      async (request) => {
        if (!request.isMultipart()) {
          throw invalid([
            { field: 'body.file', message: message('upload.notMultipart', { thing: message('upload.thing.xlsx') }) },
          ]);
        }
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          throw invalid([
            { field: 'body.file', message: message('upload.noFileField', { thing: message('upload.thing.xlsx') }) },
          ]);
        }
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
        return importFrameworkWorkbook(db, ctx(request), request.params.id, buffer);
      },
    );
  });

  // ---- Rounds
  app.get(
    '/evaluation/rounds',
    { schema: { tags, summary: 'Rounds you can see', querystring: RoundListQuery, response: { 200: RoundList } } },
    async (request) => listRounds(db, requireActor(request), request.query),
  );
  app.get(
    '/evaluation/rounds/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Rounds you can see as an Excel file (same filters and scope as GET /evaluation/rounds)',
        querystring: RoundListQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (request, reply) => {
      const { ascii, name, buffer } = await roundsWorkbook(db, requireActor(request), request.query);
      return sendXlsx(reply, { ascii, name }, buffer);
    },
  );
  app.post(
    '/evaluation/rounds',
    { schema: { tags, summary: 'Plan a round', body: CreateRoundRequest, response: { 201: Round } } },
    async (request, reply) => reply.code(201).send(await createRound(db, ctx(request), request.body)),
  );
  app.get(
    '/evaluation/rounds/:id',
    { schema: { tags, summary: 'A round', params: IdParams, response: { 200: Round } } },
    async (request) => readRound(db, requireActor(request), request.params.id),
  );
  app.post(
    '/evaluation/rounds/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move a round to another status; "published" publishes and applies threshold effects',
        params: IdParams,
        body: TransitionRequest,
        response: { 200: PublishOutcome },
      },
    },
    async (request) => transitionRound(db, ctx(request), request.params.id, request.body),
  );
  app.put(
    '/evaluation/rounds/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Assign scorers to methods (replaces all)',
        params: IdParams,
        body: AssignmentsRequest,
        response: { 200: Round },
      },
    },
    async (request) => assignScorers(db, ctx(request), request.params.id, request.body.assignments),
  );

  // ---- Score entry
  app.post(
    '/evaluation/rounds/:id/indicator-values',
    {
      schema: {
        tags,
        summary: "Read the data standards' values from the indicator store (hand-entered results are kept)",
        params: IdParams,
        response: { 200: IndicatorFillResult },
      },
    },
    async (request) => fillIndicatorValues(db, ctx(request), request.params.id),
  );
  app.get(
    '/evaluation/rounds/:id/regions/:code/sheet',
    {
      schema: {
        tags,
        summary: "A region's scoring sheet for one method",
        params: RoundRegionParams,
        querystring: SheetQuery,
        response: { 200: ScoringSheet },
      },
    },
    async (request) =>
      readSheet(db, requireActor(request), request.params.id, request.params.code, request.query.method),
  );
  app.post(
    '/evaluation/rounds/:id/regions/:code/evidence',
    {
      schema: {
        tags,
        summary: 'Submit material for a standard (the city, while the round is open)',
        params: RoundRegionParams,
        body: EvidenceRequest,
        response: { 201: Evidence },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await submitEvidence(db, ctx(request), request.params.id, request.params.code, request.body)),
  );
  app.put(
    '/evaluation/rounds/:id/regions/:code/results/:standardCode',
    {
      schema: {
        tags,
        summary: "Enter a standard's measured result",
        params: ResultParams,
        body: ResultRequest,
        response: { 200: Result },
      },
    },
    async (request) =>
      enterResult(db, ctx(request), request.params.id, request.params.code, request.params.standardCode, request.body),
  );
  app.post(
    '/evaluation/rounds/:id/regions/:code/findings',
    {
      schema: {
        tags,
        summary: 'Record a finding (a deduction with its reason)',
        params: RoundRegionParams,
        body: FindingRequest,
        response: { 201: Finding },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordFinding(db, ctx(request), request.params.id, request.params.code, request.body)),
  );
  app.post(
    '/evaluation/findings/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a finding with a reason',
        params: IdParams,
        body: WithdrawRequest,
        response: { 200: Finding },
      },
    },
    async (request) => withdrawFinding(db, ctx(request), request.params.id, request.body.reason),
  );

  await resultRoutes(app, deps);

  // ---- Incidents
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
  app.get(
    '/evaluation/incidents/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Incidents in your scope as an Excel file (same filter and scope as GET /evaluation/incidents)',
        querystring: IncidentListQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (request, reply) => {
      const { ascii, name, buffer } = await incidentsWorkbook(db, requireActor(request), request.query);
      return sendXlsx(reply, { ascii, name }, buffer);
    },
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
    { schema: { tags, summary: 'An incident and its effects', params: IdParams, response: { 200: Incident } } },
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
  app.get(
    '/evaluation/titles/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Title states under a region at a date as an Excel file (same scope as GET /evaluation/titles)',
        querystring: TitleListQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (request, reply) => {
      const { ascii, name, buffer } = await titlesWorkbook(db, requireActor(request), request.query);
      return sendXlsx(reply, { ascii, name }, buffer);
    },
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
    async (request) => regionTitleHistory(db, requireActor(request), request.params.code, request.query.at),
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
