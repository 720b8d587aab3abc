import { sql, type Kysely } from 'kysely';
import { sourceKindPrecedence } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** One reporting unit's place in the roll-up: its group (lowest wanted region above it), scope and weight. */
export type RollupUnit = { code: string; group: string; scope: number; weight: number | null };

/** Sums of one element's counted figures over the units of one group, scope and period. */
export type RollupCell = {
  scope: number;
  element: string;
  group: string;
  period: string;
  total: number;
  reported: number;
  unapproved: number;
  timely: number;
  /** The same over the units with a weight (population) above 0, for a population-weighted mean. */
  weightedTotal: number;
  weightSum: number;
  weightedReported: number;
  weightedUnapproved: number;
  weightedTimely: number;
  /** The latest data stamp of the figures (ISO, to the millisecond). */
  stamp: string;
};

const COUNTED_ENTRY = ['submitted', 'approved_city', 'approved_province'];

/** What the roll-up reads: a data set's elements reported by units, with the data set's timely days. */
export type RollupInput = {
  dataSetCode: string;
  elements: readonly string[];
  units: readonly RollupUnit[];
  timelyDays: number;
  /** Source kinds present (`sourceKinds`); with more than one, shadowed figures are left out. */
  kinds: readonly string[];
};

/**
 * The counted figures (`t`) of the input's elements and units, joined to the units' groups (`m`),
 * with the same rules as `readFigures` reads them one by one: entries count once submitted
 * (approved when the province approved them), the first source kind present wins, a figure is
 * timely when first known within the timely days after its period's end (an entry's first
 * submission, else the observation's creation), and its stamp is its last change or its entry's
 * last event.
 */
function countedFigures(input: RollupInput) {
  const { dataSetCode, elements, units } = input;
  const present = sourceKindPrecedence.filter((k) => input.kinds.includes(k));
  const rank = sql`array_position(${sql.val([...sourceKindPrecedence])}::text[], o.source_kind)`;
  const rank2 = sql`array_position(${sql.val([...sourceKindPrecedence])}::text[], o2.source_kind)`;
  // A figure of a lower kind is shadowed by a counted figure of a higher kind for the same key.
  const shadowed =
    present.length <= 1
      ? sql`false`
      : sql`exists (
          select 1 from observation o2
          left join data_entry e2
            on e2.data_set_code = o2.data_set_code and e2.region_code = o2.region_code and e2.period = o2.period
          where o2.data_set_code = o.data_set_code
            and o2.data_element_code = o.data_element_code
            and o2.region_code = o.region_code
            and o2.period = o.period
            and o2.source_kind in (${sql.join(present.slice(0, -1))})
            and ${rank2} < ${rank}
            and (o2.source_kind <> 'entry' or e2.status in (${sql.join(COUNTED_ENTRY)})))`;
  const codes = [...new Set(units.map((u) => u.code))];
  return sql`
      with m as (
      select * from unnest(
        ${sql.val(units.map((u) => u.code))}::text[],
        ${sql.val(units.map((u) => u.group))}::text[],
        ${sql.val(units.map((u) => u.scope))}::int[],
        ${sql.val(units.map((u) => u.weight ?? 0))}::float8[]
      ) as m(code, grp, scope, weight)
    ),
    ev as (
      select region_code, period,
             min(at) filter (where action = 'submit') as first_submit,
             max(at) as last_at
      from data_entry_event
      where data_set_code = ${dataSetCode} and region_code = any(${sql.val(codes)}::text[])
      group by region_code, period
    ),
    f as (
      select o.data_element_code as element, o.region_code, o.period, o.value,
             (o.source_kind <> 'entry' or e.status = 'approved_province') as approved,
             case when o.source_kind = 'entry' then ev.first_submit else o.created_at end as known_at,
             case when o.source_kind = 'entry' and ev.last_at > o.updated_at then ev.last_at
                  else o.updated_at end as stamp
      from observation o
      left join data_entry e
        on e.data_set_code = o.data_set_code and e.region_code = o.region_code and e.period = o.period
      left join ev on o.source_kind = 'entry' and ev.region_code = o.region_code and ev.period = o.period
      where o.data_set_code = ${dataSetCode}
        and o.data_element_code = any(${sql.val([...elements])}::text[])
        and o.region_code = any(${sql.val(codes)}::text[])
        and (o.source_kind <> 'entry' or e.status in (${sql.join(COUNTED_ENTRY)}))
        and not ${shadowed}
    ),
    t as (
      select f.*, (f.known_at at time zone 'UTC')::date as known_date from f
    )`;
}

/**
 * Whether figures known on `known_date` (null: no date) count as timely for `period`: known within
 * the timely days after the period's end. Written over a column so that it can run once per group.
 */
function timelyOn(timelyDays: number) {
  return sql`(known_date is null or known_date <= (
               case length(period)
                 when 4 then make_date(left(period, 4)::int, 12, 31)
                 when 6 then (make_date(left(period, 4)::int, right(period, 1)::int * 3, 1) + interval '1 month')::date - 1
                 else (to_date(period || '-01', 'YYYY-MM-DD') + interval '1 month')::date - 1
               end + ${timelyDays}::int))`;
}

