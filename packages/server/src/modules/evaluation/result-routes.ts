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
import { actorRoutes } from '../../http/route.ts';
import { correctPublication } from './publications.ts';
import { readCycle, readRanking, readRoundEffects, readScorecard, resultsWorkbook } from './results.ts';
import { markNotApplicable } from './scoring.ts';

/** Results (scorecards, rankings, exports, the cycle), their publications and corrections, and the not-applicable mark. */
export async function resultRoutes(app: App, { db }: ModuleDeps) {
  const route = actorRoutes(app, ['evaluation']);

  route.put(
    '/evaluation/rounds/:id/regions/:code/results/:standardCode/not-applicable',
    {
      summary: 'Mark a standard not applicable to a region, with the reason',
      params: ResultParams,
      body: NotApplicableRequest,
      response: Result,
    },
    ({ ctx, params, body }) => markNotApplicable(db, ctx, params.id, params.code, params.standardCode, body.reason),
  );
  route.post(
    '/evaluation/rounds/:id/corrections',
    {
      summary: 'Correct a published round: a new dated, reasoned publication; earlier ones stay readable',
      params: EvaluationIdParams,
      body: CorrectionRequest,
      response: Publication,
      status: 201,
    },
    ({ ctx, params, body }) => correctPublication(db, ctx, params.id, body),
  );
  route.get(
    '/evaluation/rounds/:id/scorecards/:code',
    {
      summary: "A region's explained scorecard (a published round: as frozen in the publication asked for)",
      params: RoundRegionParams,
      querystring: PublicationQuery,
      response: Scorecard,
    },
    ({ actor, params, query }) => readScorecard(db, actor, params.id, params.code, query.version),
  );
  route.get(
    '/evaluation/rounds/:id/scorecards/:code/attestation',
    {
      summary:
        "How to check a region's published scorecard: its digest, the audit entry written at publication and that entry's inclusion proof",
      params: RoundRegionParams,
      querystring: PublicationQuery,
      response: ResultAttestation,
    },
    ({ actor, params, query }) => readResultAttestation(db, actor, params.id, params.code, query.version),
  );
  route.get(
    '/evaluation/rounds/:id/ranking',
    {
      summary: 'Rankings within city groups',
      params: EvaluationIdParams,
      querystring: RankingQuery,
      response: Ranking,
    },
    ({ actor, params, query }) => readRanking(db, actor, params.id, query),
  );
  route.get(
    '/evaluation/rounds/:id/effects',
    { summary: 'What publishing the round did', params: EvaluationIdParams, response: RoundEffects },
    ({ actor, params }) => readRoundEffects(db, actor, params.id),
  );
  route.workbook(
    '/evaluation/rounds/:id/results.xlsx',
    { summary: 'The results as Excel', params: EvaluationIdParams, querystring: PublicationQuery },
    async ({ actor, params, query }) => {
      const { name, buffer } = await resultsWorkbook(db, actor, params.id, query.version);
      return { file: { ascii: `results-${params.id}.xlsx`, name }, body: buffer };
    },
  );
  route.get(
    '/evaluation/cycle',
    { summary: 'Annual and cycle totals', querystring: CycleQuery, response: CycleResult },
    ({ actor, query }) => readCycle(db, actor, query),
  );
}
