import type { CityGroup } from '@chuangcheng/core';

export interface PickedRegion {
  code: string;
  name: string;
  level: number;
  cityGroup: CityGroup;
}

/**
 * The ranking group a region starts in when added to a round: prefecture-level units rank as
 * 地级城市 and county-level ones as 县级市和县, when the framework covers that group; otherwise the
 * framework's first group. The office changes it per region (a provincial capital, a district).
 */
export function defaultCityGroup(level: number, allowed: readonly CityGroup[]): CityGroup {
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
