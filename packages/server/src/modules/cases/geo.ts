import fs from 'node:fs/promises';
import path from 'node:path';
import { pointInGeometry, type PolygonGeometry } from '@chuangcheng/core';
import { REPO_ROOT } from '../../config.ts';

/**
 * Resolves the prefecture of a point from the province's prefecture outlines in data/geo/
 * (`<province code>.json`, GeoJSON, see data/geo/README.md). The outlines are coarse, so they
 * decide the prefecture only; streets and communities are chosen by the reporter.
 */
type Outline = { code: string; geometry: PolygonGeometry };
const cache = new Map<string, Promise<Outline[] | null>>();

function outlines(provinceCode: string): Promise<Outline[] | null> {
  let pending = cache.get(provinceCode);
  if (!pending) {
    pending = fs
      .readFile(path.join(REPO_ROOT, 'data', 'geo', `${provinceCode}.json`), 'utf8')
      .then((text) => {
        const json = JSON.parse(text) as { features: { properties: { code: string }; geometry: PolygonGeometry }[] };
        return json.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
      })
      .catch(() => null);
    cache.set(provinceCode, pending);
  }
  return pending;
}

/**
 * The prefecture code containing the point; `null` when the point lies in none of them;
 * `undefined` when the province has no outlines installed (then the reporter must choose).
 */
export async function prefectureOfPoint(provinceCode: string, lat: number, lng: number) {
  const list = await outlines(provinceCode);
  if (!list) return undefined;
  return list.find((o) => pointInGeometry(lng, lat, o.geometry))?.code ?? null;
}
