import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config.ts';
import { PREFECTURE_CODES } from '../../test/province.ts';
import { OrgUnitsFile } from './import.ts';

// The seed plan ships in data/sources; the data file must name every
// responsible unit it assigns work to, spelled as the plan spells it.
const SEED_FILE = path.join(REPO_ROOT, 'data/sources/heilongjiang-2018-2020-action-plan.txt');
const UNITS_FILE = path.join(REPO_ROOT, 'data/org-units/heilongjiang.yaml');

/**
 * Entries of a "(责任单位:...)" list that are not one unit. "省政府办公厅及省政府各直属单位"
 * (section 四(四)2) names 省政府办公厅 plus "省政府各直属单位", a collective term for every
 * unit directly under the provincial government: it maps to 省政府办公厅 and those units (listed
 * in the org-unit file, assigned to task 4.2 in the plan data).
 */
const ALIASES: Record<string, string[]> = {
  // 省政府办公厅 and the units directly under the provincial government (issue 16).
  省政府办公厅及省政府各直属单位: [
    '省政府办公厅',
    '省工商行政管理局',
    '省新闻出版广电局',
    '省体育局',
    '省食品药品监督管理局',
    '省国资委',
    '省统计局',
    '省安全生产监督管理局',
    '省质量技术监督局',
    '省物价监督管理局',
    '省机关事务管理局',
  ],
};

/** Every unit of every "(责任单位:...)" list, in order of first appearance. */
function seedUnits(text: string): { lists: number; units: string[] } {
  const lists = [...text.matchAll(/[（(]责任单位[:：]([^）)]*)[）)]/g)].map((m) => m[1]!);
  const units = lists.flatMap((list) => list.split('、').map((u) => u.trim()));
  return { lists: lists.length, units: [...new Set(units.flatMap((u) => ALIASES[u] ?? [u]))] };
}

describe('responsible units of the seed plan', () => {
  const seed = seedUnits(fs.readFileSync(SEED_FILE, 'utf8'));
  const file = OrgUnitsFile.parse(parseYaml(fs.readFileSync(UNITS_FILE, 'utf8')));
  const provincial = file.units.filter((u) => u.regionCode === '23');

  it('finds the 18 task lists of the plan (7 + 4 + 3 + 4) and their 50 distinct units (44 named, 6 more through 省政府各直属单位)', () => {
    expect(seed.lists).toBe(18);
    expect(seed.units).toHaveLength(50);
    expect(seed.units).toContain('省政府办公厅');
    expect(seed.units).not.toContain('省政府办公厅及省政府各直属单位');
  });

  it('has every unit of every list in data/org-units/heilongjiang.yaml, attached to the province', () => {
    const names = new Set(provincial.map((u) => u.name));
    expect(seed.units.filter((u) => !names.has(u))).toEqual([]);
  });

  it('has no provincial unit that the plan does not name', () => {
    const named = new Set(seed.units);
    expect(provincial.map((u) => u.name).filter((n) => !named.has(n))).toEqual([]);
  });

  it('has one creation office per prefecture unit and nothing else below the province', () => {
    const local = file.units.filter((u) => u.regionCode !== '23');
    expect(local.map((u) => u.regionCode).sort()).toEqual(PREFECTURE_CODES);
    expect(local.every((u) => u.kind === 'creation_office' && u.name.endsWith('精神文明办'))).toBe(true);
    expect(local.find((u) => u.regionCode === '2301')?.name).toBe('哈尔滨市精神文明办');
  });
});
