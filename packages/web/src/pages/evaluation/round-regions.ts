import { naturalCityGroup, type CityGroup } from '@chuangcheng/core';

export interface PickedRegion {
  code: string;
  name: string;
  level: number;
  cityGroup: CityGroup;
}

/**
 * The ranking group a region starts in when added to a round: its group by what it is
 * (哈尔滨 省会和副省级城市, 大庆 地级城市, 道里区 市辖区, 尚志市 县级市和县) when the framework covers
 * that group; otherwise the group of its level, or the framework's first group. The office can
 * still change it per region.
 */
export function defaultCityGroup(
  region: { code: string; level: number; name: string },
  allowed: readonly CityGroup[],
): CityGroup {
  const natural = naturalCityGroup(region);
  if (natural && allowed.includes(natural)) return natural;
  const level = region.level;
  const byLevel: CityGroup | undefined = level === 2 ? 'prefecture' : level >= 3 ? 'county' : undefined;
  if (byLevel && allowed.includes(byLevel)) return byLevel;
  return allowed[0] ?? byLevel ?? 'prefecture';
}

/** Adds regions not yet picked, keeping the order they were added in. */
export function addRegions(current: readonly PickedRegion[], added: readonly PickedRegion[]): PickedRegion[] {
  const known = new Set(current.map((region) => region.code));
  const next = [...current];
  for (const region of added) {
    if (known.has(region.code)) continue;
    known.add(region.code);
    next.push(region);
  }
  return next;
}
