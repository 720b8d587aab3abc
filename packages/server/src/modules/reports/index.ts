// The reports module's public face: what other modules and the app may use. Everything else is private.
export { loadAssignmentStatuses } from './assignments.ts';
export { ledgerRoutes } from './ledger-routes.ts';
export { readBoard } from './ledger.ts';
export { reportPolicy } from './policy.ts';
export { presentAttachment } from './present.ts';
export { listMyTasks } from './read.ts';
export { reportLookup } from './lookup.ts';
export { reportRoutes } from './routes.ts';
