import type { Kysely } from 'kysely';
import type { DomainEvent } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { caseStatsRollupRepository, COUNTY_DEPTH } from './stats-rollup-repository.ts';
import {
  caseStatsRepository,
  type CaseCounts,
  type CaseGrouping,
  type CaseRatings,
  type CaseSelection,
} from './stats-repository.ts';

/**
 * The event every write that changes what the statistics count emits with its change; the roll-up's
 * subscriber recomputes the case's slice (prefecture, month, county, category) on it.
 */
export function caseChangedEvent(c: {
  id: string;
  prefecture_code: string;
  reported_at: Date;
  region_path: string;
  category_code: string;
}): DomainEvent {
  return {
    name: 'case.changed',
    payload: {
      caseId: c.id,
      prefectureCode: c.prefecture_code,
      reportedAt: c.reported_at.toISOString(),
      regionPath: c.region_path,
      categoryCode: c.category_code,
    },
  };
}

/** A group's counts with the latest ratings of its cases. */
export type RatedCounts = CaseCounts & Omit<CaseRatings, 'key'>;

const FIELDS = [
  'cases',
  'accepted',
  'due',
  'closed',
  'closed_on_time',
  'verified',
  'reworked',
  'hours_sum',
  'working_minutes_sum',
  'closed_timed',
  'open',
  'overdue_open',
  'rating_sum',
  'ratings',
] as const;

/** What the roll-up holds: every field but the clock-dependent ones. */
const ROLLED = FIELDS.filter((f) => f !== 'due' && f !== 'open' && f !== 'overdue_open');

const zero = (key: string | null): RatedCounts => ({
  key,
  ...(Object.fromEntries(FIELDS.map((f) => [f, 0])) as Omit<RatedCounts, 'key'>),
});

function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The China date before `date` ('YYYY-MM-DD'), and the one after it. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
const lastDayOf = (month: string) => dayBefore(`${monthAfter(month)}-01`);
const daysFrom = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

type Edge = { month: string; from: string; to: string };

/**
 * How a period splits: the whole months in it (read from the roll-up; null when there are none) and
 * the partial months at its edges, each within one month.
 */
export function splitPeriod(
  from: string,
  to: string,
): { whole: { first: string; last: string } | null; edges: Edge[] } {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const edges: Edge[] = [];
  let first = fromMonth;
  let last = toMonth;
  if (fromMonth === toMonth) {
    if (from === `${fromMonth}-01` && to === lastDayOf(toMonth)) return { whole: { first, last }, edges };
    return { whole: null, edges: [{ month: fromMonth, from, to }] };
  }
  if (from !== `${fromMonth}-01`) {
    edges.push({ month: fromMonth, from, to: lastDayOf(fromMonth) });
    first = monthAfter(fromMonth);
  }
  if (to !== lastDayOf(toMonth)) {
    edges.push({ month: toMonth, from: `${toMonth}-01`, to });
    last = monthBefore(toMonth);
  }
  return { whole: first <= last ? { first, last } : null, edges };
}

/**
 * The days of a partial month the statistics do not read, when they are fewer than the days they
 * read: then the month's roll-up less those days is cheaper than reading the period's days.
 */
function complementOf(edge: Edge): { from: string; to: string }[] | null {
  const monthDays = daysFrom(`${edge.month}-01`, lastDayOf(edge.month));
  const read = daysFrom(edge.from, edge.to);
  if (monthDays - read >= read) return null;
  const days: { from: string; to: string }[] = [];
  if (edge.from > `${edge.month}-01`) days.push({ from: `${edge.month}-01`, to: dayBefore(edge.from) });
  if (edge.to < lastDayOf(edge.month)) days.push({ from: dayAfter(edge.to), to: lastDayOf(edge.month) });
  return days;
}

/** Whether the roll-up can answer a selection: a bounded period, a base and grouping no finer than a county. */
function rollupAnswers(s: CaseSelection, grouping: CaseGrouping): boolean {
  const depth = s.basePath.split('/').length;
  return !!s.from && !!s.to && !s.openOnly && (grouping === 'region' ? depth < COUNTY_DEPTH : depth <= COUNTY_DEPTH);
}

/** The depth of a prefecture's region path (province/prefecture): the wide roll-up's finest region. */
const WIDE_DEPTH = 2;

/**
 * Whether the wide roll-up (per prefecture × day or month × category, decision 0195) answers a
 * selection the roll-up answers: no unit, a base at prefecture level or above, grouped by category
 * or month, or by region under a province (its children are prefectures).
 */
function wideAnswers(s: CaseSelection, grouping: CaseGrouping): boolean {
  const depth = s.basePath.split('/').length;
  if (s.unitId !== undefined || grouping === 'unit') return false;
  return grouping === 'region' ? depth < WIDE_DEPTH : depth <= WIDE_DEPTH;
}

/** The statistics' counts straight from problem_case (the reference the roll-up is tested against). */
export async function directCounts(
  db: Kysely<Database>,
  selection: CaseSelection,
  grouping: CaseGrouping,
): Promise<RatedCounts[]> {
  const [counts, ratings] = await Promise.all([
    caseStatsRepository.counts(db, selection, grouping),
    caseStatsRepository.latestRatings(db, selection, grouping),
  ]);
  const ratingOf = new Map(ratings.map((r) => [r.key, r]));
  return counts.map((c) => ({
    ...c,
    rating_sum: ratingOf.get(c.key)?.rating_sum ?? null,
    ratings: ratingOf.get(c.key)?.ratings ?? 0,
  }));
}

