import { sql, type Kysely, type RawBuilder } from 'kysely';
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
import { caseRepository } from './repository.ts';

const OPEN = sql.join(['submitted', 'accepted', 'dispatched', 'handling', 'handled']);

type Ratings = { key: string | null; rating_sum: number | null; ratings: number };

type Counts = {
  key: string | null;
  cases: number;
  accepted: number;
  due: number;
  closed: number;
  closed_on_time: number;
  verified: number;
  reworked: number;
  hours_sum: number | null;
  working_minutes_sum: number | null;
  closed_timed: number;
  rating_sum: number | null;
  ratings: number;
  open: number;
  overdue_open: number;
};

/**
 * SQL of the statistics: one pass over the cases of a period in a region subtree, grouped by a
 * key. The definitions are core's countCases (CASE_STATS_DEFINITIONS); keep the two in step.
 */
function aggregate(db: Kysely<Database>, key: RawBuilder<string | null>, where: RawBuilder<boolean>) {
  return sql<Omit<Counts, 'rating_sum' | 'ratings'>>`
    select ${key} as key,
      count(*)::int as cases,
      count(*) filter (where c.accepted_at is not null and c.merged_into_id is null)::int as accepted,
      count(*) filter (where c.status = 'closed' or (c.status in (${OPEN}) and coalesce(c.paused_at, now()) > c.deadline))::int as due,
      count(*) filter (where c.status = 'closed')::int as closed,
      count(*) filter (where c.status = 'closed' and c.handled_at <= c.deadline)::int as closed_on_time,
      count(*) filter (where c.verified_count > 0)::int as verified,
      count(*) filter (where c.rework_count > 0 or c.reopen_count > 0)::int as reworked,
      sum(extract(epoch from c.closed_at - c.reported_at) / 3600.0) filter (where c.status = 'closed')::float8 as hours_sum,
      sum(c.handling_minutes) filter (where c.status = 'closed')::float8 as working_minutes_sum,
      count(c.handling_minutes) filter (where c.status = 'closed')::int as closed_timed,
      count(*) filter (where c.status in (${OPEN}))::int as open,
      count(*) filter (where c.status in (${OPEN}) and coalesce(c.paused_at, now()) > c.deadline)::int as overdue_open
    from problem_case c
    where ${where}
    group by 1
    order by 1`.execute(db);
}

/**
 * The latest rating of each of the same cases (one per case: a case rated again after rework
 * counts by its last rating), grouped by the same key; a second, smaller join instead of one per case.
 */
function ratingAggregate(db: Kysely<Database>, key: RawBuilder<string | null>, where: RawBuilder<boolean>) {
  return sql<Ratings>`
    select ${key} as key, sum(r.satisfaction)::float8 as rating_sum, count(*)::int as ratings
    from problem_case c
    join lateral (
      select satisfaction from case_rating where case_id = c.id order by at desc, id desc limit 1
    ) r on true
    where ${where}
    group by 1`.execute(db);
}

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

/** The child of `basePath` a case's region path falls in (the base itself for cases filed at the base). */
const childKey = (basePath: string) => {
  const depth = basePath.split('/').length;
  return sql<string>`coalesce(nullif(split_part(c.region_path, '/', ${depth + 1}), ''), split_part(c.region_path, '/', ${depth}))`;
};

const underPath = (path: string) => sql<boolean>`(c.region_path = ${path} or c.region_path like ${path + '/%'})`;

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
  const conditions = [
    underPath(region.path),
    // The period of the report, not of the entry: a hotline call entered days later still counts
    // in the month it came in, as its deadline does.
    sql<boolean>`c.reported_at >= ${`${from}T00:00:00+08:00`}::timestamptz`,
    sql<boolean>`c.reported_at < (${`${to}T00:00:00+08:00`}::timestamptz + interval '1 day')`,
  ];
  if (query.categoryCode) {
    conditions.push(
      sql<boolean>`c.category_code in (select code from case_category where code = ${query.categoryCode} or parent_code = ${query.categoryCode})`,
    );
  }
  if (actor.role === 'unit_officer') conditions.push(sql<boolean>`c.org_unit_id = ${actor.orgUnitId}`);
  const where = sql.join(conditions, sql` and `) as RawBuilder<boolean>;
  const key = {
    region: childKey(region.path),
    unit: sql<string | null>`c.org_unit_id::text`,
    category: sql<string>`c.category_code`,
    month: sql<string>`to_char(c.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  }[query.groupBy];
  const [counts, ratings] = await Promise.all([aggregate(db, key, where), ratingAggregate(db, key, where)]);
  const ratingOf = new Map(ratings.rows.map((r) => [r.key, r]));
  const result = counts.rows.map((c) => ({
    ...c,
    rating_sum: ratingOf.get(c.key)?.rating_sum ?? null,
    ratings: ratingOf.get(c.key)?.ratings ?? 0,
  }));
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
  const conditions = [underPath(region.path), sql<boolean>`c.status in (${OPEN})`];
  if (query.categoryCode) {
    conditions.push(
      sql<boolean>`c.category_code in (select code from case_category where code = ${query.categoryCode} or parent_code = ${query.categoryCode})`,
    );
  }
  if (actor.role === 'unit_officer') conditions.push(sql<boolean>`c.org_unit_id = ${actor.orgUnitId}`);
  const where = sql.join(conditions, sql` and `);
  const box = query.bbox?.split(',').map(Number);
  const inBox = box ? sql`and c.lng between ${box[0]} and ${box[2]} and c.lat between ${box[1]} and ${box[3]}` : sql``;
  const points = await sql<{
    id: string;
    number: string;
    lat: number;
    lng: number;
    category_code: string;
    status: string;
    overdue: boolean;
  }>`
    select c.id, c.number, c.lat, c.lng, c.category_code, c.status, coalesce(c.paused_at, now()) > c.deadline as overdue
    from problem_case c
    where ${where} and c.lat is not null ${inBox}
    order by c.created_at desc
    limit ${query.limit + 1}`.execute(db);
  const byRegion = await sql<{ key: string; open: number; overdue: number }>`
    select ${childKey(region.path)} as key, count(*)::int as open,
      count(*) filter (where coalesce(c.paused_at, now()) > c.deadline)::int as overdue
    from problem_case c where ${where} group by 1 order by 1`.execute(db);
  const names = new Map(
    (
      await caseRepository.regionNames(
        db,
        byRegion.rows.map((r) => r.key),
      )
    ).map((r) => [r.code, r.name]),
  );
  return {
    points: points.rows.slice(0, query.limit).map((p) => ({
      id: p.id,
      number: p.number,
      lat: p.lat,
      lng: p.lng,
      categoryCode: p.category_code,
      status: p.status as CaseMap['points'][number]['status'],
      overdue: p.overdue,
    })),
    truncated: points.rows.length > query.limit,
    byRegion: byRegion.rows.map((r) => ({
      regionCode: r.key,
      regionName: names.get(r.key) ?? r.key,
      open: r.open,
      overdue: r.overdue,
    })),
  };
}
