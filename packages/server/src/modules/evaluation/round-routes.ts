import {
  AssignmentsRequest,
  CreateRoundRequest,
  EvaluationIdParams,
  Evidence,
  EvidenceRequest,
  Finding,
  FindingRequest,
  IndicatorFillResult,
  PublishOutcome,
  Result,
  ResultParams,
  ResultRequest,
  Round,
  RoundList,
  RoundListQuery,
  RoundRegionParams,
  ScoringSheet,
  SheetQuery,
  TransitionRequest,
  WithdrawRequest,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { roundsExport } from './list-export.ts';
import { actionContext, requireActor } from '../auth/index.ts';
import { fillIndicatorValues } from './indicator-values.ts';
import { assignScorers, createRound, listRounds, readRound, transitionRound } from './rounds.ts';
import { enterResult, readSheet, recordFinding, submitEvidence, withdrawFinding } from './scoring.ts';

/** Rounds (plan, read, move through their statuses, assign scorers) and score entry (sheets, findings, evidence, results). */
export async function roundRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const tags = ['evaluation'];
  const ctx = actionContext;

  app.get(
    '/evaluation/rounds',
    { schema: { tags, summary: 'Rounds you can see', querystring: RoundListQuery, response: { 200: RoundList } } },
    async (request) => listRounds(db, requireActor(request), request.query),
  );
  listExportRoute(
    app,
    '/evaluation/rounds/export.xlsx',
    {
      tags,
      summary: 'Rounds you can see as an Excel file (same filters and scope as GET /evaluation/rounds)',
      querystring: RoundListQuery.omit({ cursor: true, page: true, limit: true }),
    },
    async ({ actor, query }) => roundsExport(db, actor, query),
  );
  app.post(
    '/evaluation/rounds',
    { schema: { tags, summary: 'Plan a round', body: CreateRoundRequest, response: { 201: Round } } },
    async (request, reply) => reply.code(201).send(await createRound(db, ctx(request), request.body)),
  );
  app.get(
    '/evaluation/rounds/:id',
    { schema: { tags, summary: 'A round', params: EvaluationIdParams, response: { 200: Round } } },
    async (request) => readRound(db, requireActor(request), request.params.id),
  );
  app.post(
    '/evaluation/rounds/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move a round to another status; "published" publishes and applies threshold effects',
        params: EvaluationIdParams,
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
        params: EvaluationIdParams,
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
        params: EvaluationIdParams,
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
        params: EvaluationIdParams,
        body: WithdrawRequest,
        response: { 200: Finding },
      },
    },
    async (request) => withdrawFinding(db, ctx(request), request.params.id, request.body.reason),
  );
}
