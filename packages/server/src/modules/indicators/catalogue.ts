import type { Kysely, Selectable } from 'kysely';
import {
  IndicatorCatalogue,
  type CompletenessRule,
  type DataSetView,
  IndicatorPeriodType,
  TitleMeasureAs,
  type IndicatorView,
  type TargetCombination,
  type TargetRef,
  type TitleKind,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { ImportProblems, parseYamlData, readYamlFile } from '../../data-files/yaml.ts';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { catalogueRepository } from './catalogue-repository.ts';

/*
 * The indicator catalogue: data sets with their elements, indicators, and the links from plan
 * targets. Loaded from data/indicators/*.yaml (first start, `chuangcheng indicators import`), read
 * whole into memory per request (it is a few dozen rows).
 */

type ElementRow = Selectable<Database['indicator_data_element']>;
export type DataSetRow = Selectable<Database['indicator_data_set']> & {
  /** The elements in use: forms, templates and the demo ask for these. */
  elements: ElementRow[];
  /** Elements a later catalogue import no longer lists: kept with their observations (issue 16). */
  retiredElements: ElementRow[];
};
export type IndicatorRow = Selectable<Database['indicator']>;

export type TargetLink = {
  targetId: string;
  ref: TargetRef;
  baselineYear: number | null;
  baselineValue: number | null;
  indicatorCode: string | null;
  titles: { title: TitleKind; as: 'count' | 'share'; levels: number[] } | null;
  linkBaseline: { period: string; value: number | null } | null;
  /** How the units in the target's scope form a region's value (issue 16). */
  combine: TargetCombination;
};

export type Catalogue = {
  dataSets: DataSetRow[];
  dataSetByCode: Map<string, DataSetRow>;
  /** Every element, retired ones included (their history stays readable). */
  elementByCode: Map<string, ElementRow>;
  /** The indicators in use. */
  indicators: IndicatorRow[];
  /** Every indicator, retired ones included. */
  indicatorByCode: Map<string, IndicatorRow>;
  links: TargetLink[];
  /** Units that are not expected reporters unless a data set includes them (issue 16). */
  throughParent: Set<string>;
};

export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [sets, elements, indicators, links, throughParent] = await Promise.all([
    catalogueRepository.dataSets(db),
    catalogueRepository.elements(db),
    catalogueRepository.indicators(db),
    catalogueRepository.targetLinks(db),
    catalogueRepository.reportingThroughParent(db),
  ]);
  const dataSets: DataSetRow[] = sets.map((s) => ({
    ...s,
    elements: elements.filter((e) => e.data_set_code === s.code && e.retired_at === null),
    retiredElements: elements.filter((e) => e.data_set_code === s.code && e.retired_at !== null),
  }));
  return {
    dataSets,
    dataSetByCode: new Map(dataSets.map((s) => [s.code, s])),
    elementByCode: new Map(elements.map((e) => [e.code, e])),
    indicators: indicators.filter((i) => i.retired_at === null),
    indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    throughParent: new Set(throughParent.map((r) => r.region_code)),
    links: links.map((l) => ({
      targetId: l.target_id,
      ref: {
        planCode: l.plan_code,
        code: l.code,
        title: l.target_title,
        taskNumber: l.task_number,
        comparator: l.comparator,
        value: Number(l.value),
        valueMax: l.value_max === null ? null : Number(l.value_max),
        unit: l.unit,
        deadline: l.deadline,
        direction: l.direction,
        scope: l.scope,
      },
      baselineYear: l.baseline_year,
      baselineValue: l.plan_baseline_value === null ? null : Number(l.plan_baseline_value),
      indicatorCode: l.indicator_code,
      titles:
        l.title === null
          ? null
          : {
              title: l.title,
              as: TitleMeasureAs.parse(l.title_as),
              levels: (l.title_levels ?? '').split(',').filter(Boolean).map(Number),
            },
      linkBaseline: l.baseline_period ? { period: l.baseline_period, value: l.baseline_value } : null,
      combine: l.combine,
    })),
  };
}

/** A data set's minimum completeness (core `CompletenessRule`). */
export function completenessOf(set: DataSetRow): CompletenessRule {
  return {
    minReportingRate: Number(set.min_reporting_rate),
    timelyDays: set.timely_days,
    minTimelyRate: Number(set.min_timely_rate),
  };
}

