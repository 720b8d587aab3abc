import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { groupKey, OPEN, scopeOf, type CaseCounts, type CaseGrouping, type CaseSelection } from './stats-repository.ts';

/** The depth of a county's region path (province/prefecture/county): the roll-up's finest region. */
export const COUNTY_DEPTH = 3;

/** A region path cut to its first three parts (province/prefecture/county), as the roll-up keys it. */
const countyPath = (path: string) => path.split('/').slice(0, COUNTY_DEPTH).join('/');

/** The first day of the month of `at` in China time, as a date. */
const monthOf = (at: RawBuilder<unknown>) => sql`date_trunc('month', ${at} at time zone 'Asia/Shanghai')::date`;

/**
 * China midnight at the start of the month `month` ('YYYY-MM'), and of the month after it: months
 * are added in China time (a timestamptz plus a month would count in the session's time zone).
 */
const monthStart = (month: string) => sql`(${`${month}-01`}::timestamp at time zone 'Asia/Shanghai')`;
const monthEnd = (month: string) =>
  sql`((${`${month}-01`}::timestamp + interval '1 month') at time zone 'Asia/Shanghai')`;

/** The sums every roll-up row holds, over the cases `c` (and their latest ratings `r`) of a group. */
const SUMS = sql`
      count(*)::int,
      count(*) filter (where c.accepted_at is not null and c.merged_into_id is null)::int,
      count(*) filter (where c.status = 'closed')::int,
      count(*) filter (where c.status = 'closed' and c.handled_at <= c.deadline)::int,
      count(*) filter (where c.verified_count > 0)::int,
      count(*) filter (where c.rework_count > 0 or c.reopen_count > 0)::int,
      coalesce(sum(extract(epoch from c.closed_at - c.reported_at) / 3600.0) filter (where c.status = 'closed'), 0)::float8,
      coalesce(sum(c.handling_minutes) filter (where c.status = 'closed'), 0)::bigint,
      count(c.handling_minutes) filter (where c.status = 'closed')::int,
      coalesce(sum(r.satisfaction), 0)::bigint,
      count(r.satisfaction)::int`;

const SUMMED = sql`cases, accepted, closed, closed_on_time, verified, reworked, hours_sum, working_minutes_sum,
      closed_timed, rating_sum, ratings`;

/** The cases `where` selects, each with its latest rating. */
const ratedCases = (where: RawBuilder<boolean>) => sql`
    from problem_case c
    left join lateral (
      select satisfaction from case_rating where case_id = c.id order by at desc, id desc limit 1
    ) r on true
    where ${where}`;

/**
 * The roll-up's rows for the cases `where` selects: one per (prefecture, month of report, county
 * path, category, unit), with the sums the statistics add (the same definitions as
 * caseStatsRepository.counts, less the clock-dependent open and overdue counts) and each case's
 * latest rating.
 */
function rollupRows(where: RawBuilder<boolean>, prefecture: RawBuilder<unknown> = sql`c.prefecture_code`) {
  return sql`
    insert into case_stats_month (prefecture_code, month, region_path, category_code, org_unit_id, ${SUMMED})
    select ${prefecture}, ${monthOf(sql`c.reported_at`)},
      array_to_string((string_to_array(c.region_path, '/'))[1:3], '/'),
      c.category_code, c.org_unit_id, ${SUMS}
    ${ratedCases(where)}
    group by 1, 2, 3, 4, 5`;
}

/**
 * The wide roll-up's day rows (decision 0195) for the cases `where` selects: one per (prefecture,
 * day of report in China time, region path cut to province/prefecture, category), the same sums.
 */
function dayRows(where: RawBuilder<boolean>, prefecture: RawBuilder<unknown> = sql`c.prefecture_code`) {
  return sql`
    insert into case_stats_prefecture_day (prefecture_code, day, region_path, category_code, ${SUMMED})
    select ${prefecture}, (c.reported_at at time zone 'Asia/Shanghai')::date,
      array_to_string((string_to_array(c.region_path, '/'))[1:2], '/'),
      c.category_code, ${SUMS}
    ${ratedCases(where)}
    group by 1, 2, 3, 4`;
}

/** The wide roll-up's month rows: the sums of the day rows `where` selects (columns named as the day table's). */
function monthRowsFromDays(where: RawBuilder<boolean>) {
  return sql`
    insert into case_stats_prefecture_month (prefecture_code, month, region_path, category_code, ${SUMMED})
    select prefecture_code, date_trunc('month', day)::date, region_path, category_code,
      sum(cases)::int, sum(accepted)::int, sum(closed)::int, sum(closed_on_time)::int, sum(verified)::int,
      sum(reworked)::int, sum(hours_sum)::float8, sum(working_minutes_sum)::bigint, sum(closed_timed)::int,
      sum(rating_sum)::bigint, sum(ratings)::int
    from case_stats_prefecture_day
    where ${where}
    group by 1, 2, 3, 4`;
}

