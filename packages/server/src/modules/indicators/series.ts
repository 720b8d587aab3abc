import type { Kysely } from 'kysely';
import { comparePeriods, type CatalogueView, type IndicatorSeries, type IndicatorView } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { EvaluationSource, evaluateTargets, indicatorSeries } from '../cockpit/index.ts';
import { todayIso } from '../cockpit/index.ts';
import { dataSetView, indicatorView, loadCatalogue } from './catalogue.ts';
import { readableRegion } from './policy.ts';
import { brief, childrenOf } from './region-tree.ts';

export async function getCatalogue(db: Kysely<Database>, actor: Actor): Promise<CatalogueView> {
  authorize(actor, 'indicator.read');
  const catalogue = await loadCatalogue(db);
  return {
    dataSets: catalogue.dataSets.map((s) => dataSetView(s, catalogue)),
    indicators: catalogue.indicators.map((i) => indicatorView(i, catalogue)),
  };
}

export async function getIndicator(db: Kysely<Database>, actor: Actor, code: string): Promise<IndicatorView> {
  authorize(actor, 'indicator.read');
  const catalogue = await loadCatalogue(db);
  const indicator = catalogue.indicatorByCode.get(code);
  if (!indicator) throw notFound('indicator', code);
  return indicatorView(indicator, catalogue);
}

/** An indicator's series for a region (and its children), with the target lines that apply. */
export async function getSeries(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  query: { region?: string; children: 'true' | 'false'; from?: string; to?: string },
): Promise<IndicatorSeries> {
  const { region, tree } = await readableRegion(db, actor, query.region);
  const catalogue = await loadCatalogue(db);
  const indicator = catalogue.indicatorByCode.get(code);
  if (!indicator) throw notFound('indicator', code);
  const view = indicatorView(indicator, catalogue);
  const regions = [
    region,
    ...(query.children === 'true' ? childrenOf(tree, region).filter((c) => c.level <= view.regionLevel) : []),
  ];
  const source = new EvaluationSource(db, catalogue, tree);
  const { series } = await indicatorSeries(source, indicator, region, regions);
  const inRange = (period: string) =>
    (!query.from || comparePeriods(period, query.from) >= 0) && (!query.to || comparePeriods(period, query.to) <= 0);
  const links = catalogue.links.filter((l) => l.indicatorCode === code);
  const evaluations = await evaluateTargets(source, { root: region, regions, asOf: todayIso(), links });
  return {
    indicator: view,
    regions: regions.map((r) => ({
      region: brief(r),
      points: (series.get(r.path) ?? []).filter((p) => inRange(p.period)),
    })),
    targets: evaluations.map((e) => ({
      target: e.target,
      regionCode: e.region.code,
      targetValue: e.targetValue,
      baseline: e.baseline ? { period: e.baseline.period, value: e.baseline.value } : null,
    })),
  };
}
