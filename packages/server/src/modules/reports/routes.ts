import { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { fileStoreOf } from '../../storage/file-store.ts';
import { today } from './assignments.ts';
import { listMyTasks, listReportHistory } from './read.ts';
import {
  AsOfQuery,
  CreateReportRequest,
  HistoryQuery,
  MyTaskList,
  ReportHistory,
  ReportIdParams,
  ReportView,
  TaskIdParams,
  UpdateReportRequest,
} from '@chuangcheng/core';
import { correctReport, createReport, deleteReport, submitReport, updateReport } from './service.ts';

export async function reportRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const route = actorRoutes(app, ['reports']);
  const files = fileStoreOf(deps.config);

  route.get(
    '/my/tasks',
    {
      summary: "Your organisation's tasks with their derived status (asOf defaults to today)",
      querystring: AsOfQuery,
      response: MyTaskList,
    },
    async ({ actor, query }) => {
      const asOf = query.asOf ?? today();
      return { asOf, items: await listMyTasks(db, actor, asOf) };
    },
  );
  route.get(
    '/tasks/:taskId/reports',
    {
      summary: "A task's report history of one unit, every version with its evidence",
      params: TaskIdParams,
      querystring: HistoryQuery,
      response: ReportHistory,
    },
    async ({ actor, params, query }) => ({
      items: await listReportHistory(db, actor, params.taskId, query.orgUnitId),
    }),
  );
  route.post(
    '/tasks/:taskId/reports',
    {
      summary: "File a draft progress report for your organisation's task",
      params: TaskIdParams,
      body: CreateReportRequest,
      response: ReportView,
      status: 201,
    },
    ({ ctx, params, body }) => createReport(db, ctx, params.taskId, body),
  );
  route.patch(
    '/reports/:id',
    { summary: 'Change a draft report', params: ReportIdParams, body: UpdateReportRequest, response: ReportView },
    ({ ctx, params, body }) => updateReport(db, ctx, params.id, body),
  );

  const actions = [
    { path: '/reports/:id/submit', summary: 'Submit a draft report', run: submitReport, status: 200 },
    {
      path: '/reports/:id/correct',
      summary: 'Correct a submitted report: a new draft version; the old one is kept, superseded',
      run: correctReport,
      status: 201,
    },
  ] as const;
  for (const action of actions) {
    route.post(
      action.path,
      { summary: action.summary, params: ReportIdParams, response: ReportView, status: action.status },
      ({ ctx, params }) => action.run(db, ctx, params.id, files),
    );
  }

  route.delete(
    '/reports/:id',
    { summary: 'Discard a draft report', params: ReportIdParams, response: z.null(), status: 204 },
    async ({ ctx, params }) => {
      await deleteReport(db, ctx, params.id, files);
      return null;
    },
  );
}
