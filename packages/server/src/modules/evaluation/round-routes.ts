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
import { roundsExport } from './list-export.ts';
import { actorRoutes } from '../../http/route.ts';
import { fillIndicatorValues } from './indicator-values.ts';
import { assignScorers, createRound, listRounds, readRound, transitionRound } from './rounds.ts';
import { enterResult, readSheet, recordFinding, submitEvidence, withdrawFinding } from './scoring.ts';

/** Rounds (plan, read, move through their statuses, assign scorers) and score entry (sheets, findings, evidence, results). */
export async function roundRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['evaluation']);

  route.listWithExport(
    '/evaluation/rounds',
    {
      summary: 'Rounds you can see',
      querystring: RoundListQuery,
      response: RoundList,
      exportSummary: 'Rounds you can see as an Excel file (same filters and scope as GET /evaluation/rounds)',
    },
    ({ actor, query }) => listRounds(db, actor, query),
    ({ actor, query }) => roundsExport(db, actor, query),
  );
  route.post(
    '/evaluation/rounds',
    { summary: 'Plan a round', body: CreateRoundRequest, response: Round, status: 201 },
    ({ ctx, body }) => createRound(db, ctx, body),
  );
  route.get(
    '/evaluation/rounds/:id',
    { summary: 'A round', params: EvaluationIdParams, response: Round },
    ({ actor, params }) => readRound(db, actor, params.id),
  );
  route.post(
    '/evaluation/rounds/:id/transition',
    {
      summary: 'Move a round to another status; "published" publishes and applies threshold effects',
      params: EvaluationIdParams,
      body: TransitionRequest,
      response: PublishOutcome,
    },
    ({ ctx, params, body }) => transitionRound(db, ctx, params.id, body),
  );
  route.put(
    '/evaluation/rounds/:id/assignments',
    {
      summary: 'Assign scorers to methods (replaces all)',
      params: EvaluationIdParams,
      body: AssignmentsRequest,
      response: Round,
    },
    ({ ctx, params, body }) => assignScorers(db, ctx, params.id, body.assignments),
  );

  // ---- Score entry
  route.post(
    '/evaluation/rounds/:id/indicator-values',
    {
      summary: "Read the data standards' values from the indicator store (hand-entered results are kept)",
      params: EvaluationIdParams,
      response: IndicatorFillResult,
    },
    ({ ctx, params }) => fillIndicatorValues(db, ctx, params.id),
  );
  route.get(
    '/evaluation/rounds/:id/regions/:code/sheet',
    {
      summary: "A region's scoring sheet for one method",
      params: RoundRegionParams,
      querystring: SheetQuery,
      response: ScoringSheet,
    },
    ({ actor, params, query }) => readSheet(db, actor, params.id, params.code, query.method),
  );
  route.post(
    '/evaluation/rounds/:id/regions/:code/evidence',
    {
      summary: 'Submit material for a standard (the city, while the round is open)',
      params: RoundRegionParams,
      body: EvidenceRequest,
      response: Evidence,
      status: 201,
    },
    ({ ctx, params, body }) => submitEvidence(db, ctx, params.id, params.code, body),
  );
  route.put(
    '/evaluation/rounds/:id/regions/:code/results/:standardCode',
    { summary: "Enter a standard's measured result", params: ResultParams, body: ResultRequest, response: Result },
    ({ ctx, params, body }) => enterResult(db, ctx, params.id, params.code, params.standardCode, body),
  );
  route.post(
    '/evaluation/rounds/:id/regions/:code/findings',
    {
      summary: 'Record a finding (a deduction with its reason)',
      params: RoundRegionParams,
      body: FindingRequest,
      response: Finding,
      status: 201,
    },
    ({ ctx, params, body }) => recordFinding(db, ctx, params.id, params.code, body),
  );
  route.post(
    '/evaluation/findings/:id/withdraw',
    {
      summary: 'Withdraw a finding with a reason',
      params: EvaluationIdParams,
      body: WithdrawRequest,
      response: Finding,
    },
    ({ ctx, params, body }) => withdrawFinding(db, ctx, params.id, body.reason),
  );
}
