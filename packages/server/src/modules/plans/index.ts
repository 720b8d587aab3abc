// The plans module's public face: what other modules and the app may use. Everything else is private.
export { importPlan, validatePlanFile } from './import.ts';
export { planPolicy } from './policy.ts';
export { planLookup, type AssignmentFilter } from './lookup.ts';
export { planRoutes } from './routes.ts';

export { getPlanDocument, listPlans } from './service.ts';
