import multipart from '@fastify/multipart';
import {
  CopyFrameworkRequest,
  EvaluationIdParams,
  FrameworkDetail,
  FrameworkImportResult,
  FrameworkList,
  SaveFrameworkRequest,
  VersionQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { actorRoutes } from '../../http/route.ts';
import { AppError } from '../../http/problem.ts';
import { multipartFile } from '../../http/upload.ts';
import { actionContext } from '../auth/index.ts';
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

  const route = actorRoutes(app, tags);

  route.get(
    '/evaluation/frameworks',
    { summary: 'Framework editions', response: FrameworkList },
    async ({ actor }) => ({
      items: await listFrameworks(db, actor),
    }),
  );
  route.get(
    '/evaluation/frameworks/:id',
    {
      summary: 'A framework edition at a version, with its history',
      params: EvaluationIdParams,
      querystring: VersionQuery,
      response: FrameworkDetail,
    },
    ({ actor, params, query }) => readFramework(db, actor, params.id, query.version),
  );
  route.post(
    '/evaluation/frameworks',
    { summary: 'Create a framework edition', body: SaveFrameworkRequest, response: FrameworkDetail, status: 201 },
    async ({ actor, ctx, body }) => readFramework(db, actor, await createFramework(db, ctx, body)),
  );
  route.put(
    '/evaluation/frameworks/:id',
    {
      summary: 'Revise a framework edition (a new version)',
      params: EvaluationIdParams,
      body: SaveFrameworkRequest,
      response: FrameworkDetail,
    },
    async ({ actor, ctx, params, body }) => {
      await reviseFramework(db, ctx, params.id, body);
      return readFramework(db, actor, params.id);
    },
  );
  route.post(
    '/evaluation/frameworks/:id/copy',
    {
      summary: 'Copy a framework into a new edition',
      params: EvaluationIdParams,
      body: CopyFrameworkRequest,
      response: FrameworkDetail,
      status: 201,
    },
    async ({ actor, ctx, params, body }) => readFramework(db, actor, await copyFramework(db, ctx, params.id, body)),
  );
  route.workbook(
    '/evaluation/frameworks/template.xlsx',
    { summary: 'The Excel template: header row, an example row and the explanation sheet' },
    async ({ actor }) => ({
      file: { ascii: 'framework-template.xlsx', name: '测评体系导入模板.xlsx' },
      body: await templateWorkbook(db, actor),
    }),
  );
  route.workbook(
    '/evaluation/frameworks/:id/export.xlsx',
    { summary: 'A framework as the Excel template', params: EvaluationIdParams, querystring: VersionQuery },
    async ({ actor, params, query }) => {
      const { framework, buffer } = await exportFrameworkWorkbook(db, actor, params.id, query.version);
      const file = {
        ascii: `framework-${framework.edition}-v${framework.version}.xlsx`,
        name: `${framework.name}-v${framework.version}.xlsx`,
      };
      return { file, body: buffer };
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
        const part = await multipartFile(request, 'xlsx');
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('FILE_TOO_LARGE');
        return importFrameworkWorkbook(db, actionContext(request), request.params.id, buffer);
      },
    );
  });
}
