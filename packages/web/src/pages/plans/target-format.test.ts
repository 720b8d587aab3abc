import { describe, expect, it } from 'vitest';
import { Comparator, type PlanTargetView, ReportingCadence } from '@chuangcheng/core';
import { zhCN, en } from '../../i18n/catalogues.ts';
import { format, type MessageKey, type Translate } from '../../i18n/I18nProvider.tsx';
import { cadenceKeys, comparatorKeys, scopeInWords, targetInWords } from './target-format.ts';

const zh: Translate = (key, params) => format(zhCN[key], params);
const english: Translate = (key, params) => format((en as Record<MessageKey, string>)[key], params);

function target(overrides: Partial<PlanTargetView>): PlanTargetView {
  return {
    id: 'id',
    code: 'code',
    title: '集中供热普及率',
    comparator: 'at_least',
    value: 87,
    valueMax: null,
    unit: '%',
    baseline: null,
    deadline: '2020-12-31',
    direction: 'higher_is_better',
    scope: { kind: 'province' },
    sourceText: '集中供热普及率达到 87%',
    note: null,
    ...overrides,
  };
}

describe('targets in words', () => {
  it('has a wording in both catalogues for every comparator and cadence', () => {
    const keys = [
      ...Comparator.options.map((c) => comparatorKeys[c]),
      ...ReportingCadence.options.map((c) => cadenceKeys[c]),
    ];
    expect(keys.filter((key) => !(key in zhCN) || !(key in en))).toEqual([]);
  });

  it('words the seed plan’s comparators', () => {
    expect(targetInWords(target({}), zh)).toBe('≥ 87%');
    expect(targetInWords(target({ comparator: 'count_between', value: 5, valueMax: 7, unit: '个' }), zh)).toBe(
      '5–7 个',
    );
    expect(targetInWords(target({ comparator: 'approximately', value: 12, unit: '小时' }), zh)).toBe('约 12 小时');
    expect(
      targetInWords(target({ comparator: 'reduce_by_percent', value: 15, baseline: { value: null, year: 2015 } }), zh),
    ).toBe('比 2015 年降低 15%');
    expect(targetInWords(target({ comparator: 'increase_by_percent', value: 10 }), zh)).toBe('提高 10%');
    expect(targetInWords(target({ comparator: 'approximately', value: 12, unit: '小时' }), english)).toBe(
      'about 12 小时',
    );
    expect(
      targetInWords(
        target({ comparator: 'reduce_by_percent', value: 15, baseline: { value: null, year: 2015 } }),
        english,
      ),
    ).toBe('15% lower than in 2015');
  });

  it('words scopes, naming groups and falling back to their codes', () => {
    const groups = new Map([['pilot-waste-sorting', '生活垃圾强制分类试点城市']]);
    expect(scopeInWords({ kind: 'province' }, zh, groups)).toBe('全省');
    expect(scopeInWords({ kind: 'region_level', level: 2 }, zh, groups)).toBe('所有地市');
    expect(scopeInWords({ kind: 'region_level', level: 3 }, zh, groups)).toBe('所有县级单位');
    expect(scopeInWords({ kind: 'groups', groupCodes: ['pilot-waste-sorting', 'other'] }, zh, groups)).toBe(
      '生活垃圾强制分类试点城市、other',
    );
    expect(scopeInWords({ kind: 'regions', regionCodes: ['2301', '2306'] }, zh, groups)).toBe('行政区划 2301、2306');
  });
});
