import { sql, type Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.ts';
import type { DatabaseHandle } from '../../packages/server/src/db/connection.ts';

/** The bench catalogue: one monthly county-level data set, 6 numerators × 10 denominators = 60 indicators. */
const BENCH_SET = 'bench-monthly';
export const BENCH_PLAN = 'bench-national';
const NUMERATORS = 6;
const DENOMINATORS = 10;
const BENCH_INDICATORS = NUMERATORS * DENOMINATORS;
const BENCH_MONTHS = 60;
/** Every month of 2016-2020 has ended; the targets are due at the end of 2021. */
export const BENCH_AS_OF = '2021-01-15';

export type GeneratedIndicators = {
  provinces: number;
  prefectures: number;
  counties: number;
  indicators: number;
  months: number;
  observations: number;
  generateMs: number;
};

/**
 * A national-sized hierarchy and five years of monthly figures, written straight into the database
 * with generate_series while no server runs:
 * - 30 synthetic provinces (codes 41-70) of 11 prefectures with 9 county-level units each, beside
 *   Heilongjiang's real 13 prefectures and 126 county-level units: about 3,100 counties;
 * - a data set of 16 elements (6 numerators, 10 denominators) and 60 ratio indicators (each
 *   numerator over each denominator), linked to 60 targets of a bench plan (at least 40-85 %, due at
 *   the end of 2021);
 * - a figure for every element, county and month of 2016-2020, numerators rising by a
 *   county-specific trend so that statuses differ (source `demo`: no approval needed).
 */
export async function generateIndicatorData(handle: DatabaseHandle): Promise<GeneratedIndicators> {
  const started = performance.now();
  const db: Kysely<Database> = handle.db;
  await sql`
    insert into region (code, name, level, parent_code, path, prefecture_code, source)
    select p::text, '省' || p, 1, null, p::text, null, 'bench'
    from generate_series(41, 70) p
    on conflict do nothing`.execute(db);
  await sql`
    insert into region (code, name, level, parent_code, path, prefecture_code, source)
    select p || lpad(c::text, 2, '0'), '市' || p || lpad(c::text, 2, '0'), 2, p::text,
           p || '/' || p || lpad(c::text, 2, '0'), p || lpad(c::text, 2, '0'), 'bench'
    from generate_series(41, 70) p, generate_series(1, 11) c
    on conflict do nothing`.execute(db);
  await sql`
    insert into region (code, name, level, parent_code, path, prefecture_code, source)
    select r.code || lpad(k::text, 2, '0'), '县' || r.code || lpad(k::text, 2, '0'), 3, r.code,
           r.path || '/' || r.code || lpad(k::text, 2, '0'), r.code, 'bench'
    from region r, generate_series(1, 9) k
    where r.level = 2 and r.source = 'bench'
    on conflict do nothing`.execute(db);

  await sql`
    insert into indicator_data_set (code, name, period_type, region_level, source, position)
    values (${BENCH_SET}, '基准测试月报', 'month', 3, 'entry', 100)
    on conflict do nothing`.execute(db);
  await sql`
    insert into indicator_data_element (code, data_set_code, name, unit, aggregation, is_integer, min_value, required, position)
    select 'bench-n' || i, ${BENCH_SET}, '分子' || i, '个', 'sum', false, 0, true, i from generate_series(1, ${NUMERATORS}) i
    union all
    select 'bench-d' || i, ${BENCH_SET}, '分母' || i, '个', 'sum', false, 0, true, 100 + i from generate_series(1, ${DENOMINATORS}) i
    on conflict do nothing`.execute(db);
  await sql`
    insert into indicator (code, name, unit, direction, aggregation, numerator_code, denominator_code, factor, position)
    select 'bench-i' || lpad((d * ${NUMERATORS} + n)::text, 2, '0'), '基准指标' || (d * ${NUMERATORS} + n), '%',
           'higher_is_better', 'ratio', 'bench-n' || n, 'bench-d' || (d + 1), 100, 100 + d * ${NUMERATORS} + n
    from generate_series(1, ${NUMERATORS}) n, generate_series(0, ${DENOMINATORS - 1}) d
    on conflict do nothing`.execute(db);
  await sql`
    insert into plan (id, code, name, issuing_region_code, period_start, period_end, reporting_cadence, current_version)
    values (gen_random_uuid(), ${BENCH_PLAN}, '基准测试计划', '23', '2016-01-01', '2021-12-31', 'monthly', 1)
    on conflict do nothing`.execute(db);
  await sql`
    insert into plan_target (id, plan_id, code, title, comparator, value, unit, deadline, direction, scope, source_text, position)
    select gen_random_uuid(), p.id, 'bench-t' || lpad(i::text, 2, '0'), '基准目标' || i, 'at_least', 40 + (i * 7) % 46, '%',
           '2021-12-31', 'higher_is_better', '{"kind":"province"}'::jsonb, 'bench', i
    from plan p, generate_series(1, ${BENCH_INDICATORS}) i
    where p.code = ${BENCH_PLAN}
    on conflict do nothing`.execute(db);
  await sql`
    insert into indicator_target_link (target_id, indicator_code, baseline_period)
    select t.id, 'bench-i' || substr(t.code, 8), '2016-12'
    from plan_target t join plan p on p.id = t.plan_id
    where p.code = ${BENCH_PLAN}
    on conflict do nothing`.execute(db);

  // Numerators from 20-60 % of the denominators' scale rising by up to 60 % over the five years.
  await sql`
    insert into observation (data_set_code, data_element_code, region_code, prefecture_code, period, value, source)
    select ${BENCH_SET}, e.code, r.code, r.prefecture_code,
           to_char(date '2016-01-01' + make_interval(months => m), 'YYYY-MM'),
           case when e.code like 'bench-d%'
             then 1000 + abs(hashtext(r.code || e.code)) % 1000 + m
             else (200 + abs(hashtext(r.code || e.code)) % 400)
                  * (1 + (abs(hashtext(r.code)) % 60) / 100.0 * m / ${BENCH_MONTHS - 1}::float)
           end,
           'demo'
    from region r
    cross join indicator_data_element e
    cross join generate_series(0, ${BENCH_MONTHS - 1}) m
    where r.level = 3 and e.data_set_code = ${BENCH_SET}`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ provinces: number; prefectures: number; counties: number; observations: number }>`
    select (select count(*) from region where level = 1)::int as provinces,
           (select count(*) from region where level = 2)::int as prefectures,
           (select count(*) from region where level = 3)::int as counties,
           (select count(*) from observation where data_set_code = ${BENCH_SET})::int as observations`.execute(db);
  return {
    ...counts.rows[0]!,
    indicators: BENCH_INDICATORS,
    months: BENCH_MONTHS,
    generateMs: performance.now() - started,
  };
}

