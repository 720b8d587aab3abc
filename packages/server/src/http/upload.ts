import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { message } from '@chuangcheng/core';
import { invalid } from './problem.ts';

/** What an upload route takes, as its refusals name it (`upload.thing.<kind>` in the catalogue). */
type UploadKind = 'file' | 'xlsx' | 'template' | 'photo';

/**
 * The one file of a multipart request, in the field `file`: 400 naming `body.file` when the request
 * is not multipart or the file is not in that field. `limits` as @fastify/multipart takes them for
 * this request (else the route's registration's).
 */
export async function multipartFile(
  request: FastifyRequest,
  kind: UploadKind,
  limits?: { fileSize: number; files: number },
): Promise<MultipartFile> {
  const thing = message(`upload.thing.${kind}`);
  if (!request.isMultipart()) {
    throw invalid([{ field: 'body.file', message: message('upload.notMultipart', { thing }) }]);
  }
  const part = await request.file(limits ? { limits } : undefined);
  if (!part || part.fieldname !== 'file') {
    throw invalid([{ field: 'body.file', message: message('upload.noFileField', { thing }) }]);
  }
  return part;
}