/**
 * Memory for the national roll-up's sort and hash steps in its one transaction (PostgreSQL's 4 MB
 * default spills about 170 MB of sorted figures to disk for 3,000 counties; decision 0205).
 */
const ROLLUP_WORK_MEM = '128MB';

/** Runs `read` in a transaction whose sorts and hashes may use `ROLLUP_WORK_MEM`. */
async function withRollupMemory<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  const run = async (trx: Db) => {
    await sql`select set_config('work_mem', ${ROLLUP_WORK_MEM}, true)`.execute(trx);
    return read(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** SQL of the cockpit's roll-up: a data set's counted figures summed per group, scope, element and period. */
export const rollupRepository = {
  /**
   * The source kinds present in the observation store (a loose scan of the source-kind index):
   * with one kind, no figure can be shadowed by a kind of higher precedence.
   */
  async sourceKinds(db: Db): Promise<string[]> {
    const result = await sql<{ kind: string | null }>`
      with recursive k(kind) as (
        select min(source_kind) from observation
        union all
        select (select min(source_kind) from observation where source_kind > k.kind) from k where k.kind is not null
      )
      select kind from k where kind is not null`.execute(db);
    return result.rows.map((r) => r.kind!);
  },

  /** The counted figures (`countedFigures`) summed per (scope, element, group, period). */
  async cells(db: Db, input: RollupInput): Promise<RollupCell[]> {
    if (input.elements.length === 0 || input.units.length === 0) return [];
    const result = await withRollupMemory(db, (trx) =>
      sql<{
        scope: number;
        element: string;
        grp: string;
        period: string;
        total: number;
        reported: number;
        unapproved: number;
        timely: number;
        w_total: number | null;
        w_sum: number | null;
        w_reported: number;
        w_unapproved: number;
        w_timely: number;
        stamp: Date | string;
      }>`
      ${countedFigures(input)},
    -- Summed per known day first: timeliness is decided once per group and day, not per figure.
    g as (
      select m.scope, t.element, m.grp, t.period, t.known_date,
             sum(t.value) as total,
             count(*) as reported,
             count(*) filter (where not t.approved) as unapproved,
             sum(t.value * m.weight) filter (where m.weight > 0) as w_total,
             sum(m.weight) filter (where m.weight > 0) as w_sum,
             count(*) filter (where m.weight > 0) as w_reported,
             count(*) filter (where m.weight > 0 and not t.approved) as w_unapproved,
             max(t.stamp) as stamp
      from t join m on m.code = t.region_code
      group by m.scope, t.element, m.grp, t.period, t.known_date
    ),
    gt as (select g.*, ${timelyOn(input.timelyDays)} as timely from g)
      select scope, element, grp, period,
             sum(total) as total,
             sum(reported)::int as reported,
             sum(unapproved)::int as unapproved,
             coalesce(sum(reported) filter (where timely), 0)::int as timely,
             sum(w_total) as w_total,
             sum(w_sum) as w_sum,
             sum(w_reported)::int as w_reported,
             sum(w_unapproved)::int as w_unapproved,
             coalesce(sum(w_reported) filter (where timely), 0)::int as w_timely,
             max(stamp) as stamp
      from gt
      group by scope, element, grp, period`.execute(trx),
    );
    return result.rows.map((r) => ({
      scope: r.scope,
      element: r.element,
      group: r.grp,
      period: r.period,
      total: Number(r.total),
      reported: r.reported,
      unapproved: r.unapproved,
      timely: r.timely,
      weightedTotal: Number(r.w_total ?? 0),
      weightSum: Number(r.w_sum ?? 0),
      weightedReported: r.w_reported,
      weightedUnapproved: r.w_unapproved,
      weightedTimely: r.w_timely,
      stamp: new Date(r.stamp).toISOString(),
    }));
  },

  /**
   * Per (scope, group, period): how many units have any unapproved figure, and any figure known
   * late, among the input's elements (what pairs a numerator's approval and timeliness with its
   * denominator's when the sums alone cannot).
   */
  async mixedUnits(
    db: Db,
    input: RollupInput,
  ): Promise<{ scope: number; group: string; period: string; unapproved: number; late: number }[]> {
    if (input.elements.length === 0 || input.units.length === 0) return [];
    const result = await withRollupMemory(db, (trx) =>
      sql<{ scope: number; grp: string; period: string; unapproved: number; late: number }>`
      ${countedFigures(input)},
    tt as (select t.*, ${timelyOn(input.timelyDays)} as timely from t)
      select m.scope, m.grp, tt.period,
             (count(distinct tt.region_code) filter (where not tt.approved))::int as unapproved,
             (count(distinct tt.region_code) filter (where not tt.timely))::int as late
      from tt join m on m.code = tt.region_code
      where not tt.approved or not tt.timely
      group by m.scope, m.grp, tt.period`.execute(trx),
    );
    return result.rows.map((r) => ({
      scope: r.scope,
      group: r.grp,
      period: r.period,
      unapproved: r.unapproved,
      late: r.late,
    }));
  },
};
