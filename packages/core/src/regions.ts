import { z } from 'zod';

/** Administrative levels, 1 = province down to 5 = community / village. */
export const RegionLevel = z.number().int().min(1).max(5);
export type RegionLevel = z.infer<typeof RegionLevel>;

export const regionLevelKeys = {
  1: 'province',
  2: 'prefecture',
  3: 'county',
  4: 'township',
  5: 'village',
} as const;

/** A GB/T 2260 / NBS statistical code: 2, 4, 6, 9 or 12 digits. */
export const RegionCode = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'must be a 2, 4, 6, 9 or 12 digit region code');
export type RegionCode = z.infer<typeof RegionCode>;

export const Region = z.object({
  code: RegionCode,
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  path: z.string(),
  /** Resident population; null when no figure has been imported (never shown as 0). */
  population: z.number().int().nullable(),
  populationYear: z.number().int().nullable(),
  childCount: z.number().int(),
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Region = z.infer<typeof Region>;

/** Level inferred from the length of an NBS code. */
export function levelFromCode(code: string): RegionLevel {
  const byLength: Record<number, RegionLevel> = { 2: 1, 4: 2, 6: 3, 9: 4, 12: 5 };
  const level = byLength[code.length];
  if (level === undefined) throw new Error(`cannot infer the level of region code ${code}`);
  return level;
}

export const RegionGroupKind = z.enum(['belt', 'circle', 'pilot', 'custom']);
export type RegionGroupKind = z.infer<typeof RegionGroupKind>;

export const RegionGroup = z.object({
  code: z.string(),
  name: z.string(),
  kind: RegionGroupKind,
  description: z.string().nullable(),
  members: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type RegionGroup = z.infer<typeof RegionGroup>;

/**
 * The distribution column's value of a row about `regionCode` (`docs/SCALE-OUT.md`): the region's
 * prefecture, or for a province-wide row (no prefecture) the province's code, e.g. `23`.
 */
export function distributionCode(regionCode: string, prefectureCode: string | null): string {
  return prefectureCode ?? regionCode.slice(0, 2);
}
