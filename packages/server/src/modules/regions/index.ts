// The regions module's public face: what other modules and the app may use. Everything else is private.
export { groupRoutes } from './group-routes.ts';
export { importGroupsFile } from './import-groups.ts';
export { importPopulation, importRegions, readChinaDivisionProvince, readRegionCsv } from './import-regions.ts';
export { regionLookup } from './lookup.ts';
export { regionPolicy } from './policy.ts';
export { regionRoutes } from './routes.ts';
