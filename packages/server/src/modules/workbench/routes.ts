import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { readSessionAsOf } from './as-of.ts';
import { SessionAsOfView, Workbench, WorkbenchQuery } from '@chuangcheng/core';
import { readWorkbench } from './service.ts';

/** The 工作台, every staff member's landing page. */
export async function workbenchRoutes(app: App, deps: ModuleDeps) {
  const route = actorRoutes(app, ['workbench']);
  route.get(
    '/workbench',
    {
      summary: "What needs you today (tasks, notices, cases, approvals, rounds) and your role's figures",
      querystring: WorkbenchQuery,
      response: Workbench,
    },
    ({ actor, query }) => readWorkbench(deps.db, actor, query.asOf),
  );
  route.get(
    '/workbench/as-of',
    {
      summary: 'The default "as of" date of a session: the demo date, the end of plans that have all ended, or today',
      response: SessionAsOfView,
    },
    ({ actor }) => readSessionAsOf(deps.db, actor),
  );
}
