import type { Kysely } from 'kysely';
import { message, type RoundStatus } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, forbidden, notFound } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { evaluationPolicy } from './policy.ts';
import { incidentRepository } from './incident-repository.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound } from './rounds.ts';
import { scoreRepository } from './score-repository.ts';

export type EvaluationOwnerType = 'evaluation_evidence' | 'evaluation_finding' | 'evaluation_incident';

/**
 * Who attaches files to evaluation records and who reads them: a city's material (its own
 * officers while the round is open; read by the city, organisers and scorers), a finding's
 * photos (its scorer or an organiser while scoring; read as the finding's scores are), an
 * incident's documents (incident.write in scope; read by evaluation readers in scope).
 */
export async function checkEvaluationAttachment(
  db: Kysely<Database>,
  actor: Actor,
  ownerType: EvaluationOwnerType,
  ownerId: string,
  mode: 'attach' | 'read',
): Promise<{ regionCode: string; prefectureCode: string | null }> {
  if (ownerType === 'evaluation_incident') {
    const incident = await incidentRepository.findById(db, ownerId);
    if (!incident) throw notFound('incident', ownerId);
    authorize(actor, mode === 'attach' ? 'incident.write' : 'evaluation.read');
    assertInScope(actor, incident.region_path);
    return { regionCode: incident.region_code, prefectureCode: incident.prefecture_code };
  }
  const owner =
    ownerType === 'evaluation_evidence'
      ? await scoreRepository.findEvidence(db, ownerId)
      : await scoreRepository.findFinding(db, ownerId);
  if (!owner) throw notFound(ownerType === 'evaluation_evidence' ? 'evidence' : 'finding', ownerId);
  const round = await loadRound(db, owner.round_id);
  const region = (await roundRepository.findRegion(db, owner.round_id, owner.region_code))!;
  if (ownerType === 'evaluation_evidence') {
    if (mode === 'read') evaluationPolicy.canSeeEvidence(actor, round.access, region);
    else {
      evaluationPolicy.canSubmitEvidence(actor, round.access, region.path);
      if ('submitted_by' in owner && owner.submitted_by !== actor.userId) {
        throw forbidden(message('forbidden.ownMaterial'));
      }
    }
  } else if (mode === 'read') {
    evaluationPolicy.canSeeScores(actor, round.access, region);
  } else {
    authorize(actor, 'evaluation.score');
    if (
      !evaluationPolicy.isOrganiser(actor, round.access) &&
      'scorer_id' in owner &&
      owner.scorer_id !== actor.userId
    ) {
      throw forbidden(message('forbidden.ownFindings'));
    }
    if (!['open', 'scoring'].includes(round.row.status))
      throw conflict(
        message('round.wrongState', { status: message(`roundStatus.${round.row.status as RoundStatus}`) }),
      );
    if ('withdrawn_at' in owner && owner.withdrawn_at) throw conflict(message('finding.withdrawn'));
  }
  return { regionCode: owner.region_code, prefectureCode: owner.prefecture_code };
}
