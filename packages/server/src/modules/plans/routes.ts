import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { PlanCodeParams, PlanDetail, PlanList, PlanVersions } from '@chuangcheng/core';
import { listPlans, listPlanVersions, readPlan } from './service.ts';

export async function planRoutes(app: App, deps: ModuleDeps) {
  const tags = ['plans'];
  app.get(
    '/plans',
    { schema: { tags, summary: 'Action plans issued in or above your scope', response: { 200: PlanList } } },
    async (request) => ({ items: await listPlans(deps.db, requireActor(request)) }),
  );

  app.get(
    '/plans/:code',
    {
      schema: {
        tags,
        summary: 'A plan as a tree: programmes, tasks with their units, targets and milestones',
        params: PlanCodeParams,
        response: { 200: PlanDetail },
      },
    },
    async (request) => readPlan(deps.db, requireActor(request), request.params.code),
  );

  app.get(
    '/plans/:code/versions',
    {
      schema: {
        tags,
        summary: 'Every imported version of a plan',
        params: PlanCodeParams,
        response: { 200: PlanVersions },
      },
    },
    async (request) => ({ items: await listPlanVersions(deps.db, requireActor(request), request.params.code) }),
  );
}
