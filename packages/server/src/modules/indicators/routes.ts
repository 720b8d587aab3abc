import multipart from '@fastify/multipart';
import {
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
import { multipartFile } from '../../http/upload.ts';
import { actionContext, requireActor } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
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

/** Indicators, data entry and (from modules/cockpit) the cockpit. */
export async function indicatorRoutes(app: App, deps: ModuleDeps) {
  await cockpitRoutes(app, deps);
  const { db } = deps;
  const tags = ['indicators'];
  const route = actorRoutes(app, tags);

  route.get(
    '/indicators/catalogue',
    { summary: 'Data sets with their elements and rules, and indicators', response: CatalogueView },
    ({ actor }) => getCatalogue(db, actor),
  );
  route.get(
    '/indicators/:code',
    {
      summary: 'One indicator with the plan targets it measures',
      params: CatalogueCodeParams,
      response: IndicatorView,
    },
    ({ actor, params }) => getIndicator(db, actor, params.code),
  );
  route.get(
    '/indicators/:code/series',
    {
      summary: "An indicator's series for a region (and its children) with coverage and target lines",
      params: CatalogueCodeParams,
      querystring: SeriesQuery,
      response: IndicatorSeries,
    },
    ({ actor, params, query }) => getSeries(db, actor, params.code, query),
  );
  route.workbook(
    '/indicators/:code/series.xlsx',
    { summary: 'The series table as an Excel file', params: CatalogueCodeParams, querystring: SeriesQuery },
    async ({ actor, params, query }) => {
      const series = await getSeries(db, actor, params.code, query);
      const region = series.regions[0]!.region;
      return { file: `${series.indicator.name}-${region.name}.xlsx`, body: await seriesWorkbook(series) };
    },
  );

  route.get(
    '/data-sets/:code/entries',
    {
      summary: 'Entry status of every reporting region under a region for one period (the approvals page)',
      params: CatalogueCodeParams,
      querystring: EntryListQuery,
      response: EntryList,
    },
    ({ actor, params, query }) => listEntries(db, actor, params.code, query.region, query.period),
  );
  route.get(
    '/data-approvals',
    {
      summary: 'Entries awaiting your approval under a region, any data set and period, oldest first (cursor-paged)',
      querystring: ApprovalQueueQuery,
      response: ApprovalQueue,
    },
    ({ actor, query }) => approvalQueue(db, actor, query),
  );
  route.post(
    '/data-sets/:code/entries/approve',
    {
      summary: 'Approve many entries of one period at once (all or nothing)',
      params: CatalogueCodeParams,
      body: BulkApproveRequest,
      response: BulkApproveResult,
    },
    ({ ctx, params, body }) => bulkApprove(db, ctx, params.code, body),
  );
  const entry = '/data-sets/:code/entries/:regionCode/:period';
  route.get(
    entry,
    {
      summary: 'The form of one region and period: values, comments, status, history, what you may do',
      params: EntryParams,
      response: EntryView,
    },
    ({ actor, params: p }) => getEntry(db, actor, p.code, p.regionCode, p.period),
  );
  route.put(
    entry,
    {
      summary: 'Save values and comments as a draft (validated; locked once submitted)',
      params: EntryParams,
      body: SaveEntryRequest,
      response: EntryView,
    },
    ({ ctx, params: p, body }) => saveEntry(db, ctx, p.code, p.regionCode, p.period, body),
  );
  const actions = [
    { path: 'submit', summary: 'Submit a draft (every required value present)', run: submitEntry },
    { path: 'approve', summary: 'Approve at your level (the city, then the province)', run: approveEntry },
  ] as const;
  for (const action of actions) {
    route.post(
      `${entry}/${action.path}`,
      { summary: action.summary, params: EntryParams, response: EntryView },
      ({ ctx, params: p }) => action.run(db, ctx, p.code, p.regionCode, p.period),
    );
  }
  route.post(
    `${entry}/return`,
    {
      summary: 'Return an entry for correction, with a reason',
      params: EntryParams,
      body: ReturnEntryRequest,
      response: EntryView,
    },
    ({ ctx, params: p, body }) => returnEntry(db, ctx, p.code, p.regionCode, p.period, body.reason),
  );

  route.workbook(
    '/data-sets/:code/template.xlsx',
    {
      summary: 'An Excel template: the reporting regions under a region as rows, elements as columns',
      params: CatalogueCodeParams,
      querystring: TemplateQuery,
    },
    async ({ actor, params, query }) => {
      const { buffer, fileName } = await templateWorkbook(db, actor, params.code, query.region, query.period);
      return { file: fileName, body: buffer };
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
        const part = await multipartFile(request, 'template');
        const buffer = await part.toBuffer();
        return importWorkbook(db, actionContext(request), request.params.code, buffer);
      },
    );
  });
}