/**
 * The counts of a database that already holds the generated data (a run reusing it), or null.
 * Generating takes minutes (141-375 s on a quiet machine); `BENCH_INDICATORS_REUSE_URL` reuses one.
 */
export async function existingIndicatorData(handle: DatabaseHandle): Promise<GeneratedIndicators | null> {
  const db: Kysely<Database> = handle.db;
  const counts = await sql<{ provinces: number; prefectures: number; counties: number; observations: number }>`
    select (select count(*) from region where level = 1)::int as provinces,
           (select count(*) from region where level = 2)::int as prefectures,
           (select count(*) from region where level = 3)::int as counties,
           (select count(*) from observation where data_set_code = ${BENCH_SET})::int as observations`.execute(db);
  const row = counts.rows[0]!;
  if (row.observations === 0) return null;
  return { ...row, indicators: BENCH_INDICATORS, months: BENCH_MONTHS, generateMs: 0 };
}

/** Sets the administrator's password of a reused database to this run's. */
export async function setAdminPassword(handle: DatabaseHandle, passwordHash: string): Promise<void> {
  await sql`update app_user set password_hash = ${passwordHash} where username = 'admin'`.execute(handle.db);
}

/** The floor: one SQL aggregate of every element per month over the same observations. */
export async function sqlFloor(db: Kysely<Database>, rootPath: string | null): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from (
      select o.data_element_code, o.period, sum(o.value) as total, count(*) as reported
      from observation o join region r on r.code = o.region_code
      where o.data_set_code = ${BENCH_SET}
        and (${rootPath}::text is null or r.path like ${`${rootPath ?? ''}/%`})
      group by o.data_element_code, o.period
    ) x`.execute(db);
  return result.rows[0]!.n;
}