/** Whether a region of the data set's level is an expected reporter of it. */
export function expectedReporter(catalogue: Catalogue, set: DataSetRow, regionCode: string): boolean {
  return !catalogue.throughParent.has(regionCode) || set.include_reporters.split(',').includes(regionCode);
}

/** The data set an indicator is computed from. */
export function dataSetOfIndicator(catalogue: Catalogue, indicator: IndicatorRow): DataSetRow {
  return catalogue.dataSetByCode.get(catalogue.elementByCode.get(indicator.numerator_code)!.data_set_code)!;
}

export function dataSetView(set: DataSetRow, catalogue: Catalogue): DataSetView {
  return {
    code: set.code,
    name: set.name,
    description: set.description,
    periodType: IndicatorPeriodType.parse(set.period_type),
    regionLevel: set.region_level,
    source: set.source as DataSetView['source'],
    completeness: completenessOf(set),
    includeReporters: set.include_reporters.split(',').filter(Boolean),
    elements: set.elements.map((e) => ({
      code: e.code,
      name: e.name,
      description: e.description,
      unit: e.unit,
      aggregation: e.aggregation as 'sum' | 'average',
      integer: e.is_integer,
      min: e.min_value,
      max: e.max_value,
      required: e.required,
    })),
    retiredElements: set.retiredElements.map((e) => ({
      code: e.code,
      name: e.name,
      unit: e.unit,
      retiredAt: new Date(e.retired_at!).toISOString(),
    })),
    rules: catalogue.indicators
      .filter((i) => i.denominator_code !== null && set.elements.some((e) => e.code === i.numerator_code))
      .map((i) => ({
        kind: 'numerator_le_denominator' as const,
        numerator: i.numerator_code,
        denominator: i.denominator_code!,
        indicator: i.code,
      }))
      // Percentages above 100 % are impossible; a per-capita ratio (factor 1) may exceed 1.
      .filter((r) => catalogue.indicatorByCode.get(r.indicator)!.factor === 100),
  };
}

export function indicatorView(indicator: IndicatorRow, catalogue: Catalogue): IndicatorView {
  const set = dataSetOfIndicator(catalogue, indicator);
  const el = (code: string) => {
    const e = catalogue.elementByCode.get(code)!;
    return { code: e.code, name: e.name, unit: e.unit };
  };
  return {
    code: indicator.code,
    name: indicator.name,
    description: indicator.description,
    unit: indicator.unit,
    direction: indicator.direction as IndicatorView['direction'],
    aggregation: indicator.aggregation as IndicatorView['aggregation'],
    periodType: IndicatorPeriodType.parse(set.period_type),
    dataSetCode: set.code,
    regionLevel: set.region_level,
    numerator: el(indicator.numerator_code),
    denominator: indicator.denominator_code ? el(indicator.denominator_code) : null,
    factor: indicator.factor,
    retiredAt: indicator.retired_at === null ? null : new Date(indicator.retired_at).toISOString(),
    targets: catalogue.links.filter((l) => l.indicatorCode === indicator.code).map((l) => l.ref),
  };
}

export type CatalogueImportReport = {
  dataSets: number;
  elements: number;
  indicators: number;
  targets: number;
  /** Elements and indicators of the file's data sets that the file no longer lists (kept, marked). */
  retired: number;
};

/**
 * Imports a catalogue file, all or nothing: every data set, element and indicator is upserted by
 * code, and each target link replaced. A link must name a target of an imported plan. Elements of
 * the file's data sets that it no longer lists, and indicators computed from them, are not deleted
 * but retired (issue 16): their observations and history stay readable; listed again, they return.
 */