/** By key in byte order, undispatched (null) last. */
const byKey = (a: { key: string | null }, b: { key: string | null }) =>
  a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;

type Row = Partial<RatedCounts> & { key: string | null };

/**
 * The statistics' counts per group, added from parts. A wide selection (no unit, base at prefecture
 * level or above, grouped by category, month or a province's prefectures) reads the wide roll-up:
 * its month rows for the whole months, its day rows for the partial months at the edges. Otherwise
 * whole months come from the roll-up; a partial month
 * at an edge from problem_case, or as its month's roll-up less the days not read where those are
 * fewer; the open and overdue counts of everything the roll-up answered read live from open cases
 * ("due" there is the closed and the open past their deadline now). A selection the roll-up cannot
 * answer is read from problem_case whole. Rows are ordered by key (byte order), undispatched last.
 */
export async function selectionCounts(
  db: Kysely<Database>,
  selection: CaseSelection,
  grouping: CaseGrouping,
): Promise<RatedCounts[]> {
  if (!rollupAnswers(selection, grouping)) return directCounts(db, selection, grouping);
  const { whole, edges } = splitPeriod(selection.from!, selection.to!);
  if (wideAnswers(selection, grouping)) {
    // One statement: whole months from the wide month rows, each edge from its days' rows (or as its
    // month less the days not read, where those are fewer), the open counts of the period live.
    const parts: Parameters<typeof caseStatsRollupRepository.wideCounts>[3] = [];
    if (whole) parts.push({ level: 'month', first: whole.first, last: whole.last, sign: 1 });
    for (const edge of edges) {
      const complement = complementOf(edge);
      if (!complement) {
        parts.push({ level: 'day', first: edge.from, last: edge.to, sign: 1 });
        continue;
      }
      parts.push({ level: 'month', first: edge.month, last: edge.month, sign: 1 });
      for (const days of complement) parts.push({ level: 'day', first: days.from, last: days.to, sign: -1 });
    }
    const rows = await caseStatsRollupRepository.wideCounts(
      db,
      selection,
      grouping,
      parts,
      selection.from!,
      selection.to!,
    );
    return rows
      .map((r) => {
        const t = zero(r.key);
        for (const f of FIELDS) if (f !== 'due') (t[f] as number) = Number(r[f] ?? 0);
        t.due = t.closed + t.overdue_open;
        return t;
      })
      .filter((r) => r.cases > 0)
      .sort(byKey);
  }
  const direct: Promise<Row[]>[] = [];
  const rolled: { sign: 1 | -1; rows: Promise<Row[]> }[] = [];
  const live: Promise<Row[]>[] = [];
  const read = (from: string, to: string) => directCounts(db, { ...selection, from, to }, grouping);
  if (whole) {
    rolled.push({ sign: 1, rows: caseStatsRollupRepository.counts(db, selection, grouping, whole.first, whole.last) });
    live.push(
      caseStatsRollupRepository.openCounts(db, selection, grouping, `${whole.first}-01`, lastDayOf(whole.last)),
    );
  }
  for (const edge of edges) {
    const complement = complementOf(edge);
    if (!complement) {
      direct.push(read(edge.from, edge.to));
      continue;
    }
    rolled.push({ sign: 1, rows: caseStatsRollupRepository.counts(db, selection, grouping, edge.month, edge.month) });
    for (const days of complement) rolled.push({ sign: -1, rows: read(days.from, days.to) });
    live.push(caseStatsRollupRepository.openCounts(db, selection, grouping, edge.from, edge.to));
  }
  const total = new Map<string | null, RatedCounts>();
  const add = (r: Row, fields: readonly (typeof FIELDS)[number][], sign: number) => {
    const t = total.get(r.key) ?? zero(r.key);
    for (const f of fields) (t[f] as number) += sign * Number(r[f] ?? 0);
    total.set(r.key, t);
    return t;
  };
  // One await for every part, so that no failed query is left without a handler.
  const [directRows, rolledRows, liveRows] = await Promise.all([
    Promise.all(direct),
    Promise.all(rolled.map((p) => p.rows)),
    Promise.all(live),
  ]);
  for (const rows of directRows) for (const r of rows) add(r, FIELDS, 1);
  rolledRows.forEach((rows, i) => {
    const sign = rolled[i]!.sign;
    for (const r of rows) add(r, ROLLED, sign).due += sign * Number(r.closed ?? 0);
  });
  for (const rows of liveRows)
    for (const r of rows) add(r, ['open', 'overdue_open'], 1).due += Number(r.overdue_open ?? 0);
  return [...total.values()].filter((r) => r.cases > 0).sort(byKey);
}

/** Refills the statistics roll-up from the cases (an existing database, a bulk load); returns its rows. */
export function rebuildCaseStatistics(db: Kysely<Database>): Promise<number> {
  return caseStatsRollupRepository.rebuild(db);
}
