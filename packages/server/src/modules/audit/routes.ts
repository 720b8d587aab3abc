import type { App, ModuleDeps } from '../../http/types.ts';
import { notFound } from '../../http/problem.ts';
import { authorize } from '../auth/index.ts';
import { actorRoutes } from '../../http/route.ts';
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
  const { db } = deps;
  const route = actorRoutes(app, ['audit']);
  route.listWithExport(
    '/audit',
    {
      summary: 'The audit trail within your scope, newest first (entries not yet sequenced are marked pending)',
      querystring: AuditQuery,
      response: AuditPage,
      exportSummary: 'The audit trail within your scope as an Excel file (same filters as GET /audit)',
    },
    ({ actor, query }) => listAudit(db, actor, query),
    ({ pages }) => ({ sheet: '审计日志', title: '审计日志', columns: AUDIT_COLUMNS, file: 'audit', pages }),
  );

  route.get(
    '/audit/verify',
    {
      summary: "Rebuild every shard's Merkle tree from its entries and check it against every signed checkpoint",
      response: AuditVerdict,
    },
    ({ actor }) => {
      authorize(actor, 'audit.read');
      return verifyAuditLog(db);
    },
  );

  route.get(
    '/audit/checkpoints',
    { summary: 'The newest signed checkpoint of every shard, to keep outside the database', response: CheckpointList },
    async ({ actor }) => {
      authorize(actor, 'audit.read');
      return { checkpoints: await exportCheckpoints(db) };
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
      keys: (await auditRepository.signingKeys(db)).map((k) => ({
        keyId: k.key_id,
        publicKey: k.public_key,
        firstUsed: k.first_used.toISOString(),
      })),
    }),
  );

  route.get(
    '/audit/consistency',
    {
      summary: "Proof that a shard's tree only grew between two sizes (RFC 9162 consistency proof)",
      querystring: ConsistencyQuery,
      response: ConsistencyProof,
    },
    ({ actor, query }) => {
      authorize(actor, 'audit.read');
      return getConsistencyProof(db, query.shard, query.first, query.second);
    },
  );

  route.get(
    '/audit/:id/proof',
    {
      summary: 'Proof that an audit entry is in its signed tree (RFC 9162 inclusion proof)',
      params: AuditEntryParams,
      response: InclusionProof,
    },
    async ({ actor, params: { id } }) => {
      authorize(actor, 'audit.read');
      if (!(await auditRepository.isVisible(db, id, actor.regionPath))) throw notFound('auditEntry', id);
      return getInclusionProof(db, id);
    },
  );
}
