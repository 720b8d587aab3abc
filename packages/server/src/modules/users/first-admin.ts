import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/index.ts';
import { systemActor } from '../auth/index.ts';
import { userRepository } from './repository.ts';

/** Whether the installation has a province administrator yet (bootstrap creates `admin` when not). */
export async function hasProvinceAdmin(db: Kysely<Database>): Promise<boolean> {
  return (await userRepository.countByRole(db, 'province_admin')) > 0;
}

/** Creates the first province administrator, `admin`, at the root region, with an audit row. */
export async function insertFirstAdmin(
  db: Kysely<Database>,
  root: { code: string; path: string },
  passwordHash: string,
): Promise<void> {
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await userRepository.insert(trx, {
      id,
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      role: 'province_admin',
      regionCode: root.code,
      orgUnitId: null,
    });
    await recordAudit(
      trx,
      { actor: systemActor(root.code, root.path) },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        regionCode: root.code,
        after: { username: 'admin', role: 'province_admin' },
      },
    );
  });
}
