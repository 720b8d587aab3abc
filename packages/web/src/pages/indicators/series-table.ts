import { comparePeriods, type IndicatorSeries, type SeriesPoint } from '@chuangcheng/core';

/** One row of the table behind the indicator chart: one region in one period. */
export interface SeriesRow {
  key: string;
  regionCode: string;
  regionName: string;
  point: SeriesPoint;
}

/** Every period any region has, in time order. */
export function seriesPeriods(series: IndicatorSeries): string[] {
  const periods = new Set(series.regions.flatMap((r) => r.points.map((p) => p.period)));
  return [...periods].sort(comparePeriods);
}

/** The rows of the table: region by region (the region first, then its children), periods in order. */
export function seriesRows(series: IndicatorSeries): SeriesRow[] {
  return series.regions.flatMap(({ region, points }) =>
    [...points]
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((point) => ({
        key: `${region.code}/${point.period}`,
        regionCode: region.code,
        regionName: region.name,
        point,
      })),
  );
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as CSV with a byte-order mark, so that Excel opens the Chinese names correctly.
 * Missing values stay empty, never 0.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
