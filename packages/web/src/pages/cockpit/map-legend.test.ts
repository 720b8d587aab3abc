import { describe, expect, it } from 'vitest';
import type { CockpitMap, CockpitMapItem, TargetStatus } from '@chuangcheng/core';
import { scaleColour } from './colour-scale.ts';
import { itemColour, mapLegend, noValueColour, type MapLegend } from './map-legend.ts';
import { statusPalette } from './status.ts';
import type { CockpitTheme } from './theme.ts';

function area(code: string, value: number | null, status: TargetStatus | null = null): CockpitMapItem {
  return {
    region: { code, name: code, level: 2 },
    value,
    period: value === null ? null : '2019',
    coverage: null,
    status,
    progress: null,
    targetValue: null,
  };
}

const byIndicator = (items: CockpitMapItem[]): CockpitMap => ({
  region: { code: '23', name: '黑龙江省', level: 1 },
  asOf: '2020-06-30',
  target: null,
  indicator: { code: 'urban-sewage-treatment-rate', name: '城市污水处理率', unit: '%' },
  items,
});

const byTarget = (items: CockpitMapItem[]): CockpitMap => ({
  ...byIndicator(items),
  indicator: null,
  target: {
    planCode: 'p',
    code: 't',
    title: '城市污水处理率',
    taskNumber: null,
    comparator: 'at_least',
    value: 95,
    valueMax: null,
    unit: '%',
    deadline: '2020-12-31',
    direction: 'higher_is_better',
    scope: { kind: 'province' },
  },
});

/** Every colour the legend shows: its status swatches, the gradient's ends, the no-value grey. */
function legendAccounts(legend: MapLegend, colour: string, value: number | null, theme: CockpitTheme): boolean {
  if (legend.statuses.some((s) => statusPalette(s, theme).fill === colour)) return true;
  if (colour === noValueColour) return legend.noValue;
  // On the gradient: a value inside the range the legend prints, painted by the same scale.
  return (
    legend.scale !== null &&
    value !== null &&
    value >= legend.scale.min &&
    value <= legend.scale.max &&
    scaleColour(value, legend.scale) === colour
  );
}

describe("a cockpit map's legend", () => {
  const maps: [string, CockpitMap][] = [
    ['values', byIndicator([area('2301', 93.1), area('2302', 88.4), area('2303', 97)])],
    ['values with a gap', byIndicator([area('2301', 93.1), area('2302', null), area('2303', 97)])],
    ['no value at all', byIndicator([area('2301', null), area('2302', null)])],
    ['one value', byIndicator([area('2301', 90)])],
    [
      'statuses',
      byTarget([
        area('2301', 96, 'achieved'),
        area('2302', 80, 'off_track'),
        area('2303', null, 'no_data'),
        area('2304', 70, 'insufficient_data'),
        area('2305', null, null),
      ]),
    ],
  ];

  for (const theme of ['light', 'dark'] as const) {
    for (const [name, map] of maps) {
      it(`accounts for every colour the map paints: ${name} (${theme})`, () => {
        const legend = mapLegend(map, 'higher_is_better');
        for (const item of map.items) {
          const colour = itemColour(item, legend, theme);
          expect(legendAccounts(legend, colour, item.value, theme), `${item.region.code} ${colour}`).toBe(true);
        }
      });
    }
  }

  it('shows the no-value grey only when an area has no value', () => {
    expect(mapLegend(maps[0]![1], 'higher_is_better').noValue).toBe(false);
    expect(mapLegend(maps[1]![1], 'higher_is_better').noValue).toBe(true);
  });

  it('paints cities with different values in different colours', () => {
    const map = maps[0]![1];
    const legend = mapLegend(map, 'higher_is_better');
    expect(new Set(map.items.map((i) => itemColour(i, legend, 'light'))).size).toBe(3);
  });
});
