import { countTitles, titleStatesAt, type TitleEventInput, type TitleKind, type TitleState } from '@chuangcheng/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;
export type TitleEventRow = Selectable<Database['region_title_event']>;

/** The pure-logic view of a stored event. */
export function toTitleEvent(row: TitleEventRow): TitleEventInput {
  return {
    id: row.id,
    title: row.title as TitleKind,
    change: row.change as TitleEventInput['change'],
    effectiveOn: row.effective_on,
    endsOn: row.ends_on,
    reason: row.reason,
    sourceKind: row.source_kind as TitleEventInput['sourceKind'],
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

/** Title events in the order they apply (effective date, then when recorded). */
function eventsInOrder(db: Db) {
  return db.selectFrom('region_title_event').selectAll().orderBy('effective_on').orderBy('recorded_at');
}

/** SQL for the title history: the only code that reads or writes `region_title_event`. */
export const titleRepository = {
  async insert(db: Db, row: Insertable<Database['region_title_event']>): Promise<void> {
    await db.insertInto('region_title_event').values(row).execute();
  },

  findById(db: Db, id: string) {
    return db.selectFrom('region_title_event').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A region with what title events and incidents need (its prefecture for distribution). */
  findRegion(db: Db, code: string) {
    return db
      .selectFrom('region')
      .select(['code', 'name', 'path', 'level', 'prefecture_code'])
      .where('code', '=', code)
      .executeTakeFirst();
  },

  /** Every region's history, unordered (the cockpit groups it by region). */
  listAll(db: Db) {
    return db
      .selectFrom('region_title_event')
      .select(['id', 'region_code', 'title', 'change', 'effective_on', 'ends_on', 'reason', 'recorded_at'])
      .execute();
  },

  /** A region's whole history, in the order the events apply. */
  listForRegion(db: Db, regionCode: string): Promise<TitleEventRow[]> {
    return eventsInOrder(db).where('region_code', '=', regionCode).execute();
  },

  /** The histories of many regions at once. */
  listForRegions(db: Db, regionCodes: string[]): Promise<TitleEventRow[]> {
    if (regionCodes.length === 0) return Promise.resolve([]);
    return eventsInOrder(db).where('region_code', 'in', regionCodes).execute();
  },

  /** Events effective on or before `at` for the regions under a path (the region itself included). */
  listUnder(
    db: Db,
    path: string,
    at: string,
  ): Promise<(TitleEventRow & { region_path: string; region_name: string; region_level: number })[]> {
    return db
      .selectFrom('region_title_event as e')
      .innerJoin('region as r', 'r.code', 'e.region_code')
      .selectAll('e')
      .select(['r.path as region_path', 'r.name as region_name', 'r.level as region_level'])
      .where((eb) => eb.or([eb('r.path', '=', path), eb('r.path', 'like', `${path}/%`)]))
      .where('e.effective_on', '<=', at)
      .orderBy('e.region_code')
      .orderBy('e.effective_on')
      .orderBy('e.recorded_at')
      .execute();
  },

  /** How many regions of each level lie under a path (the denominators of "15% of county-level units"). */
  async countRegionsByLevel(db: Db, path: string): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('region')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or([eb('path', '=', path), eb('path', 'like', `${path}/%`)]))
      .groupBy('level')
      .execute();
    return Object.fromEntries(rows.map((r) => [String(r.level), Number(r.n)]));
  },

  /** The events an incident wrote. */
  writtenByIncident(db: Db, incidentId: string) {
    return db
      .selectFrom('region_title_event')
      .select(['id', 'title', 'change'])
      .where('source_kind', '=', 'incident')
      .where('source_id', '=', incidentId)
      .execute();
  },

  /**
   * The region's latest year-end result tested on or before `at`: its framework and minors' gate
   * (title eligibility).
   */
  latestYearEndResult(db: Db, regionCode: string, at: string) {
    return db
      .selectFrom('evaluation_round_result as x')
      .innerJoin('evaluation_round as r', 'r.id', 'x.round_id')
      .select(['r.framework_id', 'x.minors_gate_passed'])
      .where('x.region_code', '=', regionCode)
      .where('r.kind', '=', 'year_end')
      .where('r.test_date', '<=', at)
      .orderBy('r.test_date', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
};

export type RegionTitleState = {
  regionCode: string;
  regionName: string;
  path: string;
  level: number;
  titles: TitleState[];
};

/** Each region's events in the pure-logic form, by region code. */
export async function eventsByRegion(db: Db, regionCodes: string[]): Promise<Map<string, TitleEventInput[]>> {
  const map = new Map<string, TitleEventInput[]>();
  for (const row of await titleRepository.listForRegions(db, regionCodes)) {
    const list = map.get(row.region_code) ?? [];
    list.push(toTitleEvent(row));
    map.set(row.region_code, list);
  }
  return map;
}

/**
 * The state of every title at a date for each region under a path that has any title history
 * (regions that never held a title are left out). One query, folded in memory.
 */
export async function titleStatesUnder(db: Db, path: string, at: string): Promise<RegionTitleState[]> {
  const rows = await titleRepository.listUnder(db, path, at);
  const byRegion = new Map<string, { row: (typeof rows)[number]; events: TitleEventInput[] }>();
  for (const row of rows) {
    const entry = byRegion.get(row.region_code) ?? { row, events: [] };
    entry.events.push(toTitleEvent(row));
    byRegion.set(row.region_code, entry);
  }
  return [...byRegion.values()].map(({ row, events }) => ({
    regionCode: row.region_code,
    regionName: row.region_name,
    path: row.region_path,
    level: row.region_level,
    titles: titleStatesAt(events, at),
  }));
}

/**
 * Titles held and suspended per title at a date over a region subtree, with the number of
 * regions per level there (levels as in `region.level`: 2 prefecture, 3 county): what the cockpit's title goals (e.g. 5-7 national civilized
 * cities by 2020) are counted from.
 */
export async function countTitlesUnder(db: Db, path: string, at: string) {
  const states = await titleStatesUnder(db, path, at);
  const { held, suspended } = countTitles(states.map((s) => s.titles));
  const heldByLevel: Record<string, Record<TitleKind, number>> = {};
  for (const level of new Set(states.map((s) => s.level))) {
    heldByLevel[String(level)] = countTitles(states.filter((s) => s.level === level).map((s) => s.titles)).held;
  }
  return { at, held, suspended, heldByLevel, regionsByLevel: await titleRepository.countRegionsByLevel(db, path) };
}
