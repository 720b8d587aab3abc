import { sql, type Kysely } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.ts';
import { openDatabase } from '../../packages/server/src/db/connection.ts';
import { hashPassword } from '../../packages/server/src/modules/auth/password.ts';
import { rebuildCaseStatistics } from '../../packages/server/src/modules/cases/index.ts';
import type { DatabaseTarget } from './server.ts';

export type GeneratedCases = {
  cases: number;
  units: number;
  ratings: number;
  generateMs: number;
  /** The statistics roll-up's rebuild after the bulk load (`cases rebuild-stats`), within generateMs. */
  rollupMs: number;
  reused: boolean;
};

/** The busiest district's unit, whose queue the benchmark reads. */
const QUEUE_DISTRICT = '230102';
export const QUEUE_OFFICER = 'bench-daoli-officer';

/**
 * Three years of problem cases for the province, written straight into the database with
 * generate_series while no server runs:
 * - one 城市管理局 per county-level region (the default unit of most categories);
 * - `count` cases from 2023-12-01 to 2026-11-27 in the order they were reported (as a real table
 *   fills), spread over every street (level 4) with more in the cities' central districts, over
 *   every category, at points near their prefecture's centre;
 * - states: 85 % closed (one in ten after a failed verification), 3 % rejected, 2 % merged, the
 *   rest open (accepted, dispatched, handling, handled), older ones closed first;
 * - deadlines of one to five days (calendar days here: the generator does not run the working-time
 *   calendar), closed within the deadline four times in five;
 * - a reporter for every case and a rating for one closed case in five.
 */
