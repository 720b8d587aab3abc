import type { CaseMap, CaseStatsRow } from '@chuangcheng/core';
import type { Translate } from '../../i18n/I18nProvider.tsx';

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/**
 * Cases and closed cases as bars (left axis), 结案率 and 按期结案率 as lines in percent (right
 * axis), one category per row: region, unit, category or month.
 */
export function statsChartOption(rows: CaseStatsRow[], t: Translate): object {
  const names = rows.map((row) => row.name);
  return {
    animationDuration: 300,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: names.length > 8 ? 35 : 0, interval: 0 } },
    yAxis: [
      { type: 'value', name: t('case.stats.cases'), minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: t('case.stats.cases'), type: 'bar', data: rows.map((row) => row.cases), itemStyle: { color: '#8fa8d6' } },
      {
        name: t('case.stats.closed'),
        type: 'bar',
        data: rows.map((row) => row.closed),
        itemStyle: { color: '#1f4e9c' },
      },
      {
        name: t('case.stats.closureRate'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((row) => percent(row.closureRate)),
        itemStyle: { color: '#389e0d' },
      },
      {
        name: t('case.stats.onTimeRate'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((row) => percent(row.onTimeRate)),
        itemStyle: { color: '#d48806' },
      },
    ],
  };
}

/**
 * Open cases on the region's map: child regions coloured by their open cases (a heat map by
 * area), and each located case as a point, overdue ones red.
 */
/** The least upper end of the case map's colour scale. */
const SCALE_FLOOR = 5;

export function caseMapOption(map: CaseMap, mapName: string, t: Translate): object {
  // The scale runs from 0 to the most open cases in an area, but never ends below SCALE_FLOOR: a
  // single case is not painted in the "many" red. Its ends are labelled with their numbers, so
  // the legend says what each colour counts.
  const most = Math.max(SCALE_FLOOR, ...map.byRegion.map((row) => row.open));
  const point = (overdue: boolean) =>
    map.points.filter((p) => p.overdue === overdue).map((p) => ({ name: p.number, value: [p.lng, p.lat, 1] }));
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: [t('case.map.open'), t('case.map.overdue')] },
    geo: { map: mapName, roam: true, itemStyle: { borderColor: '#8c9bb5' }, label: { show: false } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: most,
      seriesIndex: 0,
      left: 8,
      bottom: 32,
      text: [t('case.map.many', { count: most }), t('case.map.few')],
      inRange: { color: ['#f0f4fa', '#f5b041', '#c0392b'] },
      calculable: true,
    },
    series: [
      {
        name: t('case.map.byArea'),
        type: 'map',
        geoIndex: 0,
        data: map.byRegion.map((row) => ({ name: row.regionName, value: row.open })),
      },
      {
        name: t('case.map.open'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 6,
        itemStyle: { color: '#1f4e9c' },
        data: point(false),
      },
      {
        name: t('case.map.overdue'),
        type: 'scatter',
        coordinateSystem: 'geo',
        symbolSize: 7,
        itemStyle: { color: '#cf1322' },
        data: point(true),
      },
    ],
  };
}
