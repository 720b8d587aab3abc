// The org-units module's public face: what other modules and the app may use. Everything else is private.
export { importOrgUnitsFile } from './import.ts';
export { orgUnitLookup } from './lookup.ts';
export { orgUnitRoutes } from './routes.ts';