export async function generateCases(
  target: DatabaseTarget,
  count: number,
  officerPassword: string,
  reuse: { adminPassword: string } | null = null,
): Promise<GeneratedCases> {
  const started = performance.now();
  const handle =
    target.kind === 'pglite'
      ? await openDatabase({ kind: 'pglite', dataDir: target.dataDir })
      : await openDatabase({ kind: 'postgres', url: target.url });
  const db = handle.db;
  try {
    // A reused database that already holds the cases keeps them; only this run's passwords change.
    const held = reuse
      ? (await sql<{ n: number }>`select count(*)::int as n from problem_case`.execute(db)).rows[0]!.n
      : 0;
    if (reuse && held >= count) {
      await sql`update app_user set password_hash = ${await hashPassword(reuse.adminPassword)} where username = 'admin'`.execute(
        db,
      );
      await sql`update app_user set password_hash = ${await hashPassword(officerPassword)} where username = ${QUEUE_OFFICER}`.execute(
        db,
      );
      const rollupStarted = performance.now();
      await rebuildCaseStatistics(db);
      const rollupMs = performance.now() - rollupStarted;
      await sql`vacuum analyze`.execute(db);
      return { ...(await countsOf(db)), generateMs: performance.now() - started, rollupMs, reused: true };
    }
    await sql`
      insert into org_unit (id, code, name, kind, region_code, parent_id)
      select gen_random_uuid(), 'bench-cgj-' || r.code, r.name || '城市管理局', 'department', r.code, null
      from region r where r.level = 3
      on conflict do nothing`.execute(db);
    await sql`
      create temporary table bench_street as
      select row_number() over (order by r.code) - 1 as i, r.code, r.path, r.prefecture_code, u.id as unit_id,
        -- the prefecture's rough centre: a point inside it, jittered per case below
        45.0 + (substr(r.code, 3, 2)::int % 13) * 0.35 as lat0, 125.5 + (substr(r.code, 3, 2)::int % 13) * 0.6 as lng0
      from region r
      join org_unit u on u.code = 'bench-cgj-' || substr(r.code, 1, 6)
      where r.level = 4`.execute(db);
    await sql`
      create temporary table bench_category as
      select row_number() over (order by code) - 1 as i, code, limit_amount, limit_unit
      from case_category where parent_code is not null and active`.execute(db);
    const sizes = await sql<{ streets: number; categories: number }>`
      select (select count(*) from bench_street)::int as streets, (select count(*) from bench_category)::int as categories`.execute(
      db,
    );
    const { streets, categories } = sizes.rows[0]!;
    const span = sql.lit(Date.parse('2026-11-27T00:00:00Z') / 1000 - Date.parse('2023-12-01T00:00:00Z') / 1000);
    // In batches of 100,000 so that PGlite's memory stays flat.
    for (let from = 1; from <= count; from += 100_000) {
      const to = Math.min(count, from + 100_000 - 1);
      await sql`
        insert into problem_case (id, number, category_code, region_code, region_path, prefecture_code, description,
          lat, lng, address, channel, status, org_unit_id, suggested_unit_id, created_by, reported_at, created_at,
          updated_at, accepted_at, dispatched_at, started_at, handled_at, handled_by, closed_at, deadline, paused_at,
          rework_count, verified_count, reject_reason, merged_into_id, pending_extension, escalation_level)
        select gen_random_uuid(),
          to_char(t, 'YYYYMMDD') || lpad(g::text, 8, '0'),
          c.code, s.code, s.path, s.prefecture_code,
          '生成的案件描述：' || c.code || ' 第 ' || g || ' 号',
          s.lat0 + ((g * 7919) % 1000) / 4000.0, s.lng0 + ((g * 104729) % 1000) / 4000.0,
          '某街道某路 ' || (g % 300) || ' 号',
          (array['resident_web', 'resident_web', 'resident_web', 'inspector', 'hotline', 'open311'])[(1 + g % 6)::int],
          st.status,
          case when st.status in ('dispatched', 'handling', 'handled', 'closed') then s.unit_id end,
          s.unit_id, null, t, t, t + interval '1 hour',
          case when st.status not in ('submitted', 'rejected', 'duplicate') then t + interval '30 minutes' end,
          case when st.status in ('dispatched', 'handling', 'handled', 'closed') then t + interval '1 hour' end,
          case when st.status in ('handling', 'handled', 'closed') then t + interval '2 hours' end,
          case when st.status in ('handled', 'closed') then t + interval '20 hours' end,
          null,
          case when st.status = 'closed' then t + (case when g % 5 = 0 then interval '6 days' else interval '22 hours' end) end,
          t + (1 + g % 5)::int * interval '1 day', null,
          case when st.status = 'closed' and g % 10 = 0 then 1 else 0 end,
          case when st.status = 'closed' then 1 + (case when g % 10 = 0 then 1 else 0 end) else 0 end,
          case when st.status = 'rejected' then '不属于受理范围' end, null, null, 0
        from generate_series(${from}::bigint, ${to}::bigint) g
        cross join lateral (select to_timestamp(${sql.lit(Date.parse('2023-12-01T00:00:00Z') / 1000)} + (g * ${span}) / ${sql.lit(count)}) as t) tt
        -- streets: every third case in a central district's first streets (the busy ones), the rest anywhere
        join bench_street s on s.i = (case when g % 3 = 0 then (g / 3) % 40 else (g * 31) % ${streets} end)
        join bench_category c on c.i = (g * 13) % ${categories}
        cross join lateral (
          select case
            when g % 100 < 3 then 'rejected'
            when g % 100 < 5 then 'duplicate'
            when t > now() - interval '20 days' and g % 100 < 60 then
              (array['submitted', 'accepted', 'dispatched', 'handling', 'handled'])[(1 + g % 5)::int]
            else 'closed' end as status
        ) st`.execute(db);
    }
    await sql`
      insert into case_reporter (id, case_id, prefecture_code, origin_case_id, token_hash, contact, user_id)
      select gen_random_uuid(), id, prefecture_code, id, md5(id::text), null, null from problem_case`.execute(db);
    await sql`
      insert into case_rating (id, case_id, prefecture_code, reporter_id, satisfaction, fixed, comment, at)
      select gen_random_uuid(), c.id, c.prefecture_code, r.id, 3 + (hashtext(c.id::text) & 3) % 3, true, null, c.closed_at + interval '1 day'
      from problem_case c join case_reporter r on r.prefecture_code = c.prefecture_code and r.case_id = c.id
      where c.status = 'closed' and hashtext(c.id::text) % 5 = 0`.execute(db);
    // The district officer whose queue is measured.
    const unit = await sql<{
      id: string;
    }>`select id from org_unit where code = ${'bench-cgj-' + QUEUE_DISTRICT}`.execute(db);
    await sql`
      insert into app_user (id, username, display_name, password_hash, role, region_code, org_unit_id)
      values (gen_random_uuid(), ${QUEUE_OFFICER}, ${QUEUE_OFFICER}, ${await hashPassword(officerPassword)}, 'unit_officer',
        ${QUEUE_DISTRICT}, ${unit.rows[0]!.id})
      on conflict (username) do nothing`.execute(db);
    // The statistics roll-up, filled as the product does after a bulk load (`cases rebuild-stats`).
    const rollupStarted = performance.now();
    await rebuildCaseStatistics(db);
    const rollupMs = performance.now() - rollupStarted;
    // VACUUM as autovacuum would after a bulk load: the visibility map lets the statistics read their
    // covering index without visiting the table (this server runs with autovacuum off).
    await sql`vacuum analyze`.execute(db);
    return { ...(await countsOf(db)), generateMs: performance.now() - started, rollupMs, reused: false };
  } finally {
    await handle.close();
  }
}

async function countsOf(db: Kysely<Database>) {
  const counts = await sql<{ cases: number; units: number; ratings: number }>`
    select (select count(*) from problem_case)::int as cases,
      (select count(*) from org_unit where code like 'bench-cgj-%')::int as units,
      (select count(*) from case_rating)::int as ratings`.execute(db);
  return counts.rows[0]!;
}
