import crypto from 'node:crypto';
import { message } from '@chuangcheng/core';
import path from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { CasePhoto, PhotoKind } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { cleanFileName, newStorageKey, receiveUpload, removeTempFile } from '../attachments/index.ts';
import type { FileStore } from '../../storage/file-store.ts';
import type { Storage, Upload } from '../attachments/index.ts';
import { caseRepository, type PhotoRow } from './repository.ts';

/** Longest side of the display version. */
const DISPLAY_PX = 1280;

/** JPEG or PNG only: photos of a problem, checked by their first bytes like every upload. */
function photoExtension(fileName: string): string {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (!['jpg', 'jpeg', 'png'].includes(extension)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', message('upload.notAPhotoFormat', { extension: extension || '—' }), [
      { field: 'body.file', message: message('upload.photoType') },
    ]);
  }
  return extension;
}

/**
 * Stores a photo: the original as uploaded (evidence, EXIF and GPS kept), and a display version
 * turned upright by its EXIF orientation, at most 1280 px, re-encoded as JPEG without any
 * metadata (sharp drops EXIF, GPS, XMP and ICC unless asked to keep them). The photo is not yet
 * attached to a case: intake and actions attach it by id.
 */
export async function uploadCasePhoto(
  db: Kysely<Database>,
  storage: Storage,
  upload: Upload,
  kind: PhotoKind,
  actor: Actor | null,
): Promise<CasePhoto> {
  const fileName = cleanFileName(upload.fileName);
  const extension = photoExtension(fileName);
  const received = await receiveUpload(storage.files.scratchDir, upload.stream, extension, storage.maxBytes);
  const storageKey = newStorageKey();
  const displayKey = newStorageKey();
  try {
    let display: { data: Buffer; info: sharp.OutputInfo };
    try {
      display = await sharp(received.tempPath, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize({ width: DISPLAY_PX, height: DISPLAY_PX, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
    } catch {
      throw new AppError('UNSUPPORTED_FILE_TYPE', message('upload.photoUndecodable'), [
        { field: 'body.file', message: message('upload.photoDamaged') },
      ]);
    }
    await storage.files.write(displayKey, display.data);
    await storage.files.put(storageKey, received.tempPath);
    const row = {
      id: crypto.randomUUID(),
      kind,
      file_name: fileName,
      content_type: extension === 'png' ? 'image/png' : 'image/jpeg',
      size_bytes: received.sizeBytes,
      sha256: received.sha256,
      storage_key: storageKey,
      display_key: displayKey,
      width: display.info.width,
      height: display.info.height,
      uploaded_by: actor?.userId ?? null,
    };
    await caseRepository.insertUpload(db, row);
    return presentPhoto((await caseRepository.findPhoto(db, row.id))!, actor !== null);
  } catch (error) {
    await storage.files.remove([storageKey, displayKey]);
    await removeTempFile(received.tempPath);
    throw error;
  }
}

export function presentPhoto(row: PhotoRow, staff: boolean): CasePhoto {
  const photo: CasePhoto = {
    id: row.id,
    kind: row.kind as PhotoKind,
    displayUrl: `/api/v1/public/case-photos/${row.id}`,
    width: row.width,
    height: row.height,
    uploadedAt: row.uploaded_at.toISOString(),
  };
  if (staff && row.case_id) photo.originalUrl = `/api/v1/cases/${row.case_id}/photos/${row.id}/original`;
  return photo;
}

/** The display version of a photo; not for photos of a rejected case. */
export async function openDisplayPhoto(db: Kysely<Database>, files: FileStore, id: string) {
  const row = await caseRepository.findPhoto(db, id);
  if (!row) throw notFound('photo', id);
  if (row.case_id) {
    const c = await caseRepository.findCase(db, row.case_id);
    if (c?.status === 'rejected') throw notFound('photo', id);
  }
  const stream = await files.open(row.display_key);
  if (!stream) throw notFound(message('notFound.fileMissing', { thing: message('record.photo'), id }));
  return stream;
}

export async function openStoredPhoto(files: FileStore, row: PhotoRow, version: 'original' | 'display') {
  const stream = await files.open(version === 'original' ? row.storage_key : row.display_key);
  if (!stream) throw notFound(message('notFound.fileMissing', { thing: message('record.photo'), id: row.id }));
  return stream;
}
