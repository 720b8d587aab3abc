import { readResultAttestation, ResultAttestation } from './attestation.ts';
import {
  CorrectionRequest,
  CycleQuery,
  CycleResult,
  EvaluationIdParams,
  NotApplicableRequest,
  Publication,
  PublicationQuery,
  Ranking,
  RankingQuery,
  Result,
  ResultParams,
  RoundEffects,
  RoundRegionParams,
  Scorecard,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actionContext, requireActor } from '../auth/index.ts';
import { correctPublication } from './publications.ts';
import { readCycle, readRanking, readRoundEffects, readScorecard, resultsWorkbook } from './results.ts';
import { markNotApplicable } from './scoring.ts';
import { sendXlsx } from '../../http/xlsx.ts';

/** Results (scorecards, rankings, exports, the cycle), their publications and corrections, and the not-applicable mark. */
export async function resultRoutes(app: App, { db }: ModuleDeps) {
  const tags = ['evaluation'];
  const ctx = actionContext;

  app.put(
    '/evaluation/rounds/:id/regions/:code/results/:standardCode/not-applicable',
    {
      schema: {
        tags,
        summary: 'Mark a standard not applicable to a region, with the reason',
        params: ResultParams,
        body: NotApplicableRequest,
        response: { 200: Result },
      },
    },
    async (request) =>
      markNotApplicable(
        db,
        ctx(request),
        request.params.id,
        request.params.code,
        request.params.standardCode,
        request.body.reason,
      ),
  );
  app.post(
    '/evaluation/rounds/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct a published round: a new dated, reasoned publication; earlier ones stay readable',
        params: EvaluationIdParams,
        body: CorrectionRequest,
        response: { 201: Publication },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await correctPublication(db, ctx(request), request.params.id, request.body)),
  );
  app.get(
    '/evaluation/rounds/:id/scorecards/:code',
    {
      schema: {
        tags,
        summary: "A region's explained scorecard (a published round: as frozen in the publication asked for)",
        params: RoundRegionParams,
        querystring: PublicationQuery,
        response: { 200: Scorecard },
      },
    },
    async (request) =>
      readScorecard(db, requireActor(request), request.params.id, request.params.code, request.query.version),
  );
  app.get(
    '/evaluation/rounds/:id/scorecards/:code/attestation',
    {
      schema: {
        tags,
        summary:
          "How to check a region's published scorecard: its digest, the audit entry written at publication and that entry's inclusion proof",
        params: RoundRegionParams,
        querystring: PublicationQuery,
        response: { 200: ResultAttestation },
      },
    },
    async (request) =>
      readResultAttestation(db, requireActor(request), request.params.id, request.params.code, request.query.version),
  );
  app.get(
    '/evaluation/rounds/:id/ranking',
    {
      schema: {
        tags,
        summary: 'Rankings within city groups',
        params: EvaluationIdParams,
        querystring: RankingQuery,
        response: { 200: Ranking },
      },
    },
    async (request) => readRanking(db, requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/evaluation/rounds/:id/effects',
    {
      schema: {
        tags,
        summary: 'What publishing the round did',
        params: EvaluationIdParams,
        response: { 200: RoundEffects },
      },
    },
    async (request) => readRoundEffects(db, requireActor(request), request.params.id),
  );
  app.get(
    '/evaluation/rounds/:id/results.xlsx',
    { schema: { tags, summary: 'The results as Excel', params: EvaluationIdParams, querystring: PublicationQuery } },
    async (request, reply) => {
      const { name, buffer } = await resultsWorkbook(
        db,
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      return sendXlsx(reply, { ascii: `results-${request.params.id}.xlsx`, name }, buffer);
    },
  );
  app.get(
    '/evaluation/cycle',
    { schema: { tags, summary: 'Annual and cycle totals', querystring: CycleQuery, response: { 200: CycleResult } } },
    async (request) => readCycle(db, requireActor(request), request.query),
  );
}
