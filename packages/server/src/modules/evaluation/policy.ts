import { message, can, isWithinScope, scorerConflict, type EvaluationMethod } from '@chuangcheng/core';
import { AppError, forbidden, outOfScope } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';

/** What the policy needs to know about a round. */
export type RoundAccess = {
  ownerPath: string;
  status: string;
  /** 暗访: secret to the evaluated regions until published. */
  unannounced: boolean;
  assignments: readonly { userId: string; method: string; regionCodes: readonly string[] }[];
};

const assignedTo = (actor: Actor, round: RoundAccess, regionCode: string, method?: EvaluationMethod) =>
  round.assignments.some(
    (a) =>
      a.userId === actor.userId &&
      (method === undefined || a.method === method) &&
      (a.regionCodes.length === 0 || a.regionCodes.includes(regionCode)),
  );

/**
 * Who may do what in evaluation. Offices (`evaluation.manage`) run rounds for regions inside
 * their scope: the round's owner region must lie in it. Scorers (`evaluation.score`) enter
 * results only for the methods and regions they are assigned to, or as an office over the
 * round's owner region. Unpublished scores are seen only by the round's offices and its
 * scorers; once published, by anyone who reads evaluation within the region's scope.
 */
export const evaluationPolicy = {
  canRead(actor: Actor): void {
    authorize(actor, 'evaluation.read');
  },

  canManageAt(actor: Actor, regionPath: string): void {
    authorize(actor, 'evaluation.manage');
    assertInScope(actor, regionPath);
  },

  /** An office over the round's owner region. */
  isOrganiser(actor: Actor, round: RoundAccess): boolean {
    return can(actor.role, 'evaluation.manage') && isWithinScope(actor.regionPath, round.ownerPath);
  },

  /**
   * A round is visible to its organisers, its scorers, and anyone whose scope shares a region
   * with it; an unannounced round only to its organisers and scorers until it is published.
   */
  canSeeRound(actor: Actor, round: RoundAccess, regionPaths: readonly string[]): void {
    authorize(actor, 'evaluation.read');
    if (this.isOrganiser(actor, round) || assignedAnywhere(actor, round)) return;
    if (this.isSecretTo(actor, round)) throw forbidden(message('forbidden.unannouncedRound'));
    const overlaps = regionPaths.some((p) => isWithinScope(actor.regionPath, p) || isWithinScope(p, actor.regionPath));
    if (!overlaps) throw outOfScope(message('scope.roundOutside'));
  },

  /** Whether an unannounced, unpublished round must stay hidden from this actor. */
  isSecretTo(actor: Actor, round: RoundAccess): boolean {
    return (
      round.unannounced &&
      round.status !== 'published' &&
      !this.isOrganiser(actor, round) &&
      !assignedAnywhere(actor, round)
    );
  },

  /**
   * Organisers score any method and region, assigned scorers what they are assigned; nobody
   * scores a region their own office belongs to or oversees (回避, see `scorerConflict`).
   */
  canScore(actor: Actor, round: RoundAccess, region: { code: string; path: string }, method: EvaluationMethod): void {
    authorize(actor, 'evaluation.score');
    this.assertNoConflict(actor.regionPath, round, region);
    if (this.isOrganiser(actor, round)) return;
    if (!assignedTo(actor, round, region.code, method)) {
      throw forbidden(message('forbidden.notAssigned', { method: message(`method.${method}`), region: region.code }));
    }
  },

  /** 回避: refuses a scorer whose scope overlaps the region below the round's organising level. */
  assertNoConflict(scorerPath: string, round: RoundAccess, region: { code: string; path: string }): void {
    if (scorerConflict(scorerPath, region.path, round.ownerPath)) {
      throw new AppError('SCORER_CONFLICT', message('round.inScorersScope', { code: region.code }));
    }
  },

  /** Scores of a region in a round: organisers and its scorers always; others once published, in scope. */
  canSeeScores(actor: Actor, round: RoundAccess, region: { code: string; path: string }): void {
    authorize(actor, 'evaluation.read');
    if (this.isOrganiser(actor, round) || assignedTo(actor, round, region.code)) return;
    if (round.status !== 'published') throw forbidden(message('forbidden.scoresUnpublished'));
    assertInScope(actor, region.path);
  },

  /** The ranking of the whole round: organisers and scorers, or everyone who sees the round once published. */
  canSeeRanking(actor: Actor, round: RoundAccess, regionPaths: readonly string[]): void {
    authorize(actor, 'evaluation.read');
    if (this.isOrganiser(actor, round) || assignedAnywhere(actor, round)) return;
    if (round.status !== 'published') throw forbidden(message('forbidden.rankingUnpublished'));
    this.canSeeRound(actor, round, regionPaths);
  },

  /** A city's own officers upload material for its standards while the round is open. */
  canSubmitEvidence(actor: Actor, round: RoundAccess, regionPath: string): void {
    authorize(actor, 'data.enter');
    assertInScope(actor, regionPath);
    if (round.status !== 'open') throw forbidden(message('forbidden.uploadWhileOpen'));
  },

  /** The city's own material: the city (in scope), organisers and scorers. */
  canSeeEvidence(actor: Actor, round: RoundAccess, region: { code: string; path: string }): void {
    authorize(actor, 'evaluation.read');
    if (this.isOrganiser(actor, round) || assignedTo(actor, round, region.code)) return;
    assertInScope(actor, region.path);
  },
};

function assignedAnywhere(actor: Actor, round: RoundAccess): boolean {
  return round.assignments.some((a) => a.userId === actor.userId);
}
