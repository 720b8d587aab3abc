import { z } from 'zod';
import type { App, ModuleDeps } from '../../http/types.ts';
import { cursor } from '../../http/types.ts';
import { notFound } from '../../http/problem.ts';
import { authorize, requireActor } from '../auth/actor.ts';
import { exportCheckpoints, getConsistencyProof, getInclusionProof } from './proofs.ts';
import { auditRepository } from './repository.ts';
import {
  AuditPage,
  AuditQuery,
  AuditVerdict,
  Checkpoint,
  ConsistencyProof,
  ConsistencyQuery,
  EntryParams,
  InclusionProof,
  SigningKeys,
} from './schema.ts';
import { verifyAuditLog } from './verify.ts';

export async function auditRoutes(app: App, deps: ModuleDeps) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail within your scope, newest first (entries not yet sequenced are marked pending)',
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
          shard: r.shard,
          seq: r.seq === null ? null : Number(r.seq),
          pending: r.seq === null,
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
        summary: "Rebuild every shard's Merkle tree from its entries and check it against every signed checkpoint",
        response: { 200: AuditVerdict },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read');
      return verifyAuditLog(deps.db);
    },
  );

  app.get(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: 'The newest signed checkpoint of every shard, to keep outside the database',
        response: { 200: z.object({ checkpoints: z.array(Checkpoint) }) },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit.read');
      return { checkpoints: await exportCheckpoints(deps.db) };
    },
  );

  app.get(
    '/public/audit/public-keys',
    {
      config: { public: true },
      schema: {
        tags: ['audit'],
        summary: 'The Ed25519 public keys that sign audit checkpoints (PEM), for anyone to check them',
        response: { 200: SigningKeys },
      },
    },
    async () => ({
      keys: (await auditRepository.signingKeys(deps.db)).map((k) => ({
        keyId: k.key_id,
        publicKey: k.public_key,
        firstUsed: k.first_used.toISOString(),
      })),
    }),
  );

  app.get(
    '/audit/consistency',
    {
      schema: {
        tags: ['audit'],
        summary: "Proof that a shard's tree only grew between two sizes (RFC 9162 consistency proof)",
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProof },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit.read');
      const { shard, first, second } = request.query;
      return getConsistencyProof(deps.db, shard, first, second);
    },
  );

  app.get(
    '/audit/:id/proof',
    {
      schema: {
        tags: ['audit'],
        summary: 'Proof that an audit entry is in its signed tree (RFC 9162 inclusion proof)',
        params: EntryParams,
        response: { 200: InclusionProof },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read');
      const { id } = request.params;
      if (!(await auditRepository.isVisible(deps.db, id, actor.regionPath))) throw notFound(`audit entry ${id}`);
      return getInclusionProof(deps.db, id);
    },
  );
}
