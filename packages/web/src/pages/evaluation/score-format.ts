/**
 * How scores are written on the evaluation pages: points with at most two decimals, the score
 * rate (得分率) as a percentage with one decimal, and signed differences. A missing figure is a
 * dash, never 0, because "not scored" and "scored nothing" mean different things to an office.
 */

/** Points rounded to two decimals, trailing zeros dropped: 12.5, 40, 3.25. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Score rate = points / maximum; null when the maximum is zero or unknown. */
export function scoreRate(points: number | null | undefined, maxPoints: number | null | undefined): number | null {
  if (points === null || points === undefined || !maxPoints) return null;
  return points / maxPoints;
}

/** A ratio (0.853) as a percentage with one decimal ("85.3%"). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A difference with its sign: "+1.5", "−2", "0"; a dash when either side is missing. */
export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 100) / 100;
  if (rounded === 0) return '0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** Difference of a rate in percentage points, one decimal: "+2.4 pp" is written by the caller. */
export function rateDeltaPoints(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1000) / 10;
}
