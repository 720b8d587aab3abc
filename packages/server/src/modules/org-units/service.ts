import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  message,
  OrgUnitKind,
  type CreateOrgUnitRequest,
  type FieldError,
  type MergeOrgUnitRequest,
  type OrgUnit,
  type OrgUnitDetail,
  type UpdateOrgUnitRequest,
} from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid, notFound } from '../../http/problem.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit, type AuditContext } from '../audit/index.ts';
import { regionLookup } from '../regions/index.ts';
import { orgUnitRepository, type OrgUnitKey, type OrgUnitRow } from './repository.ts';
import { orgUnitPolicy } from './policy.ts';

/** Maps a row to the API shape. */
function presentOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: OrgUnitKind.parse(row.kind),
    regionCode: row.region_code,
    regionName: row.region_name,
    parentId: row.parent_id,
    mergedInto:
      row.merged_into_id && row.merged_on
        ? { id: row.merged_into_id, name: row.merged_into_name ?? '', on: row.merged_on }
        : null,
  };
}

/** What the audit trail records of a unit. */
export function auditView(row: OrgUnitRow) {
  const { region_path: _path, region_name: _name, merged_into_name: _successor, ...rest } = row;
  return rest;
}

/** Appends the audit row for one unit written inside `trx`; the caller passes the state before. */
export async function auditOrgUnit(
  trx: Kysely<Database>,
  context: AuditContext,
  action: string,
  before: OrgUnitRow | undefined,
  after: OrgUnitRow,
): Promise<void> {
  await recordAudit(trx, context, {
    action,
    entityType: 'org_unit',
    entityId: after.id,
    regionCode: after.region_code,
    before: before ? auditView(before) : null,
    after: auditView(after),
  });
}

async function getOrgUnit(db: Kysely<Database>, id: string): Promise<OrgUnitRow> {
  const row = await orgUnitRepository.findById(db, id);
  if (!row) throw notFound('orgUnit', id);
  return row;
}

const encodeKey = (row: OrgUnitRow) => cursor.encode(JSON.stringify([row.region_code, row.name]));

function decodeKey(value: string | undefined): OrgUnitKey | undefined {
  const text = cursor.decode(value);
  if (!text) return undefined;
  try {
    const [regionCode, name] = JSON.parse(text) as unknown[];
    if (typeof regionCode === 'string' && typeof name === 'string') return { regionCode, name };
  } catch {
    // fall through: a cursor the client made up
  }
  throw invalid([{ field: 'querystring.cursor', message: message('field.badCursor') }]);
}

