import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type AuditRow = Database['audit_log'] extends infer T
  ? { [K in keyof T]: K extends 'id' ? number : T[K] }
  : never;

// Serialises appends so that each row's prev_hash is the hash of the row before it.
const AUDIT_CHAIN_LOCK = 7_242_009_002;

export const auditRepository = {
  async lockChain(trx: Kysely<Database>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
  },

  async nextId(trx: Kysely<Database>): Promise<number> {
    const { rows } = await sql<{ id: number }>`select nextval('audit_log_id_seq')::bigint as id`.execute(trx);
    return Number(rows[0]!.id);
  },

  async lastHash(trx: Kysely<Database>): Promise<string | undefined> {
    const row = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.hash;
  },

  async insert(trx: Kysely<Database>, row: AuditRow): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({ ...row, before: jsonOrNull(row.before), after: jsonOrNull(row.after) })
      .execute();
  },

  /** Rows in id order after `afterId`, for chain verification. */
  async batchAfter(db: Kysely<Database>, afterId: number, limit: number): Promise<AuditRow[]> {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows as AuditRow[];
  },

  async list(
    db: Kysely<Database>,
    filter: {
      scopePath: string;
      entityType?: string;
      entityId?: string;
      action?: string;
      actor?: string;
      from?: Date;
      to?: Date;
      beforeId?: number;
      limit: number;
    },
  ): Promise<AuditRow[]> {
    const regionInScope = (eb: ExpressionBuilder<Database, 'audit_log'>) =>
      eb.exists(
        eb
          .selectFrom('region')
          .select(sql`1`.as('one'))
          .whereRef('region.code', '=', 'audit_log.region_code')
          .where((r) =>
            r.or([r('region.path', '=', filter.scopePath), r('region.path', 'like', `${filter.scopePath}/%`)]),
          ),
      );
    // Rows without a region (sign-ins, system events) are visible only from a root scope.
    const isRootScope = !filter.scopePath.includes('/');
    let query = db
      .selectFrom('audit_log')
      .selectAll('audit_log')
      .where((eb) =>
        isRootScope ? eb.or([eb('audit_log.region_code', 'is', null), regionInScope(eb)]) : regionInScope(eb),
      );
    if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actor) query = query.where('actor_name', '=', filter.actor);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
    const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows as AuditRow[];
  },
};

function jsonOrNull(value: unknown) {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
