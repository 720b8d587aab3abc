import type { FastifyRequest } from 'fastify';
import { IdempotencyKey, issueMessage, message } from '@chuangcheng/core';
import type { ModuleDeps } from '../../http/types.ts';
import { invalid } from '../../http/problem.ts';
import { multipartFile } from '../../http/upload.ts';
import type { Upload } from '../attachments/index.ts';
// What the case routes share: the idempotency key, the one-photo upload and the public rate limit
// (their path, query and answer schemas are in core: api/cases.ts).
import { fileStoreOf } from '../../storage/file-store.ts';

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
  const part = await multipartFile(request, 'photo', { fileSize: maxBytes, files: 1 });
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