/** The summed columns of roll-up rows `c`, as the statistics name them. */
const SUMMED_OUT = sql`
        sum(c.cases)::int as cases, sum(c.accepted)::int as accepted, sum(c.closed)::int as closed,
        sum(c.closed_on_time)::int as closed_on_time, sum(c.verified)::int as verified,
        sum(c.reworked)::int as reworked, sum(c.hours_sum)::float8 as hours_sum,
        sum(c.working_minutes_sum)::float8 as working_minutes_sum, sum(c.closed_timed)::int as closed_timed,
        sum(c.rating_sum)::float8 as rating_sum, sum(c.ratings)::int as ratings`;

type RollupCounts = Omit<CaseCounts, 'due' | 'open' | 'overdue_open'> & { rating_sum: number; ratings: number };

/** SQL of the case statistics roll-up (`case_stats_month`, decision 0189). */
export const caseStatsRollupRepository = {
  /**
   * Recomputes one slice of the roll-up from problem_case: the cases of the prefecture reported in
   * the month `reportedAt` falls in (China time), in the county of `regionPath` (the region itself
   * when it is a county or above) and of the category; then the wide roll-up's row of that day
   * (the prefecture's cases of the category reported that China day, decision 0195) and its month
   * from its days. Idempotent, whatever the tables held before; the prefecture's month of the
   * category is locked for the transaction (one lock, so that two slices of one wide row are
   * recomputed one after the other and the second reads the first's days).
   */
  async recomputeSlice(
    trx: Kysely<Database>,
    slice: { prefectureCode: string; reportedAt: Date; regionPath: string; categoryCode: string },
    /** False when this transaction has already recomputed the wide rows of the slice's day since its cases committed. */
    wide = true,
  ): Promise<void> {
    const county = countyPath(slice.regionPath);
    const { rows } = await sql<{ month: string; day: string }>`
      select to_char(${monthOf(sql`${slice.reportedAt}::timestamptz`)}, 'YYYY-MM') as month,
        to_char(${slice.reportedAt}::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day`.execute(trx);
    const { month, day } = rows[0]!;
    const key = `case_stats:${slice.prefectureCode}:${month}:${slice.categoryCode}`;
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    await sql`
      delete from case_stats_month
      where prefecture_code = ${slice.prefectureCode} and month = ${`${month}-01`}::date
        and region_path = ${county} and category_code = ${slice.categoryCode}`.execute(trx);
    // The slice's cases through the slice index (prefecture, category, report time: a few hundred
    // rows, not the province's month). A case placed above county level has its own region as its
    // slice's path, without the counties below it.
    const inCounty =
      county.split('/').length === COUNTY_DEPTH
        ? sql`(c.region_path = ${county} or c.region_path like ${`${county}/%`})`
        : sql`c.region_path = ${county}`;
    const prefecture = sql`${slice.prefectureCode}::varchar`;
    const inPrefectureCategory = sql`c.prefecture_code = ${slice.prefectureCode} and c.category_code = ${slice.categoryCode}`;
    await rollupRows(
      sql<boolean>`${inPrefectureCategory}
        and c.reported_at >= ${monthStart(month)} and c.reported_at < ${monthEnd(month)} and ${inCounty}`,
      prefecture,
    ).execute(trx);
    if (!wide) return;
    // The wide roll-up: the day from its cases (the same index, a day's few cases), the month from its days.
    await sql`
      delete from case_stats_prefecture_day
      where prefecture_code = ${slice.prefectureCode} and category_code = ${slice.categoryCode}
        and day = ${day}::date`.execute(trx);
    await dayRows(
      sql<boolean>`${inPrefectureCategory}
        and c.reported_at >= (${day}::timestamp at time zone 'Asia/Shanghai')
        and c.reported_at < ((${day}::timestamp + interval '1 day') at time zone 'Asia/Shanghai')`,
      prefecture,
    ).execute(trx);
    await sql`
      delete from case_stats_prefecture_month
      where prefecture_code = ${slice.prefectureCode} and category_code = ${slice.categoryCode}
        and month = ${`${month}-01`}::date`.execute(trx);
    await monthRowsFromDays(
      sql<boolean>`prefecture_code = ${slice.prefectureCode} and category_code = ${slice.categoryCode}
        and day >= ${`${month}-01`}::date and day < (${`${month}-01`}::date + interval '1 month')`,
    ).execute(trx);
  },

  /** Refills the whole roll-up, both levels, from problem_case (an existing database, or after a bulk load). */
  async rebuild(db: Kysely<Database>): Promise<number> {
    return db.transaction().execute(async (trx) => {
      await sql`lock table case_stats_month, case_stats_prefecture_day, case_stats_prefecture_month in exclusive mode`.execute(
        trx,
      );
      await sql`delete from case_stats_month`.execute(trx);
      await sql`delete from case_stats_prefecture_day`.execute(trx);
      await sql`delete from case_stats_prefecture_month`.execute(trx);
      const result = await rollupRows(sql<boolean>`true`).execute(trx);
      await dayRows(sql<boolean>`true`).execute(trx);
      await monthRowsFromDays(sql<boolean>`true`).execute(trx);
      return Number(result.numAffectedRows ?? 0);
    });
  },

  /**
   * The wide roll-up's sums (decision 0195) for a selection it answers (base at prefecture level or
   * above, no unit; grouped by category, month, or for a province base by prefecture), in one
   * statement: each part is a range of months (`first` to `last`, 'YYYY-MM') of its month rows or of
   * days ('YYYY-MM-DD') of its day rows, added or (sign -1) subtracted; with the open cases of the
   * selection reported from `openFrom` to `openTo` (China dates) and the overdue among them, live.
   */
  async wideCounts(
    db: Kysely<Database>,
    selection: CaseSelection,
    grouping: CaseGrouping,
    parts: { level: 'month' | 'day'; first: string; last: string; sign: 1 | -1 }[],
    openFrom: string,
    openTo: string,
  ): Promise<(RollupCounts & { open: number; overdue_open: number })[]> {
    const scope = scopeOf(selection);
    const rolled = parts.map(({ level, first, last, sign }) => {
      const table = level === 'month' ? sql`case_stats_prefecture_month` : sql`case_stats_prefecture_day`;
      const column = level === 'month' ? sql`c.month` : sql`c.day`;
      const [from, to] = level === 'month' ? [`${first}-01`, `${last}-01`] : [first, last];
      const key =
        grouping === 'month' ? sql<string>`to_char(${column}, 'YYYY-MM')` : groupKey(grouping, selection.basePath);
      return sql`
        select ${key} as key, ${sign}::int as sign, c.cases, c.accepted, c.closed, c.closed_on_time, c.verified,
          c.reworked, c.hours_sum, c.working_minutes_sum, c.closed_timed, c.rating_sum, c.ratings,
          0 as open, 0 as overdue_open
        from ${table} c
        where ${scope} and ${column} >= ${from}::date and ${column} <= ${to}::date`;
    });
    const open = sql`
        select ${groupKey(grouping, selection.basePath)} as key, 1 as sign, 0, 0, 0, 0, 0, 0, 0::float8, 0::bigint, 0, 0::bigint, 0,
          1 as open, (coalesce(c.paused_at, now()) > c.deadline)::int as overdue_open
        from problem_case c
        where ${scope} and c.status in (${OPEN})
          and c.reported_at >= (${openFrom}::timestamp at time zone 'Asia/Shanghai')
          and c.reported_at < ((${openTo}::timestamp + interval '1 day') at time zone 'Asia/Shanghai')`;
    const result = await sql<RollupCounts & { open: number; overdue_open: number }>`
      select p.key,
        sum(p.sign * p.cases)::int as cases, sum(p.sign * p.accepted)::int as accepted,
        sum(p.sign * p.closed)::int as closed, sum(p.sign * p.closed_on_time)::int as closed_on_time,
        sum(p.sign * p.verified)::int as verified, sum(p.sign * p.reworked)::int as reworked,
        sum(p.sign * p.hours_sum)::float8 as hours_sum, sum(p.sign * p.working_minutes_sum)::float8 as working_minutes_sum,
        sum(p.sign * p.closed_timed)::int as closed_timed, sum(p.sign * p.rating_sum)::float8 as rating_sum,
        sum(p.sign * p.ratings)::int as ratings, sum(p.open)::int as open, sum(p.overdue_open)::int as overdue_open
      from (${sql.join([...rolled, open], sql` union all `)}) p
      group by 1`.execute(db);
    return result.rows;
  },

  /**
   * The roll-up's sums for the selection's scope (base at county level or above; category; unit)
   * over the whole months `first` to `last` ('YYYY-MM'), grouped (a region grouping down to county).
   */
  async counts(
    db: Kysely<Database>,
    selection: CaseSelection,
    grouping: CaseGrouping,
    first: string,
    last: string,
  ): Promise<RollupCounts[]> {
    const key =
      grouping === 'month' ? sql<string>`to_char(c.month, 'YYYY-MM')` : groupKey(grouping, selection.basePath);
    const result = await sql<RollupCounts>`
      select ${key} as key, ${SUMMED_OUT}
      from case_stats_month c
      where ${scopeOf(selection)} and c.month >= ${`${first}-01`}::date and c.month <= ${`${last}-01`}::date
      group by 1`.execute(db);
    return result.rows;
  },

  /**
   * The clock-dependent part, live: open cases of the selection reported from `from` to `to` (China
   * dates, inclusive), and how many of them are overdue now (a partial index holds open cases only).
   */
  async openCounts(
    db: Kysely<Database>,
    selection: CaseSelection,
    grouping: CaseGrouping,
    from: string,
    to: string,
  ): Promise<{ key: string | null; open: number; overdue_open: number }[]> {
    const result = await sql<{ key: string | null; open: number; overdue_open: number }>`
      select ${groupKey(grouping, selection.basePath)} as key, count(*)::int as open,
        count(*) filter (where coalesce(c.paused_at, now()) > c.deadline)::int as overdue_open
      from problem_case c
      where ${scopeOf(selection)} and c.status in (${OPEN})
        and c.reported_at >= (${from}::timestamp at time zone 'Asia/Shanghai')
        and c.reported_at < ((${to}::timestamp + interval '1 day') at time zone 'Asia/Shanghai')
      group by 1`.execute(db);
    return result.rows;
  },
};
