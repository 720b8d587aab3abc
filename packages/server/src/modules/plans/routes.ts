import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { PlanCodeParams, PlanDetail, PlanList, PlanVersions } from '@chuangcheng/core';
import { listPlans, listPlanVersions, readPlan } from './service.ts';

export async function planRoutes(app: App, deps: ModuleDeps) {
  const route = actorRoutes(app, ['plans']);
  route.get(
    '/plans',
    { summary: 'Action plans issued in or above your scope', response: PlanList },
    async ({ actor }) => ({
      items: await listPlans(deps.db, actor),
    }),
  );
  route.get(
    '/plans/:code',
    {
      summary: 'A plan as a tree: programmes, tasks with their units, targets and milestones',
      params: PlanCodeParams,
      response: PlanDetail,
    },
    ({ actor, params }) => readPlan(deps.db, actor, params.code),
  );
  route.get(
    '/plans/:code/versions',
    { summary: 'Every imported version of a plan', params: PlanCodeParams, response: PlanVersions },
    async ({ actor, params }) => ({ items: await listPlanVersions(deps.db, actor, params.code) }),
  );
}
