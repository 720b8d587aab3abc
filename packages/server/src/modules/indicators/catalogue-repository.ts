import type { Insertable, Kysely, Updateable } from 'kysely';
import { Comparator, TargetCombination, TargetDirection, TitleKind } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { parseStored } from '../../db/stored-json.ts';
import { planLookup } from '../plans/index.ts';

/** SQL of the indicator catalogue: data sets, elements, indicators, their target links and reporters. */

type Db = Kysely<Database>;

export const catalogueRepository = {
  dataSets(db: Db) {
    return db.selectFrom('indicator_data_set').selectAll().orderBy('position').execute();
  },

  elements(db: Db) {
    return db.selectFrom('indicator_data_element').selectAll().orderBy('data_set_code').orderBy('position').execute();
  },

  indicators(db: Db) {
    return db.selectFrom('indicator').selectAll().orderBy('position').execute();
  },

  /**
   * Every link of an indicator to a plan target that is not retired, with the target, by plan and
   * position. The targets are the plans module's (`planLookup.liveTargets`, one query for all).
   */
  async targetLinks(db: Db) {
    const [links, targets] = await Promise.all([
      db
        .selectFrom('indicator_target_link')
        .select([
          'target_id',
          'indicator_code',
          'title',
          'title_as',
          'title_levels',
          'baseline_period',
          'baseline_value',
          'combine',
        ])
        .execute(),
      planLookup.liveTargets(db),
    ]);
    const linksOf = new Map<string, typeof links>();
    for (const l of links) linksOf.set(l.target_id, [...(linksOf.get(l.target_id) ?? []), l]);
    return targets.flatMap((t) =>
      (linksOf.get(t.id) ?? []).map((l) => ({
        ...l,
        title: l.title === null ? null : parseStored(TitleKind, l.title, 'indicator_target_link.title'),
        combine: parseStored(TargetCombination, l.combine, 'indicator_target_link.combine'),
        plan_code: t.plan_code,
        code: t.code,
        target_title: t.title,
        task_number: t.task_number,
        comparator: parseStored(Comparator, t.comparator, 'plan_target.comparator'),
        value: t.value,
        value_max: t.value_max,
        unit: t.unit,
        deadline: t.deadline,
        direction: parseStored(TargetDirection, t.direction, 'plan_target.direction'),
        scope: t.scope,
        baseline_year: t.baseline_year,
        plan_baseline_value: t.baseline_value,
      })),
    );
  },

  /** The units that report through their parent (issue 16). */
  reportingThroughParent(db: Db) {
    return db.selectFrom('indicator_reporting_through_parent').select('region_code').execute();
  },

  /** The plans' targets that are not retired, with their plan's code. */
  liveTargets(db: Db) {
    return planLookup.liveTargets(db);
  },

  /** Which of these region codes exist. */
  async knownRegions(db: Db, codes: string[]): Promise<Set<string>> {
    const rows = await db.selectFrom('region').select('code').where('code', 'in', codes).execute();
    return new Set(rows.map((r) => r.code));
  },

  async upsertDataSet(trx: Db, code: string, row: Omit<Insertable<Database['indicator_data_set']>, 'code'>) {
    await trx
      .insertInto('indicator_data_set')
      .values({ code, ...row })
      .onConflict((oc) => oc.column('code').doUpdateSet({ ...row, updated_at: new Date() }))
      .execute();
  },

  async upsertElement(trx: Db, code: string, row: Omit<Insertable<Database['indicator_data_element']>, 'code'>) {
    await trx
      .insertInto('indicator_data_element')
      .values({ code, ...row })
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  },

  /** Replaces the list of units that report through their parent. */
  async replaceReportingThroughParent(trx: Db, rows: { region_code: string; note: string }[]) {
    await trx.deleteFrom('indicator_reporting_through_parent').execute();
    if (rows.length > 0) await trx.insertInto('indicator_reporting_through_parent').values(rows).execute();
  },

  async upsertIndicator(trx: Db, code: string, row: Omit<Insertable<Database['indicator']>, 'code'>) {
    await trx
      .insertInto('indicator')
      .values({ code, ...row })
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  },

  /**
   * Retires the elements of these data sets not in `elementCodes`, and the indicators computed from
   * those data sets not in `indicatorCodes`; returns how many were retired.
   */
  async retireUnlisted(
    trx: Db,
    setCodes: string[],
    elementCodes: string[],
    indicatorCodes: string[],
    retiredAt: Date,
  ): Promise<number> {
    const retiredElements = await trx
      .updateTable('indicator_data_element')
      .set({ retired_at: retiredAt })
      .where('data_set_code', 'in', setCodes)
      .where('code', 'not in', elementCodes)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    const retiredIndicators = await trx
      .updateTable('indicator')
      .set({ retired_at: retiredAt })
      .where(
        'numerator_code',
        'in',
        trx.selectFrom('indicator_data_element').select('code').where('data_set_code', 'in', setCodes),
      )
      .where('code', 'not in', indicatorCodes)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return Number(retiredElements.numUpdatedRows) + Number(retiredIndicators.numUpdatedRows);
  },

  async upsertTargetLink(
    trx: Db,
    targetId: string,
    row: Omit<Updateable<Database['indicator_target_link']>, 'target_id'>,
  ) {
    await trx
      .insertInto('indicator_target_link')
      .values({ target_id: targetId, ...row })
      .onConflict((oc) => oc.column('target_id').doUpdateSet(row))
      .execute();
  },
};
