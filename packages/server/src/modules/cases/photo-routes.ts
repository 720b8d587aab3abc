import multipart from '@fastify/multipart';
import { CasePhoto, CasePhotoParams, CasePhotoUploadQuery, message, PhotoKind } from '@chuangcheng/core';
import type { App, ModuleDeps } from '../../http/types.ts';
import { invalid, notFound } from '../../http/problem.ts';
import { requireActor } from '../auth/index.ts';
import { openStoredPhoto, uploadCasePhoto } from './photos.ts';
import { casePolicy } from './policy.ts';
import { readCase } from './read.ts';
import { caseRepository } from './repository.ts';
import { caseStorage, fileOf } from './request-parts.ts';

/** Photo uploads (multipart, public and staff) and the staff photo download. */
export async function casePhotoRoutes(app: App, deps: ModuleDeps) {
  const tags = ['cases'];
  const storage = caseStorage(deps);
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
          querystring: CasePhotoUploadQuery,
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

  app.get(
    '/cases/:id/photos/:photoId/:version',
    {
      schema: {
        tags,
        summary: 'A photo of a case: the original (evidence) or the display version',
        params: CasePhotoParams,
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
