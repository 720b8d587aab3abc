import { describe, expect, it } from 'vitest';
import type { CaseCategory, CaseMap, CaseStatsRow } from '@chuangcheng/core';
import { zhCN } from '../../i18n/catalogues.ts';
import { format, type Translate } from '../../i18n/I18nProvider.tsx';
import { categoryOptions, timeLimitText } from './categories.ts';
import { caseMapOption, statsChartOption } from './stats-chart.ts';

const t: Translate = (key, params) => format(zhCN[key], params);

function row(name: string, overrides: Partial<CaseStatsRow>): CaseStatsRow {
  return {
    key: name,
    name,
    cases: 0,
    accepted: 0,
    due: 0,
    closed: 0,
    closedOnTime: 0,
    closureRate: null,
    onTimeRate: null,
    reworkRate: null,
    avgHandlingHours: null,
    avgHandlingWorkingHours: null,
    satisfaction: null,
    ratings: 0,
    open: 0,
    overdueOpen: 0,
    ...overrides,
  };
}

type Series = { name: string; data: unknown[] };

describe('statistics chart', () => {
  it('draws counts as bars and the rates as percentages, leaving gaps where nothing was due', () => {
    // 道里区: 911 of 972 due closed (93.72 %), 737 on time (75.82 %); 南岗区: nothing due yet.
    const option = statsChartOption(
      [
        row('道里区', { cases: 1054, closed: 911, closureRate: 0.9372, onTimeRate: 0.7582 }),
        row('南岗区', { cases: 3 }),
      ],
      t,
    ) as { xAxis: { data: string[] }; series: Series[] };
    expect(option.xAxis.data).toEqual(['道里区', '南岗区']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['受理数', [1054, 3]],
      ['结案数', [911, 0]],
      ['结案率', [93.7, null]],
      ['按期结案率', [75.8, null]],
    ]);
  });
});

describe('case map', () => {
  const map: CaseMap = {
    points: [
      {
        id: 'a',
        number: '1',
        lat: 45.75,
        lng: 126.66,
        categoryCode: 'event-poster',
        status: 'handling',
        overdue: true,
      },
      {
        id: 'b',
        number: '2',
        lat: 45.8,
        lng: 126.5,
        categoryCode: 'event-poster',
        status: 'submitted',
        overdue: false,
      },
    ],
    truncated: false,
    byRegion: [
      { regionCode: '2301', regionName: '哈尔滨市', open: 7, overdue: 1 },
      { regionCode: '2302', regionName: '齐齐哈尔市', open: 2, overdue: 0 },
    ],
  };

  it('colours areas by open cases up to the largest count and splits points by overdue', () => {
    const option = caseMapOption(map, '23', t) as {
      geo: { map: string };
      visualMap: { max: number };
      series: Series[];
    };
    expect(option.geo.map).toBe('23');
    expect(option.visualMap.max).toBe(7);
    expect(option.series[0]?.data).toEqual([
      { name: '哈尔滨市', value: 7 },
      { name: '齐齐哈尔市', value: 2 },
    ]);
    expect(option.series[1]?.data).toEqual([{ name: '2', value: [126.5, 45.8, 1] }]);
    expect(option.series[2]?.data).toEqual([{ name: '1', value: [126.66, 45.75, 1] }]);
  });

  it('keeps a scale when no area has an open case', () => {
    const option = caseMapOption({ ...map, byRegion: [] }, '23', t) as {
      visualMap: { max: number; text: string[] };
    };
    expect(option.visualMap.max).toBe(5);
    expect(option.visualMap.text).toEqual(['5 件', '0 件']);
  });

  it('does not paint one case in the colour its legend calls the most', () => {
    const one = { ...map, byRegion: [{ ...map.byRegion[0]!, open: 1, overdue: 0 }] };
    const option = caseMapOption(one, '2306', t) as { visualMap: { min: number; max: number; text: string[] } };
    expect(option.visualMap).toMatchObject({ min: 0, max: 5, text: ['5 件', '0 件'] });
  });
});

describe('categories', () => {
  const category = (code: string, parentCode: string | null, active = true): CaseCategory => ({
    code,
    name: code,
    kind: 'event',
    parentCode,
    description: null,
    timeLimit: parentCode ? { amount: 4, unit: 'hours' } : null,
    defaultUnitName: null,
    active,
    dayRule: 'next_day',
    keywords: [],
  });

  it('nests active categories under their groups and drops groups left empty', () => {
    const options = categoryOptions([
      category('event-ad', null),
      category('event-poster', 'event-ad'),
      category('event-old', 'event-ad', false),
      category('event-empty', null),
      category('event-retired', 'event-empty', false),
    ]);
    expect(options).toEqual([
      {
        value: 'event-ad',
        label: 'event-ad',
        // The leaves carry what the category search matches: name, description, keywords.
        children: [{ value: 'event-poster', label: 'event-poster', words: ['event-poster', ''] }],
      },
    ]);
  });

  it('names time limits in working hours or days', () => {
    expect(timeLimitText({ timeLimit: { amount: 4, unit: 'hours' } }, t)).toBe('4 个工作时');
    expect(timeLimitText({ timeLimit: { amount: 15, unit: 'days' } }, t)).toBe('15 个工作日');
    expect(timeLimitText({ timeLimit: null }, t)).toBe('—');
  });
});
