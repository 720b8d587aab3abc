import type { Kysely } from 'kysely';
import type { RegionBrief, TargetScope } from '@chuangcheng/core';
import type { Database } from '../../db/schema.ts';
import { indicatorRegionRepository } from './region-repository.ts';
import { regionLookup } from '../regions/index.ts';

/*
 * The regions indicators work on (levels 1-3: province, prefectures, county-level units) held in
 * memory for one request: a province has about 140 of them, the national benchmark about 3,400.
 */

export type RegionNode = {
  code: string;
  name: string;
  level: number;
  path: string;
  parentCode: string | null;
  /** Resident population (latest imported figure); the weight of a population-weighted mean. */
  population?: number | null;
};

export type RegionTree = {
  nodes: RegionNode[];
  byCode: Map<string, RegionNode>;
  /** Group code → member region codes. */
  groups: Map<string, Set<string>>;
};

export async function loadRegionTree(db: Kysely<Database>, rootPath?: string): Promise<RegionTree> {
  const [rows, members] = await Promise.all([
    indicatorRegionRepository.treeRegions(db, rootPath),
    regionLookup.listGroupMemberPairs(db),
  ]);
  const nodes = rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level,
    path: r.path,
    parentCode: r.parent_code,
    population: r.population === null ? null : Number(r.population),
  }));
  const groups = new Map<string, Set<string>>();
  for (const m of members) {
    let set = groups.get(m.group_code);
    if (!set) groups.set(m.group_code, (set = new Set()));
    set.add(m.region_code);
  }
  return { nodes, byCode: new Map(nodes.map((n) => [n.code, n])), groups };
}

export const brief = (n: RegionNode): RegionBrief => ({ code: n.code, name: n.name, level: n.level });

export function childrenOf(tree: RegionTree, node: RegionNode): RegionNode[] {
  return tree.nodes.filter((n) => n.parentCode === node.code);
}

export function ancestorsOf(tree: RegionTree, node: RegionNode): RegionNode[] {
  return node.path
    .split('/')
    .slice(0, -1)
    .map((code) => tree.byCode.get(code))
    .filter((n): n is RegionNode => n !== undefined);
}

/**
 * The units a target counts, as core `TargetComposition.unitRoots`: null (every unit) for
 * `province` and `region_level`; for `regions` and `groups`, the paths of the listed regions or
 * of the listed groups' members (a reporting unit counts when it is, or lies inside, one of them:
 * a group of prefectures covers their counties).
 */
export function scopeUnitRoots(tree: RegionTree, scope: TargetScope | Record<string, unknown>): string[] | null {
  const s = scope as TargetScope;
  if (s.kind !== 'regions' && s.kind !== 'groups') return null;
  const codes =
    s.kind === 'regions' ? s.regionCodes : s.groupCodes.flatMap((g) => [...(tree.groups.get(g) ?? new Set<string>())]);
  return codes.map((c) => tree.byCode.get(c)?.path).filter((p): p is string => p !== undefined);
}

/** The deepest level a target applies to: `region_level` n stops at n; other scopes at county level. */
export function scopeMaxLevel(scope: TargetScope | Record<string, unknown>): number {
  const s = scope as TargetScope;
  return s.kind === 'region_level' ? s.level : 3;
}
