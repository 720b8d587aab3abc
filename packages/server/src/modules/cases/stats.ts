import type { Kysely } from 'kysely';
import {
  message,
  caseRates,
  chinaDate,
  type CaseMap,
  type CaseMapQuery,
  type CaseStats,
  type CaseStatsQuery,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { invalid } from '../../http/problem.ts';
import { assertInScope, authorize, type Actor } from '../auth/index.ts';
import { casePolicy } from './policy.ts';
import { caseRepository } from './repository.ts';
import { caseStatsRepository } from './stats-repository.ts';
import { selectionCounts, type RatedCounts as Counts } from './stats-rollup.ts';

function row(c: Counts, key: string, name: string) {
  return {
    key,
    name,
    cases: c.cases,
    accepted: c.accepted,
    due: c.due,
    closed: c.closed,
    closedOnTime: c.closed_on_time,
    ...caseRates({
      due: c.due,
      closed: c.closed,
      closedOnTime: c.closed_on_time,
      verified: c.verified,
      reworked: c.reworked,
      closedHoursSum: c.hours_sum ?? 0,
      closedWorkingMinutesSum: c.working_minutes_sum ?? 0,
      closedTimed: c.closed_timed,
      ratingSum: c.rating_sum ?? 0,
      ratings: c.ratings,
    }),
    ratings: c.ratings,
    open: c.open,
    overdueOpen: c.overdue_open,
  };
}

function sum(rows: Counts[]): Counts {
  const total: Counts = {
    key: null,
    cases: 0,
    accepted: 0,
    due: 0,
    closed: 0,
    closed_on_time: 0,
    verified: 0,
    reworked: 0,
    hours_sum: 0,
    working_minutes_sum: 0,
    closed_timed: 0,
    rating_sum: 0,
    ratings: 0,
    open: 0,
    overdue_open: 0,
  };
  for (const r of rows) {
    for (const k of Object.keys(total) as (keyof Counts)[]) {
      if (k !== 'key') (total[k] as number) = (total[k] as number) + Number(r[k] ?? 0);
    }
  }
  return total;
}

async function baseRegion(db: Kysely<Database>, actor: Actor, regionCode: string | undefined) {
  if (!regionCode) return (await caseRepository.findRegion(db, actor.regionCode))!;
  const region = await caseRepository.findRegion(db, regionCode);
  if (!region) throw invalid([{ field: 'query.regionCode', message: message('field.noRegion', { code: regionCode }) }]);
  assertInScope(actor, region.path);
  return region;
}

/**
 * 结案率, 按期结案率, 返工率, average handling time and satisfaction by region (the children of
 * the scope or of `regionCode`), unit, category or month, over cases reported from `from` to
 * `to` (China dates, inclusive). A unit officer sees their own unit's cases only.
 */
export async function caseStatistics(db: Kysely<Database>, actor: Actor, query: CaseStatsQuery): Promise<CaseStats> {
  authorize(actor, 'case.read');
  const to = query.to ?? chinaDate(new Date());
  const from = query.from ?? chinaDate(new Date(Date.now() - 30 * 86_400_000));
  if (from > to) throw invalid([{ field: 'query.from', message: message('field.notAfter', { other: 'query.to' }) }]);
  const region = await baseRegion(db, actor, query.regionCode);
  const selection = {
    basePath: region.path,
    from,
    to,
    categoryCode: query.categoryCode,
    unitId: casePolicy.unitLimit(actor),
  };
  // Whole months from the roll-up, the period's edges from the cases (decision 0189).
  const result = await selectionCounts(db, selection, query.groupBy);
  const keys = result.map((r) => r.key).filter((k): k is string => k !== null);
  let names = new Map<string, string>();
  if (query.groupBy === 'region')
    names = new Map((await caseRepository.regionNames(db, keys)).map((r) => [r.code, r.name]));
  if (query.groupBy === 'unit') names = new Map((await caseRepository.unitNames(db, keys)).map((u) => [u.id, u.name]));
  if (query.groupBy === 'category') {
    names = new Map((await caseRepository.listCategories(db, false)).map((c) => [c.code, c.name]));
  }
  return {
    groupBy: query.groupBy,
    from,
    to,
    rows: result.map((r) => row(r, r.key ?? '', r.key === null ? '未派遣' : (names.get(r.key) ?? r.key))),
    total: row(sum(result), region.code, region.name),
  };
}

/** Open cases as points (newest first) and open counts per child region, for the map and heat map. */
export async function caseMap(db: Kysely<Database>, actor: Actor, query: CaseMapQuery): Promise<CaseMap> {
  authorize(actor, 'case.read');
  const region = await baseRegion(db, actor, query.regionCode);
  const selection = {
    basePath: region.path,
    categoryCode: query.categoryCode,
    unitId: casePolicy.unitLimit(actor),
    openOnly: true,
  };
  const box = query.bbox?.split(',').map(Number);
  const points = await caseStatsRepository.points(db, selection, box, query.limit + 1);
  const byRegion = await caseStatsRepository.perChildRegion(db, selection);
  const names = new Map(
    (
      await caseRepository.regionNames(
        db,
        byRegion.map((r) => r.key),
      )
    ).map((r) => [r.code, r.name]),
  );
  return {
    points: points.slice(0, query.limit).map((p) => ({
      id: p.id,
      number: p.number,
      lat: p.lat,
      lng: p.lng,
      categoryCode: p.category_code,
      status: p.status as CaseMap['points'][number]['status'],
      overdue: p.overdue,
    })),
    truncated: points.length > query.limit,
    byRegion: byRegion.map((r) => ({
      regionCode: r.key,
      regionName: names.get(r.key) ?? r.key,
      open: r.open,
      overdue: r.overdue,
    })),
  };
}
