import type { App, ModuleDeps } from '../../http/types.ts';
import { cursor } from '../../http/types.ts';
import { authorize, requireActor } from '../auth/actor.ts';
import { auditRepository } from './repository.ts';
import { AuditPage, AuditQuery, ChainVerdict } from './schema.ts';
import { verifyAuditChain } from './service.ts';

export async function auditRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail within your scope, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read');
      const q = request.query;
      const beforeId = cursor.decode(q.cursor);
      const rows = await auditRepository.list(deps.db, {
        scopePath: actor.regionPath,
        entityType: q.entityType,
        entityId: q.entityId,
        action: q.action,
        actor: q.actor,
        from: q.from,
        to: q.to,
        beforeId: beforeId ? Number(beforeId) : undefined,
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
          before: r.before ?? null,
          after: r.after ?? null,
          requestId: r.request_id,
        })),
        nextCursor: rows.length > q.limit ? cursor.encode(String(page[page.length - 1]!.id)) : null,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole audit trail',
        response: { 200: ChainVerdict },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read');
      return verifyAuditChain(deps.db);
    },
  );
}
