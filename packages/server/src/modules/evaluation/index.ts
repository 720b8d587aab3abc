// The evaluation module's public face: what other modules and the app may use. Everything else is private.
export { checkEvaluationAttachment } from './attachment-access.ts';
export type { EvaluationOwnerType } from './attachment-access.ts';
export { exportFramework, importFrameworkFile, loadFrameworkFile } from './frameworks.ts';
export { evaluationLookup } from './lookup.ts';
export { listRounds, readRound } from './rounds.ts';
export { evaluationRoutes } from './routes.ts';
export { roundCacheSubscriber } from './subscribers.ts';
