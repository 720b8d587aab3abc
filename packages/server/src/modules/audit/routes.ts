import type { App, ModuleDeps } from '../../http/types.ts';
import { listExportRoute } from '../../http/list-export.ts';
import { notFound } from '../../http/problem.ts';
import { authorize, requireActor } from '../auth/index.ts';
import { exportCheckpoints, getConsistencyProof, getInclusionProof } from './proofs.ts';
import { AUDIT_COLUMNS, listAudit } from './list.ts';
import { auditRepository } from './repository.ts';
import {
  AuditPage,
  AuditQuery,
  AuditVerdict,
  CheckpointList,
  ConsistencyProof,
  ConsistencyQuery,
  AuditEntryParams,
  InclusionProof,
  SigningKeys,
} from '@chuangcheng/core';
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
    async (request) => listAudit(deps.db, requireActor(request), request.query),
  );

  listExportRoute(
    app,
    '/audit/export.xlsx',
    {
      tags: ['audit'],
      summary: 'The audit trail within your scope as an Excel file (same filters as GET /audit)',
      querystring: AuditQuery.omit({ cursor: true, page: true, limit: true }),
    },
    async ({ actor, query }) => ({
      sheet: '审计日志',
      title: '审计日志',
      columns: AUDIT_COLUMNS,
      file: 'audit',
      pages: (cursor, limit) => listAudit(deps.db, actor, { ...query, cursor, limit }),
    }),
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
        response: { 200: CheckpointList },
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
        params: AuditEntryParams,
        response: { 200: InclusionProof },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read');
      const { id } = request.params;
      if (!(await auditRepository.isVisible(deps.db, id, actor.regionPath))) throw notFound('auditEntry', id);
      return getInclusionProof(deps.db, id);
    },
  );
}
