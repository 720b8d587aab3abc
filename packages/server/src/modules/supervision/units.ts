import type { Kysely } from 'kysely';
import { ancestorCodes } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { unitRepository } from './unit-repository.ts';

export type UnitRow = {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  region_code: string;
  region_path: string;
  prefecture_code: string | null;
};

/** Organisations with their region's path, for scope checks. */
export function findUnits(db: Kysely<Database>, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return unitRepository.findUnits(db, ids);
}

export async function findUnit(db: Kysely<Database>, id: string): Promise<UnitRow | undefined> {
  return (await findUnits(db, [id]))[0];
}

/**
 * A unit's superior, to whom overdue notices escalate: its parent organisation when it has
 * one, else the creation office (精神文明办) of its own region or of the nearest ancestor
 * region that has one. A creation office escalates to the office of a region above it.
 */
export async function findSuperior(db: Kysely<Database>, unit: UnitRow): Promise<string | null> {
  if (unit.parent_id) return unit.parent_id;
  const regions = [...ancestorCodes(unit.region_path), unit.region_code].reverse();
  const offices = await unitRepository.creationOffices(db, regions, unit.id);
  for (const code of regions) {
    const office = offices.find((o) => o.region_code === code);
    if (office) return office.id;
  }
  return null;
}

/**
 * The office that issues a notice for an actor: the creation office (精神文明办) of the actor's
 * region or of the nearest region above it; their own organisation when none is found.
 */
export async function findIssuingOffice(
  db: Kysely<Database>,
  actor: { regionCode: string; regionPath: string; orgUnitId: string | null },
): Promise<{ id: string; region_name: string } | null> {
  const regions = [...ancestorCodes(actor.regionPath), actor.regionCode].reverse();
  const offices = await unitRepository.creationOfficesWithRegion(db, regions);
  for (const code of regions) {
    const office = offices.find((o) => o.region_code === code);
    if (office) return { id: office.id, region_name: office.region_name };
  }
  if (!actor.orgUnitId) return null;
  const own = await unitRepository.unitWithRegionName(db, actor.orgUnitId);
  return own ?? null;
}

/** Today's date where the campaign runs (China Standard Time), as YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
