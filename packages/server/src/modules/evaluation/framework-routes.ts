import multipart from '@fastify/multipart';
import {
  CopyFrameworkRequest,
  EvaluationIdParams,
  FrameworkDetail,
  FrameworkImportResult,
  FrameworkList,
  message,
  SaveFrameworkRequest,
  VersionQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { disposition, XLSX } from '../../http/xlsx.ts';
import { AppError, invalid } from '../../http/problem.ts';
import { actionContext, requireActor } from '../auth/index.ts';
import {
  copyFramework,
  createFramework,
  exportFrameworkWorkbook,
  importFrameworkWorkbook,
  listFrameworks,
  readFramework,
  reviseFramework,
  templateWorkbook,
} from './frameworks.ts';

/** Evaluation frameworks: list, read, create, revise, copy, history, Excel template, import and export. */
export async function frameworkRoutes(app: App, deps: ModuleDeps) {
  const { db } = deps;
  const tags = ['evaluation'];
  const ctx = actionContext;

  app.get(
    '/evaluation/frameworks',
    { schema: { tags, summary: 'Framework editions', response: { 200: FrameworkList } } },
    async (request) => ({ items: await listFrameworks(db, requireActor(request)) }),
  );
  app.get(
    '/evaluation/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'A framework edition at a version, with its history',
        params: EvaluationIdParams,
        querystring: VersionQuery,
        response: { 200: FrameworkDetail },
      },
    },
    async (request) => readFramework(db, requireActor(request), request.params.id, request.query.version),
  );
  app.post(
    '/evaluation/frameworks',
    {
      schema: {
        tags,
        summary: 'Create a framework edition',
        body: SaveFrameworkRequest,
        response: { 201: FrameworkDetail },
      },
    },
    async (request, reply) => {
      const id = await createFramework(db, ctx(request), request.body);
      return reply.code(201).send(await readFramework(db, requireActor(request), id));
    },
  );
  app.put(
    '/evaluation/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Revise a framework edition (a new version)',
        params: EvaluationIdParams,
        body: SaveFrameworkRequest,
        response: { 200: FrameworkDetail },
      },
    },
    async (request) => {
      await reviseFramework(db, ctx(request), request.params.id, request.body);
      return readFramework(db, requireActor(request), request.params.id);
    },
  );
  app.post(
    '/evaluation/frameworks/:id/copy',
    {
      schema: {
        tags,
        summary: 'Copy a framework into a new edition',
        params: EvaluationIdParams,
        body: CopyFrameworkRequest,
        response: { 201: FrameworkDetail },
      },
    },
    async (request, reply) => {
      const id = await copyFramework(db, ctx(request), request.params.id, request.body);
      return reply.code(201).send(await readFramework(db, requireActor(request), id));
    },
  );
  app.get(
    '/evaluation/frameworks/template.xlsx',
    { schema: { tags, summary: 'The Excel template: header row, an example row and the explanation sheet' } },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', disposition('framework-template.xlsx', '测评体系导入模板.xlsx'))
        .send(await templateWorkbook(db, requireActor(request))),
  );
  app.get(
    '/evaluation/frameworks/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'A framework as the Excel template',
        params: EvaluationIdParams,
        querystring: VersionQuery,
      },
    },
    async (request, reply) => {
      const { framework, buffer } = await exportFrameworkWorkbook(
        db,
        requireActor(request),
        request.params.id,
        request.query.version,
      );
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          disposition(
            `framework-${framework.edition}-v${framework.version}.xlsx`,
            `${framework.name}-v${framework.version}.xlsx`,
          ),
        )
        .send(buffer);
    },
  );
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 5, fileSize: deps.config.uploadMaxBytes } });
    scoped.post(
      '/evaluation/frameworks/:id/import',
      {
        schema: {
          tags,
          summary: 'Replace the standards from the Excel template (multipart field "file"); all or nothing',
          params: EvaluationIdParams,
          response: { 200: FrameworkImportResult },
        },
      },
      async (request) => {
        if (!request.isMultipart()) {
          throw invalid([
            { field: 'body.file', message: message('upload.notMultipart', { thing: message('upload.thing.xlsx') }) },
          ]);
        }
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          throw invalid([
            { field: 'body.file', message: message('upload.noFileField', { thing: message('upload.thing.xlsx') }) },
          ]);
        }
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
        return importFrameworkWorkbook(db, ctx(request), request.params.id, buffer);
      },
    );
  });
}
