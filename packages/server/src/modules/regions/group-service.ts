import type { Kysely } from 'kysely';
import {
  type CreateRegionGroupRequest,
  message,
  type RegionGroup,
  RegionGroupKind,
  type UpdateRegionGroupRequest,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound, type ServerFieldError } from '../../http/problem.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import { emitEvent } from '../../outbox/emit.ts';
import { groupRepository, type GroupMemberRow, type RegionGroupRow } from './group-repository.ts';
import { groupPolicy } from './group-policy.ts';
import { regionRepository } from './repository.ts';

/** A group as written: its fields and the codes of its members. Also the audit view. */
export type GroupInput = {
  code: string;
  name: string;
  kind: RegionGroupKind;
  description: string | null;
  memberCodes: string[];
};

function present(row: RegionGroupRow, members: GroupMemberRow[]): RegionGroup {
  return {
    code: row.code,
    name: row.name,
    kind: RegionGroupKind.parse(row.kind),
    description: row.description,
    members: members.map((m) => ({ code: m.region_code, name: m.name })),
  };
}

/** The group with its members as the audit trail records it, or undefined when absent. */
async function snapshot(db: Kysely<Database>, code: string) {
  const row = await groupRepository.find(db, code);
  if (!row) return undefined;
  const members = await groupRepository.members(db, [code]);
  const view: GroupInput = {
    ...row,
    kind: RegionGroupKind.parse(row.kind),
    memberCodes: members.map((m) => m.region_code),
  };
  return { group: present(row, members), view, paths: members.map((m) => m.path) };
}

/** The deepest region containing every member, so that the audit row is filed where the group lives. */
function commonRegion(paths: string[]): string | null {
  if (paths.length === 0) return null;
  const split = paths.map((p) => p.split('/'));
  const common: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return common.at(-1) ?? null;
}

const sameView = (a: GroupInput | undefined, b: GroupInput) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes one group (insert or overwrite) and replaces its members, inside the caller's
 * transaction, with an audit row holding before and after. Unchanged groups are not
 * audited, so that re-running an import leaves no trace. Callers validate first.
 */
export async function writeGroup(
  trx: Kysely<Database>,
  context: AuditContext & { fallbackRegionCode: string },
  input: GroupInput,
  action: string,
): Promise<RegionGroup> {
  const before = await snapshot(trx, input.code);
  const { memberCodes, ...row } = input;
  await groupRepository.upsert(trx, row);
  await groupRepository.replaceMembers(trx, input.code, [...memberCodes].sort());
  const after = (await snapshot(trx, input.code))!;
  if (!sameView(before?.view, after.view)) {
    await recordAudit(trx, context, {
      action,
      entityType: 'region_group',
      entityId: input.code,
      regionCode: commonRegion(after.paths) ?? context.fallbackRegionCode,
      before: before?.view ?? null,
      after: after.view,
    });
    await emitEvent(trx, { name: 'region-group.written', payload: { groupCode: input.code } });
  }
  return after.group;
}

/** Unknown and repeated member codes, reported against `body.memberCodes.<i>`. */
async function checkMembers(db: Kysely<Database>, memberCodes: string[]): Promise<void> {
  const known = new Set((await regionRepository.namesOf(db, [...new Set(memberCodes)])).map((r) => r.code));
  const seen = new Set<string>();
  const errors: ServerFieldError[] = [];
  memberCodes.forEach((code, i) => {
    if (!known.has(code)) errors.push({ field: `body.memberCodes.${i}`, message: message('field.noRegion', { code }) });
    else if (seen.has(code))
      errors.push({ field: `body.memberCodes.${i}`, message: message('field.listedTwice', { code }) });
    seen.add(code);
  });
  if (errors.length > 0) throw invalid(errors);
}

/** Every group with its members by name; groups are province-wide facts, so scope does not filter them. */
export async function listRegionGroups(db: Kysely<Database>, actor: Actor): Promise<RegionGroup[]> {
  groupPolicy.canRead(actor);
  const [rows, members] = await Promise.all([groupRepository.list(db), groupRepository.members(db)]);
  const byGroup = new Map<string, GroupMemberRow[]>();
  for (const m of members) byGroup.set(m.group_code, [...(byGroup.get(m.group_code) ?? []), m]);
  return rows.map((row) => present(row, byGroup.get(row.code) ?? []));
}

export async function createRegionGroup(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateRegionGroupRequest,
  requestId?: string,
): Promise<RegionGroup> {
  groupPolicy.canWrite(actor);
  await checkMembers(db, input.memberCodes);
  return db.transaction().execute(async (trx) => {
    if (await groupRepository.find(trx, input.code)) {
      throw conflict(message('taken.regionGroup', { code: input.code }), [
        { field: 'body.code', message: message('taken.already') },
      ]);
    }
    return writeGroup(
      trx,
      { actor, requestId, fallbackRegionCode: actor.regionCode },
      { ...input, description: input.description ?? null },
      'region_group.create',
    );
  });
}

export async function updateRegionGroup(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  input: UpdateRegionGroupRequest,
  requestId?: string,
): Promise<RegionGroup> {
  groupPolicy.canWrite(actor);
  await checkMembers(db, input.memberCodes);
  return db.transaction().execute(async (trx) => {
    if (!(await groupRepository.find(trx, code))) throw notFound('regionGroup', code);
    return writeGroup(
      trx,
      { actor, requestId, fallbackRegionCode: actor.regionCode },
      { code, ...input, description: input.description ?? null },
      'region_group.update',
    );
  });
}

export async function deleteRegionGroup(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  requestId?: string,
): Promise<void> {
  groupPolicy.canWrite(actor);
  await db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, code);
    if (!before) throw notFound('regionGroup', code);
    await groupRepository.delete(trx, code);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'region_group.delete',
        entityType: 'region_group',
        entityId: code,
        regionCode: commonRegion(before.paths) ?? actor.regionCode,
        before: before.view,
        after: null,
      },
    );
    await emitEvent(trx, { name: 'region-group.written', payload: { groupCode: code } });
  });
}
