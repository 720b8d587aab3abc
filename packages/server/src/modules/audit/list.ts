import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import { beijingTime, type ExportColumn } from '../../http/xlsx.ts';
import { authorize, type Actor } from '../auth/index.ts';
import { auditRepository } from './repository.ts';
import type { AuditEntry, AuditQuery } from '@chuangcheng/core';

/** The audit trail within the actor's scope, newest first, cursor-paged on the entry id. */
export async function listAudit(
  db: Kysely<Database>,
  actor: Actor,
  q: Omit<z.infer<typeof AuditQuery>, 'limit'> & { limit: number },
): Promise<{ items: AuditEntry[]; nextCursor: string | null; total?: number }> {
  authorize(actor, 'audit.read');
  const beforeId = q.page ? undefined : cursor.decode(q.cursor);
  const filter = {
    scopePath: actor.regionPath,
    entityType: q.entityType,
    entityId: q.entityId,
    action: q.action,
    actor: q.actor,
    from: q.from,
    to: q.to,
  };
  const rows = await auditRepository.list(db, {
    ...filter,
    beforeId: beforeId ? Number(beforeId) : undefined,
    offset: q.page ? offsetOf(q.page, q.limit) : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      regionCode: r.region_code,
      regionName: r.region_name,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
      shard: r.shard,
      seq: r.seq === null ? null : Number(r.seq),
      pending: r.seq === null,
    })),
    nextCursor: rows.length > q.limit ? cursor.encode(String(page[page.length - 1]!.id)) : null,
    ...(q.page ? { total: await auditRepository.count(db, filter) } : {}),
  };
}

/** The columns of the audit export; the change itself stays in the application (it can be large JSON). */
export const AUDIT_COLUMNS: ExportColumn<AuditEntry>[] = [
  { header: '序号', width: 9, value: (e) => e.id },
  { header: '时间', width: 17, value: (e) => beijingTime(e.at) },
  { header: '操作人', width: 16, value: (e) => e.actorName },
  { header: '操作', width: 22, value: (e) => e.action },
  { header: '对象类型', width: 16, value: (e) => e.entityType },
  { header: '对象', width: 38, value: (e) => e.entityId },
  { header: '区域', width: 14, value: (e) => e.regionName ?? e.regionCode },
  { header: '请求编号', width: 24, value: (e) => e.requestId },
];
