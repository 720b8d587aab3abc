import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
import { readSessionAsOf } from './as-of.ts';
import { SessionAsOfView, Workbench, WorkbenchQuery } from '@chuangcheng/core';
import { readWorkbench } from './service.ts';

/** The 工作台, every staff member's landing page. */
export async function workbenchRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary: "What needs you today (tasks, notices, cases, approvals, rounds) and your role's figures",
        querystring: WorkbenchQuery,
        response: { 200: Workbench },
      },
    },
    async (request) => readWorkbench(deps.db, requireActor(request), request.query.asOf),
  );
  app.get(
    '/workbench/as-of',
    {
      schema: {
        tags: ['workbench'],
        summary: 'The default "as of" date of a session: the demo date, the end of plans that have all ended, or today',
        response: { 200: SessionAsOfView },
      },
    },
    async (request) => readSessionAsOf(deps.db, requireActor(request)),
  );
}
