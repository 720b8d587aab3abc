import { message, standardsOf, type RoundStatus } from '@chuangcheng/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError, conflict } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { loadCatalogue } from '../indicators/index.ts';
import { getSeries } from '../indicators/index.ts';
import { frameworkRepository } from './framework-repository.ts';
import { evaluationPolicy } from './policy.ts';
import { roundRepository } from './round-repository.ts';
import { loadRound } from './rounds.ts';
import { scoreRepository } from './score-repository.ts';

type Db = Kysely<Database>;
type Context = { actor: Actor; requestId?: string };

export type IndicatorFill = {
  filled: number;
  /** Standard × region pairs left for hand entry, with why. */
  skipped: { standardCode: string; regionCode: string; reason: string }[];
};

/**
 * Reads the data standards' values from the indicator store (issue 4): for every threshold
 * standard naming an indicator of the catalogue and every region of the round, the region's
 * latest value in the round's year becomes the standard's result (`source: 'indicator'`,
 * the period in the note). Results a scorer typed in by hand are kept. Organisers only, while
 * the round is open or scoring; one transaction with one audit row.
 */
export async function fillIndicatorValues(db: Db, ctx: Context, roundId: string): Promise<IndicatorFill> {
  const round = await loadRound(db, roundId);
  evaluationPolicy.canManageAt(ctx.actor, round.row.owner_path);
  if (!['open', 'scoring'].includes(round.row.status))
    throw conflict(message('round.wrongState', { status: message(`roundStatus.${round.row.status as RoundStatus}`) }));
  const doc = (await frameworkRepository.findVersionById(db, round.row.framework_version_id)).document;
  const regions = await roundRepository.regions(db, roundId);
  const catalogue = await loadCatalogue(db);
  const existing = await scoreRepository.results(db, roundId);
  const year = String(round.row.year);
  const skipped: IndicatorFill['skipped'] = [];
  const rows: Parameters<typeof scoreRepository.upsertResult>[1][] = [];
  for (const { standard } of standardsOf(doc)) {
    if (standard.rule.kind !== 'threshold' || !standard.rule.indicatorCode) continue;
    const code = standard.rule.indicatorCode;
    if (!catalogue.indicatorByCode.has(code)) {
      for (const r of regions) {
        skipped.push({
          standardCode: standard.code,
          regionCode: r.code,
          reason: `indicator ${code} is not in the catalogue`,
        });
      }
      continue;
    }
    for (const region of regions) {
      const manual = existing.find(
        (e) => e.region_code === region.code && e.standard_code === standard.code && e.source === 'manual',
      );
      if (manual) {
        skipped.push({ standardCode: standard.code, regionCode: region.code, reason: 'entered by hand; kept' });
        continue;
      }
      let points;
      try {
        points =
          (await getSeries(db, ctx.actor, code, { region: region.code, children: 'false' })).regions[0]?.points ?? [];
      } catch (error) {
        if (error instanceof AppError) {
          skipped.push({ standardCode: standard.code, regionCode: region.code, reason: error.message });
          continue;
        }
        throw error;
      }
      const inYear = points.filter((p) => p.period.startsWith(year) && p.value !== null);
      const latest = inYear.at(-1);
      if (!latest) {
        skipped.push({ standardCode: standard.code, regionCode: region.code, reason: `no ${code} value for ${year}` });
        continue;
      }
      rows.push({
        round_id: roundId,
        region_code: region.code,
        standard_code: standard.code,
        prefecture_code: region.prefecture_code,
        checked: null,
        passed: null,
        satisfaction: null,
        value: latest.value,
        reviewed: true,
        source: 'indicator',
        note: `指标 ${code} ${latest.period}`,
        scorer_id: ctx.actor.userId,
      });
    }
  }
  await db.transaction().execute(async (trx) => {
    for (const row of rows) await scoreRepository.upsertResult(trx, row);
    await recordAudit(trx, ctx, {
      action: 'evaluation.result.indicators',
      entityType: 'evaluation_round',
      entityId: roundId,
      regionCode: round.row.owner_region_code,
      after: { filled: rows.length, skipped: skipped.length },
    });
    await emitEvent(trx, { name: 'evaluation-round.changed', payload: { roundId, prefectureCode: null } });
  });
  return { filled: rows.length, skipped };
}
