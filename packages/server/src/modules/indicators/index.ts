// The indicators module's public face: what other modules and the app may use. Everything else is private.
export {
  completenessOf,
  dataSetOfIndicator,
  expectedReporter,
  importCatalogueFile,
  loadCatalogue,
} from './catalogue.ts';
export type { Catalogue, DataSetRow, IndicatorRow, TargetLink } from './catalogue.ts';
export { generateDemo, removeDemo } from './demo.ts';
export { approvalQueue } from './entry.ts';
export { importWorkbook } from './excel.ts';
export { indicatorLookup } from './lookup.ts';
export { readFigures, recordObservations } from './observations.ts';
export type { Figure } from './observations.ts';
export { readableRegion, regionReadsFrom } from './policy.ts';
export type { RegionReads } from './policy.ts';
export { ancestorsOf, brief, childrenOf, scopeMaxLevel } from './region-tree.ts';
export type { RegionNode, RegionTree } from './region-tree.ts';
export { indicatorRoutes } from './routes.ts';
export { getSeries } from './series.ts';
export { scopeUnitRoots } from './region-tree.ts';
// The counted figures summed in SQL per group, scope, element and period: the cockpit's roll-up of large
// subtrees reads the indicator tables through it (decision 0184).
export { rollupRepository as observationRollup } from './rollup-repository.ts';
export type { RollupCell, RollupInput, RollupUnit } from './rollup-repository.ts';
