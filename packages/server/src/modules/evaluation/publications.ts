import crypto from 'node:crypto';
import { message, canonicalJson, type Publication, type Scorecard, type RoundStatus } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { computeRound, type ComputedRound } from './compute.ts';
import { evaluationPolicy } from './policy.ts';
import { publicationRepository } from './publication-repository.ts';
import { roundRepository, type RoundRow } from './round-repository.ts';
import { presentPublication, scorecardOf, withFiles } from './scorecard.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

/**
 * Refuses to publish while any standard of any region is neither scored nor marked not
 * applicable, listing every one (field `regions.<code>.standards.<standard>`).
 */
function assertFullyScored(computed: ComputedRound) {
  const missing = computed.regions.flatMap(({ region, score }) =>
    score.pending.map((p) => ({
      field: `regions.${region.code}.standards.${p.standardCode}`,
      message: message('round.unscored', { region: region.name, code: p.standardCode, points: p.points }),
    })),
  );
  if (missing.length > 0) {
    throw new AppError('ROUND_NOT_FULLY_SCORED', message('round.notFullyScored', { count: missing.length }), missing);
  }
}

/** The audit entity of one region's published result in one version. */
export const resultEntityId = (roundId: string, version: number, regionCode: string) =>
  `${roundId}/v${version}/${regionCode}`;

/** SHA-256 of a scorecard's canonical JSON: the same for the scorecard as stored and as served. */
export const scorecardDigest = (scorecard: unknown) =>
  crypto.createHash('sha256').update(canonicalJson(scorecard)).digest('hex');

/** A published region's rank: every region is scored once assertFullyScored has passed. */
function rankOf(regionCode: string, rank: number | null): number {
  if (rank === null) throw new Error(`region ${regionCode} has no scores; assertFullyScored should have refused`);
  return rank;
}

type ComputedRegion = ComputedRound['regions'][number];

/** A published region's group, score and rank, as both the publication and the results in force store them. */
function scoreColumns(region: ComputedRegion['region'], score: ComputedRegion['score'], rank: number | null) {
  return {
    city_group: region.city_group,
    main_score: score.mainScore,
    minors_score: score.minorsScore,
    minors_gate_passed: score.minorsGatePassed,
    deducted: score.deducted,
    total: score.total,
    rate: score.rate,
    rank: rankOf(region.code, rank),
  };
}

/**
 * Freezes a publication of a round inside the caller's transaction: every region's whole
 * scorecard (tree, losses with their files, deductions, rank, group figures, previous round)
 * as version `version`, and the results in force for rankings across rounds and cycles. Later
 * title decisions, incidents or framework edits never change what is stored here.
 */
export async function freezePublication(
  trx: Db,
  ctx: Context,
  round: RoundRow & { framework_is_model: boolean },
  publication: { version: number; decidedOn: string | null; reason: string; at: Date },
): Promise<ComputedRound> {
  const computed = await computeRound(trx, round);
  assertFullyScored(computed);
  const previous = await roundRepository.previousResults(trx, round);
  const row = {
    round_id: round.id,
    version: publication.version,
    published_at: publication.at,
    decided_on: publication.decidedOn,
    reason: publication.reason,
    published_by: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
    published_by_name: ctx.actor.displayName,
  };
  await publicationRepository.insert(trx, row);
  const presented: Publication = presentPublication(row);
  const losses = await withFiles(
    trx,
    computed.regions.flatMap((r) => r.score.losses),
  );
  let offset = 0;
  const groupTotals = new Map<string, number[]>();
  for (const { region, score } of computed.regions) {
    groupTotals.set(region.city_group, [...(groupTotals.get(region.city_group) ?? []), score.total]);
  }
  const regionRows = computed.regions.map(({ region, score, rank }) => {
    const mine = losses.slice(offset, offset + score.losses.length);
    offset += score.losses.length;
    const prev = previous.get(region.code);
    const scorecard: Scorecard = scorecardOf({
      roundId: round.id,
      isModel: round.framework_is_model,
      region,
      score,
      rank,
      groupTotals: groupTotals.get(region.city_group) ?? [],
      previous: prev ?? null,
      losses: mine,
      publication: presented,
    });
    return {
      round_id: round.id,
      version: publication.version,
      region_code: region.code,
      prefecture_code: region.prefecture_code,
      ...scoreColumns(region, score, rank),
      previous_total: prev?.total ?? null,
      scorecard: JSON.stringify(scorecard),
    };
  });
  await publicationRepository.insertRegions(trx, regionRows);
  // One audit entry per published scorecard, in its prefecture's tree, carrying the scorecard's
  // digest: a reader checks the scorecard against it and the entry against a signed checkpoint.
  for (const row of regionRows) {
    await recordAudit(trx, ctx, {
      action: 'evaluation.result.publish',
      entityType: 'evaluation_result',
      entityId: resultEntityId(round.id, publication.version, row.region_code),
      regionCode: row.region_code,
      after: {
        roundId: round.id,
        version: publication.version,
        regionCode: row.region_code,
        total: row.total,
        rank: row.rank,
        scorecardSha256: scorecardDigest(JSON.parse(row.scorecard)),
      },
    });
  }
  await publicationRepository.replaceResults(
    trx,
    round.id,
    computed.regions.map(({ region, score, rank }) => ({
      round_id: round.id,
      region_code: region.code,
      ...scoreColumns(region, score, rank),
      unscored: score.unscored,
    })),
  );
  return computed;
}

/**
 * A correction of a published round: recomputed from everything known now (e.g. an incident
 * recorded since, under the version the round pinned) and published as the next version with
 * its date and reason. The earlier versions stay readable; the new one is in force. Threshold
 * sanctions are not re-applied: a correction that moves a city across a threshold is followed
 * by the province's own title decision.
 */
export async function correctPublication(
  db: Db,
  ctx: Context,
  roundId: string,
  request: { reason: string; decidedOn: string },
): Promise<Publication> {
  return db.transaction().execute(async (trx) => {
    const locked = await roundRepository.findByIdForUpdate(trx, roundId);
    const round = await roundRepository.findById(trx, roundId);
    if (!locked || !round) throw notFound('round', roundId);
    evaluationPolicy.canManageAt(ctx.actor, round.owner_path);
    if (locked.status !== 'published')
      throw conflict(
        message('round.correctPublished', { status: message(`roundStatus.${locked.status as RoundStatus}`) }),
      );
    if (request.decidedOn < locked.test_date) {
      throw invalid([
        { field: 'body.decidedOn', message: message('round.decisionBeforeTest', { date: locked.test_date }) },
      ]);
    }
    const latest = await publicationRepository.find(trx, roundId);
    const version = (latest?.version ?? 0) + 1;
    await freezePublication(trx, ctx, round, {
      version,
      decidedOn: request.decidedOn,
      reason: request.reason,
      at: new Date(),
    });
    await recordAudit(trx, ctx, {
      action: 'evaluation.round.correct',
      entityType: 'evaluation_round',
      entityId: roundId,
      regionCode: round.owner_region_code,
      before: { version: latest?.version ?? null },
      after: { version, ...request },
    });
    return presentPublication((await publicationRepository.find(trx, roundId, version))!);
  });
}
