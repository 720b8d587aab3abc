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
 * Colour of a case's deadline: red when overdue, yellow when less than a quarter of the time
 * from report to deadline remains, else green. A paused clock keeps its colour at the pause.
 */
export function deadlineColour(now: Date, createdAt: Date, deadline: Date): 'green' | 'yellow' | 'red' {
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'red';
  const total = deadline.getTime() - createdAt.getTime();
  return left < total / 4 ? 'yellow' : 'green';
}

export type CaseCounts = {
  due: number;
  closed: number;
  closedOnTime: number;
  verified: number;
  reworked: number;
  closedHoursSum: number;
  ratingSum: number;
  ratings: number;
};

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/**
 * The evaluation rates from counts. 结案率 = closed / due (应结案); 按期结案率 = closed on time /
 * due; 返工率 = cases that failed a verification / cases verified at least once; average
 * handling hours over closed cases; mean satisfaction over ratings. Rates are fractions
 * rounded to four places, null when their denominator is zero.
 */
export function caseRates(c: CaseCounts) {
  return {
    closureRate: ratio(c.closed, c.due),
    onTimeRate: ratio(c.closedOnTime, c.due),
    reworkRate: ratio(c.reworked, c.verified),
    avgHandlingHours: c.closed > 0 ? Math.round((c.closedHoursSum / c.closed) * 10) / 10 : null,
    satisfaction: c.ratings > 0 ? Math.round((c.ratingSum / c.ratings) * 100) / 100 : null,
  };
}
