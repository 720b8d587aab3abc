import type { TargetDirection } from '@chuangcheng/core';

/** From worse to better: red, amber, green, as the status colours. */
const worseToBetter = ['#f5222d', '#faad14', '#73d13d'] as const;
/** The grey of an area or tile without a value (the map's legend shows it when one is there). */
export const NO_VALUE_COLOUR = '#d9d9d9';
const noValue = NO_VALUE_COLOUR;

type Rgb = [number, number, number];

function parse(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(a: string, b: string, share: number): string {
  const [from, to] = [parse(a), parse(b)];
  return toHex([0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * share) as Rgb);
}

export interface ValueScale {
  min: number;
  max: number;
  direction: TargetDirection;
}

/** The range of the values present (nulls ignored); null when there is none. */
export function valueScale(values: readonly (number | null)[], direction: TargetDirection): ValueScale | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  return { min: Math.min(...present), max: Math.max(...present), direction };
}

/**
 * Colour of a value within its scale: the best value green, the worst red, amber half way,
 * mixed linearly between. "Best" follows the direction, so the lowest PM2.5 is green.
 * A scale of one value (min = max) colours it green; no value is grey.
 */
export function scaleColour(value: number | null, scale: ValueScale | null): string {
  if (value === null || !Number.isFinite(value) || !scale) return noValue;
  const span = scale.max - scale.min;
  let share = span === 0 ? 1 : (value - scale.min) / span;
  share = Math.min(1, Math.max(0, share));
  if (scale.direction === 'lower_is_better') share = 1 - share;
  const [worst, middle, best] = worseToBetter;
  return share <= 0.5 ? mix(worst, middle, share * 2) : mix(middle, best, (share - 0.5) * 2);
}

/** The gradient of a scale's legend, from its minimum (left) to its maximum (right). */
export function scaleGradient(direction: TargetDirection): string {
  const stops = direction === 'lower_is_better' ? [...worseToBetter].reverse() : worseToBetter;
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Text colour that stays readable on a background: white or near-black, whichever has the higher
 * WCAG contrast with it (so a mid-tone fill gets the better of the two, not a fixed threshold's).
 */
export function readableText(background: string): string {
  const linear = parse(background).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  // #1f1f1f has a relative luminance of 0.0137; white's is 1.
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / (0.0137 + 0.05);
  return onDark > onWhite ? '#1f1f1f' : '#ffffff';
}
