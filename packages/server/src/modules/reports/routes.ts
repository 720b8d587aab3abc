import { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import { requireActor } from '../auth/index.ts';
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
  const tags = ['reports'];
  const files = fileStoreOf(deps.config);
  const ctx = (request: { id: string } & Parameters<typeof requireActor>[0]) => ({
    actor: requireActor(request),
    requestId: request.id,
  });

  app.get(
    '/my/tasks',
    {
      schema: {
        tags,
        summary: "Your organisation's tasks with their derived status (asOf defaults to today)",
        querystring: AsOfQuery,
        response: { 200: MyTaskList },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today();
      return { asOf, items: await listMyTasks(deps.db, requireActor(request), asOf) };
    },
  );

  app.get(
    '/tasks/:taskId/reports',
    {
      schema: {
        tags,
        summary: "A task's report history of one unit, every version with its evidence",
        params: TaskIdParams,
        querystring: HistoryQuery,
        response: { 200: ReportHistory },
      },
    },
    async (request) => ({
      items: await listReportHistory(deps.db, requireActor(request), request.params.taskId, request.query.orgUnitId),
    }),
  );

  app.post(
    '/tasks/:taskId/reports',
    {
      schema: {
        tags,
        summary: "File a draft progress report for your organisation's task",
        params: TaskIdParams,
        body: CreateReportRequest,
        response: { 201: ReportView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReport(deps.db, ctx(request), request.params.taskId, request.body)),
  );

  app.patch(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft report',
        params: ReportIdParams,
        body: UpdateReportRequest,
        response: { 200: ReportView },
      },
    },
    async (request) => updateReport(deps.db, ctx(request), request.params.id, request.body),
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
    app.post(
      action.path,
      {
        schema: {
          tags,
          summary: action.summary,
          params: ReportIdParams,
          response: { [action.status]: ReportView },
        },
      },
      async (request, reply) =>
        reply.code(action.status).send(await action.run(deps.db, ctx(request), request.params.id, files)),
    );
  }

  app.delete(
    '/reports/:id',
    {
      schema: { tags, summary: 'Discard a draft report', params: ReportIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteReport(deps.db, ctx(request), request.params.id, files);
      return reply.code(204).send(null);
    },
  );
}
