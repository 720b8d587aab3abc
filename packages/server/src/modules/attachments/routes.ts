import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import { multipartFile } from '../../http/upload.ts';
import { dispositionOf } from '../../http/xlsx.ts';
import { requireActor } from '../auth/index.ts';
import { AttachmentView } from '@chuangcheng/core';
import type { OwnerType } from './repository.ts';
import { openAttachment, uploadAttachment, type Upload } from './service.ts';
import { fileStoreOf } from '../../storage/file-store.ts';
import { sweepStaleUploads } from './storage.ts';

const IdParams = z.strictObject({ id: z.uuid() });

/** The one file of a multipart request, in the field `file`. */
async function fileOf(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const part = await multipartFile(request, 'file', { fileSize: maxBytes, files: 1 });
  return { fileName: part.filename, stream: part.file };
}

export async function attachmentRoutes(app: App, deps: ModuleDeps) {
  const files = fileStoreOf(deps.config);
  const storage = { files, maxBytes: deps.config.uploadMaxBytes };
  const tags = ['attachments'];
  await sweepStaleUploads(files.scratchDir);
  const owners: { path: string; type: OwnerType; summary: string }[] = [
    { path: '/reports/:id/attachments', type: 'progress_report', summary: 'Attach evidence to a draft report' },
    { path: '/notices/:id/attachments', type: 'notice_reply', summary: "Attach evidence to a notice's reply" },
    { path: '/meetings/:id/attachments', type: 'joint_meeting', summary: 'Attach a file to a joint meeting' },
    {
      path: '/supervision/instructions/:id/attachments',
      type: 'leader_instruction',
      summary: "Attach the original document or evidence to a leader's instruction",
    },
    {
      path: '/evaluation/evidence/:id/attachments',
      type: 'evaluation_evidence',
      summary: "Attach a file to a city's material",
    },
    {
      path: '/evaluation/findings/:id/attachments',
      type: 'evaluation_finding',
      summary: 'Attach a photo to a finding',
    },
    {
      path: '/evaluation/incidents/:id/attachments',
      type: 'evaluation_incident',
      summary: 'Attach a document to an incident',
    },
  ];

  // Multipart parsing only for these routes: every other route keeps accepting JSON only.
  await app.register(async (scoped: App) => {
    await scoped.register(multipart, { limits: { files: 1, fields: 5 } });
    for (const owner of owners) {
      scoped.post(
        owner.path,
        {
          schema: {
            tags,
            summary: `${owner.summary} (multipart field "file": PDF, PNG, JPEG, XLSX, XLS, DOCX or CSV)`,
            params: IdParams,
            response: { 201: AttachmentView },
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          const upload = await fileOf(request, storage.maxBytes);
          const created = await uploadAttachment(
            deps.db,
            { actor, requestId: request.id },
            storage,
            { type: owner.type, id: request.params.id },
            upload,
          );
          return reply.code(201).send(created);
        },
      );
    }
  });

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: 'Download an attachment', params: IdParams } },
    async (request, reply) => {
      const { row, stream } = await openAttachment(deps.db, requireActor(request), files, request.params.id);
      return reply
        .type(row.content_type)
        .header('content-disposition', dispositionOf(row.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(row.size_bytes))
        .send(stream);
    },
  );
}