/** Units in the actor's scope (optionally below one region), by region then name. */
export async function listOrgUnits(
  db: Kysely<Database>,
  actor: Actor,
  query: { regionCode?: string; q?: string; cursor?: string; page?: number; limit: number },
): Promise<{ items: OrgUnit[]; nextCursor: string | null; total?: number }> {
  orgUnitPolicy.canList(actor);
  let regionPath: string | undefined;
  if (query.regionCode) {
    const region = await regionLookup.findByCode(db, query.regionCode);
    if (!region)
      throw invalid([
        { field: 'querystring.regionCode', message: message('field.noRegion', { code: query.regionCode }) },
      ]);
    orgUnitPolicy.canRead(actor, region.path);
    regionPath = region.path;
  }
  const filter = { scopePath: actor.regionPath, regionPath, q: query.q?.trim() || undefined };
  const rows = await orgUnitRepository.list(db, {
    ...filter,
    after: query.page ? undefined : decodeKey(query.cursor),
    offset: query.page ? offsetOf(query.page, query.limit) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeKey(page.at(-1)!) : null;
  const total = query.page ? await orgUnitRepository.count(db, filter) : undefined;
  return { items: page.map(presentOrgUnit), nextCursor, ...(total === undefined ? {} : { total }) };
}

export async function readOrgUnit(db: Kysely<Database>, actor: Actor, id: string): Promise<OrgUnitDetail> {
  const row = await getOrgUnit(db, id);
  orgUnitPolicy.canRead(actor, row.region_path);
  const predecessors = await orgUnitRepository.predecessors(db, id);
  return {
    ...presentOrgUnit(row),
    predecessors: predecessors.map((p) => ({ id: p.id, code: p.code, name: p.name, mergedOn: p.merged_on ?? '' })),
  };
}

/**
 * Merges a unit into a successor (issue 16: 省文化厅 and 省旅游委 into 文化和旅游厅). Both units must
 * lie in the actor's write scope; the successor must be another unit that is not itself merged.
 * Nothing is moved or renamed: the merged unit keeps its tasks and reports under its own name and
 * points to the successor, to which its history rolls up (`predecessors`).
 */
export async function mergeOrgUnit(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: MergeOrgUnitRequest,
  requestId?: string,
): Promise<OrgUnit> {
  const before = await getOrgUnit(db, id);
  orgUnitPolicy.canWrite(actor, before.region_path);
  const error = (text: ReturnType<typeof message>) => [{ field: 'body.successorId', message: text }];
  const successor = await orgUnitRepository.findById(db, input.successorId);
  if (!successor) throw invalid(error(message('merge.unknownUnit', { id: input.successorId })));
  orgUnitPolicy.canWrite(actor, successor.region_path);
  if (successor.id === id) throw invalid(error(message('merge.intoItself')));
  if (successor.merged_into_id) {
    throw invalid(error(message('merge.successorMerged', { name: successor.name })));
  }
  if (before.merged_into_id) {
    throw conflict(message('merge.alreadyMerged', { name: before.name, on: before.merged_on ?? '' }), [
      { field: 'params.id', message: message('merge.already') },
    ]);
  }
  return db.transaction().execute(async (trx) => {
    await orgUnitRepository.markMerged(trx, id, successor.id, input.mergedOn);
    const after = await getOrgUnit(trx, id);
    await auditOrgUnit(trx, { actor, requestId }, 'org_unit.merge', before, after);
    return presentOrgUnit(after);
  });
}

async function getTargetRegion(db: Kysely<Database>, code: string) {
  const region = await regionLookup.findByCode(db, code);
  if (!region) throw invalid([{ field: 'body.regionCode', message: message('field.noRegion', { code }) }]);
  return region;
}

/** The parent must exist in the actor's scope and must not be the unit itself or one of its descendants. */
async function checkParent(db: Kysely<Database>, actor: Actor, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  const error = (message: string): FieldError[] => [{ field: 'body.parentId', message }];
  const parent = await orgUnitRepository.findById(db, parentId);
  if (!parent) throw invalid(error(`unknown org unit ${parentId}`));
  orgUnitPolicy.canRead(actor, parent.region_path);
  if (selfId && (parentId === selfId || (await orgUnitRepository.ancestorIds(db, parentId)).includes(selfId))) {
    throw invalid(error('a unit cannot belong to itself or to a unit below it'));
  }
}

/** 409 when another unit holds the code, or the same name in the same region. */
async function checkUnique(
  db: Kysely<Database>,
  unit: { code: string; name: string; regionCode: string },
  selfId?: string,
) {
  const byCode = await orgUnitRepository.findByCode(db, unit.code);
  if (byCode && byCode.id !== selfId) {
    throw conflict(message('taken.unitCode', { code: unit.code }), [
      { field: 'body.code', message: message('taken.unitCodeBy', { name: byCode.name }) },
    ]);
  }
  const byName = await orgUnitRepository.findByRegionAndName(db, unit.regionCode, unit.name);
  if (byName && byName.id !== selfId) {
    throw conflict(message('taken.unitName', { region: byName.region_name, name: unit.name }), [
      { field: 'body.name', message: message('taken.unitNameIn', { region: byName.region_name, code: byName.code }) },
    ]);
  }
}

export async function createOrgUnit(
  db: Kysely<Database>,
  actor: Actor,
  input: CreateOrgUnitRequest,
  requestId?: string,
): Promise<OrgUnit> {
  const region = await getTargetRegion(db, input.regionCode);
  orgUnitPolicy.canWrite(actor, region.path);
  await checkParent(db, actor, input.parentId);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    await checkUnique(trx, input);
    await orgUnitRepository.insert(trx, id, {
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      region_code: input.regionCode,
      parent_id: input.parentId ?? null,
    });
    const created = await getOrgUnit(trx, id);
    await auditOrgUnit(trx, { actor, requestId }, 'org_unit.create', undefined, created);
    return presentOrgUnit(created);
  });
}

export async function updateOrgUnit(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: UpdateOrgUnitRequest,
  requestId?: string,
): Promise<OrgUnit> {
  const before = await getOrgUnit(db, id);
  orgUnitPolicy.canWrite(actor, before.region_path);
  // Moving a unit needs write access where it goes, too.
  if (input.regionCode !== undefined && input.regionCode !== before.region_code) {
    orgUnitPolicy.canWrite(actor, (await getTargetRegion(db, input.regionCode)).path);
  }
  await checkParent(db, actor, input.parentId, id);
  return db.transaction().execute(async (trx) => {
    await checkUnique(
      trx,
      {
        code: input.code ?? before.code,
        name: input.name ?? before.name,
        regionCode: input.regionCode ?? before.region_code,
      },
      id,
    );
    await orgUnitRepository.update(trx, id, {
      code: input.code,
      name: input.name,
      short_name: input.shortName,
      kind: input.kind,
      region_code: input.regionCode,
      parent_id: input.parentId,
    });
    const after = await getOrgUnit(trx, id);
    await auditOrgUnit(trx, { actor, requestId }, 'org_unit.update', before, after);
    return presentOrgUnit(after);
  });
}
