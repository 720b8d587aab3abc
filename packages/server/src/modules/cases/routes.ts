import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  message,
  CaseAction,
  CaseCategory,
  CaseCategoryList,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseMap,
  CaseMapQuery,
  CaseSettings,
  CasePhoto,
  CaseStats,
  CaseStatsQuery,
  CaseTracking,
  CreateDispatchRule,
  DispatchRule,
  DispatchRuleList,
  DuplicateCandidate,
  IdempotencyKey,
  IntakeResponse,
  NearbyQuery,
  PhotoKind,
  PublicCaseIntake,
  RatingRequest,
  StaffCaseIntake,
  SupplementRequest,
  TrackingQuery,
  TrackManyQuery,
  UpdateCategoryRequest,
  CalendarCoverage,
} from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { requireActor } from '../auth/index.ts';
import type { Upload } from '../attachments/index.ts';
import { fileStoreOf } from '../../storage/file-store.ts';
import { actOnCase } from './actions.ts';
import { rateCase, supplementCase } from './reporter-actions.ts';
import {
  createDispatchRule,
  deleteDispatchRule,
  listDispatchRules,
  readCalendarCoverage,
  readHolidays,
  readSettings,
  updateCategory,
  updateSettings,
} from './config.ts';
import { fileCase, nearbyOpenCases } from './intake.ts';
import { openDisplayPhoto, openStoredPhoto, sweepUnattachedPhotos, uploadCasePhoto } from './photos.ts';
import { casePolicy } from './policy.ts';
import { listCases, presentCategory, readCase, trackCase, trackMany } from './read.ts';
import { caseRepository } from './repository.ts';
import { revealReporterPhone } from './reporter-phone.ts';
import { caseMap, caseStatistics } from './stats.ts';
import { statsWorkbook } from './stats-xlsx.ts';
import { sendXlsx } from '../../http/xlsx.ts';

const IdParams = z.strictObject({ id: z.uuid() });
const NumberParams = z.strictObject({ number: z.string().regex(/^\d{8,20}$/, 'a case number') });
const PhotoParams = z.strictObject({ id: z.uuid(), photoId: z.uuid(), version: z.enum(['original', 'display']) });
const CoverageQuery = z.strictObject({ on: z.iso.date().optional() });
const HolidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const PublicRegionQuery = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
const PublicRegionList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), hasChildren: z.boolean() })),
});
const TrackManyResponse = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      status: z.string(),
      deadline: z.string(),
      colour: z.enum(['green', 'yellow', 'red']),
      paused: z.boolean(),
      mergedInto: z.string().nullable(),
    }),
  ),
});
const HolidayList = z.object({
  items: z.array(
    z.object({ year: z.number(), source: z.string(), holidays: z.array(z.string()), workdays: z.array(z.string()) }),
  ),
});

/** The idempotency key from the header or the body; 400 naming the header when absent or malformed. */
function keyOf(request: FastifyRequest, body: { idempotencyKey?: string }): string {
  const header = request.headers['idempotency-key'];
  const value = (Array.isArray(header) ? header[0] : header) ?? body.idempotencyKey;
  const parsed = IdempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw invalid([
      {
        field: 'header.idempotency-key',
        message: value ? parsed.error.issues[0]!.message : 'send an Idempotency-Key header (a fresh UUID per report)',
      },
    ]);
  }
  if (body.idempotencyKey && header && body.idempotencyKey !== value) {
    throw invalid([{ field: 'body.idempotencyKey', message: message('case.idempotencyKeyMismatch') }]);
  }
  return parsed.data;
}

async function fileOf(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ upload: Upload; fields: Record<string, string> }> {
  if (!request.isMultipart()) {
    throw invalid([
      { field: 'body.file', message: message('upload.notMultipart', { thing: message('upload.thing.photo') }) },
    ]);
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part || part.fieldname !== 'file')
    throw invalid([
      { field: 'body.file', message: message('upload.noFileField', { thing: message('upload.thing.photo') }) },
    ]);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field') fields[name] = String(field.value);
  }
  return { upload: { fileName: part.filename, stream: part.file }, fields };
}