export async function importCatalogueFile(
  db: Kysely<Database>,
  actor: Actor,
  file: string,
): Promise<CatalogueImportReport> {
  const source = readYamlFile(file);
  const catalogue = parseYamlData(source, IndicatorCatalogue);
  const problems = new ImportProblems(source);
  const targets = await catalogueRepository.liveTargets(db);
  const targetIds = new Map(targets.map((t) => [`${t.plan_code}/${t.code}`, t.id]));
  catalogue.targets.forEach((link, i) => {
    if (!targetIds.has(`${link.plan}/${link.target}`)) {
      problems.add(
        ['targets', i, 'target'],
        `plan ${link.plan} has no target '${link.target}' (import the plan first)`,
      );
    }
  });
  const listed = [
    ...catalogue.reportingThroughParent.map((r, i) => ({
      code: r.region,
      path: ['reportingThroughParent', i, 'region'],
    })),
    ...catalogue.dataSets.flatMap((set, s) =>
      set.includeReporters.map((code, i) => ({ code, path: ['dataSets', s, 'includeReporters', i] })),
    ),
  ];
  if (listed.length > 0) {
    const known = await catalogueRepository.knownRegions(
      db,
      listed.map((l) => l.code),
    );
    for (const l of listed) if (!known.has(l.code)) problems.add(l.path, `no region '${l.code}'`);
  }
  problems.throwIfAny();

  const report: CatalogueImportReport = { dataSets: 0, elements: 0, indicators: 0, targets: 0, retired: 0 };
  await db.transaction().execute(async (trx) => {
    for (const [s, set] of catalogue.dataSets.entries()) {
      const row = {
        name: set.name,
        description: set.description ?? null,
        period_type: set.periodType,
        region_level: set.regionLevel,
        source: set.source,
        position: s,
        min_reporting_rate: set.completeness.minReportingRate,
        timely_days: set.completeness.timelyDays,
        min_timely_rate: set.completeness.minTimelyRate,
        include_reporters: set.includeReporters.join(','),
      };
      await catalogueRepository.upsertDataSet(trx, set.code, row);
      report.dataSets++;
      for (const [e, el] of set.elements.entries()) {
        const elRow = {
          data_set_code: set.code,
          name: el.name,
          description: el.description ?? null,
          unit: el.unit,
          aggregation: el.aggregation,
          is_integer: el.integer,
          min_value: el.min ?? null,
          max_value: el.max ?? null,
          required: el.required,
          position: e,
          retired_at: null,
        };
        await catalogueRepository.upsertElement(trx, el.code, elRow);
        report.elements++;
      }
    }
    // The file is the whole list: units it no longer names are expected reporters again.
    await catalogueRepository.replaceReportingThroughParent(
      trx,
      catalogue.reportingThroughParent.map((r) => ({ region_code: r.region, note: r.note })),
    );
    for (const [i, ind] of catalogue.indicators.entries()) {
      const row = {
        name: ind.name,
        description: ind.description ?? null,
        unit: ind.unit,
        direction: ind.direction,
        aggregation: ind.aggregation,
        numerator_code: ind.numerator,
        denominator_code: ind.denominator ?? null,
        factor: ind.factor,
        position: i,
        retired_at: null,
      };
      await catalogueRepository.upsertIndicator(trx, ind.code, row);
      report.indicators++;
    }
    // What the file's data sets no longer list is retired, not deleted (observations refer to it).
    const setCodes = catalogue.dataSets.map((s) => s.code);
    const elementCodes = catalogue.dataSets.flatMap((s) => s.elements.map((e) => e.code));
    const retiredAt = new Date();
    report.retired = await catalogueRepository.retireUnlisted(
      trx,
      setCodes,
      elementCodes,
      catalogue.indicators.map((i) => i.code),
      retiredAt,
    );
    for (const link of catalogue.targets) {
      const row = {
        indicator_code: link.indicator ?? null,
        title: link.titles?.title ?? null,
        title_as: link.titles?.as ?? null,
        title_levels: link.titles ? link.titles.levels.join(',') : null,
        baseline_period: link.baseline?.period ?? null,
        baseline_value: link.baseline?.value ?? null,
        combine: link.combine,
        note: link.note ?? null,
      };
      await catalogueRepository.upsertTargetLink(trx, targetIds.get(`${link.plan}/${link.target}`)!, row);
      report.targets++;
    }
    await recordAudit(
      trx,
      { actor },
      {
        action: 'indicator.catalogue.import',
        entityType: 'indicator_catalogue',
        entityId: source.fileName,
        regionCode: actor.regionCode,
        after: report,
      },
    );
    await emitEvent(trx, { name: 'indicator-catalogue.imported', payload: { fileName: source.fileName } });
  });
  return report;
}
