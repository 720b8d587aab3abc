import type { CockpitMap, CockpitMapItem, TargetDirection, TargetStatus } from '@chuangcheng/core';
import { NO_VALUE_COLOUR, scaleColour, valueScale, type ValueScale } from './colour-scale.ts';
import { statusPalette, targetStatuses } from './status.ts';
import type { CockpitTheme } from './theme.ts';

/**
 * What a cockpit map's legend shows, derived from the same data as its colours so the two cannot
 * disagree: the status swatches when coloured by a target, otherwise the value range's gradient
 * and, when an area has no value, the grey swatch for it.
 */
export interface MapLegend {
  /** Status swatches (colouring by a target), in legend order. */
  statuses: readonly TargetStatus[];
  /** The value range (colouring by an indicator), null when no area has a value. */
  scale: ValueScale | null;
  /** Whether some area has no value and is painted grey. */
  noValue: boolean;
}

export function mapLegend(map: CockpitMap, direction: TargetDirection): MapLegend {
  if (map.target !== null) return { statuses: targetStatuses, scale: null, noValue: false };
  return {
    statuses: [],
    scale: valueScale(
      map.items.map((i) => i.value),
      direction,
    ),
    noValue: map.items.some((i) => i.value === null || !Number.isFinite(i.value)),
  };
}

/** Colour of one child region: its status when colouring by a target, its value's place in the range otherwise. */
export function itemColour(item: CockpitMapItem, legend: MapLegend, theme: CockpitTheme): string {
  // An area without a status on a status map is "no data", in the theme's grey for it.
  if (legend.statuses.length > 0) return statusPalette(item.status ?? 'no_data', theme).fill;
  return scaleColour(item.value, legend.scale);
}

/** The colour of the legend's swatch for areas without a value. */
export const noValueColour = NO_VALUE_COLOUR;
