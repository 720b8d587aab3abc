import multipart from '@fastify/multipart';
import {
  message,
  ApprovalQueue,
  ApprovalQueueQuery,
  BulkApproveRequest,
  BulkApproveResult,
  CatalogueCodeParams,
  CatalogueView,
  EntryList,
  EntryListQuery,
  EntryParams,
  EntryView,
  ImportResult,
  IndicatorSeries,
  IndicatorView,
  ReturnEntryRequest,
  SaveEntryRequest,
  SeriesQuery,
  TemplateQuery,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { invalid } from '../../http/problem.ts';
import { requireActor } from '../auth/index.ts';
import {
  approvalQueue,
  approveEntry,
  bulkApprove,
  getEntry,
  listEntries,
  returnEntry,
  saveEntry,
  submitEntry,
} from './entry.ts';
import { importWorkbook, seriesWorkbook, templateWorkbook } from './excel.ts';
import { getCatalogue, getIndicator, getSeries } from './series.ts';
import { cockpitRoutes } from '../cockpit/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266: an ASCII fallback and the original (Chinese) name in UTF-8. */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Indicators, data entry and (from modules/cockpit) the cockpit. */
export async function indicatorRoutes(app: App, deps: ModuleDeps) {
  await cockpitRoutes(app, deps);
  const { db } = deps;
  const tags = ['indicators'];
  const ctx = (request: { id: string } & Parameters<typeof requireActor>[0]) => ({
    actor: requireActor(request),
    requestId: request.id,
  });

  app.get(
    '/indicators/catalogue',
    {
      schema: {
        tags,
        summary: 'Data sets with their elements and rules, and indicators',
        response: { 200: CatalogueView },
      },
    },
    async (request) => getCatalogue(db, requireActor(request)),
  );
  app.get(
    '/indicators/:code',
    {
      schema: {
        tags,
        summary: 'One indicator with the plan targets it measures',
        params: CatalogueCodeParams,
        response: { 200: IndicatorView },
      },
    },
    async (request) => getIndicator(db, requireActor(request), request.params.code),
  );
  app.get(
    '/indicators/:code/series',
    {
      schema: {
        tags,
        summary: "An indicator's series for a region (and its children) with coverage and target lines",
        params: CatalogueCodeParams,
        querystring: SeriesQuery,
        response: { 200: IndicatorSeries },
      },
    },
    async (request) => getSeries(db, requireActor(request), request.params.code, request.query),
  );
  app.get(
    '/indicators/:code/series.xlsx',
    {
      schema: {
        tags,
        summary: 'The series table as an Excel file',
        params: CatalogueCodeParams,
        querystring: SeriesQuery,
      },
    },
    async (request, reply) => {
      const series = await getSeries(db, requireActor(request), request.params.code, request.query);
      const region = series.regions[0]!.region;
      return reply
        .type(XLSX)
        .header('content-disposition', disposition(`${series.indicator.name}-${region.name}.xlsx`))
        .send(await seriesWorkbook(series));
    },
  );

  app.get(
    '/data-sets/:code/entries',
    {
      schema: {
        tags,
        summary: 'Entry status of every reporting region under a region for one period (the approvals page)',
        params: CatalogueCodeParams,
        querystring: EntryListQuery,
        response: { 200: EntryList },
      },
    },
    async (request) =>
      listEntries(db, requireActor(request), request.params.code, request.query.region, request.query.period),
  );
  app.get(
    '/data-approvals',
    {
      schema: {
        tags,
        summary: 'Entries awaiting your approval under a region, any data set and period, oldest first (cursor-paged)',
        querystring: ApprovalQueueQuery,
        response: { 200: ApprovalQueue },
      },
    },
    async (request) => approvalQueue(db, requireActor(request), request.query),
  );
  app.post(
    '/data-sets/:code/entries/approve',
    {
      schema: {
        tags,
        summary: 'Approve many entries of one period at once (all or nothing)',
        params: CatalogueCodeParams,
        body: BulkApproveRequest,
        response: { 200: BulkApproveResult },
      },
    },
    async (request) => bulkApprove(db, ctx(request), request.params.code, request.body),
  );
  app.get(
    '/data-sets/:code/entries/:regionCode/:period',
    {
      schema: {
        tags,
        summary: 'The form of one region and period: values, comments, status, history, what you may do',
        params: EntryParams,
        response: { 200: EntryView },
      },
    },
    async (request) => {
      const p = request.params;
      return getEntry(db, requireActor(request), p.code, p.regionCode, p.period);
    },
  );
  app.put(
    '/data-sets/:code/entries/:regionCode/:period',
    {
      schema: {
        tags,
        summary: 'Save values and comments as a draft (validated; locked once submitted)',
        params: EntryParams,
        body: SaveEntryRequest,
        response: { 200: EntryView },
      },
    },
    async (request) => {
      const p = request.params;
      return saveEntry(db, ctx(request), p.code, p.regionCode, p.period, request.body);
    },
  );
  const actions = [
    { path: 'submit', summary: 'Submit a draft (every required value present)', run: submitEntry },
    { path: 'approve', summary: 'Approve at your level (the city, then the province)', run: approveEntry },
  ] as const;
  for (const action of actions) {
    app.post(
      `/data-sets/:code/entries/:regionCode/:period/${action.path}`,
      { schema: { tags, summary: action.summary, params: EntryParams, response: { 200: EntryView } } },
      async (request) => {
        const p = request.params;
        return action.run(db, ctx(request), p.code, p.regionCode, p.period);
      },
    );
  }
  app.post(
    '/data-sets/:code/entries/:regionCode/:period/return',
    {
      schema: {
        tags,
        summary: 'Return an entry for correction, with a reason',
        params: EntryParams,
        body: ReturnEntryRequest,
        response: { 200: EntryView },
      },
    },
    async (request) => {
      const p = request.params;
      return returnEntry(db, ctx(request), p.code, p.regionCode, p.period, request.body.reason);
    },
  );

  app.get(
    '/data-sets/:code/template.xlsx',
    {
      schema: {
        tags,
        summary: 'An Excel template: the reporting regions under a region as rows, elements as columns',
        params: CatalogueCodeParams,
        querystring: TemplateQuery,
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await templateWorkbook(
        db,
        requireActor(request),
        request.params.code,
        request.query.region,
        request.query.period,
      );
      return reply.type(XLSX).header('content-disposition', disposition(fileName)).send(buffer);
    },
  );

  // Multipart parsing only for the import route.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 2, fileSize: 10 * 1024 * 1024 } });
    scoped.post(
      '/data-sets/:code/import',
      {
        schema: {
          tags,
          summary: 'Import a filled template (multipart field "file"); all or nothing, errors by row and column',
          params: CatalogueCodeParams,
          response: { 200: ImportResult },
        },
      },
      async (request) => {
        requireActor(request);
        if (!request.isMultipart()) {
          throw invalid([
            {
              field: 'body.file',
              message: message('upload.notMultipart', { thing: message('upload.thing.template') }),
            },
          ]);
        }
        const part = await request.file();
        if (!part || part.fieldname !== 'file') {
          throw invalid([
            { field: 'body.file', message: message('upload.noFileField', { thing: message('upload.thing.template') }) },
          ]);
        }
        const buffer = await part.toBuffer();
        return importWorkbook(db, ctx(request), request.params.code, buffer);
      },
    );
  });
}
