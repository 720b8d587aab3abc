import type { App, ModuleDeps } from '../../http/types.ts';
import { frameworkRoutes } from './framework-routes.ts';
import { resultRoutes } from './result-routes.ts';
import { roundRoutes } from './round-routes.ts';
import { incidentAndTitleRoutes } from './title-routes.ts';

/** Evaluation: frameworks, rounds, score entry, results, incidents and titles (docs/api/evaluation.md); one file per resource. */
export async function evaluationRoutes(app: App, deps: ModuleDeps) {
  await frameworkRoutes(app, deps);
  await roundRoutes(app, deps);
  await resultRoutes(app, deps);
  await incidentAndTitleRoutes(app, deps);
}
