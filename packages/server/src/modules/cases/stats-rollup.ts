import type { Kysely } from 'kysely';
import type { DomainEvent } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { caseStatsRollupRepository } from './stats-rollup-repository.ts';
import {
  caseStatsRepository,
  type CaseCounts,
  type CaseGrouping,
  type CaseRatings,
  type CaseSelection,
} from './stats-repository.ts';

/**
 * The event every write that changes what the statistics count emits with its change; the roll-up's
 * subscriber recomputes the case's (prefecture, month) slice on it.
 */
export function caseChangedEvent(c: { id: string; prefecture_code: string; reported_at: Date }): DomainEvent {
  return {
    name: 'case.changed',
    payload: { caseId: c.id, prefectureCode: c.prefecture_code, reportedAt: c.reported_at.toISOString() },
  };
}

/** A group's counts with the latest ratings of its cases. */
export type RatedCounts = CaseCounts & Omit<CaseRatings, 'key'>;

/** The depth of a county's region path (province/prefecture/county): the roll-up's finest region. */
const COUNTY_DEPTH = 3;

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

/** The China date before `date` ('YYYY-MM-DD'). */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * How a period splits: the whole months in it (read from the roll-up) and the partial months at
 * its edges (read from problem_case); `whole` is null when the period holds no whole month.
 */
export function splitPeriod(from: string, to: string) {
  const first = from.endsWith('-01') ? from.slice(0, 7) : monthAfter(from.slice(0, 7));
  const last = dayBefore(`${monthAfter(to.slice(0, 7))}-01`) === to ? to.slice(0, 7) : monthBefore(to.slice(0, 7));
  if (first > last) return { whole: null, edges: [{ from, to }] };
  const edges: { from: string; to: string }[] = [];
  if (from < `${first}-01`) edges.push({ from, to: dayBefore(`${first}-01`) });
  const after = `${monthAfter(last)}-01`;
  if (after <= to) edges.push({ from: after, to });
  return { whole: { first, last }, edges };
}

/** Whether the roll-up can answer a selection: a bounded period, a base and grouping no finer than a county. */
function rollupAnswers(s: CaseSelection, grouping: CaseGrouping): boolean {
  const depth = s.basePath.split('/').length;
  return !!s.from && !!s.to && !s.openOnly && (grouping === 'region' ? depth < COUNTY_DEPTH : depth <= COUNTY_DEPTH);
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

/**
 * The statistics' counts per group: whole months from the roll-up (with the open and overdue
 * counts of their open cases read live), the partial months at the period's edges from
 * problem_case, added up; a selection the roll-up cannot answer is read from problem_case whole.
 * Rows are ordered by key (byte order), the cases not dispatched to a unit last.
 */
export async function selectionCounts(
  db: Kysely<Database>,
  selection: CaseSelection,
  grouping: CaseGrouping,
): Promise<RatedCounts[]> {
  if (!rollupAnswers(selection, grouping)) return directCounts(db, selection, grouping);
  const { whole, edges } = splitPeriod(selection.from!, selection.to!);
  const parts = await Promise.all([
    ...edges.map((e) => directCounts(db, { ...selection, ...e }, grouping)),
    ...(whole
      ? [
          caseStatsRollupRepository.counts(db, selection, grouping, whole.first, whole.last),
          caseStatsRollupRepository.openCounts(db, selection, grouping, whole.first, whole.last),
        ]
      : []),
  ]);
  const total = new Map<string | null, RatedCounts>();
  for (const rows of parts) {
    for (const r of rows as Partial<RatedCounts>[]) {
      const key = r.key ?? null;
      const t = total.get(key) ?? zero(key);
      for (const f of FIELDS) (t[f] as number) += Number(r[f] ?? 0);
      total.set(key, t);
    }
  }
  // In the whole months, "due" is the closed cases and the open ones past their deadline now.
  if (whole) {
    const [rolled, open] = parts.slice(edges.length) as [
      Awaited<ReturnType<typeof caseStatsRollupRepository.counts>>,
      Awaited<ReturnType<typeof caseStatsRollupRepository.openCounts>>,
    ];
    for (const r of rolled) total.get(r.key)!.due += r.closed;
    for (const r of open) total.get(r.key)!.due += r.overdue_open;
  }
  return [...total.values()]
    .filter((r) => r.cases > 0)
    .sort((a, b) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1));
}

/** Refills the statistics roll-up from the cases (an existing database, a bulk load); returns its rows. */
export function rebuildCaseStatistics(db: Kysely<Database>): Promise<number> {
  return caseStatsRollupRepository.rebuild(db);
}
