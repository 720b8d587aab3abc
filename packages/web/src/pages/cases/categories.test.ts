import { describe, expect, it } from 'vitest';
import type { CaseCategory } from '@chuangcheng/core';
import { categoryOptions, matchesCategory } from './categories.ts';

const category = (code: string, name: string, parentCode: string | null, extra: Partial<CaseCategory> = {}) =>
  ({
    code,
    name,
    kind: 'event',
    parentCode,
    description: null,
    timeLimit: null,
    defaultUnitName: null,
    active: true,
    dayRule: 'next_day',
    keywords: [],
    ...extra,
  }) satisfies CaseCategory;

const options = categoryOptions([
  category('event-ad', '宣传广告', null),
  category('event-poster', '广告乱贴', 'event-ad', {
    description: '非法小广告、乱贴乱画乱涂',
    keywords: ['牛皮癣', '野广告', '涂鸦'],
  }),
  category('comp-public', '公用设施', null),
  category('comp-streetlight', '路灯损坏', 'comp-public', { keywords: ['灯不亮', 'LED'] }),
  category('comp-hydrant', '消防栓损坏', 'comp-public', { active: false, keywords: ['消火栓'] }),
]);
const paths = options.flatMap((group) => (group.children ?? []).map((child) => [group, child]));
const found = (input: string) => paths.filter((path) => matchesCategory(input, path)).map((path) => path[1]!.label);

describe('category search on the report page', () => {
  it('finds a category by a keyword that is neither its name nor its group', () => {
    expect(found('牛皮癣')).toEqual(['广告乱贴']);
    expect(found('灯不亮')).toEqual(['路灯损坏']);
  });

  it('finds by the description and by the group name', () => {
    expect(found('小广告')).toEqual(['广告乱贴']);
    expect(found('公用')).toEqual(['路灯损坏']);
  });

  it('needs every word typed, in any field along the path, ignoring Latin case', () => {
    expect(found('公用 不亮')).toEqual(['路灯损坏']);
    expect(found('公用 涂鸦')).toEqual([]);
    expect(found('led')).toEqual(['路灯损坏']);
  });

  it('finds nothing for blank input or an inactive category', () => {
    expect(found('  ')).toEqual([]);
    expect(found('消火栓')).toEqual([]);
  });
});