const publicRead = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** Problem cases: public intake and tracking under /public, staff work under /cases. */
export async function caseRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];
  const storage = { files: fileStoreOf(deps.config), maxBytes: deps.config.uploadMaxBytes };
  // Photos uploaded for a report that was never sent: removed a day later (and by `cases sweep-photos`).
  await sweepUnattachedPhotos(deps.db, storage.files);

  // ---------------------------------------------------------------- public (no account)
  app.get(
    '/public/case-categories',
    {
      config: publicRead,
      schema: { tags, summary: 'Case categories in use (public)', response: { 200: CaseCategoryList } },
    },
    async () => ({ items: (await caseRepository.listCategories(deps.db, true)).map(presentCategory) }),
  );
  app.get(
    '/public/regions',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Region picker for the public report page: children of a region (default: the province)',
        querystring: PublicRegionQuery,
        response: { 200: PublicRegionList },
      },
    },
    async (request) => {
      const parent = request.query.parent ?? (await caseRepository.root(deps.db))?.code;
      if (!parent) return { items: [] };
      const rows = await caseRepository.publicChildren(deps.db, parent);
      return {
        items: rows.map((r) => ({ code: r.code, name: r.name, level: r.level, hasChildren: Boolean(r.has_children) })),
      };
    },
  );
  app.get(
    '/public/cases/nearby',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Open cases of a category near a point (possible duplicates)',
        querystring: NearbyQuery,
        response: { 200: z.object({ items: z.array(DuplicateCandidate) }) },
      },
    },
    async (request) => ({
      items: await nearbyOpenCases(deps.db, request.query.categoryCode, {
        lat: request.query.lat,
        lng: request.query.lng,
      }),
    }),
  );
  app.post(
    '/public/cases',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Report a problem (resident, no account; Idempotency-Key required)',
        body: PublicCaseIntake,
        response: { 200: IntakeResponse, 201: IntakeResponse },
      },
    },
    async (request, reply) => {
      const key = keyOf(request, request.body);
      const result = await fileCase(
        deps.db,
        { actor: request.actor, requestId: request.id, log: request.log, personalData: deps.personalData },
        key,
        {
          ...request.body,
          channel: 'resident_web',
        },
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.get(
    '/public/cases',
    {
      config: publicRead,
      schema: {
        tags,
        summary: "Statuses of several of the reporter's cases (number.token pairs)",
        querystring: TrackManyQuery,
        response: { 200: TrackManyResponse },
      },
    },
    async (request) =>
      trackMany(
        deps.db,
        request.query.refs.split(',').map((ref) => {
          const [number, token] = ref.split('.') as [string, string];
          return { number, token };
        }),
      ),
  );
  app.get(
    '/public/cases/:number',
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'Track a case by number and tracking token (a number alone is refused)',
        params: NumberParams,
        querystring: TrackingQuery,
        response: { 200: CaseTracking },
      },
    },
    async (request) => trackCase(deps.db, request.params.number, request.query.token),
  );
  app.post(
    '/public/cases/:number/rating',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Rate a closed case (tracking token)',
        params: NumberParams,
        body: RatingRequest,
        response: { 200: CaseTracking },
      },
    },
    async (request) => rateCase(deps.db, request.id, request.params.number, request.body),
  );
  app.post(
    '/public/cases/:number/supplement',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Add information to a case (tracking token); resumes a paused clock',
        params: NumberParams,
        body: SupplementRequest,
        response: { 200: CaseTracking },
      },
    },
    async (request) => supplementCase(deps.db, request.id, request.params.number, request.body),
  );
  app.get(
    '/public/case-photos/:id',
    {
      config: publicRead,
      schema: { tags, summary: 'Display version of a photo (no location metadata)', params: IdParams },
    },
    async (request, reply) => {
      const stream = await openDisplayPhoto(deps.db, storage.files, request.params.id);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  );

  // Multipart parsing only for the photo uploads.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 3 } });
    scoped.post(
      '/public/case-photos',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Upload a photo for a report (multipart field "file": JPEG or PNG)',
          response: { 201: CasePhoto },
        },
      },
      async (request, reply) => {
        const { upload } = await fileOf(request, storage.maxBytes);
        return reply.code(201).send(await uploadCasePhoto(deps.db, storage, upload, 'before', null));
      },
    );
    scoped.post(
      '/cases/photos',
      {
        schema: {
          tags,
          summary: 'Upload a photo for an intake or an action (multipart "file"; kind in ?kind= or the field "kind")',
          querystring: z.strictObject({ kind: PhotoKind.optional() }),
          response: { 201: CasePhoto },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        casePolicy.canUpload(actor);
        const { upload, fields } = await fileOf(request, storage.maxBytes);
        const kind = PhotoKind.safeParse(request.query.kind ?? fields.kind ?? 'after');
        if (!kind.success) throw invalid([{ field: 'body.kind', message: message('upload.photoKind') }]);
        return reply.code(201).send(await uploadCasePhoto(deps.db, storage, upload, kind.data, actor));
      },
    );
  });

  // ---------------------------------------------------------------- staff
  app.get(
    '/cases/categories',
    { schema: { tags, summary: 'All case categories, inactive included', response: { 200: CaseCategoryList } } },
    async (request) => {
      requireActor(request);
      return { items: (await caseRepository.listCategories(deps.db, false)).map(presentCategory) };
    },
  );
  app.patch(
    '/cases/categories/:code',
    {
      schema: {
        tags,
        summary: "Change a category's time limit, default unit or use (province administrators)",
        params: z.strictObject({ code: z.string().min(2).max(32) }),
        body: UpdateCategoryRequest,
        response: { 200: CaseCategory },
      },
    },
    async (request) =>
      updateCategory(
        deps.db,
        { actor: requireActor(request), requestId: request.id },
        request.params.code,
        request.body,
      ),
  );
  app.get(
    '/cases/settings',
    { schema: { tags, summary: 'Duplicate suggestion distance and window', response: { 200: CaseSettings } } },
    async (request) => readSettings(deps.db, requireActor(request)),
  );
  app.put(
    '/cases/settings',
    {
      schema: {
        tags,
        summary: 'Change the duplicate distance and window (province administrators)',
        body: CaseSettings,
        response: { 200: CaseSettings },
      },
    },
    async (request) => updateSettings(deps.db, { actor: requireActor(request), requestId: request.id }, request.body),
  );
  app.get(
    '/cases/holidays',
    {
      schema: {
        tags,
        summary: 'The holiday calendar in use',
        querystring: HolidayQuery,
        response: { 200: HolidayList },
      },
    },
    async (request) => readHolidays(deps.db, requireActor(request), request.query.year),
  );
  app.get(
    '/cases/holidays/coverage',
    {
      schema: {
        tags,
        summary: 'Years the holiday calendar lacks: this year, and from 1 October the next (the settings page warns)',
        querystring: CoverageQuery,
        response: { 200: CalendarCoverage },
      },
    },
    async (request) => readCalendarCoverage(deps.db, requireActor(request), request.query.on),
  );
  app.get(
    '/cases/dispatch-rules',
    { schema: { tags, summary: 'Dispatch rules in your scope', response: { 200: DispatchRuleList } } },
    async (request) => listDispatchRules(deps.db, requireActor(request)),
  );
  app.post(
    '/cases/dispatch-rules',
    {
      schema: {
        tags,
        summary: 'Name the unit for a region (and category)',
        body: CreateDispatchRule,
        response: { 201: DispatchRule },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createDispatchRule(deps.db, { actor: requireActor(request), requestId: request.id }, request.body)),
  );
  app.delete(
    '/cases/dispatch-rules/:id',
    { schema: { tags, summary: 'Delete a dispatch rule', params: IdParams } },
    async (request, reply) => {
      await deleteDispatchRule(deps.db, { actor: requireActor(request), requestId: request.id }, request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/cases/stats',
    {
      schema: {
        tags,
        summary: 'Case statistics (结案率, 按期结案率, 返工率 ...)',
        querystring: CaseStatsQuery,
        response: { 200: CaseStats },
      },
    },
    async (request) => caseStatistics(deps.db, requireActor(request), request.query),
  );
  app.get(
    '/cases/stats.xlsx',
    {
      schema: {
        tags,
        summary: 'Case statistics as an Excel file, with a sheet of the definitions (口径说明)',
        querystring: CaseStatsQuery,
      },
    },
    async (request, reply) => {
      const stats = await caseStatistics(deps.db, requireActor(request), request.query);
      const name = `案件统计-${stats.from}-${stats.to}.xlsx`;
      return sendXlsx(reply, { ascii: 'case-stats.xlsx', name }, await statsWorkbook(stats));
    },
  );
  app.get(
    '/cases/map',
    {
      schema: {
        tags,
        summary: 'Open cases as points and per region',
        querystring: CaseMapQuery,
        response: { 200: CaseMap },
      },
    },
    async (request) => caseMap(deps.db, requireActor(request), request.query),
  );
  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'File a case for a caller or as an inspector (Idempotency-Key required)',
        body: StaffCaseIntake,
        response: { 200: IntakeResponse, 201: IntakeResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const key = keyOf(request, request.body);
      const result = await fileCase(
        deps.db,
        { actor, requestId: request.id, log: request.log, personalData: deps.personalData },
        key,
        request.body,
      );
      return reply.code(result.status).send(result.body);
    },
  );
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases and queues in your scope',
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) => listCases(deps.db, requireActor(request), request.query),
  );
  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case with its timeline and photos',
        params: IdParams,
        response: { 200: CaseDetail },
      },
    },
    async (request) => readCase(deps.db, requireActor(request), request.params.id),
  );
  app.get(
    '/cases/:id/reporter-phone',
    {
      schema: {
        tags,
        summary: 'The reporter’s full phone number (personal_data.reveal; every call is audited)',
        params: IdParams,
        response: { 200: z.object({ phone: z.string().nullable() }) },
      },
    },
    async (request) =>
      revealReporterPhone(
        deps.db,
        deps.personalData,
        { actor: requireActor(request), requestId: request.id },
        request.params.id,
      ),
  );
  app.post(
    '/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Take a workflow action',
        params: IdParams,
        body: CaseAction,
        response: { 200: CaseDetail },
      },
    },
    async (request) =>
      actOnCase(deps.db, { actor: requireActor(request), requestId: request.id }, request.params.id, request.body),
  );
  app.get(
    '/cases/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Open cases near this one',
        params: IdParams,
        response: { 200: z.object({ items: z.array(DuplicateCandidate) }) },
      },
    },
    async (request) => {
      const detail = await readCase(deps.db, requireActor(request), request.params.id);
      if (detail.lat === null || detail.lng === null) return { items: [] };
      return {
        items: await nearbyOpenCases(deps.db, detail.categoryCode, { lat: detail.lat, lng: detail.lng }, detail.id),
      };
    },
  );
  app.get(
    '/cases/:id/photos/:photoId/:version',
    {
      schema: {
        tags,
        summary: 'A photo of a case: the original (evidence) or the display version',
        params: PhotoParams,
      },
    },
    async (request, reply) => {
      await readCase(deps.db, requireActor(request), request.params.id);
      const row = await caseRepository.findPhoto(deps.db, request.params.photoId);
      if (!row || row.case_id !== request.params.id) throw notFound('photo', request.params.photoId);
      const version = request.params.version;
      const stream = await openStoredPhoto(storage.files, row, version);
      return reply
        .type(version === 'original' ? row.content_type : 'image/jpeg')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(stream);
    },
  );
}
