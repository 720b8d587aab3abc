import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IdempotencyKey, issueMessage, message } from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import { invalid } from '../../http/problem.ts';
import type { Upload } from '../attachments/index.ts';
// What the case routes share: path and query schemas, the idempotency key and the one-photo upload.
import { fileStoreOf } from '../../storage/file-store.ts';

export const IdParams = z.strictObject({ id: z.uuid() });
export const NumberParams = z.strictObject({ number: z.string().regex(/^\d{8,20}$/, 'a case number') });
export const PhotoParams = z.strictObject({
  id: z.uuid(),
  photoId: z.uuid(),
  version: z.enum(['original', 'display']),
});
export const CoverageQuery = z.strictObject({ on: z.iso.date().optional() });
export const HolidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const PublicRegionQuery = z.strictObject({
  parent: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
});
export const PublicRegionList = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), hasChildren: z.boolean() })),
});
export const TrackManyResponse = z.object({
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
export const HolidayList = z.object({
  items: z.array(
    z.object({ year: z.number(), source: z.string(), holidays: z.array(z.string()), workdays: z.array(z.string()) }),
  ),
});

/** The idempotency key from the header or the body; 400 naming the header when absent or malformed. */
export function keyOf(request: FastifyRequest, body: { idempotencyKey?: string }): string {
  const header = request.headers['idempotency-key'];
  const value = (Array.isArray(header) ? header[0] : header) ?? body.idempotencyKey;
  const parsed = IdempotencyKey.safeParse(value);
  if (!parsed.success) {
    throw invalid([
      {
        field: 'header.idempotency-key',
        message: value ? issueMessage(parsed.error.issues[0]!) : message('case.idempotencyKeyMissing'),
      },
    ]);
  }
  if (body.idempotencyKey && header && body.idempotencyKey !== value) {
    throw invalid([{ field: 'body.idempotencyKey', message: message('case.idempotencyKeyMismatch') }]);
  }
  return parsed.data;
}

export async function fileOf(
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

export const publicRead = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** Where case photos are kept and how large one may be. */
export function caseStorage(deps: ModuleDeps) {
  return { files: fileStoreOf(deps.config), maxBytes: deps.config.uploadMaxBytes };
}
