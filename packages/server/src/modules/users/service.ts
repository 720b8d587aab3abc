import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  message,
  Role,
  rolePermissions,
  type CreateUserRequest,
  type Permission,
  type UpdateUserRequest,
  type User,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import type { Actor } from '../auth/index.ts';
import { hashPassword } from '../auth/index.ts';
import { assertStrongPassword } from '../auth/index.ts';
import { endAllSessions, endSessionsForNewPassword } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { orgUnitLookup } from '../org-units/index.ts';
import { regionLookup } from '../regions/index.ts';
import { userRepository, type UserRow } from './repository.ts';
import { userPolicy } from './policy.ts';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: Role.parse(row.role),
    regionCode: row.region_code,
    regionName: row.region_name,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

/** The audit view of an account: never the password hash. */
function auditView(row: UserRow) {
  const { region_path: _path, created_at: _created, ...rest } = row;
  return rest;
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(rolePermissions) as Permission[]).filter((p) => rolePermissions[p].includes(role));
}

export async function getUser(db: Kysely<Database>, id: string): Promise<UserRow> {
  const row = await userRepository.findById(db, id);
  if (!row) throw notFound('user', id);
  return row;
}

async function getScopeRegion(db: Kysely<Database>, code: string, field: string) {
  const region = await regionLookup.findByCode(db, code);
  if (!region) throw invalid([{ field, message: message('field.noRegion', { code }) }]);
  return region;
}

/** The organisation an account is bound to must exist and lie in both scopes (see the policy). */
async function checkOrgUnit(
  db: Kysely<Database>,
  actor: Actor,
  orgUnitId: string | null | undefined,
  accountRegionPath: string,
) {
  if (!orgUnitId) return;
  const org = await orgUnitLookup.findById(db, orgUnitId);
  if (!org) throw invalid([{ field: 'body.orgUnitId', message: message('field.noOrganisation', { id: orgUnitId }) }]);
  userPolicy.canBindOrgUnit(actor, { regionPath: org.region_path }, { regionPath: accountRegionPath });
}

export async function listUsers(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string; cursor?: string; page?: number; limit: number },
): Promise<{ items: User[]; nextCursor: string | null; total?: number }> {
  userPolicy.canList(actor);
  const filter = { scopePath: actor.regionPath, q: query.q };
  const rows = await userRepository.list(db, {
    ...filter,
    after: query.page ? undefined : cursor.decode(query.cursor),
    offset: query.page ? offsetOf(query.page, query.limit) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? cursor.encode(page[page.length - 1]!.username) : null;
  const total = query.page ? await userRepository.count(db, filter) : undefined;
  return { items: page.map(presentUser), nextCursor, ...(total === undefined ? {} : { total }) };
}

export async function readUser(db: Kysely<Database>, actor: Actor, id: string): Promise<User> {
  const row = await getUser(db, id);
  userPolicy.canRead(actor, { id: row.id, regionPath: row.region_path });
  return presentUser(row);
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateUserRequest,
  requestId?: string,
): Promise<User> {
  const region = await getScopeRegion(db, input.regionCode, 'body.regionCode');
  userPolicy.canGrant(actor, { role: input.role, regionPath: region.path });
  await checkOrgUnit(db, actor, input.orgUnitId, region.path);
  assertStrongPassword(input.password, [input.username, input.displayName], 'body.password');
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    if (await userRepository.findByUsername(trx, input.username)) {
      throw conflict(message('taken.userName', { name: input.username }), [
        { field: 'body.username', message: message('taken.already') },
      ]);
    }
    await userRepository.insert(trx, {
      id,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      regionCode: input.regionCode,
      orgUnitId: input.orgUnitId ?? null,
    });
    const created = await getUser(trx, id);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        regionCode: input.regionCode,
        after: auditView(created),
      },
    );
    return presentUser(created);
  });
}

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: UpdateUserRequest,
  requestId?: string,
): Promise<User> {
  const before = await getUser(db, id);
  const changesRoleOrScope = input.role !== undefined || input.regionCode !== undefined;
  userPolicy.canUpdate(
    actor,
    { id, role: Role.parse(before.role), regionPath: before.region_path },
    changesRoleOrScope,
  );
  const region = input.regionCode ? await getScopeRegion(db, input.regionCode, 'body.regionCode') : undefined;
  if (changesRoleOrScope) {
    userPolicy.canGrant(actor, {
      role: input.role ?? Role.parse(before.role),
      regionPath: region?.path ?? before.region_path,
    });
  }
  // A new scope is checked against the organisation the account keeps, a new organisation
  // against the scope it ends up with.
  const orgUnitAfter = input.orgUnitId === undefined ? before.org_unit_id : input.orgUnitId;
  if (input.orgUnitId !== undefined || region) {
    await checkOrgUnit(db, actor, orgUnitAfter, region?.path ?? before.region_path);
  }
  if (input.password) {
    assertStrongPassword(input.password, [before.username, input.displayName ?? before.display_name], 'body.password');
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    await userRepository.update(trx, id, {
      display_name: input.displayName,
      role: input.role,
      region_code: input.regionCode,
      org_unit_id: input.orgUnitId,
      disabled: input.disabled,
      password_hash: passwordHash,
    });
    // A disabled account or a changed scope ends every open session; a new password every
    // session but the actor's own (and a reset of someone else's password their API tokens).
    if (passwordHash) await endSessionsForNewPassword(trx, actor, id);
    if (input.disabled || changesRoleOrScope) await endAllSessions(trx, id);
    const after = await getUser(trx, id);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: passwordHash ? 'user.update_with_password' : 'user.update',
        entityType: 'user',
        entityId: id,
        regionCode: after.region_code,
        before: auditView(before),
        after: auditView(after),
      },
    );
    return presentUser(after);
  });
}

/**
 * Gives an account a new password from the command line (the way back from a lost administrator
 * password): as through the API, the account is signed out everywhere and the change is audited.
 */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  username: string,
  password: string,
): Promise<User> {
  const row = await userRepository.findByUsername(db, username);
  if (!row) throw notFound('user', username);
  return updateUser(db, actor, row.id, { password });
}
