import { z } from 'zod';
import { InclusionProof, message, type RoundStatus } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { attestationOf } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { evaluationPolicy } from './policy.ts';
import { publicationRepository } from './publication-repository.ts';
import { resultEntityId, scorecardDigest } from './publications.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound } from './rounds.ts';

/** How a reader checks a published scorecard against the audit log. */
export const ResultAttestation = z.object({
  roundId: z.string(),
  regionCode: z.string(),
  version: z.number(),
  /** SHA-256 of the scorecard's canonical JSON (keys sorted at every depth), as served now. */
  scorecardSha256: z.string(),
  /** The audit entry recorded at publication, whose `after.scorecardSha256` must equal the above. */
  auditEntryId: z.number(),
  /** Its RFC 9162 inclusion proof in the prefecture's signed tree; null until the sequencer has signed it (seconds). */
  proof: InclusionProof.nullable(),
});
export type ResultAttestation = z.infer<typeof ResultAttestation>;

/**
 * The attestation of a region's published scorecard (`version`, default the one in force): the
 * digest of the scorecard as stored, the audit entry written when it was published and that
 * entry's inclusion proof. Rounds published before results were recorded in the log have none.
 */
export async function readResultAttestation(
  db: Kysely<Database>,
  actor: Actor,
  roundId: string,
  regionCode: string,
  version?: number,
): Promise<ResultAttestation> {
  const round = await loadRound(db, roundId);
  const region = await roundRepository.findRegion(db, roundId, regionCode);
  if (!region) throw notFound(message('notFound.regionInRound', { region: regionCode, round: roundId }));
  evaluationPolicy.canSeeScores(actor, round.access, region);
  if (round.row.status !== 'published')
    throw conflict(
      message('round.attestPublished', { status: message(`roundStatus.${round.row.status as RoundStatus}`) }),
    );
  const publication = await publicationRepository.find(db, roundId, version);
  if (!publication) throw notFound(message('notFound.publicationOfRound', { round: roundId, version: version ?? '' }));
  const scorecard = await publicationRepository.scorecard(db, roundId, publication.version, regionCode);
  const attestation = await attestationOf(
    db,
    'evaluation_result',
    resultEntityId(roundId, publication.version, regionCode),
  );
  if (!scorecard || !attestation) {
    throw notFound(message('notFound.resultEntry', { region: regionCode, version: publication.version }));
  }
  return {
    roundId,
    regionCode,
    version: publication.version,
    scorecardSha256: scorecardDigest(scorecard),
    auditEntryId: attestation.entryId,
    proof: attestation.proof,
  };
}
