import crypto from 'node:crypto';
import { distributionCode, message } from '@chuangcheng/core';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { presentAttachment } from '../reports/index.ts';
import { checkOwnerAccess } from './policy.ts';
import { attachmentRepository, type OwnerType } from './repository.ts';
import type { FileStore } from '../../storage/file-store.ts';
import { cleanFileName, fileTypeOf, newStorageKey, receiveUpload, removeTempFile } from './storage.ts';

type Context = { actor: Actor; requestId?: string };
export type Upload = { fileName: string; stream: Readable & { truncated?: boolean } };
export type Storage = { files: FileStore; maxBytes: number };

/**
 * Stores one uploaded file for an owner. The file is streamed to a temporary file while
 * hashed and checked, then moved into place and recorded in one transaction; if anything
 * fails, the file is removed, so no row points to a missing file and no file lies orphaned.
 */
export async function uploadAttachment(
  db: Kysely<Database>,
  ctx: Context,
  storage: Storage,
  owner: { type: OwnerType; id: string },
  upload: Upload,
) {
  const region = await checkOwnerAccess(db, ctx.actor, owner.type, owner.id, 'attach');
  const fileName = cleanFileName(upload.fileName);
  const { extension, contentType } = fileTypeOf(fileName);
  const received = await receiveUpload(storage.files.scratchDir, upload.stream, extension, storage.maxBytes);
  const id = crypto.randomUUID();
  const storageKey = newStorageKey();
  try {
    return await db.transaction().execute(async (trx) => {
      // The owner may have changed while the file streamed in: check again inside the transaction.
      await checkOwnerAccess(trx, ctx.actor, owner.type, owner.id, 'attach');
      const row = {
        id,
        owner_type: owner.type,
        owner_id: owner.id,
        file_name: fileName,
        content_type: contentType,
        size_bytes: received.sizeBytes,
        sha256: received.sha256,
        storage_key: storageKey,
        region_code: region.regionCode,
        prefecture_code: distributionCode(region.regionCode, region.prefectureCode),
        uploaded_by: ctx.actor.userId,
      };
      await attachmentRepository.insert(trx, row);
      await recordAudit(trx, ctx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: id,
        regionCode: region.regionCode,
        prefectureCode: region.prefectureCode,
        after: row,
      });
      await storage.files.put(storageKey, received.tempPath);
      return presentAttachment((await attachmentRepository.findById(trx, id))!);
    });
  } catch (error) {
    await storage.files.remove([storageKey]);
    await removeTempFile(received.tempPath);
    throw error;
  }
}

/**
 * Gives a correction the evidence of the version it corrects: each file gets a second
 * storage key (a hard link), so discarding either version never removes the other's file.
 * The keys placed so far are pushed to `placed` for the caller to remove if the
 * transaction fails.
 */
export async function copyReportEvidence(
  trx: Kysely<Database>,
  files: FileStore,
  fromReportId: string,
  toReportId: string,
  placed: string[],
): Promise<void> {
  const rows = await attachmentRepository.listByOwners(trx, 'progress_report', [fromReportId]);
  for (const { uploaded_at: _at, ...row } of rows) {
    const storageKey = newStorageKey();
    await files.copy(row.storage_key, storageKey);
    placed.push(storageKey);
    await attachmentRepository.insert(trx, {
      ...row,
      id: crypto.randomUUID(),
      owner_id: toReportId,
      storage_key: storageKey,
    });
  }
}

/** An attachment's file, for those who may read its owner. */
export async function openAttachment(db: Kysely<Database>, actor: Actor, files: FileStore, id: string) {
  const row = await attachmentRepository.findById(db, id);
  if (!row) throw notFound('attachment', id);
  await checkOwnerAccess(db, actor, row.owner_type as OwnerType, row.owner_id, 'read');
  const stream = await files.open(row.storage_key);
  if (!stream) throw notFound(message('notFound.fileMissing', { thing: message('record.attachment'), id }));
  return { row, stream };
}
