export * from './roles.ts';
export * from './scope.ts';
export * from './regions.ts';
export * from './canonical-json.ts';
export * from './problems.ts';
export * from './users.ts';
export * from './org-units.ts';
export * from './plan.ts';
