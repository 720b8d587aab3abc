import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../http/problem.ts';
import { message } from '@chuangcheng/core';

/** The evidence file types offices exchange, by extension, with the bytes such a file starts with. */
const FILE_TYPES: Record<string, { contentType: string; magic: number[] | null }> = {
  pdf: { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  png: { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  // XLSX and DOCX are ZIP containers; XLS is an OLE2 compound file.
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xls: { contentType: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  // CSV has no signature: it must at least be text (no NUL bytes at its start).
  csv: { contentType: 'text/csv', magic: null },
};

const HEAD_BYTES = 512;

/** A file name safe to store and to send back: no directories, no control characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"]/g, '');
  return base.slice(-200) || 'file';
}

/** The content type for an allowed extension, or 415 naming the field. */
export function fileTypeOf(fileName: string): { extension: string; contentType: string } {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const type = FILE_TYPES[extension];
  if (!type) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', message('upload.typeNotAccepted', { extension: extension || '—' }), [
      { field: 'body.file', message: message('upload.allowedTypes') },
    ]);
  }
  return { extension, contentType: type.contentType };
}

function matchesMagic(extension: string, head: Buffer): boolean {
  const magic = FILE_TYPES[extension]!.magic;
  if (magic === null) return head.length > 0 && !head.includes(0);
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

export type StoredUpload = { tempPath: string; sha256: string; sizeBytes: number };

/**
 * Streams an upload into a temporary file below `uploadsDir` while hashing it, then
 * checks that its first bytes match its extension. Any failure removes the file.
 * `truncated` tells whether the multipart limit cut the stream.
 */
export async function receiveUpload(
  uploadsDir: string,
  source: Readable & { truncated?: boolean },
  extension: string,
  maxBytes: number,
): Promise<StoredUpload> {
  const tmpDir = path.join(uploadsDir, '.tmp');
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, crypto.randomUUID());
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, fs.createWriteStream(tempPath, { flags: 'wx' }));
    if (source.truncated || size > maxBytes) throw tooLarge(maxBytes);
    if (!matchesMagic(extension, head)) {
      throw new AppError('UNSUPPORTED_FILE_TYPE', message('upload.notOfType', { extension }), [
        { field: 'body.file', message: message('upload.contentMismatch', { extension }) },
      ]);
    }
    return { tempPath, sha256: hash.digest('hex'), sizeBytes: size };
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    throw error;
  }
}

function tooLarge(maxBytes: number) {
  return new AppError('FILE_TOO_LARGE', message('upload.atMost', { maxBytes }), [
    { field: 'body.file', message: message('upload.tooLarge', { maxBytes }) },
  ]);
}

/** Where a new upload goes: `<yyyy>/<uuid>` below the uploads directory. */
export function newStorageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${crypto.randomUUID()}`;
}

export async function removeTempFile(tempPath: string): Promise<void> {
  await fs.promises.rm(tempPath, { force: true });
}

/**
 * Removes temporary upload files older than an hour: what a process that died mid-upload
 * left behind. Younger ones may belong to an upload still streaming in another process.
 */
export async function sweepStaleUploads(uploadsDir: string, now = Date.now()): Promise<void> {
  const tmpDir = path.join(uploadsDir, '.tmp');
  const names = await fs.promises.readdir(tmpDir).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(tmpDir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && now - stat.mtimeMs > 3_600_000) await fs.promises.rm(file, { force: true });
  }
}
