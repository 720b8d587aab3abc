import { workingMinutesBetween, type WorkingCalendar } from './working-time.ts';

/**
 * Pure helpers for problem cases: distance for duplicate suggestions, the point-in-polygon
 * test that resolves a prefecture from a location, deadline colours, and the rates of the
 * 数字城管 evaluation (结案率, 按期结案率, 返工率) from counts.
 */

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A latitude/longitude box that contains every point within `metres` of the centre, so that
 * a database can narrow candidates with an index before the exact distance test.
 */
export function boundingBox(centre: { lat: number; lng: number }, metres: number) {
  const dLat = (metres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(rad(centre.lat)), 0.01);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

type Ring = readonly (readonly number[])[];
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: readonly Ring[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] };

function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lng: number, lat: number, rings: readonly Ring[]): boolean {
  if (rings.length === 0 || !inRing(lng, lat, rings[0]!)) return false;
  return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
}

/** GeoJSON point-in-polygon (even-odd rule, holes respected); coordinates are [lng, lat]. */
export function pointInGeometry(lng: number, lat: number, geometry: PolygonGeometry): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lng, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lng, lat, polygon));
}

/**
 * Colour of a case's deadline: red when overdue, yellow when less than a quarter of the working
 * time from the clock's start to the deadline remains, else green. Measured in working time like
 * the deadline itself, so a 4-working-hour case with 30 working minutes left is yellow on a Sunday
 * too. A paused clock is judged at the moment it stopped (the caller passes that moment as `now`).
 */
export function deadlineColour(
  calendar: WorkingCalendar,
  now: Date,
  start: Date,
  deadline: Date,
): 'green' | 'yellow' | 'red' {
  if (now.getTime() > deadline.getTime()) return 'red';
  const left = workingMinutesBetween(calendar, now, deadline);
  const total = workingMinutesBetween(calendar, start, deadline);
  return left * 4 < total ? 'yellow' : 'green';
}

export type CaseCounts = {
  due: number;
  closed: number;
  closedOnTime: number;
  verified: number;
  reworked: number;
  closedHoursSum: number;
  /** Working minutes from report to closing, pauses excluded, summed over closed cases that record them. */
  closedWorkingMinutesSum: number;
  /** Closed cases that record their working handling time (cases closed before it was kept do not); default: closed. */
  closedTimed?: number;
  ratingSum: number;
  ratings: number;
};

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
const mean = (sum: number, n: number, places: number) =>
  n > 0 ? Math.round((sum / n) * 10 ** places) / 10 ** places : null;

/**
 * The evaluation rates from counts (definitions in CASE_STATS_DEFINITIONS). Rates are fractions
 * rounded to four places, null when their denominator is zero.
 */
export function caseRates(c: CaseCounts) {
  return {
    closureRate: ratio(c.closed, c.due),
    onTimeRate: ratio(c.closedOnTime, c.due),
    reworkRate: ratio(c.reworked, c.verified),
    avgHandlingHours: mean(c.closedHoursSum, c.closed, 1),
    avgHandlingWorkingHours: mean(c.closedWorkingMinutesSum / 60, c.closedTimed ?? c.closed, 1),
    satisfaction: mean(c.ratingSum, c.ratings, 2),
  };
}
