import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const OPEN = sql.join(['submitted', 'accepted', 'dispatched', 'handling', 'handled']);

/** Which cases a statistic or the map reads: a region subtree, narrowed as the caller says. */
export type CaseSelection = {
  /** The region path whose subtree is read; its children are the `region` grouping's keys. */
  basePath: string;
  /** Reported from this China date (inclusive). */
  from?: string;
  /** Reported up to this China date (inclusive). */
  to?: string;
  /** A category and its sub-categories. */
  categoryCode?: string;
  /** Only the cases dispatched to this unit (a unit officer's view); `undefined` for no such limit. */
  unitId?: string | null;
  /** Only open cases. */
  openOnly?: boolean;
};

export type CaseGrouping = 'region' | 'unit' | 'category' | 'month';

export type CaseCounts = {
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
  open: number;
  overdue_open: number;
};

export type CaseRatings = { key: string | null; rating_sum: number | null; ratings: number };

export type CaseMapPoint = {
  id: string;
  number: string;
  lat: number;
  lng: number;
  category_code: string;
  status: string;
  overdue: boolean;
};

/** The child of `basePath` a case's region path falls in (the base itself for cases filed at the base). */
function childKey(basePath: string) {
  const depth = basePath.split('/').length;
  return sql<string>`coalesce(nullif(split_part(c.region_path, '/', ${depth + 1}), ''), split_part(c.region_path, '/', ${depth}))`;
}

export function groupKey(grouping: CaseGrouping, basePath: string): RawBuilder<string | null> {
  return {
    region: childKey(basePath),
    unit: sql<string | null>`c.org_unit_id::text`,
    category: sql<string>`c.category_code`,
    month: sql<string>`to_char(c.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  }[grouping];
}

/**
 * The selection's region subtree, category and unit, on columns named as problem_case's (the
 * statistics roll-up, case_stats_month, has the same names).
 */
export function scopeOf(s: CaseSelection): RawBuilder<boolean> {
  const conditions = [sql<boolean>`(c.region_path = ${s.basePath} or c.region_path like ${s.basePath + '/%'})`];
  if (s.categoryCode) {
    conditions.push(
      sql<boolean>`c.category_code in (select code from case_category where code = ${s.categoryCode} or parent_code = ${s.categoryCode})`,
    );
  }
  if (s.unitId !== undefined) conditions.push(sql<boolean>`c.org_unit_id = ${s.unitId}`);
  return sql.join(conditions, sql` and `) as RawBuilder<boolean>;
}

function whereOf(s: CaseSelection): RawBuilder<boolean> {
  const conditions = [scopeOf(s)];
  // The period of the report, not of the entry: a hotline call entered days later still counts
  // in the month it came in, as its deadline does.
  if (s.from) conditions.push(sql<boolean>`c.reported_at >= ${`${s.from}T00:00:00+08:00`}::timestamptz`);
  if (s.to)
    conditions.push(sql<boolean>`c.reported_at < (${`${s.to}T00:00:00+08:00`}::timestamptz + interval '1 day')`);
  if (s.openOnly) conditions.push(sql<boolean>`c.status in (${OPEN})`);
  return sql.join(conditions, sql` and `) as RawBuilder<boolean>;
}

/** The SQL of case statistics and of the case map; the definitions are core's (CASE_STATS_DEFINITIONS). */
export const caseStatsRepository = {
  /**
   * One pass over the selected cases, grouped: the counts behind 结案率, 按期结案率, 返工率 and the
   * handling times. Keep in step with core's countCases.
   */
  async counts(db: Kysely<Database>, selection: CaseSelection, grouping: CaseGrouping): Promise<CaseCounts[]> {
    const where = whereOf(selection);
    const result = await sql<CaseCounts>`
      select ${groupKey(grouping, selection.basePath)} as key,
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
    return result.rows;
  },

  /**
   * The latest rating of each selected case (a case rated again after rework counts by its last
   * rating), grouped the same way; a second, smaller join instead of one per case.
   */
  async latestRatings(db: Kysely<Database>, selection: CaseSelection, grouping: CaseGrouping): Promise<CaseRatings[]> {
    const result = await sql<CaseRatings>`
      select ${groupKey(grouping, selection.basePath)} as key, sum(r.satisfaction)::float8 as rating_sum, count(*)::int as ratings
      from problem_case c
      join lateral (
        select satisfaction from case_rating where case_id = c.id order by at desc, id desc limit 1
      ) r on true
      where ${whereOf(selection)}
      group by 1`.execute(db);
    return result.rows;
  },

  /** Located cases, newest first, optionally inside a box (west, south, east, north); `limit` rows at most. */
  async points(
    db: Kysely<Database>,
    selection: CaseSelection,
    box: number[] | undefined,
    limit: number,
  ): Promise<CaseMapPoint[]> {
    const inBox = box
      ? sql`and c.lng between ${box[0]} and ${box[2]} and c.lat between ${box[1]} and ${box[3]}`
      : sql``;
    const result = await sql<CaseMapPoint>`
      select c.id, c.number, c.lat, c.lng, c.category_code, c.status, coalesce(c.paused_at, now()) > c.deadline as overdue
      from problem_case c
      where ${whereOf(selection)} and c.lat is not null ${inBox}
      order by c.created_at desc
      limit ${limit}`.execute(db);
    return result.rows;
  },

  /** Selected cases and the overdue among them, per child region of the base. */
  async perChildRegion(
    db: Kysely<Database>,
    selection: CaseSelection,
  ): Promise<{ key: string; open: number; overdue: number }[]> {
    const result = await sql<{ key: string; open: number; overdue: number }>`
      select ${childKey(selection.basePath)} as key, count(*)::int as open,
        count(*) filter (where coalesce(c.paused_at, now()) > c.deadline)::int as overdue
      from problem_case c where ${whereOf(selection)} group by 1 order by 1`.execute(db);
    return result.rows;
  },

  /**
   * Per county, the cases reported in the month starting at `start` (by report time) that the desk
   * accepted and did not merge (filed) and how many of all of them are closed; cases placed only at
   * prefecture level have no county and are left out.
   */
  async monthlyCountyCounts(db: Kysely<Database>, start: string) {
    const result = await sql<{ county: string; filed: number; closed: number }>`
      select split_part(c.region_path, '/', 3) as county,
        count(*) filter (where c.accepted_at is not null and c.merged_into_id is null)::int as filed,
        count(*) filter (where c.status = 'closed')::int as closed
      from problem_case c
      where c.reported_at >= ${start}::timestamptz
        and c.reported_at < (${start}::timestamptz + interval '1 month')
        and split_part(c.region_path, '/', 3) <> ''
      group by 1
      order by 1`.execute(db);
    return result.rows;
  },
};
