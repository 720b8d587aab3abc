import { decimalYear, periodTime, type SeriesPoint } from '@chuangcheng/core';

/** Axis bounds that keep every figure and the target in view, padded by a tenth of the span. */
export function valueExtent(values: readonly (number | null)[]): { min: number; max: number } | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  const low = Math.min(...present);
  const high = Math.max(...present);
  const pad = high === low ? Math.max(Math.abs(high) * 0.1, 1) : (high - low) * 0.1;
  return { min: low - pad, max: high + pad };
}

/** The observed points on the time axis (decimal years at each period's end), gaps left out. */
export function observedPoints(series: readonly SeriesPoint[]): [number, number][] {
  return series.flatMap((point) => (point.value === null ? [] : [[periodTime(point.period), point.value]]));
}

/**
 * The forecast as a segment from the last observed point to the deadline; none without a
 * forecast, without observations, or when the last observation is already at the deadline.
 */
export function forecastSegment(
  observed: readonly [number, number][],
  deadline: string,
  forecast: number | null,
): [number, number][] {
  const last = observed[observed.length - 1];
  if (forecast === null || !last) return [];
  const end = decimalYear(deadline);
  return last[0] >= end ? [] : [last, [end, forecast]];
}

interface SparklineInput {
  series: readonly SeriesPoint[];
  deadline: string;
  targetValue: number | null;
  forecast: number | null;
  colour: string;
  /** Text and axis colour (the display wall is dark). */
  ink: string;
  labels: { value: string; target: string; forecast: string };
  formatValue: (value: number) => string;
}

/** A small line of the observations, the target as a dashed line, and the forecast dotted to the deadline. */
export function sparklineOption(input: SparklineInput): object {
  const observed = observedPoints(input.series);
  const forecast = forecastSegment(observed, input.deadline, input.forecast);
  const first = observed[0]?.[0] ?? decimalYear(input.deadline) - 1;
  const extent = valueExtent([...observed.map((p) => p[1]), input.targetValue, input.forecast]);
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 8, bottom: 4 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: number) => input.formatValue(value),
    },
    xAxis: { type: 'value', show: false, min: first, max: Math.max(decimalYear(input.deadline), first) },
    yAxis: { type: 'value', show: false, min: extent?.min, max: extent?.max },
    series: [
      {
        name: input.labels.value,
        type: 'line',
        data: observed,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color: input.colour, width: 2 },
        itemStyle: { color: input.colour },
        markLine:
          input.targetValue === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: input.ink, type: 'dashed', width: 1 },
                data: [{ yAxis: input.targetValue, name: input.labels.target }],
              },
      },
      {
        name: input.labels.forecast,
        type: 'line',
        data: forecast,
        symbol: 'none',
        lineStyle: { color: input.colour, type: 'dotted', width: 2 },
      },
    ],
  };
}
