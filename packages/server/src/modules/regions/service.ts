import type { Kysely } from 'kysely';
import { ancestorCodes, type Region } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { notFound } from '../../http/problem.ts';
import { cursor } from '../../http/types.ts';
import { offsetOf } from '../../http/paging.ts';
import type { Actor } from '../auth/index.ts';
import { recordAudit } from '../audit/index.ts';
import { generationRepository } from '../../cache/generation.ts';
import { regionRepository, type RegionRow } from './repository.ts';
import { regionPolicy } from './policy.ts';

/** Attaches group memberships and maps rows to the API shape. */
async function presentRegions(db: Kysely<Database>, rows: RegionRow[]): Promise<Region[]> {
  const memberships = await regionRepository.groupsOf(
    db,
    rows.map((r) => r.code),
  );
  const byRegion = new Map<string, { code: string; name: string }[]>();
  for (const m of memberships) {
    const list = byRegion.get(m.region_code) ?? [];
    list.push({ code: m.code, name: m.name });
    byRegion.set(m.region_code, list);
  }
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    path: r.path,
    population: r.population === null ? null : Number(r.population),
    populationYear: r.population_year,
    childCount: Number(r.child_count),
    groups: byRegion.get(r.code) ?? [],
  }));
}

async function getRegion(db: Kysely<Database>, code: string): Promise<RegionRow> {
  const row = await regionRepository.findByCode(db, code);
  if (!row) throw notFound('region', code);
  return row;
}

export async function readRegion(db: Kysely<Database>, actor: Actor, code: string) {
  const row = await getRegion(db, code);
  regionPolicy.canRead(actor, row.path);
  const [region] = await presentRegions(db, [row]);
  const codes = ancestorCodes(row.path);
  const names = new Map((await regionRepository.namesOf(db, codes)).map((r) => [r.code, r.name]));
  return { ...region!, ancestors: codes.map((c) => ({ code: c, name: names.get(c) ?? c })) };
}

/** The root(s) of the actor's region browser: their scope region. */
export async function listRoots(db: Kysely<Database>, actor: Actor): Promise<Region[]> {
  const row = await getRegion(db, actor.regionCode);
  regionPolicy.canRead(actor, row.path);
  return presentRegions(db, [row]);
}

export async function listChildren(db: Kysely<Database>, actor: Actor, parentCode: string): Promise<Region[]> {
  const parent = await getRegion(db, parentCode);
  regionPolicy.canRead(actor, parent.path);
  return presentRegions(db, await regionRepository.listChildren(db, parentCode));
}

export async function listSubtree(db: Kysely<Database>, actor: Actor, code: string, maxLevel: number) {
  const root = await getRegion(db, code);
  regionPolicy.canRead(actor, root.path);
  const rows = await regionRepository.listSubtree(db, root.path, maxLevel);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    population: r.population === null ? null : Number(r.population),
    populationYear: r.population_year,
  }));
}

/** Search results are ordered by level, then code; the cursor carries both. */
function decodeSearchCursor(value: string | undefined): { level: number; code: string } | undefined {
  const [level, code] = (cursor.decode(value) ?? '').split(':');
  if (!level || !code || !/^\d$/.test(level) || !/^\d+$/.test(code)) return undefined;
  return { level: Number(level), code };
}

export async function searchRegions(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string; level?: number; limit: number; cursor?: string; page?: number },
): Promise<{ items: Region[]; nextCursor: string | null; total?: number }> {
  regionPolicy.canRead(actor, actor.regionPath);
  const filter = { scopePath: actor.regionPath, q: query.q?.trim() || undefined, level: query.level };
  if (query.page !== undefined) {
    const rows = await regionRepository.search(db, {
      ...filter,
      offset: offsetOf(query.page, query.limit),
      limit: query.limit,
    });
    const total = await regionRepository.countSearch(db, filter);
    return { items: await presentRegions(db, rows), nextCursor: null, total };
  }
  const rows = await regionRepository.search(db, {
    ...filter,
    after: decodeSearchCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await presentRegions(db, page),
    nextCursor: rows.length > query.limit && last ? cursor.encode(`${last.level}:${last.code}`) : null,
  };
}

export async function updatePopulation(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  input: { population: number | null; year: number | null },
  requestId?: string,
): Promise<Region> {
  const before = await getRegion(db, code);
  regionPolicy.canWrite(actor, before.path);
  return db.transaction().execute(async (trx) => {
    await regionRepository.setPopulation(trx, code, input.population, input.year);
    // Populations weight the cockpit's means: its kept trees go with the generation (decision 0191).
    await generationRepository.advance(trx, 'cockpit');
    const after = await getRegion(trx, code);
    await recordAudit(
      trx,
      { actor, requestId },
      {
        action: 'region.population',
        entityType: 'region',
        entityId: code,
        regionCode: code,
        before: { population: before.population, populationYear: before.population_year },
        after: { population: after.population, populationYear: after.population_year },
      },
    );
    const [region] = await presentRegions(trx, [after]);
    return region!;
  });
}
